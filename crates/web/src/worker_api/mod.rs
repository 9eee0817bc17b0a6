//! The worker API, `/api/worker/v1`, for `atelier worker` on GPU machines anywhere: claim a
//! job (a long poll), beat its heart, hand in the PNG or say why it failed, give it back.
//! A worker token (made by an admin, stored as a SHA-256, one pool each, revocable at once)
//! is its only key: user sessions and API tokens never open it. Every write after a claim
//! goes through the queue's fenced leases, exactly as the embedded worker's do, so a late or
//! duplicate report from a worker that lost its lease changes nothing and is told so.
//!
//! Files: `claim.rs` (the long poll and what a claimed job carries), `report.rs`
//! (heartbeat, complete, fail, release, health).

mod claim;
mod report;

use atelier_store::WorkerRecord;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};

use crate::api::ApiError;
use crate::routes::Routes;

/// Where the worker API lives.
pub(crate) const PREFIX: &str = "/api/worker/";

/// Whether `path` is the worker API's.
pub(crate) fn is_worker_path(path: &str) -> bool {
    path.starts_with(PREFIX)
}

pub(crate) fn router() -> Routes {
    Routes::new()
        .post("/api/worker/v1/claim", claim::claim)
        .post("/api/worker/v1/health", report::health)
        .post("/api/worker/v1/jobs/{id}/heartbeat", report::heartbeat)
        .post("/api/worker/v1/jobs/{id}/complete", report::complete)
        .post("/api/worker/v1/jobs/{id}/fail", report::fail)
        .post("/api/worker/v1/jobs/{id}/release", report::release)
        .post("/api/worker/v1/jobs/{id}/preview", report::preview)
}

/// The body cap of a worker's upload instead of the site's usual one: a finished image's
/// (`jobs.worker_upload_bytes`, given as `finished`) or a preview's.
pub(crate) fn upload_limit(method: &Method, path: &str, finished: usize) -> Option<usize> {
    if *method != Method::POST || !is_worker_path(path) {
        return None;
    }
    if path.ends_with("/complete") {
        Some(finished)
    } else if path.ends_with("/preview") {
        Some(atelier_media::PREVIEW_MAX_BYTES)
    } else {
        None
    }
}

/// The worker a request's token belongs to, found by the session layer.
#[derive(Debug, Clone)]
pub(crate) struct WorkerIdentity(pub WorkerRecord);

impl WorkerIdentity {
    /// How the queue names this worker in its claims (`jobs.worker_id`).
    pub(crate) fn queue_name(&self) -> String {
        self.0.id.to_string()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for WorkerIdentity {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<WorkerIdentity>()
            .cloned()
            .ok_or_else(unauthorized)
    }
}

/// The answer without a live worker token.
pub(crate) fn unauthorized() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "Send a worker token as `Authorization: Bearer <token>`; an admin makes one on the \
         workers page. Revoked tokens, user sessions and personal API tokens do not open \
         the worker API.",
    )
}

/// Reads a JSON body, or says what is wrong with it.
pub(crate) fn json_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let body = if body.is_empty() {
        b"{}".as_slice()
    } else {
        body
    };
    serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("We could not read that request: {e}"),
        )
    })
}

/// The answer to a report from a worker that no longer holds the job.
pub(crate) fn lease_lost() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        "lease_lost",
        "This worker no longer holds that job (its lease ran out, it was given back, or it \
         ended): nothing was changed. Drop it and ask for the next one.",
    )
}
