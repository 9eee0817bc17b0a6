-- The admin's list of a site's jobs pages by keyset, newest first by (created_at, id), and
-- filters by state, model, account and day. Each filter walks an index that starts with the
-- tenant and the filtered columns and ends with (created_at, id), so a page reads about as
-- many entries as it shows, whatever the site's million jobs. State and model together get
-- their own index: through either one alone, a pair with no jobs (failed on a model that
-- never fails) walked every job of that state, 140-560 ms at a million jobs. The account
-- filter uses jobs_user_keyset (an account belongs to one tenant). jobs_tenant gives way to
-- its longer namesake, which serves the same lookups and orders rows sharing a millisecond.
drop index jobs_tenant;
create index jobs_tenant_keyset on jobs (tenant_id, created_at, id);
create index jobs_tenant_status on jobs (tenant_id, status, created_at, id);
create index jobs_tenant_model on jobs (tenant_id, model, created_at, id);
create index jobs_tenant_status_model on jobs (tenant_id, status, model, created_at, id);
