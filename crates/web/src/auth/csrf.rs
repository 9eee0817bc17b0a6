use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use crate::auth::SessionHandle;
use crate::AppError;

/// Middleware: a state-changing request must come from a page of this very host. Browsers
/// say where a request comes from (`Sec-Fetch-Site`, else `Origin`); same-site is not
/// enough, since tenants' sub-domains of one base domain are same-site to each other.
pub(crate) async fn same_origin_only(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let allowed = match fetch_site {
        Some(site) => site == "same-origin",
        None => match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            Some(origin) => {
                let host = headers
                    .get(header::HOST)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                let origin_host = origin.split_once("://").map_or("", |(_, rest)| rest);
                !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
            }
            // Neither header: not a modern browser's cross-site request; the form token
            // still has to match.
            None => true,
        },
    };
    if allowed {
        next.run(request).await
    } else {
        AppError::CrossSiteRequest.into_response()
    }
}

/// Whether a sent token equals the session's, in time that does not depend on where they
/// first differ (the length is not secret: every token has the same).
fn same_secret(sent: &str, expected: &str) -> bool {
    sent.as_bytes().ct_eq(expected.as_bytes()).into()
}

#[derive(Deserialize, Default)]
struct TokenField {
    #[serde(default)]
    csrf_token: String,
}

/// A form whose hidden `csrf_token` field matched the session's token. A missing or wrong
/// token is refused with 403 before the handler runs, so nothing changes.
pub(crate) struct CsrfForm<T>(pub T);

impl<S, T> FromRequest<S> for CsrfForm<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let expected = request
            .extensions()
            .get::<SessionHandle>()
            .and_then(SessionHandle::csrf_token);
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|_| AppError::PayloadTooLarge)?;
        let sent: TokenField = serde_urlencoded::from_bytes(&body).unwrap_or_default();
        match expected {
            Some(expected) if same_secret(&sent.csrf_token, &expected) => {}
            _ => return Err(AppError::CsrfTokenMismatch),
        }
        serde_urlencoded::from_bytes(&body)
            .map(CsrfForm)
            .map_err(|e| AppError::BadRequest(format!("the form could not be read: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::same_secret;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        assert!(!same_secret("", "a"));
    }
}
