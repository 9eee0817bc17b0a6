-- Invitations: a first tenant admin or a new super-admin is created without a usable
-- password and mailed a single-use link to choose one. The link is an auth token of its own
-- purpose, so a password-reset request neither ends it nor is ended by it.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt.

create table auth_tokens_new (
    token_hash text primary key not null,
    user_id blob not null references users (id) on delete cascade,
    purpose text not null
        check (purpose in ('password_reset', 'email_verification', 'invitation')),
    expires_at bigint not null,
    used_at bigint,
    created_at bigint not null
);
insert into auth_tokens_new (token_hash, user_id, purpose, expires_at, used_at, created_at)
    select token_hash, user_id, purpose, expires_at, used_at, created_at from auth_tokens;
drop table auth_tokens;
alter table auth_tokens_new rename to auth_tokens;
create index auth_tokens_user on auth_tokens (user_id, purpose);
