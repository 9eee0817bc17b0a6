use atelier_domain::{msg, JobId};
use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::{ApiError, ApiUser};
use crate::cursor::PageCursor;
use crate::jobs::{job_json, JobView};
use crate::pages::Page;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ListQuery {
    limit: Option<i64>,
    cursor: Option<String>,
}

/// The token's jobs, newest first, a page at a time.
pub(super) async fn list_jobs(
    page: Page,
    ApiUser(user): ApiUser,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|_| {
        ApiError::said(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_query",
            msg!("api-invalid-query"),
        )
    })?;
    let limit = query.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::said(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_limit",
            msg!("api-invalid-limit"),
        ));
    }
    let before = match query.cursor.as_deref() {
        None | Some("") => None,
        Some(raw) => Some(
            PageCursor::parse(raw)
                .map(|c| c.key(JobId))
                .ok_or_else(|| {
                    ApiError::said(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "invalid_cursor",
                        msg!("api-invalid-cursor"),
                    )
                })?,
        ),
    };
    let state = &page.state;
    let jobs = state.store.list_jobs(user.id, before, limit + 1).await?;
    let more = jobs.len() as i64 > limit;
    // One read of the queue for the whole page.
    let shown = &jobs[..jobs.len().min(usize::try_from(limit).unwrap_or(20))];
    let items: Vec<_> = JobView::build_all(state, shown, page.lang)
        .await?
        .iter()
        .map(job_json)
        .collect();
    let next_cursor = more
        .then(|| jobs.get(usize::try_from(limit - 1).unwrap_or(0)))
        .flatten()
        .map(|j| PageCursor::new(j.created_at, j.id.0).to_string());
    Ok(Json(serde_json::json!({ "jobs": items, "next_cursor": next_cursor })).into_response())
}
