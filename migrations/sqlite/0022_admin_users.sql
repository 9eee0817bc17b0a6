-- An admin's credit adjustment, by the one-time id its form carried: a second post of the
-- same form (a double-click, a retry after a slow answer) finds it here and writes nothing
-- more. The ledger row it wrote stays as it is; this keeps what the first post answered.
create table credit_adjustments (
    tenant_id blob not null references tenants (id) on delete cascade,
    id blob not null,
    user_id blob not null references users (id) on delete cascade,
    balance_before bigint not null,
    balance_after bigint not null,
    created_at bigint not null,
    primary key (tenant_id, id)
);

-- Deleted accounts (rows kept for the books), so the dashboard counts the people of a site
-- as the total less these without reading every account.
create index users_deleted on users (tenant_id) where password_hash = '!deleted';
