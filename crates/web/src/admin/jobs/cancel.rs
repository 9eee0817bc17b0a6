//! `POST /admin/jobs/{id}/cancel`: an admin stops one of the site's jobs through the owner's
//! own cancel (a queued job ends at once and its hold is released; a running one stops at
//! its worker's next heartbeat), audited as `job.cancel`, then back to the list as it was.

use atelier_domain::JobId;
use atelier_store::CancelOutcome;
use axum::response::{IntoResponse, Redirect, Response};

use super::view::JobsQuery;
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::cursor::ListView;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

/// The form carries the list's filters and page, so the admin returns to where they were.
pub(crate) async fn cancel(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<JobId>,
    CsrfForm(view): CsrfForm<JobsQuery>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let state = &page.state;
    let outcome = state
        .store
        .admin_cancel_job(tenant, id, &audit_actor(&me, ip), state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    // Whoever watches the job (its owner's page, the API's stream) looks again now.
    let _ = state.job_events.send(id);
    let done = match outcome {
        CancelOutcome::Ended => "canceled",
        CancelOutcome::Stopping => "stopping",
        CancelOutcome::AlreadyOver(_) => "over",
    };
    tracing::info!(admin = %me.id, job = %id, done, "job cancel by an admin");
    let back = view.with_readable_cursor().view_url(&[("done", done)]);
    Ok(Redirect::to(&back).into_response())
}
