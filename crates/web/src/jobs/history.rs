//! The user's history: all their jobs, newest first, a keyset page at a time
//! ([`PageCursor`]): "Older" carries the last job's time and id, so no job is skipped or
//! shown twice while new ones arrive, and nothing counts the user's jobs.

use atelier_domain::{msg, JobId};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::view::JobView;
use crate::auth::CurrentUser;
use crate::cursor::{keep_page, PageCursor, Pager};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

const HISTORY_PAGE: i64 = 24;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct HistoryQuery {
    /// Where the previous page ended: `<millis>.<uuid>` of its last job.
    after: String,
}

/// All of the user's jobs, newest first.
pub(crate) async fn list(
    page: Page,
    CurrentUser(user): CurrentUser,
    PageQuery(query): PageQuery<HistoryQuery>,
) -> Result<Response, AppError> {
    page.tenant()?;
    // What the page says about an "Older" link that does not read.
    let damaged = page.tr(&msg!("jobs-history-damaged"));
    let after = PageCursor::read(&query.after, &damaged)?;
    let state = &page.state;
    let mut listed = state
        .store
        .list_jobs(user.id, after.map(|c| c.key(JobId)), HISTORY_PAGE + 1)
        .await?;
    let older_url = keep_page(&mut listed, HISTORY_PAGE).map(|last| {
        format!(
            "/history?after={}",
            PageCursor::new(last.created_at, last.id.0)
        )
    });
    let pagination = Pager::new("/history", after.is_some(), older_url);
    let jobs = JobView::build_all(state, &listed, page.lang).await?;
    let ctx = minijinja::context! { job_list => jobs, pagination => pagination };
    Ok(page.render_form("history.html", ctx).await?.into_response())
}
