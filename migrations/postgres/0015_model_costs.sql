-- A site's own price per model, where it differs from the catalogue's: a JSON object of
-- model id to credits.
alter table tenant_settings add column model_costs text not null default '{}';
