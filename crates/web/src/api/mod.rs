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

/// Whether `path` belongs to the JSON API (its answers, errors included, are JSON).
pub(crate) fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Middleware around the whole application: every answer under `/api/` is JSON and never
/// stored by a cache. Errors made before an API handler ran (405 from the router, 413 from
/// the body limit, a timeout) come as plain text; they are answered again as the API's
/// `{"error": {"code", "message"}}` with the same status and headers (`Allow`, say).
pub(crate) async fn api_answers(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    use axum::response::IntoResponse;

    if !is_api_path(request.uri().path()) {
        return next.run(request).await;
    }
    let mut response = next.run(request).await;
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if (status.is_client_error() || status.is_server_error()) && !json {
        let (mut parts, _) = response.into_parts();
        let answer = ApiError::for_status(status).into_response();
        let (answer_parts, body) = answer.into_parts();
        parts.headers.remove(header::CONTENT_LENGTH);
        for (name, value) in &answer_parts.headers {
            parts.headers.insert(name.clone(), value.clone());
        }
        response = axum::response::Response::from_parts(parts, body);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

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
