-- Languages: the one a person chose (null follows the site and their browser), and a
-- site's default and offered languages (codes, comma-separated, the default among them).
alter table users add column language text;
alter table tenant_settings add column default_language text not null default 'en';
alter table tenant_settings add column languages text not null default 'en,hi';
