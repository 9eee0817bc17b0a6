-- A claim moves its tenant and user to the back of the line in the claim statement itself
-- (crates/store/src/jobs/rounds.rs), once per tenant and user for a round of claims. The row
-- trigger did it once per job claimed, two statements each, and cost more than the rest of
-- the claim. Every claim on PostgreSQL is a round, so nothing else needs the trigger.
drop trigger jobs_claim_turn on jobs;
drop function jobs_claim_turn();
