use std::convert::Infallible;

use atelier_domain::{Job, JobId, Role, User};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use futures_util::StreamExt;

use super::live::{Snapshot, Subscription, Watcher};
use super::view::{job_json, JobView};
use crate::auth::{CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

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
    let view = JobView::build(&page.state, &job, page.lang).await?;
    Ok((
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        Json(job_json(&view)),
    )
        .into_response())
}

/// Where a stream stands: its first event, the ones after, the one event of a job that had
/// already ended, or done.
enum Step {
    First(Subscription),
    Next(Subscription),
    Ended(std::sync::Arc<str>),
    Done,
}

/// The event for a snapshot, and what follows it: nothing once the job has ended or is gone.
fn show(snapshot: Snapshot, subscription: Subscription) -> Option<(Event, Step)> {
    let json = snapshot.json?;
    let next = if snapshot.active {
        Step::Next(subscription)
    } else {
        Step::Done
    };
    Some((Event::default().event("job").data(&*json), next))
}

/// The next event of a stream, when there is one.
async fn next_event(step: Step) -> Option<(Event, Step)> {
    let mut watching = match step {
        Step::First(mut watching) => {
            let snapshot = watching.job.borrow_and_update().clone();
            return show(snapshot, watching);
        }
        Step::Next(watching) => watching,
        Step::Ended(json) => return Some((Event::default().event("job").data(&*json), Step::Done)),
        Step::Done => return None,
    };
    let mut superseded = true;
    loop {
        let woken = tokio::select! {
            changed = watching.job.changed() => changed.ok().map(|()| Woken::Changed),
            // Signed out, expired or disabled: the stream ends with the session.
            _ = watching.signed_in.wait_for(|signed_in| !*signed_in) => None,
            closed = &mut watching.superseded, if superseded => match closed {
                Ok(()) => Some(Woken::Superseded),
                Err(_) => {
                    superseded = false;
                    continue;
                }
            },
        };
        return match woken? {
            Woken::Changed => {
                let snapshot = watching.job.borrow_and_update().clone();
                show(snapshot, watching)
            }
            // The page polls instead when it hears this (live-jobs.js).
            Woken::Superseded => {
                let event = Event::default()
                    .event("closed")
                    .data(r#"{"reason":"too_many_streams"}"#);
                Some((event, Step::Done))
            }
        };
    }
}

/// Why a waiting stream woke.
enum Woken {
    Changed,
    Superseded,
}

/// Server-sent events: the job's JSON whenever it changes, ending with its final state, or
/// sooner when the viewer's session ends, the account is disabled, or the viewer opened too
/// many streams (see [`LiveJobs`](super::live::LiveJobs)).
pub(crate) async fn events(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<JobId>,
) -> Result<Response, AppError> {
    let job = visible_job(&page, &user, id).await?;
    // Streams follow a browser's session; API clients poll the API.
    let session = page.session.id_hash().ok_or(AppError::NotFound)?;
    let state = &page.state;
    let view = JobView::build(state, &job, page.lang).await?;
    let json: std::sync::Arc<str> = job_json(&view).to_string().into();
    // A job that has ended says so once, without taking one of the viewer's streams.
    let step = if job.status.is_active() {
        let watcher = Watcher {
            job: job.id,
            tenant: job.tenant_id,
            owner: job.user_id,
            user: user.id,
            session,
            lang: page.lang,
        };
        let first = Snapshot {
            json: Some(json),
            active: true,
        };
        Step::First(state.live.watch(state, watcher, first))
    } else {
        Step::Ended(json)
    };
    let shutdown = state.shutdown.clone();
    let stream = futures_util::stream::unfold(step, next_event)
        .map(Ok::<Event, Infallible>)
        // A stream would hold its connection, and so the node's graceful shutdown, until the
        // job ends; it ends with the node instead, and the browser reconnects to another one.
        .take_until(async move { shutdown.requested().await });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response())
}

/// The newest preview of a job that is rendering (ComfyUI's sampler frames); 404 when it
/// has none or no longer renders.
pub(crate) async fn preview(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<JobId>,
) -> Result<Response, AppError> {
    let job = visible_job(&page, &user, id).await?;
    if job.status != atelier_domain::JobStatus::Running {
        return Err(AppError::NotFound);
    }
    let (bytes, mime) = page
        .state
        .storage
        .preview(job.tenant_id, id)
        .await
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, mime),
            (axum::http::header::CACHE_CONTROL, "no-store"),
        ],
        bytes,
    )
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
