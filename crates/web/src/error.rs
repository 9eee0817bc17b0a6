//! One error policy: handlers return [`AppError`]; pages get a themed error page, and
//! server errors are logged inside the request span without reaching the visitor.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

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
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("the request body is too large")]
    PayloadTooLarge,
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

impl AppError {
    fn status_and_page(&self) -> (StatusCode, &'static str, String) {
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
        if let AppError::TooManyRequests { retry_after_secs } = self {
            if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
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
    let response = next.run(request).await;
    let (Some(page), Some(site)) = (response.extensions().get::<ErrorPage>().cloned(), site) else {
        return response;
    };
    let status = response.status();
    let ctx = minijinja::context! {
        status => status.as_u16(),
        title => page.title,
        message => page.message,
    };
    match crate::pages::render(&state, &site, session.as_ref(), "error.html", &path, ctx) {
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
    use super::human_wait;

    #[test]
    fn waits_read_naturally() {
        assert_eq!(human_wait(1), "1 second");
        assert_eq!(human_wait(45), "45 seconds");
        assert_eq!(human_wait(60), "1 minute");
        assert_eq!(human_wait(61), "2 minutes");
    }
}
