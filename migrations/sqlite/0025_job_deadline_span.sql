-- The time a job was given to finish (its deadline less its submission), kept apart from its
-- deadline: resuming a suspended site moves the deadline, not the time given, which the
-- job's failure reason states. 0 on rows written before this column (theirs is
-- deadline_at - created_at, which no resume has moved yet); filled in when first needed.
alter table jobs add column deadline_ms bigint not null default 0;
