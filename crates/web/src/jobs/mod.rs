//! The core loop's pages: generate, live status (JSON and server-sent events), cancel,
//! history, and the private image proxy.

mod generate;
mod history;
mod images;
mod live;
mod status;
mod view;

pub(crate) use generate::blocked_entry;
pub(crate) use generate::{parse_job, queue_job, GenerateForm};
pub use live::LiveJobs;
pub(crate) use view::{job_json, JobView};

use crate::routes::Routes;

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/generate", generate::form)
        .post("/generate", generate::submit)
        .get("/history", history::list)
        .get("/jobs/{id}", status::json)
        .get("/jobs/{id}/events", status::events)
        .post("/jobs/{id}/cancel", status::cancel)
        .get("/jobs/{id}/preview", status::preview)
        .get("/images/{id}", images::full)
        .get("/images/{id}/thumb", images::thumb)
}

/// A job id from a query (`/generate?job=`); anything unparsable is simply not found.
pub(crate) fn parse_job_id(raw: &str) -> Result<atelier_domain::JobId, crate::AppError> {
    use crate::path_id::FromPath;
    atelier_domain::JobId::from_path(raw).ok_or(crate::AppError::NotFound)
}
