-- The least a queue can be: one table, no credits, no images, no fairness.
create table q (id uuid primary key, status text not null, lease text, created_at bigint not null, finished_at bigint);
create index q_queued on q (created_at, id) where status = 'queued';
