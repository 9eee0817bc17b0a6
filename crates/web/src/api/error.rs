use std::collections::BTreeMap;

use atelier_store::StoreError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::error::Refusal;
use crate::AppError;

/// An API error: an HTTP status, a stable machine-readable code, and a sentence.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    fields: Option<BTreeMap<&'static str, String>>,
    /// Seconds until the client may ask again (the `Retry-After` header).
    retry_after_secs: Option<u64>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            fields: None,
            retry_after_secs: None,
        }
    }

    fn retry_after(mut self, secs: Option<u64>) -> Self {
        self.retry_after_secs = secs;
        self
    }

    /// Adds a message per request field.
    pub(crate) fn with_fields(mut self, fields: BTreeMap<&'static str, String>) -> Self {
        self.fields = Some(fields);
        self
    }

    pub(crate) fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Send a personal API token as `Authorization: Bearer <token>`; make one on your account page.",
        )
    }

    pub(crate) fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "This token may not do that.",
        )
    }

    pub(crate) fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "There is nothing here.")
    }

    /// The answer for an error that the router or a layer made before any API handler ran
    /// (a method the route lacks, a body over the limit, a timeout): the same status, in
    /// the API's own words and shape.
    pub(crate) fn for_status(status: StatusCode) -> Self {
        let (code, message) = match status {
            StatusCode::BAD_REQUEST => ("bad_request", "We could not read that request."),
            StatusCode::UNAUTHORIZED => return Self::unauthorized(),
            StatusCode::FORBIDDEN => return Self::forbidden(),
            StatusCode::NOT_FOUND => return Self::not_found(),
            StatusCode::METHOD_NOT_ALLOWED => (
                "method_not_allowed",
                "This address does not take that method; the Allow header lists the ones it takes.",
            ),
            StatusCode::PAYLOAD_TOO_LARGE => (
                "payload_too_large",
                "The request body is larger than we accept.",
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => (
                "unsupported_media_type",
                "Send the body as JSON, with `Content-Type: application/json`.",
            ),
            StatusCode::TOO_MANY_REQUESTS => (
                "too_many_requests",
                "Too many requests; wait a moment and try again.",
            ),
            StatusCode::SERVICE_UNAVAILABLE => (
                "unavailable",
                "We could not answer in time; try again in a moment.",
            ),
            s if s.is_server_error() => return Self::internal(),
            _ => ("bad_request", "We could not accept that request."),
        };
        Self::new(status, code, message)
    }

    fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on our side; try again.",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = serde_json::json!({ "code": self.code, "message": self.message });
        if let Some(fields) = self.fields {
            error["fields"] = serde_json::json!(fields);
        }
        let mut response =
            (self.status, Json(serde_json::json!({ "error": error }))).into_response();
        if let Some(secs) = self.retry_after_secs {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(secs));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        let retry_after = e.retry_after_secs();
        let error = match e {
            AppError::NotFound => ApiError::not_found(),
            AppError::Forbidden | AppError::CsrfTokenMismatch | AppError::CrossSiteRequest => {
                ApiError::forbidden()
            }
            AppError::TooManyRequests { retry_after_secs } => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                format!("Too many requests; try again in {retry_after_secs} seconds."),
            ),
            AppError::TooManyMails { retry_after_secs } => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_mails",
                format!("Too many emails asked for; try again in {retry_after_secs} seconds."),
            ),
            AppError::BadRequest(message) => {
                ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
            }
            AppError::PayloadTooLarge => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "The request body is larger than we accept.",
            ),
            AppError::PasswordWorkBusy => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "Many people are signing in right now; try again in a few seconds.",
            ),
            // The account or object went away between the check and the write (a
            // disabled or deleted account's last request, say).
            AppError::Store(StoreError::NotFound(_)) => ApiError::not_found(),
            AppError::Store(e) => match Refusal::of(&e) {
                Some(refusal) => {
                    refusal.log(&e);
                    ApiError::new(refusal.status, refusal.code, refusal.message.to_string())
                }
                None => {
                    tracing::error!(error = %e, "API request failed");
                    ApiError::internal()
                }
            },
            other @ (AppError::Template(_) | AppError::Internal(_)) => {
                tracing::error!(error = %other, "API request failed");
                ApiError::internal()
            }
        };
        error.retry_after(retry_after)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        AppError::from(e).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_value_answers_409_conflict() {
        let error = ApiError::from(StoreError::Conflict("name"));
        assert_eq!(
            (error.status, error.code),
            (StatusCode::CONFLICT, "conflict")
        );
    }

    #[tokio::test]
    async fn a_sign_in_burst_answers_503_busy_with_a_time_to_come_back() {
        let response = ApiError::from(AppError::PasswordWorkBusy).into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response.headers().get(header::RETRY_AFTER),
            Some(&header::HeaderValue::from(
                crate::auth::PASSWORD_BUSY_RETRY_AFTER_SECS
            ))
        );
        let body = axum::body::to_bytes(response.into_body(), 10_000)
            .await
            .unwrap_or_default();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
        assert_eq!(json["error"]["code"], "busy");
        assert!(json["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("try again in a few seconds")));
    }

    #[test]
    fn server_failures_say_nothing_of_their_cause() {
        let error = ApiError::from(StoreError::Corrupt("secret detail".into()));
        assert_eq!(
            (error.status, error.code),
            (StatusCode::INTERNAL_SERVER_ERROR, "internal")
        );
        assert!(!error.message.contains("secret"));
    }
}
