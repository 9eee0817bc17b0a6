-- How many of a user's jobs are queued or running, kept beside the hold it goes with. A
-- submission checks the cap on the user's row, which it locks anyway, instead of counting the
-- user's jobs: on PostgreSQL that makes a submission one statement, because a check on the
-- locked row is re-read after waiting for it, and a count in the same statement would not be.
alter table users add column active_jobs bigint not null default 0 check (active_jobs >= 0);
update users set active_jobs = (
    select count(*) from jobs where jobs.user_id = users.id and jobs.status in ('queued', 'running')
);
