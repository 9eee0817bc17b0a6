-- One tenant ("big") with 100,000 people, 1,000,000 jobs over a year and 100,000 payment
-- requests, beside a small one, for reading the admin jobs list's and the platform usage
-- page's query plans (docs/PERFORMANCE.md, "The admin's jobs list"). On a scratch database
-- with every migration applied:
--   for f in migrations/sqlite/*.sql; do sqlite3 /tmp/scale.db < "$f"; done
--   sqlite3 /tmp/scale.db < bench/admin_jobs/seed-sqlite.sql
-- Jobs: 91% succeeded, 5% failed, 3% canceled, 1.5% queued, 0.5% running; models 70/25/5%.
pragma journal_mode = wal;
pragma synchronous = off;
insert into tenants (id, slug, status, created_at, updated_at) values
  (x'00000000000000000000000000000001', 'big', 'active', 0, 0),
  (x'00000000000000000000000000000002', 'small', 'active', 0, 0);
create temp table n(i integer primary key);
with recursive c(i) as (select 1 union all select i + 1 from c where i < 1000000)
  insert into n select i from c;
insert into users (id, tenant_id, email, password_hash, role, balance, created_at, updated_at)
  select randomblob(16), x'00000000000000000000000000000001', 'u' || i || '@example.com', 'x',
    'user', 100, 1700000000000 + i * 1000, 0 from n where i <= 100000;
insert into users (id, tenant_id, email, password_hash, role, balance, created_at, updated_at)
  select randomblob(16), x'00000000000000000000000000000002', 'u' || i || '@example.com', 'x',
    'user', 100, 1700000000000 + i * 1000, 0 from n where i <= 1000;
create temp table big_users as select row_number() over (order by id) as k, id from users
  where tenant_id = x'00000000000000000000000000000001';
create index big_users_k on big_users (k);
-- The person depends on i, so the subquery runs per row: about 10 jobs each.
insert into jobs (id, tenant_id, user_id, prompt, model, width, height, seed, status, cost,
    attempts, max_attempts, deadline_at, error, worker_id, created_at, started_at, finished_at,
    updated_at)
  select randomblob(16), x'00000000000000000000000000000001',
    (select id from big_users where k = 1 + (n.i * 7919) % 100000), 'a prompt',
    case when i % 20 = 0 then 'flux' when i % 4 = 0 then 'sdxl' else 'demo-abstract' end,
    512, 512, i,
    case when i % 200 = 0 then 'running' when i % 67 = 0 then 'queued'
      when i % 33 = 0 then 'canceled' when i % 20 = 1 then 'failed' else 'succeeded' end,
    1, 1, 3, 0, '', 'embedded-0-0', 1735000000000 + i * 31536,
    1735000000000 + i * 31536 + 100, 1735000000000 + i * 31536 + 5000, 0 from n;
insert into jobs (id, tenant_id, user_id, prompt, model, width, height, seed, status, cost,
    attempts, max_attempts, deadline_at, error, worker_id, created_at, updated_at)
  select randomblob(16), x'00000000000000000000000000000002',
    (select id from users where tenant_id = x'00000000000000000000000000000002' limit 1),
    'a prompt', 'demo-abstract', 512, 512, i, 'succeeded', 1, 1, 3, 0, '', 'w',
    1735000000000 + i * 3153600, 0 from n where i <= 10000;
insert into credit_packs (id, tenant_id, credits, price_paise, position, active, created_at, updated_at)
  values (x'000000000000000000000000000000aa', x'00000000000000000000000000000001', 100, 9900, 1, 1, 0, 0);
insert into payment_requests (id, tenant_id, user_id, user_email, pack_id, credits, amount_paise,
    reference, payee_vpa, payee_name, utr, status, created_at, decided_at)
  select randomblob(16), x'00000000000000000000000000000001', null, 'x@example.com',
    x'000000000000000000000000000000aa', 100, 9900, 'R' || i, 'a@b', 'B', printf('%012d', i),
    case when i % 10 = 0 then 'rejected' when i % 50 = 1 then 'pending' else 'approved' end,
    1735000000000 + i * 315360,
    case when i % 50 = 1 then null else 1735000000000 + i * 315360 end
  from n where i <= 100000;
analyze;
