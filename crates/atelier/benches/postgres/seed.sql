-- One tenant on the shared pool and eight users with plenty of credits.
insert into tenants (id, slug, created_at, updated_at)
values ('00000000-0000-0000-0000-000000000001', 'ceiling', 0, 0);
insert into tenant_settings (tenant_id, name, color_primary, color_accent, credit_name,
    credit_name_plural, signup_bonus, max_image_side, created_at, updated_at)
values ('00000000-0000-0000-0000-000000000001', 'Ceiling', '#000000', '#000000', 'credit',
    'credits', 0, 1024, 0, 0);
insert into users (id, tenant_id, email, password_hash, role, balance, created_at, updated_at)
select ('00000000-0000-0000-0001-00000000000' || g)::uuid, '00000000-0000-0000-0000-000000000001',
    'user' || g || '@example.com', 'unused', 'user', 100000000, 0, 0
from generate_series(1, 8) g;
