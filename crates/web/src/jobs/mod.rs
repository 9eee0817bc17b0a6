//! The core loop's pages: generate, live status (JSON and server-sent events), cancel,
//! history, and the private image proxy.

mod generate;
mod history;
mod images;
mod status;
mod view;

pub(crate) use generate::{parse_job, queue_job, GenerateForm};
pub(crate) use view::{job_json, JobView};

use axum::routing::{get, post};
use axum::Router;

use crate::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/generate", get(generate::form).post(generate::submit))
        .route("/history", get(history::list))
        .route("/jobs/{id}", get(status::json))
        .route("/jobs/{id}/events", get(status::events))
        .route("/jobs/{id}/cancel", post(status::cancel))
        .route("/images/{id}", get(images::full))
        .route("/images/{id}/thumb", get(images::thumb))
}

/// A job id from a path; anything unparsable is simply not found.
pub(crate) fn parse_job_id(raw: &str) -> Result<atelier_domain::JobId, crate::AppError> {
    uuid::Uuid::parse_str(raw)
        .map(atelier_domain::JobId)
        .map_err(|_| crate::AppError::NotFound)
}
