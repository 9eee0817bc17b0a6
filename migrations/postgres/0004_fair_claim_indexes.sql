-- The fair claim walks tenants, then a tenant's users, then a user's queued jobs, each by
-- index, so a backlog of thousands of queued jobs costs no sort per claim.
create index jobs_tenant_status on jobs (tenant_id, status);
create index jobs_user_status on jobs (user_id, status, created_at);
create index users_tenant_last_claim on users (tenant_id, last_claim_at);
create index tenants_last_claim on tenants (last_claim_at);
