-- The least one job's trip can cost: insert, claim (SKIP LOCKED), finish; three commits.
\set now 1700000000000 + :client_id * 1000000 + random(1, 999999)
insert into q (id, status, created_at) values (gen_random_uuid(), 'queued', :now);
with c as (update q set status = 'running', lease = 'token' where status = 'queued' and id = (select id from q where status = 'queued' order by created_at, id limit 1 for update skip locked) returning id) select coalesce((select id::text from c), '00000000-0000-0000-0000-000000000000') as claimed \gset
update q set status = 'succeeded', finished_at = :now where id = :claimed::uuid and lease = 'token';
