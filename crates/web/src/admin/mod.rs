//! The tenant admin console (`/admin` on a tenant's site) and the platform console
//! (`/platform` on the platform host).

mod platform;
mod users;

use axum::response::Redirect;
use axum::routing::{get, post};
use axum::Router;

use crate::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin", get(|| async { Redirect::to("/admin/users") }))
        .route("/admin/users", get(users::list))
        .route("/admin/users/{id}/disable", post(users::disable))
        .route("/admin/users/{id}/enable", post(users::enable))
        .route("/admin/users/{id}/role", post(users::change_role))
        .route("/platform", get(platform::console))
        .route(
            "/platform/tenants/{slug}/admins",
            post(platform::add_tenant_admin),
        )
}
