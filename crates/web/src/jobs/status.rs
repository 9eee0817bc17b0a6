use std::convert::Infallible;
use std::time::Duration;

use atelier_domain::{Job, JobId, Role, User};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use futures_util::StreamExt;
use tokio::sync::broadcast::error::RecvError;

use super::view::{job_json, JobView};
use crate::auth::{CsrfForm, CurrentUser, SessionHandle};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::{AppError, AppState};

/// Who may see a job or image: its owner, the tenant's admins, super-admins.
pub(crate) fn may_view(
    user: &User,
    tenant: atelier_domain::TenantId,
    owner: atelier_domain::UserId,
) -> bool {
    user.id == owner
        || user.role == Role::SuperAdmin
        || (user.role == Role::TenantAdmin && user.tenant_id == Some(tenant))
}

/// The job if this visitor may see it on this site; otherwise not found.
async fn visible_job(page: &Page, user: &User, id: JobId) -> Result<Job, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let job = page
        .state
        .find_job(tenant, None, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if may_view(user, tenant, job.user_id) {
        Ok(job)
    } else {
        Err(AppError::NotFound)
    }
}

/// The job as JSON, for the page's polling fallback.
pub(crate) async fn json(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<JobId>,
) -> Result<Response, AppError> {
    let job = visible_job(&page, &user, id).await?;
    let view = JobView::build(&page.state, &job).await?;
    Ok((
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        Json(job_json(&view)),
    )
        .into_response())
}

struct Watch {
    state: AppState,
    /// The session that opened the stream: the stream ends with it (sign-out, expiry, a
    /// disabled account).
    session: SessionHandle,
    tenant: atelier_domain::TenantId,
    id: JobId,
    changes: tokio::sync::broadcast::Receiver<JobId>,
    last: Option<String>,
}

/// Waits until this job may have changed: a worker on this node says so, or two seconds
/// pass (a change made on another node).
async fn next_change(watch: &mut Watch) {
    let wait = async {
        loop {
            match watch.changes.recv().await {
                Ok(id) if id == watch.id => return,
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => return,
                Err(RecvError::Closed) => std::future::pending::<()>().await,
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(2), wait).await;
}

/// Server-sent events: the job's JSON whenever it changes, ending with its final state, or
/// sooner when the viewer's session ends or the account is disabled.
pub(crate) async fn events(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<JobId>,
) -> Result<Response, AppError> {
    let job = visible_job(&page, &user, id).await?;
    let shutdown = page.state.shutdown.clone();
    let watch = Watch {
        changes: page.state.job_events.subscribe(),
        session: page.session.clone(),
        state: page.state.clone(),
        tenant: job.tenant_id,
        id: job.id,
        last: None,
    };
    let stream = futures_util::stream::unfold(Some(watch), |watch| async move {
        let mut watch = watch?;
        loop {
            // Checked on every look (a change on this node, or every 2 seconds), so a
            // disabled account's streams end within 2 seconds on any node.
            if !watch.session.still_signed_in(&watch.state).await.ok()? {
                return None;
            }
            let job = watch
                .state
                .find_job(watch.tenant, None, watch.id)
                .await
                .ok()??;
            let view = JobView::build(&watch.state, &job).await.ok()?;
            let data = job_json(&view).to_string();
            if watch.last.as_deref() != Some(data.as_str()) {
                let event = Event::default().event("job").data(data.clone());
                let next = job.status.is_active().then(|| Watch {
                    last: Some(data),
                    ..watch
                });
                return Some((Ok::<Event, Infallible>(event), next));
            }
            next_change(&mut watch).await;
        }
    });
    // A stream would hold its connection, and so the node's graceful shutdown, until the job
    // ends; it ends with the node instead, and the browser reconnects to another one.
    let stream = stream.take_until(async move { shutdown.requested().await });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

/// The owner cancels a queued job at once, or asks a running one to stop.
pub(crate) async fn cancel(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<JobId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let state = &page.state;
    let status = state
        .store
        .cancel_job(tenant, user.id, id, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    let _ = state.job_events.send(id);
    tracing::info!(job = %id, status = status.as_str(), "cancel requested by owner");
    Ok(Redirect::to(&format!("/generate?job={id}")).into_response())
}
