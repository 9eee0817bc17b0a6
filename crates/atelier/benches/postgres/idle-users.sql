-- After seed.sql: 10,000 more users of the same tenant who signed up and never generated.
-- Their turns were never taken, so they stand first in line; a claim should not look at them.
insert into users (id, tenant_id, email, password_hash, role, created_at, updated_at)
select gen_random_uuid(), '00000000-0000-0000-0000-000000000001', 'idle' || g || '@example.com',
    'unused', 'user', 0, 0
from generate_series(1, 10000) g;
analyze users, user_turns;
