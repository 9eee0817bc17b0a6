//! `atelier worker`: a worker on another machine that asks a server's worker API for jobs,
//! renders them with its backend (ComfyUI on the same machine, or the demo backend), beats
//! their hearts and hands the PNG in. It reconnects with backoff and jitter whenever the
//! server is away, and on shutdown finishes the job in hand, or gives it back when the
//! render outlasts `hand_back_after`.

mod client;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

pub use client::{Beat, CallError, ClaimAnswer, RemoteJob, WorkerApi};

use crate::{Backend, RenderContext, RenderError, RenderSpec, Update};

/// The longest wait between tries while the server is away.
const MOST_BACKOFF: Duration = Duration::from_secs(60);
/// How often the newest preview frame of a render is sent, at most.
const PREVIEW_EVERY: Duration = Duration::from_secs(1);
/// How long a paused worker waits between health checks.
const PAUSED_RECHECK: Duration = Duration::from_secs(30);

/// One remote worker: `concurrency` loops over one backend.
#[derive(Clone)]
pub struct RemoteWorker {
    pub api: WorkerApi,
    pub backend: Arc<dyn Backend>,
    /// `demo` or `comfyui`: the server hands out that backend's models.
    pub backend_name: String,
    /// Only these models, when given.
    pub models: Option<Vec<String>>,
    /// How long a render may go on after shutdown is asked before its job is given back.
    pub hand_back_after: Duration,
    /// How long a render may take to stop once told to.
    pub stop_grace: Duration,
}

/// Why a run of the worker ended.
#[derive(Debug, thiserror::Error)]
pub enum WorkerExit {
    #[error("{0}")]
    Refused(CallError),
}

impl RemoteWorker {
    /// Runs `concurrency` loops until `shutdown` turns true (each finishing or handing back
    /// its job), or until the server refuses the token.
    pub async fn run(
        self,
        concurrency: usize,
        shutdown: watch::Receiver<bool>,
    ) -> Result<(), WorkerExit> {
        let mut loops = tokio::task::JoinSet::new();
        for slot in 0..concurrency.max(1) {
            let worker = self.clone();
            let shutdown = shutdown.clone();
            loops.spawn(async move { worker.run_loop(slot, shutdown).await });
        }
        let mut outcome = Ok(());
        while let Some(ended) = loops.join_next().await {
            match ended {
                Ok(Err(e)) => {
                    outcome = Err(e);
                    loops.abort_all();
                }
                Ok(Ok(())) => {}
                Err(e) if e.is_cancelled() => {}
                Err(e) => tracing::error!(error = %e, "a worker loop stopped unexpectedly"),
            }
        }
        outcome
    }

    #[tracing::instrument(skip_all, fields(slot = slot))]
    async fn run_loop(
        &self,
        slot: usize,
        mut shutdown: watch::Receiver<bool>,
    ) -> Result<(), WorkerExit> {
        let failures = AtomicU32::new(0);
        loop {
            if *shutdown.borrow() {
                return Ok(());
            }
            let asking = self.api.claim(&self.backend_name, self.models.as_deref());
            tokio::pin!(asking);
            let claim = tokio::select! {
                claim = &mut asking => claim,
                () = stop_requested(&mut shutdown) => {
                    // The claim may already have been granted: dropping it would leave the
                    // job leased to nobody for a lease and cost it an attempt. Let it
                    // answer, and give back what it brings.
                    if let Ok(ClaimAnswer::Job(job)) = asking.await {
                        if let Err(e) = self.api.release(&job).await {
                            tracing::warn!(job = %job.id, error = %e, "could not give back a job claimed while stopping");
                        }
                    }
                    return Ok(());
                }
            };
            match claim {
                Ok(ClaimAnswer::Job(job)) => {
                    failures.store(0, Ordering::Relaxed);
                    self.run_job(&job, shutdown.clone()).await;
                }
                Ok(ClaimAnswer::Nothing) => failures.store(0, Ordering::Relaxed),
                Ok(ClaimAnswer::Paused(reason)) => {
                    tracing::warn!(%reason, "this worker is paused; checking its backend");
                    if !self.wait(PAUSED_RECHECK, &mut shutdown).await {
                        return Ok(());
                    }
                    let checked = self.backend.check().await;
                    let detail = checked.as_ref().err().cloned().unwrap_or_default();
                    match self.api.health(checked.is_ok(), &detail).await {
                        Ok(true) => tracing::info!("resumed: the backend's check passed"),
                        Ok(false) => {}
                        Err(e) => tracing::warn!(error = %e, "could not report health"),
                    }
                }
                Err(e @ CallError::Unauthorized(_)) => {
                    tracing::error!(error = %e, "the server refused this worker's token");
                    return Err(WorkerExit::Refused(e));
                }
                // The server is away, or said no for now (a proxy's error during a deploy, a
                // catalogue without this backend's models): try again later, never give up.
                Err(e) => {
                    let n = failures.fetch_add(1, Ordering::Relaxed);
                    let pause = backoff(n);
                    let retry_in_ms = pause.as_millis() as u64;
                    match &e {
                        CallError::Transport(_) => {
                            tracing::warn!(error = %e, retry_in_ms, "the server is away")
                        }
                        _ => {
                            tracing::error!(error = %e, retry_in_ms, "the server refused the claim")
                        }
                    }
                    if !self.wait(pause, &mut shutdown).await {
                        return Ok(());
                    }
                }
            }
        }
    }

    /// Sleeps for `pause` unless shutdown is asked first; says whether to go on.
    async fn wait(&self, pause: Duration, shutdown: &mut watch::Receiver<bool>) -> bool {
        tokio::select! {
            () = tokio::time::sleep(pause) => true,
            () = stop_requested(shutdown) => false,
        }
    }

    /// Renders one job and reports how it ended.
    #[tracing::instrument(skip_all, fields(job = %job.id))]
    async fn run_job(&self, job: &RemoteJob, shutdown: watch::Receiver<bool>) {
        let spec = RenderSpec {
            job: job.id.clone(),
            prompt: job.prompt.clone(),
            negative_prompt: job.negative_prompt.clone(),
            model: job.model.clone(),
            width: job.width,
            height: job.height,
            seed: job.seed,
            workflow: job.workflow.clone(),
        };
        let progress = Arc::new(std::sync::Mutex::new(Latest::default()));
        let report = {
            let progress = progress.clone();
            move |update: Update| {
                if let Ok(mut latest) = progress.lock() {
                    match update {
                        Update::Progress(p) => latest.progress = p.clamp(0.0, 1.0),
                        Update::Preview(frame) => latest.preview = Some(frame),
                    }
                }
            }
        };
        let stop = CancellationToken::new();
        let outcome = {
            let render = self.backend.render(
                &spec,
                RenderContext {
                    report: &report,
                    stop: &stop,
                },
            );
            self.watch_render(job, render, &stop, &progress, shutdown)
                .await
        };
        self.report(job, outcome).await;
    }

    /// Drives the render, beating its heart and sending its previews, until it ends or is
    /// told to stop. Calls to the server run beside the render, never in its way: a server
    /// that is slow to answer does not stall the render, the deadline or a shutdown.
    async fn watch_render(
        &self,
        job: &RemoteJob,
        render: crate::RenderFuture<'_>,
        stop: &CancellationToken,
        progress: &std::sync::Mutex<Latest>,
        mut shutdown: watch::Receiver<bool>,
    ) -> Outcome {
        tokio::pin!(render);
        let every = Duration::from_secs(job.heartbeat_secs.max(1));
        let mut beats = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        beats.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut frames = tokio::time::interval(PREVIEW_EVERY);
        frames.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let deadline = tokio::time::sleep(Duration::from_millis(job.deadline_in_ms));
        tokio::pin!(deadline);
        // Without an answered heartbeat for a whole lease, the server has taken the job back.
        let lease = Duration::from_secs(job.lease_secs.max(1));
        let mut last_answered = tokio::time::Instant::now();
        let mut beat_call: Option<Call<'_, Result<Beat, CallError>>> = None;
        let mut frame_call: Option<Call<'_, Result<(), CallError>>> = None;
        let mut hand_back_at: Option<tokio::time::Instant> = None;
        let mut stopping: Option<(Stopped, tokio::time::Instant)> = None;
        loop {
            let hand_back = async move {
                match hand_back_at {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            let given_up = async move {
                match stopping {
                    Some((_, until)) => tokio::time::sleep_until(until).await,
                    None => std::future::pending().await,
                }
            };
            let grace = self.stop_grace;
            let ask = |stopping: &mut Option<(Stopped, tokio::time::Instant)>, why: Stopped| {
                if stopping.is_none() {
                    stop.cancel();
                    *stopping = Some((why, tokio::time::Instant::now() + grace));
                }
            };
            tokio::select! {
                result = &mut render => {
                    return match (result, stopping) {
                        // An image that finished anyway is handed in: the server knows
                        // whether the job may still have it.
                        (Ok(png), _) => Outcome::Rendered(Ok(png)),
                        (Err(e), Some((why, _))) => Outcome::Stopped(why, Some(e)),
                        (Err(e), None) => Outcome::Rendered(Err(e)),
                    };
                }
                () = given_up => {
                    let why = stopping.map_or(Stopped::Lost, |(why, _)| why);
                    return Outcome::Stopped(why, Some(RenderError::unhealthy(
                        "the backend did not stop its work when asked",
                    )));
                }
                () = &mut deadline, if stopping.is_none() => ask(&mut stopping, Stopped::Deadline),
                () = stop_requested(&mut shutdown), if hand_back_at.is_none() => {
                    tracing::info!("shutting down: finishing the job in hand first");
                    hand_back_at = Some(tokio::time::Instant::now() + self.hand_back_after);
                }
                () = hand_back, if stopping.is_none() => ask(&mut stopping, Stopped::HandBack),
                _ = frames.tick(), if stopping.is_none() && frame_call.is_none() => {
                    let frame = progress.lock().ok().and_then(|mut latest| latest.preview.take());
                    if let Some(frame) = frame {
                        frame_call = Some(Box::pin(async move { self.api.preview(job, &frame).await }));
                    }
                }
                sent = settle(&mut frame_call) => {
                    frame_call = None;
                    if let Err(e) = sent {
                        tracing::debug!(error = %e, "preview not sent");
                    }
                }
                _ = beats.tick(), if stopping.is_none() && beat_call.is_none() => {
                    if last_answered.elapsed() > lease {
                        tracing::warn!("no heartbeat answered for a whole lease; the job is someone else's now");
                        ask(&mut stopping, Stopped::Lost);
                    } else {
                        let now = progress.lock().map(|latest| latest.progress).unwrap_or(0.0);
                        beat_call = Some(Box::pin(self.api.heartbeat(job, now)));
                    }
                }
                answer = settle(&mut beat_call) => {
                    beat_call = None;
                    match answer {
                        Ok(beat) => {
                            last_answered = tokio::time::Instant::now();
                            match beat {
                                Beat::Continue => {}
                                Beat::Canceled => ask(&mut stopping, Stopped::Canceled),
                                Beat::Lost => ask(&mut stopping, Stopped::Lost),
                            }
                        }
                        Err(e) => tracing::warn!(error = %e, "heartbeat failed; trying again"),
                    }
                }
            }
        }
    }

    /// Tells the server how the job ended, trying again while it is away (within the
    /// lease: after that the server has taken the job back anyway).
    async fn report(&self, job: &RemoteJob, outcome: Outcome) {
        // A backend that would not stop is the machine's news, whatever became of the job
        // (it may have ended meanwhile): the server pauses this worker until its check
        // passes, so it takes no job while the GPU is still busy.
        let unwell = match &outcome {
            Outcome::Stopped(_, Some(e)) | Outcome::Rendered(Err(e)) if e.unhealthy => {
                Some(e.message.clone())
            }
            _ => None,
        };
        if let Some(detail) = &unwell {
            tracing::error!(%detail, "the backend is unwell; asking the server to pause this worker");
            if let Err(e) = self.api.unwell(detail).await {
                tracing::warn!(error = %e, "could not report the backend unwell");
            }
        }
        for attempt in 0..6 {
            let sent = match &outcome {
                Outcome::Rendered(Ok(png)) => {
                    self.api.complete(job, png.clone()).await.inspect(|kept| {
                        if *kept {
                            tracing::info!("handed in");
                        }
                    })
                }
                Outcome::Rendered(Err(e)) => {
                    self.api
                        .fail(job, &e.message, e.retryable, e.unhealthy)
                        .await
                }
                Outcome::Stopped(Stopped::Canceled, _) => {
                    self.api
                        .fail(
                            job,
                            &atelier_domain::JobReason::CanceledByOwner.stored(),
                            false,
                            false,
                        )
                        .await
                }
                Outcome::Stopped(Stopped::HandBack, _) => self.api.release(job).await,
                // The server's reaper ends an overdue job with its own words, and a lost
                // job is someone else's.
                Outcome::Stopped(why, _) => {
                    tracing::info!(?why, "stopped");
                    return;
                }
            };
            match sent {
                Ok(true) => return,
                Ok(false) => {
                    tracing::info!("the job was no longer this worker's; nothing reported");
                    return;
                }
                Err(CallError::Refused { code, message })
                    if code == "bad_image" || code == "payload_too_large" =>
                {
                    tracing::warn!(%message, "the server refused the image");
                    let _ = self
                        .api
                        .fail(job, "The renderer returned an unusable image.", true, false)
                        .await;
                    return;
                }
                Err(CallError::Transport(e)) => {
                    tracing::warn!(error = %e, attempt, "could not report; trying again");
                    tokio::time::sleep(backoff(attempt)).await;
                }
                Err(e) => {
                    tracing::error!(error = %e, "the report was refused");
                    return;
                }
            }
        }
    }
}

/// A call to the server running beside a render.
type Call<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// The answer of the call in `slot`; never, while there is none.
async fn settle<T>(slot: &mut Option<Call<'_, T>>) -> T {
    match slot {
        Some(call) => call.await,
        None => std::future::pending().await,
    }
}

/// Returns once shutdown is asked (the value's guard is not held across awaits).
async fn stop_requested(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}

/// What the render said last: its progress, and a preview frame not sent yet.
#[derive(Default)]
struct Latest {
    progress: f32,
    preview: Option<crate::Preview>,
}

/// Why a render was told to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stopped {
    Canceled,
    Deadline,
    Lost,
    HandBack,
}

/// How a job ended on this worker.
enum Outcome {
    Rendered(Result<Vec<u8>, RenderError>),
    /// Told to stop; with the render's error, if it gave one.
    Stopped(Stopped, Option<RenderError>),
}

/// The wait before try `n + 1` while the server is away: doubling from half a second up to
/// [`MOST_BACKOFF`], with up to half of it again at random so that a fleet coming back
/// after an outage does not knock all at once.
fn backoff(n: u32) -> Duration {
    let base = Duration::from_millis(500)
        .saturating_mul(2_u32.saturating_pow(n.min(10)))
        .min(MOST_BACKOFF);
    let mut bytes = [0u8; 2];
    let jitter = match getrandom::fill(&mut bytes) {
        Ok(()) => f64::from(u16::from_le_bytes(bytes)) / f64::from(u16::MAX),
        Err(_) => 0.5,
    };
    base.mul_f64(1.0 + jitter / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_minute_with_jitter() {
        for (n, low, high) in [
            (0, 500, 750),
            (1, 1000, 1500),
            (3, 4000, 6000),
            (20, 60_000, 90_000),
        ] {
            let got = backoff(n).as_millis();
            assert!((low..=high).contains(&got), "try {n}: {got} ms");
        }
    }
}
