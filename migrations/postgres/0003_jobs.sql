-- The job queue, stored images, API tokens, and the turns that keep claiming fair.

alter table tenant_settings add column enabled_models text not null default '';
alter table tenants add column last_claim_at bigint not null default 0;
alter table users add column last_claim_at bigint not null default 0;

create table jobs (
    id uuid primary key,
    tenant_id uuid not null references tenants (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    prompt text not null,
    negative_prompt text not null default '',
    model text not null,
    width bigint not null check (width between 64 and 4096 and width % 8 = 0),
    height bigint not null check (height between 64 and 4096 and height % 8 = 0),
    seed bigint not null,
    status text not null default 'queued'
        check (status in ('queued', 'running', 'succeeded', 'failed', 'canceled')),
    -- Credits held while the job is queued or running, captured on success.
    cost bigint not null check (cost > 0),
    attempts bigint not null default 0,
    max_attempts bigint not null check (max_attempts between 1 and 10),
    deadline_at bigint not null,
    lease_token text,
    lease_expires_at bigint,
    worker_id text,
    -- Progress of the current attempt, in thousandths.
    progress bigint not null default 0 check (progress between 0 and 1000),
    error text not null default '',
    cancel_requested boolean not null default false,
    image_id uuid,
    created_at bigint not null,
    started_at bigint,
    finished_at bigint,
    updated_at bigint not null
);
create index jobs_queue on jobs (status, created_at);
create index jobs_user on jobs (user_id, created_at);
create index jobs_tenant on jobs (tenant_id, created_at);
create index jobs_lease on jobs (status, lease_expires_at);
create index jobs_deadline on jobs (status, deadline_at);

create table images (
    id uuid primary key,
    tenant_id uuid not null references tenants (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    job_id uuid not null unique references jobs (id) on delete cascade,
    width bigint not null,
    height bigint not null,
    bytes bigint not null,
    created_at bigint not null
);
create index images_user on images (user_id, created_at);

create table api_tokens (
    id uuid primary key,
    tenant_id uuid not null references tenants (id) on delete cascade,
    user_id uuid not null references users (id) on delete cascade,
    name text not null,
    token_hash text not null unique,
    created_at bigint not null,
    last_used_at bigint,
    revoked_at bigint
);
create index api_tokens_user on api_tokens (user_id, created_at);
