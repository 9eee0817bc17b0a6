-- Remote workers (`atelier worker`), each with its own token, in one pool: the platform's
-- shared pool (tenant_id null) or one tenant's own. The token is stored as a SHA-256 only.
-- What the worker last said of itself (backend, models, version) and how it has fared
-- (jobs done and failed, failures in a row, recent render times) are kept on its row for the
-- fleet pages and for pausing a worker whose jobs keep failing.
create table workers (
    id uuid primary key,
    tenant_id uuid references tenants (id) on delete cascade,
    name text not null,
    token_hash text not null unique,
    created_at bigint not null,
    revoked_at bigint,
    state text not null default 'active' check (state in ('active', 'paused')),
    paused_reason text not null default '',
    paused_at bigint,
    -- Paused by the server itself (failures in a row, a backend that would not stop): the
    -- worker's own passing health check may resume it. An admin's pause waits for an admin.
    paused_auto boolean not null default false,
    failures_in_row bigint not null default 0 check (failures_in_row >= 0),
    jobs_done bigint not null default 0 check (jobs_done >= 0),
    jobs_failed bigint not null default 0 check (jobs_failed >= 0),
    recent_render_ms text not null default '[]',
    last_seen_at bigint,
    backend text not null default '',
    models text not null default '[]',
    version text not null default '',
    current_job uuid
);
create index workers_pool on workers (tenant_id, created_at, id);
