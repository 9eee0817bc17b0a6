//! The JSON API, `/api/v1`, for people's own scripts: bearer tokens only (made on the
//! account page), never cookies, so it needs no CSRF token. Errors are always
//! `{"error": {"code", "message"}}` with a stable `code`. One file per action.

mod create_job;
mod error;
mod get_job;
mod list_jobs;
mod me;
mod models;

use atelier_domain::{Lang, User};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::SessionHandle;
use crate::routes::Routes;
use crate::tenancy::Site;
use crate::AppState;

pub(crate) use error::ApiError;

/// Whether `path` belongs to the JSON API (its answers, errors included, are JSON).
pub(crate) fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

tokio::task_local! {
    /// The language of the API request being answered: errors are made in extractors, the
    /// guard, the router and handlers alike, and none of them knows the reader.
    static READER: Lang;
}

/// The language an API error is said in: the request's, else English (an answer made by a
/// layer outside [`in_readers_language`], such as a timeout, before any site is known).
pub(crate) fn reader_language() -> Lang {
    READER.try_with(|lang| *lang).unwrap_or(Lang::En)
}

/// Middleware inside the site's layers: an API request's errors are said in the language of
/// the token's account when it chose one the site offers, else the best match of
/// `Accept-Language`, else the site's default (as pages are, by [`crate::language`]). The
/// worker API is read by machines and stays in English.
pub(crate) async fn in_readers_language(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if !is_api_path(path) || crate::worker_api::is_worker_path(path) {
        return next.run(request).await;
    }
    let lang = match request.extensions().get::<Site>() {
        Some(site) => {
            let user = request
                .extensions()
                .get::<SessionHandle>()
                .and_then(SessionHandle::user);
            crate::language::of_site(&state, site, user.as_ref(), request.headers())
        }
        None => Lang::En,
    };
    READER
        .scope(lang, async move { as_api_answer(next.run(request).await) })
        .await
}

/// Middleware around the whole application: every answer under `/api/` is JSON and never
/// stored by a cache. What a layer outside [`in_readers_language`] refused (a timeout, say)
/// is made the API's answer here, in English.
pub(crate) async fn api_answers(request: Request, next: Next) -> Response {
    use axum::http::{header, HeaderValue};

    if !is_api_path(request.uri().path()) {
        return next.run(request).await;
    }
    let mut response = as_api_answer(next.run(request).await);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Errors made before an API handler ran (405 from the router, 413 from the body limit, a
/// timeout) come as plain text; they are answered again as the API's
/// `{"error": {"code", "message"}}` with the same status and headers (`Allow`, say).
fn as_api_answer(response: Response) -> Response {
    use axum::http::header;
    use axum::response::IntoResponse;

    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || json {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let answer = ApiError::for_status(status).into_response();
    let (answer_parts, body) = answer.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    for (name, value) in &answer_parts.headers {
        parts.headers.insert(name.clone(), value.clone());
    }
    Response::from_parts(parts, body)
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
