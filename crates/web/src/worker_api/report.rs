//! What a worker reports about the job it holds (heartbeat, complete, fail, release), and
//! its own health while paused. Each report names the job's lease token; the queue refuses
//! a report whose lease is gone, and so does this API (409 `lease_lost`), changing nothing.

use atelier_domain::{ImageId, JobId, JobStatus};
use atelier_store::{Completion, FailureKind, Heartbeat, NewImage};
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::{json_body, lease_lost, WorkerIdentity};
use crate::api::ApiError;
use crate::path_id::PathId;
use crate::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeartbeatRequest {
    lease_token: String,
    /// From 0 to 1.
    #[serde(default)]
    progress: f64,
}

/// Extends the lease and records progress; the answer says whether to go on or stop (the
/// owner canceled, the deadline passed, or the lease is gone).
pub(super) async fn heartbeat(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    PathId(id): PathId<JobId>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: HeartbeatRequest = json_body(&body)?;
    let progress = (request.progress.clamp(0.0, 1.0) * 1000.0).round() as i64;
    let lease_ms = i64::try_from(state.settings.jobs.lease_secs).unwrap_or(30) * 1000;
    let now = state.clock.now();
    let beat = state
        .store
        .heartbeat_job(id, &request.lease_token, progress, lease_ms, now)
        .await?;
    let answer = match beat {
        Heartbeat::Continue => {
            let _ = state.job_events.send(id);
            serde_json::json!({ "action": "continue" })
        }
        Heartbeat::Cancel => serde_json::json!({ "action": "stop", "reason": "canceled" }),
        Heartbeat::Lost => {
            let _ = state.store.worker_holds(worker.0.id, None).await;
            serde_json::json!({ "action": "stop", "reason": "lease_lost" })
        }
    };
    Ok(Json(answer).into_response())
}

#[derive(Deserialize)]
pub(super) struct CompleteQuery {
    lease_token: String,
}

/// Takes the finished PNG (the request body): accepted only when it decodes as a PNG of the
/// size the job asked for; then the job succeeds and its cost is captured, once. A refused
/// upload changes nothing: the worker still holds the job and may send it again or fail it.
pub(super) async fn complete(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    PathId(id): PathId<JobId>,
    Query(query): Query<CompleteQuery>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(job) = state.store.job_held_by(id, &worker.queue_name()).await? else {
        return Err(lease_lost());
    };
    let expected = (
        u32::try_from(job.width).unwrap_or(0),
        u32::try_from(job.height).unwrap_or(0),
    );
    let image = ImageId(uuid::Uuid::now_v7());
    let stored = state
        .storage
        .store(job.tenant_id, image, body.to_vec(), expected)
        .await
        .map_err(|e| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "bad_image",
                format!("The image was not accepted: {e}. The job is still yours."),
            )
        })?;
    let record = NewImage {
        id: image,
        width: i64::from(stored.width),
        height: i64::from(stored.height),
        bytes: i64::try_from(stored.bytes).unwrap_or(i64::MAX),
    };
    let now = state.clock.now();
    let completion = state
        .store
        .complete_job(id, &query.lease_token, record, now)
        .await;
    let completion = match completion {
        Ok(completion) => completion,
        Err(e) => {
            // The report may have committed before its answer was lost: keep the file
            // unless the job surely does not carry it.
            let carried = state.store.find_job(job.tenant_id, None, id).await;
            if matches!(carried, Ok(Some(j)) if j.image_id != Some(image)) {
                state.storage.remove(job.tenant_id, image).await;
            }
            return Err(e.into());
        }
    };
    state.storage.remove_preview(job.tenant_id, id).await;
    let _ = state.job_events.send(id);
    let outcome = match completion {
        Completion::Succeeded => {
            let took = job.started_at.map_or(0, |s| now.millis() - s.millis());
            state.store.worker_succeeded(worker.0.id, took).await?;
            "succeeded"
        }
        Completion::Canceled => {
            state.storage.remove(job.tenant_id, image).await;
            state.store.worker_holds(worker.0.id, None).await?;
            "canceled"
        }
        Completion::LeaseLost => {
            state.storage.remove(job.tenant_id, image).await;
            return Err(lease_lost());
        }
    };
    tracing::info!(job = %id, worker = %worker.0.id, outcome, "remote worker handed in");
    Ok(Json(serde_json::json!({ "outcome": outcome })).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FailRequest {
    lease_token: String,
    /// Shown to the job's owner when the job fails for good.
    reason: String,
    /// Whether another attempt could succeed (a timeout, a busy GPU), or not (ComfyUI
    /// refused the workflow).
    #[serde(default)]
    retryable: bool,
    /// The machine misbehaved (its ComfyUI ignored an interrupt): pause it at once.
    #[serde(default)]
    unhealthy: bool,
}

/// Reports a failed attempt: the job is queued again while attempts and time remain and the
/// failure is worth retrying, and fails otherwise. Counts against the worker, which is
/// paused after `jobs.pause_worker_after_failures` in a row.
pub(super) async fn fail(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    PathId(id): PathId<JobId>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: FailRequest = json_body(&body)?;
    let reason = request.reason.trim();
    let reason = if reason.is_empty() {
        "The image could not be made."
    } else {
        reason
    };
    let now = state.clock.now();
    let status = state
        .store
        .fail_job_attempt(
            id,
            &request.lease_token,
            reason,
            request.retryable || request.unhealthy,
            now,
        )
        .await?;
    let Some(status) = status else {
        return Err(lease_lost());
    };
    let _ = state.job_events.send(id);
    // A job its owner canceled is not the worker's failure.
    let paused = if status == JobStatus::Canceled {
        state.store.worker_holds(worker.0.id, None).await?;
        false
    } else {
        let kind = if request.unhealthy {
            FailureKind::Unhealthy(reason)
        } else {
            FailureKind::Job {
                pause_after: i64::from(state.settings.jobs.pause_worker_after_failures),
            }
        };
        state.store.worker_failed(worker.0.id, kind, now).await?
    };
    if status == JobStatus::Queued {
        state.worker_wake.notify_one();
        state.queue_wake.notify_one();
    }
    if paused {
        tracing::warn!(worker = %worker.0.id, "worker paused: its jobs keep failing");
    }
    Ok(Json(serde_json::json!({ "status": status.as_str(), "paused": paused })).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReleaseRequest {
    lease_token: String,
}

/// Gives the job back to the queue without spending its attempt: the worker is stopping.
pub(super) async fn release(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    PathId(id): PathId<JobId>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: ReleaseRequest = json_body(&body)?;
    let back = state
        .store
        .hand_back_job(id, &request.lease_token, state.clock.now())
        .await?;
    if !back {
        return Err(lease_lost());
    }
    state.store.worker_holds(worker.0.id, None).await?;
    state.worker_wake.notify_one();
    state.queue_wake.notify_one();
    let _ = state.job_events.send(id);
    Ok(Json(serde_json::json!({ "released": true })).into_response())
}

/// Keeps the newest preview of the job in hand (the request body, a JPEG or PNG) for its
/// page to show while it renders.
pub(super) async fn preview(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    PathId(id): PathId<JobId>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(job) = state.store.job_held_by(id, &worker.queue_name()).await? else {
        return Err(lease_lost());
    };
    state
        .storage
        .put_preview(job.tenant_id, id, body.to_vec())
        .await
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "bad_image", e.to_string()))?;
    let _ = state.job_events.send(id);
    Ok(Json(serde_json::json!({ "kept": true })).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HealthRequest {
    ok: bool,
    #[serde(default)]
    detail: String,
}

/// How long a paused worker stays paused before its own health check may resume it, so
/// that a machine whose jobs keep failing does not flap between paused and eating retries.
const PAUSED_AT_LEAST_MS: i64 = 60_000;

/// A paused worker's own health check: when it passes (and the worker has been paused a
/// while), the worker is resumed.
pub(super) async fn health(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: HealthRequest = json_body(&body)?;
    let now = state.clock.now().millis();
    let cooled = worker
        .0
        .paused_at
        .is_none_or(|at| now - at.millis() >= PAUSED_AT_LEAST_MS);
    let resumed = if request.ok && worker.0.paused && cooled {
        state
            .store
            .resume_worker(None, worker.0.id, None, state.clock.now())
            .await?
    } else {
        false
    };
    if resumed {
        tracing::info!(worker = %worker.0.id, "worker resumed: its health check passed");
    } else if !request.ok {
        tracing::warn!(worker = %worker.0.id, detail = %request.detail, "worker health check failed");
    }
    let paused = worker.0.paused && !resumed;
    Ok(Json(serde_json::json!({ "paused": paused })).into_response())
}
