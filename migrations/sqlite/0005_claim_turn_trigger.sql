-- A claim is a turn: the tenant and the user whose job starts go to the back of the line.
-- Kept by the database so a claim is one statement (one round trip, no transaction).
create trigger jobs_claim_turn after update of status on jobs
for each row when new.status = 'running' and old.status = 'queued'
begin
    update tenants set last_claim_at = new.started_at where id = new.tenant_id;
    update users set last_claim_at = new.started_at where id = new.user_id;
end;
