-- Invitations: a first tenant admin or a new super-admin is created without a usable
-- password and mailed a single-use link to choose one. The link is an auth token of its own
-- purpose, so a password-reset request neither ends it nor is ended by it.

alter table auth_tokens drop constraint auth_tokens_purpose_check;
alter table auth_tokens add constraint auth_tokens_purpose_check
    check (purpose in ('password_reset', 'email_verification', 'invitation'));
