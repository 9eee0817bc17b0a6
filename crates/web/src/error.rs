//! One error policy: handlers return [`AppError`]; pages get a themed error page, and
//! server errors are logged inside the request span without reaching the visitor.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use atelier_store::{ConstraintViolation, StoreError};

use crate::auth::SessionHandle;
use crate::tenancy::Site;
use crate::AppState;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("the form token did not match the session")]
    CsrfTokenMismatch,
    #[error("a state-changing request came from another site")]
    CrossSiteRequest,
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    /// Mail for one account or from one network hit its hourly limit.
    #[error("too many emails")]
    TooManyMails { retry_after_secs: u64 },
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("the request body is too large")]
    PayloadTooLarge,
    /// Every turn at password hashing stayed taken for longer than a visitor may wait (a
    /// burst of sign-ins): asked to come back in a few seconds.
    #[error("no turn at password hashing came free in time")]
    PasswordWorkBusy,
    #[error(transparent)]
    Store(#[from] atelier_store::StoreError),
    #[error("template: {0:#}")]
    Template(#[from] minijinja::Error),
    #[error("{0}")]
    Internal(String),
}

/// Attached to an error response so [`render_error_pages`] can dress it in the site's theme.
#[derive(Debug, Clone)]
pub(crate) struct ErrorPage {
    pub title: &'static str,
    pub message: String,
}

/// How a write the database refused by one of its rules is answered: a value already
/// taken is a conflict (409); a broken check or a reference to nothing is input that cannot
/// be stored (422). Neither is a server failure. Pages show the title; the API sends the
/// stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub status: StatusCode,
    pub code: &'static str,
    pub title: &'static str,
    pub message: String,
}

impl Refusal {
    pub(crate) fn of(error: &StoreError) -> Option<Refusal> {
        let violation = error.constraint_violation()?;
        Some(match violation {
            ConstraintViolation::Unique => Refusal {
                status: StatusCode::CONFLICT,
                code: "conflict",
                title: "That is already taken",
                message: match error {
                    StoreError::Conflict(field) => {
                        format!("That {field} is already taken; choose another.")
                    }
                    _ => "Something with that value already exists; choose another.".to_owned(),
                },
            },
            ConstraintViolation::Check => Refusal {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "invalid_value",
                title: "We couldn't save that",
                message: "A value is outside what is allowed here; check it and try again."
                    .to_owned(),
            },
            ConstraintViolation::ForeignKey => Refusal {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "unknown_reference",
                title: "We couldn't save that",
                message: "It refers to something that does not exist (any more).".to_owned(),
            },
        })
    }
}

impl Refusal {
    /// A taken value is an everyday event. A broken CHECK or reference means input got past
    /// its parsing (every value is parsed before it is written), which is a bug to look at:
    /// it is answered as the client's mistake but logged as an error.
    pub(crate) fn log(&self, error: &StoreError) {
        if self.status == StatusCode::CONFLICT {
            tracing::info!(error = %error, "a write broke a database rule");
        } else {
            tracing::error!(error = %error, "a write broke a database rule that parsing should have caught");
        }
    }
}

/// The answer for a path that names nothing: the API's JSON error under `/api/`, the
/// themed page elsewhere.
pub(crate) fn not_found_at(path: &str) -> Response {
    if path.starts_with("/api/") {
        crate::api::ApiError::not_found().into_response()
    } else {
        AppError::NotFound.into_response()
    }
}

impl AppError {
    fn status_and_page(&self) -> (StatusCode, &'static str, String) {
        if let AppError::Store(e) = self {
            if let Some(refusal) = Refusal::of(e) {
                refusal.log(e);
                return (refusal.status, refusal.title, refusal.message);
            }
        }
        // The account or object went away between the check and the write.
        if let AppError::Store(StoreError::NotFound(_)) = self {
            return AppError::NotFound.status_and_page();
        }
        match self {
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                "Page not found",
                "We looked everywhere, but there is nothing at this address.".to_owned(),
            ),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                "You don't have access to this page",
                "Your account can't open this page. If you think it should, contact support."
                    .to_owned(),
            ),
            AppError::CsrfTokenMismatch => (
                StatusCode::FORBIDDEN,
                "This form has expired",
                "For your safety the form could not be accepted: it was open too long or came from an old tab. Go back, reload the page and try again."
                    .to_owned(),
            ),
            AppError::CrossSiteRequest => (
                StatusCode::FORBIDDEN,
                "Request blocked",
                "This request came from another website, so we did not act on it. If you were using this site, go back and try again."
                    .to_owned(),
            ),
            AppError::TooManyRequests { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many attempts",
                format!(
                    "For your account's safety we paused this for a moment. Please try again in {}.",
                    human_wait(*retry_after_secs)
                ),
            ),
            AppError::TooManyMails { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many emails",
                format!(
                    "Several emails were asked for recently, so we sent no more for now. Check your inbox and spam folder for the latest one, or ask again in {}.",
                    human_wait(*retry_after_secs)
                ),
            ),
            AppError::BadRequest(message) => (
                StatusCode::BAD_REQUEST,
                "We couldn't read that request",
                message.clone(),
            ),
            AppError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "That was too large",
                "The request was larger than we accept.".to_owned(),
            ),
            AppError::PasswordWorkBusy => (
                StatusCode::SERVICE_UNAVAILABLE,
                "Many people are signing in right now",
                "So many people are signing in at this moment that your request waited too long for its turn. Nothing was changed: please try again in a few seconds."
                    .to_owned(),
            ),
            AppError::Store(_) | AppError::Template(_) | AppError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    "An unexpected error stopped this page. It has been logged; please try again in a moment."
                        .to_owned(),
                )
            }
        }
    }
}

impl AppError {
    /// When a client told to wait may ask again (the `Retry-After` header).
    pub(crate) fn retry_after_secs(&self) -> Option<u64> {
        match self {
            AppError::TooManyRequests { retry_after_secs }
            | AppError::TooManyMails { retry_after_secs } => Some(*retry_after_secs),
            AppError::PasswordWorkBusy => Some(crate::auth::PASSWORD_BUSY_RETRY_AFTER_SECS),
            _ => None,
        }
    }
}

/// "1 minute", "12 minutes", "45 seconds".
fn human_wait(secs: u64) -> String {
    match secs {
        0..=59 => format!("{secs} second{}", if secs == 1 { "" } else { "s" }),
        _ => {
            let minutes = secs.div_ceil(60);
            format!("{minutes} minute{}", if minutes == 1 { "" } else { "s" })
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, title, message) = self.status_and_page();
        let mut response = (status, message.clone()).into_response();
        if let Some(secs) = self.retry_after_secs() {
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
            .extensions_mut()
            .insert(ErrorPage { title, message });
        response
    }
}

/// Replaces the body of an error response with the site's themed error page.
pub(crate) async fn render_error_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let site = request.extensions().get::<Site>().cloned();
    let session = request.extensions().get::<SessionHandle>().cloned();
    let path = request.uri().path().to_owned();
    // Only what the language needs is kept from the request, and only from a site's pages.
    let language_headers: axum::http::HeaderMap = request
        .headers()
        .iter()
        .filter(|(name, _)| *name == header::ACCEPT_LANGUAGE || *name == header::COOKIE)
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    let response = next.run(request).await;
    let (Some(page), Some(site)) = (response.extensions().get::<ErrorPage>().cloned(), site) else {
        return response;
    };
    let status = response.status();
    // The page's header keeps its "Buy" link where the site sells credits; failing to know
    // leaves it out rather than the error page too.
    let sells_credits = crate::pages::sells_credits(&state, &site)
        .await
        .unwrap_or(false);
    let ctx = minijinja::context! {
        status => status.as_u16(),
        title => page.title,
        message => page.message,
        sells_credits => sells_credits,
    };
    let user = session.as_ref().and_then(SessionHandle::user);
    let lang = crate::language::of_site(&state, &site, user.as_ref(), &language_headers);
    match crate::pages::render(
        &state,
        &site,
        session.as_ref(),
        "error.html",
        &path,
        lang,
        ctx,
    ) {
        Ok(Html(body)) => {
            let (mut parts, _) = response.into_parts();
            parts.headers.remove(header::CONTENT_LENGTH);
            parts.headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            Response::from_parts(parts, axum::body::Body::from(body))
        }
        Err(e) => {
            tracing::error!(error = %e, "the error page itself failed to render");
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_of(error: AppError) -> StatusCode {
        error.into_response().status()
    }

    #[test]
    fn a_taken_value_is_a_conflict_not_a_server_error() {
        let refusal = Refusal::of(&StoreError::Conflict("domain"));
        assert_eq!(
            refusal.as_ref().map(|r| (r.status, r.code)),
            Some((StatusCode::CONFLICT, "conflict"))
        );
        assert!(refusal.is_some_and(|r| r.message.contains("domain")));
        assert_eq!(
            status_of(AppError::Store(StoreError::Conflict("slug"))),
            StatusCode::CONFLICT
        );
    }

    /// The error a real database gives for the last statement, as the store passes it on.
    async fn sqlite_error(statements: &[&str]) -> StoreError {
        use sqlx::{Connection, Executor};
        let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let (last, setup) = statements.split_last().unwrap_or_else(|| panic!("empty"));
        for statement in ["pragma foreign_keys = on"].iter().chain(setup) {
            conn.execute(*statement)
                .await
                .unwrap_or_else(|e| panic!("{statement}: {e}"));
        }
        let err = conn.execute(*last).await.err();
        StoreError::from(err.unwrap_or_else(|| panic!("{last} succeeded")))
    }

    const SCHEMA: [&str; 3] = [
        "create table users (id integer primary key, email text unique, balance integer check (balance >= 0))",
        "create table jobs (id integer primary key, user_id integer references users (id))",
        "insert into users (id, email, balance) values (1, 'a@example.com', 1)",
    ];

    /// What a page and the API answer when the database refuses the last statement.
    async fn answers(statements: &[&str]) -> (StatusCode, StatusCode, String) {
        let page = status_of(AppError::Store(sqlite_error(statements).await));
        let api = crate::api::ApiError::from(sqlite_error(statements).await).into_response();
        let api_status = api.status();
        let body = axum::body::to_bytes(api.into_body(), 10_000)
            .await
            .unwrap_or_default();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
        let code = json["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        (page, api_status, code)
    }

    #[tokio::test]
    async fn database_rules_answer_409_or_422_with_stable_codes() {
        let [users, jobs, one] = SCHEMA;
        let cases: [(&[&str], StatusCode, &str); 3] = [
            (
                &[
                    users,
                    one,
                    "insert into users (id, email, balance) values (2, 'a@example.com', 1)",
                ],
                StatusCode::CONFLICT,
                "conflict",
            ),
            (
                &[users, one, "update users set balance = -1"],
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_value",
            ),
            (
                &[users, jobs, "insert into jobs (id, user_id) values (1, 99)"],
                StatusCode::UNPROCESSABLE_ENTITY,
                "unknown_reference",
            ),
        ];
        for (statements, status, code) in cases {
            assert_eq!(
                answers(statements).await,
                (status, status, code.to_owned()),
                "{statements:?}"
            );
        }
    }

    #[test]
    fn other_store_errors_stay_server_errors() {
        assert_eq!(Refusal::of(&StoreError::NotFound("job")), None);
        assert_eq!(
            status_of(AppError::Store(StoreError::Corrupt("x".into()))),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn waits_read_naturally() {
        assert_eq!(human_wait(1), "1 second");
        assert_eq!(human_wait(45), "45 seconds");
        assert_eq!(human_wait(60), "1 minute");
        assert_eq!(human_wait(61), "2 minutes");
    }
}
