//! The tenant admin console (`/admin` on a tenant's site) and the platform console
//! (`/platform` on the platform host).

mod payments;
mod platform;
mod users;

use axum::response::Redirect;

use crate::routes::Routes;

pub(crate) use payments::upload_limit;

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/admin", || async { Redirect::to("/admin/users") })
        .get("/admin/users", users::list)
        .post("/admin/users/{id}/disable", users::disable)
        .post("/admin/users/{id}/enable", users::enable)
        .post("/admin/users/{id}/role", users::change_role)
        .get("/platform", platform::console)
        .post(
            "/platform/tenants/{slug}/admins",
            platform::add_tenant_admin,
        )
        .merge(payments::statement_routes())
}
