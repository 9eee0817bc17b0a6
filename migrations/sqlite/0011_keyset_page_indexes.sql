-- The history, the credit history and the admin's list of accounts page by keyset, newest
-- first by (created_at, id): each page reads on from the last row of the one before. With
-- id in the index the read walks it in that order and stops after a page; without it, rows
-- sharing a millisecond had to be fetched and sorted. Each index replaces its shorter
-- namesake, which served the same lookups and only cost writes.
drop index jobs_user;
create index jobs_user_keyset on jobs (user_id, created_at, id);
drop index credit_ledger_user;
create index credit_ledger_user_keyset on credit_ledger (user_id, created_at, id);
drop index users_tenant_created;
create index users_tenant_keyset on users (tenant_id, created_at, id);
