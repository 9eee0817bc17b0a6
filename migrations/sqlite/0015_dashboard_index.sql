-- The admin dashboard counts a tenant's jobs of the last 30 days by day and state and sums
-- their cost: with these columns in the index it never reads the jobs themselves. It starts
-- with (tenant_id, created_at), so it serves every query jobs_tenant served, which goes
-- rather than be kept up to date on every job write for nothing.
create index jobs_tenant_day on jobs (tenant_id, created_at, status, cost);
drop index jobs_tenant;
