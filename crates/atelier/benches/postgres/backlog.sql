-- 20,000 queued jobs, 2,500 for each of seed.sql's eight users, with their holds.
insert into jobs (id, tenant_id, user_id, prompt, negative_prompt, model, width, height, seed,
    cost, max_attempts, deadline_at, created_at, updated_at)
select gen_random_uuid(), '00000000-0000-0000-0000-000000000001',
    ('00000000-0000-0000-0001-00000000000' || (1 + g % 8))::uuid, 'benchmark job', '',
    'demo-abstract', 64, 64, 1, 1, 3, 9999999999999, 1700000000000 + g, 1700000000000 + g
from generate_series(1, 20000) g;
update users set held = 2500, active_jobs = 2500;
