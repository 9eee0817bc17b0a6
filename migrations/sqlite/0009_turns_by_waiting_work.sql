-- The fair claim now finds the tenants and users with queued work through jobs_queued_user,
-- one seek each, and looks only those up in the turn tables by primary key. Walking the turn
-- tables in turn order instead looked at every idle tenant and user served earlier than the
-- ones with work (a tenant's 10,000 idle users took a claim from 0.12 ms to 7.4 ms). These
-- indexes served that walk; without them a claim's turn update writes no index entries.
drop index tenant_turns_order;
drop index user_turns_order;
