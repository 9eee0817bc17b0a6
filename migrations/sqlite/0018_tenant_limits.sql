-- A site's own limits set from its admin console: queued and running jobs per user (0 leaves
-- it to the platform's limit) and the words refused in prompts, one entry a line.
alter table tenant_settings add column active_jobs_per_user bigint not null default 0;
alter table tenant_settings add column prompt_blocklist text not null default '';
