-- Buying credits by UPI: the packs a tenant sells, the payment requests users make, the
-- bank-statement column mapping each tenant uses, and the audit log of admins' decisions.
-- Money is in paise (integers).

create table credit_packs (
    id uuid primary key,
    tenant_id uuid not null references tenants (id) on delete cascade,
    credits bigint not null check (credits between 1 and 100000),
    price_paise bigint not null check (price_paise between 100 and 10000000),
    position bigint not null,
    active boolean not null default true,
    created_at bigint not null,
    updated_at bigint not null
);
create index credit_packs_tenant on credit_packs (tenant_id, position);

-- A request keeps what the buyer was shown when they paid (credits, price, the UPI ID and
-- payee name), so a later change to the pack or the payee alters nothing already asked for
-- and the receipt names where the money went. Deleting an account clears user_id; that
-- deletion must blank user_email too, so the row keeps the money and not the person.
create table payment_requests (
    id uuid primary key,
    tenant_id uuid not null references tenants (id) on delete cascade,
    user_id uuid references users (id) on delete set null,
    user_email text not null,
    pack_id uuid not null references credit_packs (id),
    credits bigint not null check (credits > 0),
    amount_paise bigint not null check (amount_paise > 0),
    reference text not null,
    payee_vpa text not null,
    payee_name text not null,
    utr text not null check (length(utr) = 12),
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    reason text not null default '',
    created_at bigint not null,
    decided_at bigint,
    decided_by uuid references users (id) on delete set null,
    check ((status = 'pending') = (decided_at is null))
);
-- A UTR counts once per tenant while it is pending or approved: a unique index, not a check,
-- so two submissions at the same moment cannot both pass.
create unique index payment_requests_live_utr on payment_requests (tenant_id, utr)
    where status in ('pending', 'approved');
create index payment_requests_desk on payment_requests (tenant_id, status, created_at, id);
create index payment_requests_recent on payment_requests (tenant_id, created_at, id);
create index payment_requests_user on payment_requests (user_id, created_at);
create index payment_requests_reference on payment_requests (tenant_id, reference);
-- Every UTR's history in the tenant (earlier rejections), and the relations deletes walk.
create index payment_requests_utr on payment_requests (tenant_id, utr);
create index payment_requests_pack on payment_requests (pack_id);
create index payment_requests_decided_by on payment_requests (decided_by);

-- How a tenant's bank statement is laid out (JSON of the column mapping), remembered.
create table statement_mappings (
    tenant_id uuid primary key references tenants (id) on delete cascade,
    mapping text not null,
    updated_at bigint not null
);

-- Who did what, when, from where: admins' decisions on money and settings. Append-only.
create table audit_log (
    id uuid primary key,
    tenant_id uuid references tenants (id) on delete cascade,
    actor_id uuid references users (id) on delete set null,
    actor_email text not null,
    action text not null,
    subject text not null default '',
    before_state text not null default '',
    after_state text not null default '',
    address text not null default '',
    created_at bigint not null
);
create index audit_log_tenant on audit_log (tenant_id, created_at, id);
create index audit_log_actor on audit_log (actor_id);
