-- Whose turn it is moves out of the tenants and users rows into tables of its own. Holds,
-- captures and foreign-key checks lock those rows all the time; a claim that had to update
-- them waited for each of those transactions to commit, so the workers of a busy tenant
-- started one job per commit.
create table tenant_turns (
    tenant_id uuid primary key references tenants (id) on delete cascade,
    last_claim_at bigint not null default 0
);
create index tenant_turns_order on tenant_turns (last_claim_at, tenant_id);

create table user_turns (
    user_id uuid primary key references users (id) on delete cascade,
    tenant_id uuid not null,
    last_claim_at bigint not null default 0
);
create index user_turns_order on user_turns (tenant_id, last_claim_at, user_id);

insert into tenant_turns (tenant_id, last_claim_at) select id, last_claim_at from tenants;
insert into user_turns (user_id, tenant_id, last_claim_at)
select id, tenant_id, last_claim_at from users where tenant_id is not null;

-- Every tenant and every user of a tenant has a turn from the start: the claim walks these
-- tables, so one without a row would never be served.
create function tenants_add_turn() returns trigger language plpgsql as $$
begin
    insert into tenant_turns (tenant_id) values (new.id);
    return null;
end
$$;
create trigger tenants_add_turn after insert on tenants
for each row execute function tenants_add_turn();

create function users_add_turn() returns trigger language plpgsql as $$
begin
    insert into user_turns (user_id, tenant_id) values (new.id, new.tenant_id);
    return null;
end
$$;
create trigger users_add_turn after insert on users
for each row when (new.tenant_id is not null) execute function users_add_turn();

-- Claims of the same tenant run side by side. One that finds a turn row locked leaves it:
-- the claim holding it started a job of the same tenant (or user) a moment ago and is
-- writing that moment, and turns only need to order tenants and users, not count jobs.
create or replace function jobs_claim_turn() returns trigger language plpgsql as $$
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

drop index users_tenant_last_claim;
drop index tenants_last_claim;
alter table users drop column last_claim_at;
alter table tenants drop column last_claim_at;

-- The jobs indexes follow the queries. A job is inserted once and updated about twice, and
-- every update writes a new entry into every full index, so the indexes of the queue hold
-- only the jobs in the states the queries look for: an index of queued jobs stays as small as
-- the queue, and its entries are not walked past again once the jobs move on.
drop index jobs_queue;
drop index jobs_lease;
drop index jobs_deadline;
drop index jobs_tenant_status;
drop index jobs_user_status;
-- Queue position and the claim of any queued job.
create index jobs_queued on jobs (created_at, id) where status = 'queued';
-- The fair claim: whether a tenant, then a user, has queued work, then that user's oldest job.
create index jobs_queued_user on jobs (tenant_id, user_id, created_at, id) where status = 'queued';
-- The cap on active jobs, the holds and the jobs in flight on the generate page.
create index jobs_active_user on jobs (user_id, created_at) where status in ('queued', 'running');
-- The reaper: leases that ran out, deadlines that passed.
create index jobs_running_lease on jobs (lease_expires_at) where status = 'running';
create index jobs_active_deadline on jobs (deadline_at) where status in ('queued', 'running');
-- Recent render times, for wait estimates.
create index jobs_succeeded on jobs (finished_at) where status = 'succeeded';
