//! The worker loop that runs inside `atelier serve` (and, later, in `atelier worker`).

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use atelier_domain::{Clock, ImageId, JobId};
use atelier_media::ImageStorage;
use atelier_store::{ClaimedJob, Completion, Heartbeat, NewImage, NextClaim, Store, StoreError};
use tokio::sync::{broadcast, watch, Notify};

use tokio_util::sync::CancellationToken;

use crate::{Backend, RenderContext, RenderSpec, Update};

/// How often a running job's progress may be written (when it changed).
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// How a worker paces itself.
#[derive(Debug, Clone)]
pub struct WorkerSettings {
    /// How long a claim lasts without a heartbeat.
    pub lease_ms: i64,
    /// How long a render may go on once shutdown is asked for before its job is handed
    /// back to the queue (well inside the supervisor's deadline for stopping tasks).
    pub hand_back_after: Duration,
    /// How often a running job reports progress and extends its lease.
    pub heartbeat: Duration,
    /// How long a render may take to stop once told to (cancel, deadline, lost lease).
    pub stop_grace: Duration,
    /// How long an idle worker waits before looking again without being woken (jobs
    /// submitted on other nodes).
    pub idle_recheck: Duration,
}

/// Why a worker told its render to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// The owner canceled: the worker reports it.
    Canceled,
    /// The job's time ran out: the reaper ends it.
    Deadline,
    /// Another worker holds the job now: nothing to report.
    Lost,
}

/// One worker: claims a job, renders it, reports, repeats. Deadlines and expired leases are
/// the [`Reaper`](crate::Reaper)'s business, not the worker's.
#[derive(Clone)]
pub struct EmbeddedWorker {
    pub id: String,
    pub store: Store,
    pub storage: ImageStorage,
    pub backend: Arc<dyn Backend>,
    pub clock: Arc<dyn Clock>,
    /// Notified when a job is submitted on this node.
    pub wake: Arc<Notify>,
    /// The models it may claim (those its backend draws); `None` for all.
    pub models: Option<Vec<String>>,
    /// Told about every job this worker changes, for live status pages.
    pub events: broadcast::Sender<JobId>,
    pub settings: WorkerSettings,
}

impl EmbeddedWorker {
    fn publish(&self, job: JobId) {
        // Nobody listening is fine.
        let _ = self.events.send(job);
    }

    /// Runs at most one job; says whether it ran one.
    pub async fn run_once(&self) -> Result<bool, StoreError> {
        let Some(claimed) = self.claim().await? else {
            return Ok(false);
        };
        self.run_job(claimed, None).await?;
        Ok(true)
    }

    /// Runs `claimed`. With `shutdown` (the worker's loop), it claims the next job in the
    /// same trip as reporting a success unless shutdown has been asked for by then, and once
    /// it has, hands the job back if the render does not end within `hand_back_after`.
    async fn run_job(
        &self,
        claimed: ClaimedJob,
        shutdown: Option<watch::Receiver<bool>>,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        let id = claimed.job.id;
        self.publish(id);
        let next = self.process(claimed, shutdown).await?;
        self.publish(id);
        Ok(next)
    }

    /// Claims the next job if there is one.
    async fn claim(&self) -> Result<Option<ClaimedJob>, StoreError> {
        self.store
            .claim_next_job(
                &self.id,
                self.models.as_deref(),
                self.settings.lease_ms,
                self.clock.now(),
            )
            .await
    }

    #[tracing::instrument(skip_all, fields(worker = %self.id, job = %claimed.job.id))]
    async fn process(
        &self,
        claimed: ClaimedJob,
        shutdown: Option<watch::Receiver<bool>>,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        let ClaimedJob { job, lease_token } = claimed;
        let spec = RenderSpec::of(&job, None);
        let progress = Arc::new(AtomicI64::new(0));
        // The newest preview frame not yet kept for the job's page.
        let frame: Arc<std::sync::Mutex<Option<crate::Preview>>> = Arc::default();
        let report = {
            let (progress, frame) = (progress.clone(), frame.clone());
            move |update: Update| match update {
                Update::Progress(p) => {
                    progress.store((p.clamp(0.0, 1.0) * 1000.0) as i64, Ordering::Relaxed);
                }
                Update::Preview(preview) => {
                    if let Ok(mut slot) = frame.lock() {
                        *slot = Some(preview);
                    }
                }
            }
        };
        let stop = CancellationToken::new();
        let render = self.backend.render(
            &spec,
            RenderContext {
                report: &report,
                stop: &stop,
            },
        );
        tokio::pin!(render);
        // Progress is written once a second while it moves, and the lease is extended at
        // least every heartbeat period even when it does not.
        let mut ticker =
            tokio::time::interval_at(tokio::time::Instant::now() + PROGRESS_EVERY, PROGRESS_EVERY);
        let mut reported = (0_i64, tokio::time::Instant::now());
        // Once shutdown is asked for, the render has a little while to end; then the job goes
        // back to the queue for another worker, its attempt not spent.
        let mut watch_stop = shutdown.clone();
        let stop_asked = async move {
            match watch_stop.as_mut() {
                Some(rx) => {
                    let _ = rx.wait_for(|stop| *stop).await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        tokio::pin!(stop_asked);
        // The deadline stops the render here; the reaper then ends the job.
        let deadline = tokio::time::sleep(Duration::from_millis(
            u64::try_from(job.deadline_at.millis() - self.clock.now().millis()).unwrap_or(0),
        ));
        tokio::pin!(deadline);
        let mut hand_back_at: Option<tokio::time::Instant> = None;
        // Why the render was told to stop, and until when it may take to do so.
        let mut stopping: Option<(Stop, tokio::time::Instant)> = None;
        let outcome = loop {
            let hand_back = async move {
                match hand_back_at {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending::<()>().await,
                }
            };
            let given_up = async move {
                match stopping {
                    Some((_, until)) => tokio::time::sleep_until(until).await,
                    None => std::future::pending::<()>().await,
                }
            };
            let grace = self.settings.stop_grace;
            let ask_to_stop = |stopping: &mut Option<(Stop, tokio::time::Instant)>, why: Stop| {
                if stopping.is_none() {
                    stop.cancel();
                    *stopping = Some((why, tokio::time::Instant::now() + grace));
                }
            };
            tokio::select! {
                result = &mut render => break Some(result),
                () = given_up => {
                    tracing::warn!("the render did not stop when asked");
                    break None;
                }
                () = &mut deadline, if stopping.is_none() => ask_to_stop(&mut stopping, Stop::Deadline),
                () = &mut stop_asked, if hand_back_at.is_none() => {
                    hand_back_at = Some(tokio::time::Instant::now() + self.settings.hand_back_after);
                }
                () = hand_back, if stopping.is_none() => {
                    let back = self.store.hand_back_job(job.id, &lease_token, self.clock.now()).await?;
                    tracing::info!(handed_back = back, "shutting down: the job goes back to the queue");
                    // No waiting for the render to wind down: the node is stopping.
                    stop.cancel();
                    return Ok(None);
                }
                _ = ticker.tick(), if stopping.is_none() => {
                    let preview = frame.lock().ok().and_then(|mut slot| slot.take());
                    if let Some(preview) = preview {
                        if let Err(e) = self.storage.put_preview(job.tenant_id, job.id, preview.bytes).await {
                            tracing::debug!(error = %e, "preview not kept");
                        }
                    }
                    let current = progress.load(Ordering::Relaxed);
                    if current == reported.0 && reported.1.elapsed() < self.settings.heartbeat {
                        continue;
                    }
                    reported = (current, tokio::time::Instant::now());
                    let beat = self
                        .store
                        .heartbeat_job(
                            job.id,
                            &lease_token,
                            progress.load(Ordering::Relaxed),
                            self.settings.lease_ms,
                            self.clock.now(),
                        )
                        .await;
                    match beat {
                        Ok(Heartbeat::Continue) => self.publish(job.id),
                        Ok(Heartbeat::Cancel) => ask_to_stop(&mut stopping, Stop::Canceled),
                        Ok(Heartbeat::Lost) => {
                            tracing::warn!("lease lost; another worker owns the job now");
                            ask_to_stop(&mut stopping, Stop::Lost);
                        }
                        Err(e) => tracing::warn!(error = %e, "heartbeat failed; will retry"),
                    }
                }
            }
        };
        // Its preview goes with it, unless the job is another worker's now.
        if !matches!(stopping, Some((Stop::Lost, _))) {
            self.storage.remove_preview(job.tenant_id, job.id).await;
        }
        // A render told to stop ends as what stopped it, whatever it returned.
        let outcome = match stopping {
            Some((Stop::Canceled, _)) => None,
            Some((why, _)) => {
                tracing::info!(?why, "the render stopped");
                return Ok(None);
            }
            None => outcome,
        };
        let now = self.clock.now();
        match outcome {
            None => {
                self.store
                    .fail_job_attempt(
                        job.id,
                        &lease_token,
                        &atelier_domain::JobReason::CanceledByOwner.stored(),
                        false,
                        now,
                    )
                    .await?;
                tracing::info!("canceled while running");
            }
            Some(Err(e)) => {
                let status = self
                    .store
                    .fail_job_attempt(job.id, &lease_token, &e.message, e.retryable, now)
                    .await?;
                tracing::warn!(error = %e.message, ?status, "render failed");
            }
            Some(Ok(png)) => {
                let image = ImageId(uuid::Uuid::now_v7());
                match self
                    .storage
                    .store(job.tenant_id, image, png, (spec.width, spec.height))
                    .await
                {
                    Err(e) => {
                        self.store
                            .fail_job_attempt(job.id, &lease_token, &e.to_string(), true, now)
                            .await?;
                        tracing::warn!(error = %e, "result could not be stored");
                    }
                    Ok(stored) => {
                        let record = NewImage {
                            id: image,
                            width: i64::from(stored.width),
                            height: i64::from(stored.height),
                            bytes: i64::try_from(stored.bytes).unwrap_or(i64::MAX),
                        };
                        // Asked now, not when the render began: a worker told to stop
                        // meanwhile claims nothing more.
                        let claim_next = shutdown.as_ref().is_some_and(|rx| !*rx.borrow());
                        let next = claim_next.then_some(NextClaim {
                            worker_id: &self.id,
                            models: self.models.as_deref(),
                            lease_ms: self.settings.lease_ms,
                            pool: None,
                        });
                        let done = self
                            .store
                            .complete_and_claim(
                                job.id,
                                &lease_token,
                                record,
                                self.clock.now(),
                                next,
                            )
                            .await;
                        match done {
                            Ok((Completion::Succeeded, next)) => {
                                tracing::info!("succeeded");
                                return Ok(next);
                            }
                            Ok((other, next)) => {
                                self.storage.remove(job.tenant_id, image).await;
                                tracing::info!(?other, "finished, but the image is not kept");
                                return Ok(next);
                            }
                            Err(e) => {
                                // The report may have committed before its answer was
                                // lost: keep the file unless the job surely does not carry
                                // it (a paid image must never go missing; a stray file
                                // costs only disk).
                                let carried = self
                                    .store
                                    .find_job(job.tenant_id, None, job.id)
                                    .await
                                    .map(|found| found.and_then(|j| j.image_id));
                                if matches!(carried, Ok(Some(kept)) if kept != image)
                                    || matches!(carried, Ok(None))
                                {
                                    self.storage.remove(job.tenant_id, image).await;
                                }
                                return Err(e);
                            }
                        }
                    }
                }
            }
        }
        Ok(None)
    }

    /// Runs jobs until `shutdown` turns true; sleeps when idle until woken. A busy worker
    /// claims its next job in the same trip as reporting a success; once shutdown is asked
    /// for, it finishes the job it holds and claims no more.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let mut next: Option<ClaimedJob> = None;
        loop {
            let stopping = *shutdown.borrow();
            let claimed = match next.take() {
                Some(job) => Ok(Some(job)),
                None if stopping => return,
                None => self.claim().await,
            };
            // Run what was claimed; the job it hands back (claimed on reporting a success) is
            // the next one.
            let ran = match claimed {
                Ok(Some(job)) => self.run_job(job, Some(shutdown.clone())).await.map(Some),
                nothing_or_failed => nothing_or_failed.map(|_| None),
            };
            let idle = match ran {
                Ok(Some(then)) => {
                    next = then;
                    false
                }
                Ok(None) => true,
                Err(e) => {
                    tracing::error!(worker = %self.id, error = %e, "worker pass failed");
                    true
                }
            };
            if idle {
                tokio::select! {
                    () = self.wake.notified() => {}
                    () = tokio::time::sleep(self.settings.idle_recheck) => {}
                    _ = shutdown.wait_for(|stop| *stop) => {}
                }
            }
        }
    }
}
