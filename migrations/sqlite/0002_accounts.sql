-- Accounts, the credit ledger, sessions, single-use tokens and the mail outbox.

alter table tenant_settings add column signup_limit_per_ip bigint not null default 3
    check (signup_limit_per_ip between 0 and 1000);
alter table tenant_settings add column bonus_requires_verified_email boolean not null default false;

-- Users of a tenant (tenant_id set) and platform accounts (super-admins: tenant_id null).
create table users (
    id blob primary key not null,
    tenant_id blob references tenants (id) on delete cascade,
    email text not null check (email = lower(email)),
    name text not null default '',
    password_hash text not null,
    role text not null check (role in ('user', 'tenant_admin', 'super_admin')),
    balance bigint not null default 0 check (balance >= 0),
    held bigint not null default 0 check (held >= 0 and held <= balance),
    email_verified_at bigint,
    -- The sign-up bonus waits for a verified address when the tenant asks for that.
    bonus_pending boolean not null default false,
    disabled_at bigint,
    signup_ip text not null default '',
    created_at bigint not null,
    updated_at bigint not null,
    check ((tenant_id is null) = (role = 'super_admin'))
);
create unique index users_tenant_email on users (tenant_id, email) where tenant_id is not null;
create unique index users_platform_email on users (email) where tenant_id is null;
create index users_tenant_created on users (tenant_id, created_at);
create index users_signup_ip on users (tenant_id, signup_ip, created_at);

-- Append-only: every change to a balance is one row here, in the same transaction.
create table credit_ledger (
    id blob primary key not null,
    tenant_id blob not null references tenants (id) on delete cascade,
    user_id blob not null references users (id) on delete cascade,
    delta bigint not null check (delta <> 0),
    reason text not null
        check (reason in ('signup_bonus', 'purchase', 'generation', 'admin_adjustment')),
    reference text not null default '',
    actor_id blob references users (id) on delete set null,
    created_at bigint not null
);
create index credit_ledger_user on credit_ledger (user_id, created_at);
create index credit_ledger_tenant on credit_ledger (tenant_id, created_at);

-- Server-side sessions. Only a SHA-256 of the cookie's value is stored.
create table sessions (
    id_hash text primary key not null,
    tenant_id blob references tenants (id) on delete cascade,
    user_id blob references users (id) on delete cascade,
    csrf_token text not null,
    created_at bigint not null,
    last_seen_at bigint not null,
    expires_at bigint not null
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

-- Single-use links (password reset, address verification). Only a hash is stored.
create table auth_tokens (
    token_hash text primary key not null,
    user_id blob not null references users (id) on delete cascade,
    purpose text not null check (purpose in ('password_reset', 'email_verification')),
    expires_at bigint not null,
    used_at bigint,
    created_at bigint not null
);
create index auth_tokens_user on auth_tokens (user_id, purpose);

-- Mail waits here until an SMTP server has accepted it.
create table mail_outbox (
    id blob primary key not null,
    tenant_id blob references tenants (id) on delete set null,
    to_address text not null,
    from_name text not null,
    subject text not null,
    body_text text not null,
    body_html text not null,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts bigint not null default 0,
    next_attempt_at bigint not null,
    locked_until bigint,
    last_error text not null default '',
    created_at bigint not null,
    sent_at bigint
);
create index mail_outbox_due on mail_outbox (status, next_attempt_at);
