-- The admin's users search matches the start of an email address (through the unique
-- (tenant_id, email) index) or of a name, capitals ignored: this index serves the name side,
-- so a search among 100,000 accounts reads only those that match.
create index users_tenant_name_prefix on users (tenant_id, lower(name));
