//! `POST /api/worker/v1/claim`: the next job this worker's pool and models allow, or
//! nothing after a wait of up to `jobs.worker_wait_secs` (a long poll, so an idle fleet asks
//! a few times a minute instead of hammering the queue).

use std::time::Duration;

use atelier_store::{ClaimedJob, NextClaim, WorkerHello};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::{json_body, WorkerIdentity};
use crate::api::ApiError;
use crate::AppState;

/// How often a waiting claim looks again without being woken: jobs submitted on other
/// nodes, or ones a woken claim of another pool could not take.
const RECHECK: Duration = Duration::from_secs(5);

/// What a worker says when it asks for work. Fields this server does not know are ignored,
/// so a newer worker can speak to an older server.
#[derive(Deserialize)]
struct ClaimRequest {
    /// `demo` or `comfyui`: the models of that backend are the ones it may get.
    backend: String,
    /// Only these of them, when given.
    #[serde(default)]
    models: Option<Vec<String>>,
    #[serde(default)]
    version: String,
    /// Seconds to wait for a job; at most `jobs.worker_wait_secs`.
    #[serde(default)]
    wait_secs: Option<u64>,
}

pub(super) async fn claim(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: ClaimRequest = json_body(&body)?;
    let catalog = state.models.current();
    let mut models = catalog.ids_for_backend(&request.backend);
    if let Some(only) = &request.models {
        models.retain(|m| only.contains(m));
    }
    if models.is_empty() {
        let offered = catalog.ids_for_backend(&request.backend).join(", ");
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_models",
            if offered.is_empty() {
                format!(
                    "No model on this server uses the {:?} backend.",
                    request.backend
                )
            } else {
                format!(
                    "None of the models named use the {:?} backend; its models here are: {offered}.",
                    request.backend
                )
            },
        ));
    }
    let version: String = request.version.chars().take(64).collect();
    let backend: String = request.backend.chars().take(32).collect();
    let hello = WorkerHello {
        backend: &backend,
        models: &models,
        version: &version,
    };
    state
        .store
        .worker_seen(worker.0.id, hello, state.clock.now())
        .await?;
    let jobs = &state.settings.jobs;
    let most = jobs
        .worker_wait_secs
        .min(state.settings.http.request_timeout_secs.saturating_sub(5));
    let wait = Duration::from_secs(request.wait_secs.unwrap_or(most).min(most));
    let until = tokio::time::Instant::now() + wait;
    let name = worker.queue_name();
    let next = NextClaim {
        worker_id: &name,
        models: Some(&models),
        lease_ms: i64::try_from(jobs.lease_secs).unwrap_or(30) * 1000,
        pool: worker.0.pool,
    };
    loop {
        // Asked again each time round: a worker paused or revoked meanwhile takes nothing.
        let current = state
            .store
            .find_worker(None, worker.0.id)
            .await?
            .filter(|w| w.revoked_at.is_none());
        let Some(current) = current else {
            return Err(super::unauthorized());
        };
        if current.paused {
            return Ok(Json(serde_json::json!({
                "job": null,
                "paused": true,
                "reason": current.paused_reason,
            }))
            .into_response());
        }
        let woken = state.worker_wake.notified();
        tokio::pin!(woken);
        woken.as_mut().enable();
        if let Some(claimed) = state.store.claim_job(&next, state.clock.now()).await? {
            if let Some(answer) = hand_out(&state, &worker, &backend, claimed).await? {
                return Ok(answer);
            }
            continue;
        }
        tokio::select! {
            () = &mut woken => {}
            () = tokio::time::sleep(RECHECK) => {}
            () = tokio::time::sleep_until(until) => break,
            () = state.shutdown.requested() => break,
        }
        if tokio::time::Instant::now() >= until {
            break;
        }
    }
    Ok(Json(serde_json::json!({ "job": null })).into_response())
}

/// The claimed job as the worker gets it, with its model's workflow filled in; `None` when
/// the job's model is no longer one this worker's backend draws (the catalogue changed
/// since it was queued): the job then fails, costing nothing, and the worker asks again.
async fn hand_out(
    state: &AppState,
    worker: &WorkerIdentity,
    backend: &str,
    claimed: ClaimedJob,
) -> Result<Option<Response>, ApiError> {
    let ClaimedJob { job, lease_token } = claimed;
    let catalog = state.models.current();
    let model = catalog.get(&job.model).filter(|m| m.backend == backend);
    let Some(model) = model else {
        state
            .store
            .fail_job_attempt(
                job.id,
                &lease_token,
                &atelier_domain::JobReason::ModelGone.stored(),
                false,
                state.clock.now(),
            )
            .await?;
        let _ = state.job_events.send(job.id);
        return Ok(None);
    };
    let workflow = model.workflow_for(&job);
    // Bookkeeping for the fleet page; the claim itself has committed, and an answer lost
    // now would cost the job a lease and an attempt.
    if let Err(e) = state.store.worker_holds(worker.0.id, Some(job.id)).await {
        tracing::warn!(error = %e, "the worker's current job not recorded");
    }
    let _ = state.job_events.send(job.id);
    tracing::info!(job = %job.id, worker = %worker.0.id, "job handed to a remote worker");
    let jobs = &state.settings.jobs;
    Ok(Some(
        Json(serde_json::json!({
            "job": {
                "id": job.id,
                "lease_token": lease_token,
                "model": job.model,
                "backend": model.backend,
                "prompt": job.prompt,
                "negative_prompt": job.negative_prompt,
                "width": job.width,
                "height": job.height,
                "seed": job.seed,
                "workflow": workflow,
                "deadline_at": job.deadline_at.millis(),
                "deadline_in_ms": (job.deadline_at.millis() - state.clock.now().millis()).max(0),
                "lease_secs": jobs.lease_secs,
                "heartbeat_secs": jobs.heartbeat_secs,
            }
        }))
        .into_response(),
    ))
}
