-- The platform's rules as super-admins set them in the console (/platform/settings): one row,
-- absent until the first save (the server's settings file gives the rules until then). The
-- bounds are the domain's (PlatformRules::parse), kept here too so no write can pass them.
create table platform_settings (
    id bigint primary key check (id = 1),
    size_cap bigint not null check (size_cap between 64 and 4096 and size_cap % 8 = 0),
    deadline_secs bigint not null check (deadline_secs between 10 and 86400),
    max_attempts bigint not null check (max_attempts between 1 and 10),
    updated_at bigint not null
);
