use std::collections::BTreeMap;

use atelier_domain::{msg, Msg};
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
    message: Words,
    fields: Option<BTreeMap<&'static str, String>>,
    /// Seconds until the client may ask again (the `Retry-After` header).
    retry_after_secs: Option<u64>,
}

/// An error's sentence: a message put into the reader's words when it is answered, or text
/// already in them (a form's field errors) or for machines (the worker API's English).
#[derive(Debug)]
enum Words {
    Said(Msg),
    Text(String),
}

impl ApiError {
    /// An error whose sentence is already in its reader's words, or read by machines only.
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self::with(status, code, Words::Text(message.into()))
    }

    /// An error for a person, said in the language of the request (see
    /// [`super::in_readers_language`]).
    pub(crate) fn said(status: StatusCode, code: &'static str, message: Msg) -> Self {
        Self::with(status, code, Words::Said(message))
    }

    fn with(status: StatusCode, code: &'static str, message: Words) -> Self {
        Self {
            status,
            code,
            message,
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
        Self::said(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            msg!("api-unauthorized"),
        )
    }

    pub(crate) fn forbidden() -> Self {
        Self::said(StatusCode::FORBIDDEN, "forbidden", msg!("api-forbidden"))
    }

    pub(crate) fn not_found() -> Self {
        Self::said(StatusCode::NOT_FOUND, "not_found", msg!("api-not-found"))
    }

    /// The answer for an error that the router or a layer made before any API handler ran
    /// (a method the route lacks, a body over the limit, a timeout): the same status, in
    /// the API's own words and shape.
    pub(crate) fn for_status(status: StatusCode) -> Self {
        let (code, message) = match status {
            StatusCode::BAD_REQUEST => ("bad_request", msg!("api-bad-request")),
            StatusCode::UNAUTHORIZED => return Self::unauthorized(),
            StatusCode::FORBIDDEN => return Self::forbidden(),
            StatusCode::NOT_FOUND => return Self::not_found(),
            StatusCode::METHOD_NOT_ALLOWED => {
                ("method_not_allowed", msg!("api-method-not-allowed"))
            }
            StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", msg!("api-payload-too-large")),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                ("unsupported_media_type", msg!("api-unsupported-media-type"))
            }
            StatusCode::TOO_MANY_REQUESTS => ("too_many_requests", msg!("api-too-many-requests")),
            StatusCode::SERVICE_UNAVAILABLE => ("unavailable", msg!("api-unavailable")),
            s if s.is_server_error() => return Self::internal(),
            _ => ("bad_request", msg!("api-not-accepted")),
        };
        Self::said(status, code, message)
    }

    fn internal() -> Self {
        Self::said(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            msg!("api-internal"),
        )
    }

    /// A write the database refused by one of its rules, in the API's own words.
    fn refused(refusal: &Refusal, error: &StoreError) -> Self {
        let message = match (refusal.code, error) {
            ("conflict", StoreError::Conflict(field)) => msg!("api-conflict-field", field = *field),
            ("conflict", _) => msg!("api-conflict"),
            ("invalid_value", _) => msg!("api-invalid-value"),
            _ => msg!("api-unknown-reference"),
        };
        Self::said(refusal.status, refusal.code, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let message = match self.message {
            Words::Said(message) => message.in_lang(super::reader_language()),
            Words::Text(text) => text,
        };
        let mut error = serde_json::json!({ "code": self.code, "message": message });
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
            AppError::TooManyRequests { retry_after_secs } => ApiError::said(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                msg!("api-too-many-requests-wait", seconds = retry_after_secs),
            ),
            AppError::TooManyMails { retry_after_secs } => ApiError::said(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_mails",
                msg!("api-too-many-mails", seconds = retry_after_secs),
            ),
            // Made in the reader's words by whoever refused the request.
            AppError::BadRequest(message) => {
                ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
            }
            AppError::PayloadTooLarge => ApiError::said(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                msg!("api-payload-too-large"),
            ),
            AppError::PasswordWorkBusy => {
                ApiError::said(StatusCode::SERVICE_UNAVAILABLE, "busy", msg!("api-busy"))
            }
            // The account or object went away between the check and the write (a
            // disabled or deleted account's last request, say).
            AppError::Store(StoreError::NotFound(_)) => ApiError::not_found(),
            AppError::Store(e) => match Refusal::of(&e) {
                Some(refusal) => {
                    refusal.log(&e);
                    ApiError::refused(&refusal, &e)
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
        assert!(matches!(&error.message, Words::Said(m) if !m.to_string().contains("secret")));
    }

    async fn answered(lang: atelier_domain::Lang, error: ApiError) -> serde_json::Value {
        let response = super::super::READER
            .scope(lang, async { error.into_response() })
            .await;
        let body = axum::body::to_bytes(response.into_body(), 10_000)
            .await
            .unwrap_or_default();
        serde_json::from_slice(&body).unwrap_or_default()
    }

    #[tokio::test]
    async fn people_are_answered_in_their_language_with_the_same_code() {
        use atelier_domain::Lang;
        let english = answered(Lang::En, ApiError::not_found()).await;
        assert_eq!(english["error"]["message"], "There is nothing here.");
        let hindi = answered(Lang::Hi, ApiError::not_found()).await;
        assert_eq!(hindi["error"]["code"], "not_found");
        assert_eq!(hindi["error"]["message"], "यहाँ कुछ नहीं है।");
        // Text already in its reader's words (or for machines) is sent as it is.
        let text = answered(
            Lang::Hi,
            ApiError::new(StatusCode::GONE, "gone", "As given."),
        )
        .await;
        assert_eq!(text["error"]["message"], "As given.");
        // Outside any request's language (a layer's late answer): English.
        let outside = ApiError::for_status(StatusCode::METHOD_NOT_ALLOWED).into_response();
        let body = axum::body::to_bytes(outside.into_body(), 10_000)
            .await
            .unwrap_or_default();
        assert!(String::from_utf8_lossy(&body).contains("does not take that method"));
    }
}
