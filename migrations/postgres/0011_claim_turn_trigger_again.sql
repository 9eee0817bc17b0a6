-- The queue is plain again: a claim is one statement of its own, not part of a round (0010),
-- so the turns move as on SQLite, by a trigger when a job starts. A turn row that another
-- claim holds is left: that claim started a job of the same tenant (or user) a moment ago
-- and is writing that moment, and turns only order tenants and users, they do not count.
create function jobs_claim_turn() returns trigger language plpgsql as $$
begin
    update tenant_turns set last_claim_at = new.started_at
    where tenant_id = (select tenant_id from tenant_turns where tenant_id = new.tenant_id
                       for update skip locked);
    update user_turns set last_claim_at = new.started_at
    where user_id = (select user_id from user_turns where user_id = new.user_id
                     for update skip locked);
    return null;
end
$$;

create trigger jobs_claim_turn after update of status on jobs
for each row when (new.status = 'running' and old.status = 'queued')
execute function jobs_claim_turn();
