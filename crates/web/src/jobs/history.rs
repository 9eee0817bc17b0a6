use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::view::JobView;
use crate::accounts::Pagination;
use crate::auth::CurrentUser;
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

const HISTORY_PAGE: i64 = 24;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct HistoryQuery {
    page: Option<i64>,
}

/// All of the user's jobs, newest first.
pub(crate) async fn list(
    page: Page,
    CurrentUser(user): CurrentUser,
    PageQuery(query): PageQuery<HistoryQuery>,
) -> Result<Response, AppError> {
    page.tenant()?;
    let state = &page.state;
    let total = state.store.count_jobs(user.id).await?;
    let pagination = Pagination::new("/history", query.page.unwrap_or(1), HISTORY_PAGE, total);
    let listed = state
        .store
        .list_jobs(user.id, None, pagination.offset(HISTORY_PAGE), HISTORY_PAGE)
        .await?;
    let jobs = JobView::build_all(state, &listed).await?;
    let ctx = minijinja::context! { job_list => jobs, pagination => pagination, total => total };
    Ok(page.render_form("history.html", ctx).await?.into_response())
}
