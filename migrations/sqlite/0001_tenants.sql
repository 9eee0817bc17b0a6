-- Tenants, the domains that reach them, and their settings.
-- Times are Unix milliseconds (UTC); ids are UUIDs stored as 16-byte blobs.

create table tenants (
    id blob primary key not null,
    slug text not null unique,
    status text not null default 'active' check (status in ('active', 'suspended')),
    created_at bigint not null,
    updated_at bigint not null
);

create table tenant_domains (
    id blob primary key not null,
    tenant_id blob not null references tenants (id) on delete cascade,
    domain text not null unique check (domain = lower(domain)),
    created_at bigint not null
);
create index tenant_domains_tenant_id on tenant_domains (tenant_id);

create table tenant_settings (
    tenant_id blob primary key not null references tenants (id) on delete cascade,
    name text not null check (length(name) between 1 and 80),
    tagline text not null default '',
    legal_name text not null default '',
    logo_url text not null default '',
    theme text not null default 'default',
    color_primary text not null,
    color_accent text not null,
    credit_name text not null,
    credit_name_plural text not null,
    signup_bonus bigint not null check (signup_bonus between 0 and 100000),
    max_image_side bigint not null check (max_image_side between 64 and 4096),
    support_email text not null default '',
    support_whatsapp text not null default '',
    upi_vpa text not null default '',
    upi_payee text not null default '',
    white_label_offer boolean not null default true,
    use_shared_pool boolean not null default true,
    created_at bigint not null,
    updated_at bigint not null
);
