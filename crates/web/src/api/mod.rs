//! The JSON API, `/api/v1`, for people's own scripts: bearer tokens only (made on the
//! account page), never cookies, so it needs no CSRF token. Errors are always
//! `{"error": {"code", "message"}}` with a stable `code`. One file per action.

mod create_job;
mod error;
mod get_job;
mod list_jobs;
mod me;
mod models;

use atelier_domain::User;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::auth::SessionHandle;
use crate::routes::Routes;

pub(crate) use error::ApiError;

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/api/v1/jobs", list_jobs::list_jobs)
        .post("/api/v1/jobs", create_job::create_job)
        .get("/api/v1/jobs/{id}", get_job::get_job)
        .get("/api/v1/me", me::me)
        .get("/api/v1/models", models::models)
}

/// The token's account. The guard has already refused requests without an account, but
/// a session cookie alone never reaches the API: such a request is refused here, before
/// any other part of it (a path id, a query) is read.
pub(crate) struct ApiUser(pub User);

impl<S: Send + Sync> FromRequestParts<S> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<SessionHandle>()
            .filter(|session| session.is_bearer())
            .and_then(SessionHandle::user)
            .map(ApiUser)
            .ok_or_else(ApiError::unauthorized)
    }
}
