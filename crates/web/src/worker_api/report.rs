//! What a worker reports about a job it holds (heartbeat, complete, fail, release, preview),
//! and its own health. Each job report must come from the worker the job is leased to, and
//! name the lease token; the queue refuses a report whose lease is gone, and so does this API
//! (409 `lease_lost`), changing nothing.

use atelier_domain::{ImageId, Job, JobId, JobReason, JobStatus};
use atelier_store::{Completion, FailureKind, Heartbeat, NewImage};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::{json_body, lease_lost, WorkerIdentity};
use crate::api::ApiError;
use crate::path_id::PathId;
use crate::AppState;

/// The header that carries the lease token of an upload (complete, preview), whose body is
/// the image: not in the address, which proxies write to their logs.
const LEASE_HEADER: &str = "x-atelier-lease";

/// The running job this worker holds, or 409: a report about another worker's job (of this
/// pool or another) changes nothing, whatever lease token it names.
async fn held(state: &AppState, worker: &WorkerIdentity, id: JobId) -> Result<Job, ApiError> {
    state
        .store
        .job_held_by(id, &worker.queue_name())
        .await?
        .ok_or_else(lease_lost)
}

/// Bookkeeping after a report that committed: a failure here is logged, never answered as
/// the report's failure (the worker would think the job was not handed in).
async fn note<E: std::fmt::Display>(
    what: &str,
    done: impl std::future::Future<Output = Result<(), E>>,
) {
    if let Err(e) = done.await {
        tracing::warn!(error = %e, "{what} not recorded");
    }
}

#[derive(Deserialize)]
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
    let job = held(&state, &worker, id).await?;
    let now = state.clock.now();
    if job.deadline_at <= now {
        return Ok(
            Json(serde_json::json!({ "action": "stop", "reason": "deadline" })).into_response(),
        );
    }
    let progress = (request.progress.clamp(0.0, 1.0) * 1000.0).round() as i64;
    let lease_ms = i64::try_from(state.settings.jobs.lease_secs).unwrap_or(30) * 1000;
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
        Heartbeat::Lost => serde_json::json!({ "action": "stop", "reason": "lease_lost" }),
    };
    Ok(Json(answer).into_response())
}

/// The lease token of an upload, from [`LEASE_HEADER`].
fn upload_lease(headers: &HeaderMap) -> Result<String, ApiError> {
    headers
        .get(LEASE_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "lease_missing",
                format!("Send the job's lease token in the {LEASE_HEADER} header."),
            )
        })
}

/// Takes the finished PNG (the request body): accepted only when it is a PNG of the size the
/// job asked for; then the job succeeds and its cost is captured, once. A refused upload
/// changes nothing: the worker still holds the job and may send it again or fail it.
pub(super) async fn complete(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    PathId(id): PathId<JobId>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lease = upload_lease(&headers)?;
    let job = held(&state, &worker, id).await?;
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
    let completion = match state.store.complete_job(id, &lease, record, now).await {
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
            note(
                "render time",
                state.store.worker_succeeded(worker.0.id, took),
            )
            .await;
            "succeeded"
        }
        Completion::Canceled => {
            state.storage.remove(job.tenant_id, image).await;
            note("idle worker", state.store.worker_holds(worker.0.id, None)).await;
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
struct FailRequest {
    lease_token: String,
    /// Why; shown to the job's owner when the job fails for good and the failure was not
    /// worth retrying (ComfyUI refused the workflow), logged otherwise.
    reason: String,
    /// Whether another attempt could succeed (a timeout, a busy GPU), or not.
    #[serde(default)]
    retryable: bool,
    /// The machine misbehaved (its ComfyUI ignored an interrupt): pause it at once.
    #[serde(default)]
    unhealthy: bool,
}

/// Reports a failed attempt: the job is queued again while attempts and time remain and the
/// failure is worth retrying, and fails otherwise. Counts against the worker, which is
/// paused after `jobs.pause_worker_after_failures` in a row, or at once when unhealthy.
pub(super) async fn fail(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    PathId(id): PathId<JobId>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: FailRequest = json_body(&body)?;
    held(&state, &worker, id).await?;
    let said: String = request.reason.trim().chars().take(500).collect();
    let retryable = request.retryable || request.unhealthy;
    // A failure worth retrying is told to the owner in our words: the worker's own name
    // machines and addresses that are not the owner's business (they go to the log).
    let reason = if retryable {
        tracing::warn!(job = %id, worker = %worker.0.id, reason = %said, "remote render failed; to be retried");
        JobReason::GpuFailed.stored()
    } else if said.is_empty() {
        JobReason::NotMade.stored()
    } else {
        said.clone()
    };
    let now = state.clock.now();
    let status = state
        .store
        .fail_job_attempt(id, &request.lease_token, &reason, retryable, now)
        .await?
        .ok_or_else(lease_lost)?;
    let _ = state.job_events.send(id);
    let kind = if request.unhealthy {
        Some(FailureKind::Unhealthy(&said))
    } else if status == JobStatus::Canceled {
        // A job its owner canceled is not the worker's failure.
        None
    } else {
        Some(FailureKind::Job {
            pause_after: i64::from(state.settings.jobs.pause_worker_after_failures),
        })
    };
    let paused = match kind {
        Some(kind) => state.store.worker_failed(worker.0.id, kind, now).await?,
        None => {
            note("idle worker", state.store.worker_holds(worker.0.id, None)).await;
            false
        }
    };
    if status == JobStatus::Queued {
        state.worker_wake.notify_one();
        state.queue_wake.notify_one();
    }
    if paused {
        tracing::warn!(worker = %worker.0.id, "worker paused: its jobs keep failing, or it would not stop");
    }
    Ok(Json(serde_json::json!({ "status": status.as_str(), "paused": paused })).into_response())
}

#[derive(Deserialize)]
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
    held(&state, &worker, id).await?;
    let back = state
        .store
        .hand_back_job(id, &request.lease_token, state.clock.now())
        .await?;
    if !back {
        return Err(lease_lost());
    }
    note("idle worker", state.store.worker_holds(worker.0.id, None)).await;
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
    let job = held(&state, &worker, id).await?;
    state
        .storage
        .put_preview(job.tenant_id, id, body.to_vec())
        .await
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "bad_image", e.to_string()))?;
    let _ = state.job_events.send(id);
    Ok(Json(serde_json::json!({ "kept": true })).into_response())
}

#[derive(Deserialize)]
struct HealthRequest {
    ok: bool,
    #[serde(default)]
    detail: String,
    /// The backend misbehaved outside any job it could still report (it would not stop a
    /// render whose job has ended meanwhile): pause the worker now.
    #[serde(default)]
    unhealthy: bool,
}

/// How long a worker the server paused stays paused before its own health check may resume
/// it, so that a machine whose jobs keep failing does not flap between paused and eating
/// retries.
const PAUSED_AT_LEAST_MS: i64 = 60_000;

/// A worker's own health: a passing check resumes a worker the server paused (not one an
/// admin paused) once it has been paused a while; an unhealthy report pauses it.
pub(super) async fn health(
    State(state): State<AppState>,
    worker: WorkerIdentity,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request: HealthRequest = json_body(&body)?;
    let now = state.clock.now();
    if request.unhealthy {
        let detail: String = request.detail.chars().take(300).collect();
        let why = if detail.is_empty() {
            "its backend would not stop".to_owned()
        } else {
            detail
        };
        state
            .store
            .worker_failed(worker.0.id, FailureKind::Unhealthy(&why), now)
            .await?;
        tracing::warn!(worker = %worker.0.id, %why, "worker paused: its backend is unwell");
        return Ok(Json(serde_json::json!({ "paused": true })).into_response());
    }
    let cooled = worker
        .0
        .paused_at
        .is_none_or(|at| now.millis() - at.millis() >= PAUSED_AT_LEAST_MS);
    let resumed = if request.ok && worker.0.paused && worker.0.paused_auto && cooled {
        state
            .store
            .resume_worker(None, worker.0.id, None, now)
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
