//! One error policy: handlers return [`AppError`]; pages get a themed error page, and
//! server errors are logged inside the request span without reaching the visitor.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use atelier_domain::{msg, Lang, Msg};
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

/// Attached to an error response so [`render_error_pages`] can dress it in the site's theme,
/// in the reader's language.
#[derive(Debug, Clone)]
pub(crate) struct ErrorPage {
    pub title: Msg,
    pub message: ErrorText,
}

/// An error page's sentence: a catalogue message, or text a handler already put in the
/// reader's words ([`AppError::BadRequest`]).
#[derive(Debug, Clone)]
pub(crate) enum ErrorText {
    Said(Msg),
    Written(String),
}

impl ErrorText {
    fn in_lang(&self, lang: Lang) -> String {
        match self {
            ErrorText::Said(message) => message.in_lang(lang),
            ErrorText::Written(text) => text.clone(),
        }
    }
}

/// How a write the database refused by one of its rules is answered: a value already
/// taken is a conflict (409); a broken check or a reference to nothing is input that cannot
/// be stored (422). Neither is a server failure. Pages show the title; the API sends the
/// stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub status: StatusCode,
    pub code: &'static str,
    pub title: Msg,
    pub message: Msg,
}

impl Refusal {
    pub(crate) fn of(error: &StoreError) -> Option<Refusal> {
        let violation = error.constraint_violation()?;
        Some(match violation {
            ConstraintViolation::Unique => Refusal {
                status: StatusCode::CONFLICT,
                code: "conflict",
                title: msg!("errors-taken-title"),
                message: match error {
                    StoreError::Conflict(field) => msg!("errors-taken-field", field = *field),
                    _ => msg!("errors-taken"),
                },
            },
            ConstraintViolation::Check => Refusal {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "invalid_value",
                title: msg!("errors-not-saved-title"),
                message: msg!("errors-invalid-value"),
            },
            ConstraintViolation::ForeignKey => Refusal {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "unknown_reference",
                title: msg!("errors-not-saved-title"),
                message: msg!("errors-unknown-reference"),
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
    fn status_and_page(&self) -> (StatusCode, Msg, ErrorText) {
        if let AppError::Store(e) = self {
            if let Some(refusal) = Refusal::of(e) {
                refusal.log(e);
                return (
                    refusal.status,
                    refusal.title,
                    ErrorText::Said(refusal.message),
                );
            }
        }
        // The account or object went away between the check and the write.
        if let AppError::Store(StoreError::NotFound(_)) = self {
            return AppError::NotFound.status_and_page();
        }
        let (status, title, message) = match self {
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                msg!("errors-not-found-title"),
                msg!("errors-not-found"),
            ),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                msg!("errors-forbidden-title"),
                msg!("errors-forbidden"),
            ),
            AppError::CsrfTokenMismatch => (
                StatusCode::FORBIDDEN,
                msg!("errors-form-expired-title"),
                msg!("errors-form-expired"),
            ),
            AppError::CrossSiteRequest => (
                StatusCode::FORBIDDEN,
                msg!("errors-cross-site-title"),
                msg!("errors-cross-site"),
            ),
            AppError::TooManyRequests { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                msg!("errors-too-many-attempts-title"),
                human_wait(msg!("errors-too-many-attempts"), *retry_after_secs),
            ),
            AppError::TooManyMails { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                msg!("errors-too-many-mails-title"),
                human_wait(msg!("errors-too-many-mails"), *retry_after_secs),
            ),
            AppError::BadRequest(message) => {
                return (
                    StatusCode::BAD_REQUEST,
                    msg!("errors-bad-request-title"),
                    ErrorText::Written(message.clone()),
                )
            }
            AppError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                msg!("errors-too-large-title"),
                msg!("errors-too-large"),
            ),
            AppError::PasswordWorkBusy => (
                StatusCode::SERVICE_UNAVAILABLE,
                msg!("errors-busy-title"),
                msg!("errors-busy"),
            ),
            AppError::Store(_) | AppError::Template(_) | AppError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    msg!("errors-internal-title"),
                    msg!("errors-internal"),
                )
            }
        };
        (status, title, ErrorText::Said(message))
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

/// `message` with the wait it names, as `errors-wait` says it: "1 minute", "12 minutes",
/// "45 seconds" (whole minutes, or seconds under a minute).
fn human_wait(message: Msg, secs: u64) -> Msg {
    let minutes = if secs < 60 { 0 } else { secs.div_ceil(60) };
    message.arg("minutes", minutes).arg("seconds", secs)
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, title, message) = self.status_and_page();
        // Replaced by the themed page where there is a site; English otherwise.
        let mut response = (status, message.in_lang(Lang::En)).into_response();
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
    // The two headers the reader's language comes from, kept for the rare error page (a
    // header value's clone shares its bytes; the map is built only when a page is made).
    let kept = [header::ACCEPT_LANGUAGE, header::COOKIE]
        .map(|name| (name.clone(), request.headers().get(name).cloned()));
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
    let language_headers: axum::http::HeaderMap = kept
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect();
    let user = session.as_ref().and_then(SessionHandle::user);
    let lang = crate::language::of_site(&state, &site, user.as_ref(), &language_headers);
    let ctx = minijinja::context! {
        status => status.as_u16(),
        title => page.title.in_lang(lang),
        message => page.message.in_lang(lang),
        sells_credits => sells_credits,
    };
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
        assert!(refusal.is_some_and(|r| r.message.to_string().contains("domain")));
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
        let wait = |secs| human_wait(msg!("errors-wait"), secs).to_string();
        assert_eq!(wait(1), "1 second");
        assert_eq!(wait(45), "45 seconds");
        assert_eq!(wait(60), "1 minute");
        assert_eq!(wait(61), "2 minutes");
        let hindi = human_wait(msg!("errors-too-many-attempts"), 600).in_lang(Lang::Hi);
        assert!(hindi.contains("10 मिनट"), "{hindi}");
    }
}
