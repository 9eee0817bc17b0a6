use atelier_domain::JobId;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::{ApiError, ApiUser};
use crate::jobs::{job_json, JobView};
use crate::pages::Page;
use crate::path_id::PathId;

/// One of the token's own jobs; anyone else's, like an id that names nothing, is 404.
pub(super) async fn get_job(
    page: Page,
    ApiUser(user): ApiUser,
    PathId(id): PathId<JobId>,
) -> Result<Response, ApiError> {
    let tenant = page.tenant().map_err(ApiError::from)?.tenant.id;
    let job = page
        .state
        .find_job(tenant, Some(user.id), id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let view = JobView::build(&page.state, &job, page.lang).await?;
    Ok(Json(job_json(&view)).into_response())
}
