-- The same people, jobs and payments as seed-sqlite.sql, for PostgreSQL. On a scratch
-- database with every migration applied:
--   for f in migrations/postgres/*.sql; do psql -q "$URL" -f "$f"; done
--   psql -q "$URL" -f bench/admin_jobs/seed-postgres.sql
set synchronous_commit = off;
insert into tenants (id, slug, status, created_at, updated_at) values
  ('00000000-0000-0000-0000-000000000001', 'big', 'active', 0, 0),
  ('00000000-0000-0000-0000-000000000002', 'small', 'active', 0, 0);
create temp table big_users as select i as k, gen_random_uuid() as id
  from generate_series(1, 100000) i;
insert into users (id, tenant_id, email, password_hash, role, balance, created_at, updated_at)
  select id, '00000000-0000-0000-0000-000000000001', 'u' || k || '@example.com', 'x', 'user',
    100, 1700000000000 + k * 1000, 0 from big_users;
insert into users (id, tenant_id, email, password_hash, role, balance, created_at, updated_at)
  select gen_random_uuid(), '00000000-0000-0000-0000-000000000002', 'u' || i || '@example.com',
    'x', 'user', 100, 1700000000000 + i * 1000, 0 from generate_series(1, 1000) i;
create index on big_users (k);
analyze big_users;
insert into jobs (id, tenant_id, user_id, prompt, model, width, height, seed, status, cost,
    attempts, max_attempts, deadline_at, error, worker_id, created_at, started_at, finished_at,
    updated_at)
  select gen_random_uuid(), '00000000-0000-0000-0000-000000000001', b.id, 'a prompt',
    case when i % 20 = 0 then 'flux' when i % 4 = 0 then 'sdxl' else 'demo-abstract' end,
    512, 512, i,
    case when i % 200 = 0 then 'running' when i % 67 = 0 then 'queued'
      when i % 33 = 0 then 'canceled' when i % 20 = 1 then 'failed' else 'succeeded' end,
    1, 1, 3, 0, '', 'embedded-0-0', 1735000000000 + i::bigint * 31536,
    1735000000000 + i::bigint * 31536 + 100, 1735000000000 + i::bigint * 31536 + 5000, 0
  from generate_series(1, 1000000) i join big_users b on b.k = 1 + (i::bigint * 7919) % 100000;
insert into jobs (id, tenant_id, user_id, prompt, model, width, height, seed, status, cost,
    attempts, max_attempts, deadline_at, error, worker_id, created_at, updated_at)
  select gen_random_uuid(), '00000000-0000-0000-0000-000000000002',
    (select id from users where tenant_id = '00000000-0000-0000-0000-000000000002' limit 1),
    'a prompt', 'demo-abstract', 512, 512, i, 'succeeded', 1, 1, 3, 0, '', 'w',
    1735000000000 + i::bigint * 3153600, 0 from generate_series(1, 10000) i;
insert into credit_packs values ('00000000-0000-0000-0000-0000000000aa',
  '00000000-0000-0000-0000-000000000001', 100, 9900, 1, true, 0, 0);
insert into payment_requests (id, tenant_id, user_id, user_email, pack_id, credits, amount_paise,
    reference, payee_vpa, payee_name, utr, status, created_at, decided_at)
  select gen_random_uuid(), '00000000-0000-0000-0000-000000000001', null, 'x@example.com',
    '00000000-0000-0000-0000-0000000000aa', 100, 9900, 'R' || i, 'a@b', 'B',
    lpad(i::text, 12, '0'),
    case when i % 10 = 0 then 'rejected' when i % 50 = 1 then 'pending' else 'approved' end,
    1735000000000 + i::bigint * 315360,
    case when i % 50 = 1 then null else 1735000000000 + i::bigint * 315360 end
  from generate_series(1, 100000) i;
analyze;
