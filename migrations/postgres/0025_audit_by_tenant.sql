-- A tenant's audit log is read newest first by id (UUIDv7, so by time), a page at a time:
-- (tenant_id, id) serves it as one range read backwards, where (tenant_id, created_at, id)
-- made the database walk the whole log.
drop index audit_log_tenant;
create index audit_log_tenant on audit_log (tenant_id, id);
