-- The admin's users search matches the start of an email address or of a name, capitals
-- ignored, as a range in byte order: the database's collation orders text for people, not
-- by prefix, so these two indexes are in the "C" collation the search compares in, and a
-- search among 100,000 accounts reads only those that match.
create index users_tenant_email_prefix on users (tenant_id, (email collate "C"));
create index users_tenant_name_prefix on users (tenant_id, (lower(name) collate "C"));
