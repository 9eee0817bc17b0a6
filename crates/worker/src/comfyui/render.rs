//! One render on ComfyUI: socket first, then the prompt, then its messages until the end
//! marker, the history and the image; or, told to stop, out of the queue and interrupted.

use std::time::Duration;

use serde_json::Value;
use tokio::time::{interval_at, Instant, MissedTickBehavior};
use tracing::field::Empty;

use super::api::{Api, CallError, Place, PostError};
use super::endpoints::Endpoint;
use super::messages::{ended, first_image, Ended, Event};
use super::socket::{next_event, Socket};
use super::ComfyUiBackend;
use crate::{RenderContext, RenderError, RenderSpec, Update};

/// While the socket is up, the history is still read this often, in case the end marker
/// went astray.
const SAFETY_POLL: Duration = Duration::from_secs(10);
/// How often a stopping render looks at the queue.
const STOP_CHECK: Duration = Duration::from_millis(200);
/// How often an interrupt is repeated while the prompt still runs (ComfyUI forgets one that
/// lands just as a prompt starts).
const INTERRUPT_AGAIN: Duration = Duration::from_secs(1);
/// Failed history reads in a row, without a socket, before the render gives up on ComfyUI.
const LOST_AFTER: u32 = 30;

/// How far the prompt has got: nodes finished plus the running sampler's share, over the
/// nodes that run (not cached).
#[derive(Debug, Default)]
struct Progress {
    nodes: usize,
    cached: usize,
    finished: usize,
    running: bool,
    step: f32,
    reported: f32,
}

impl Progress {
    fn node_started(&mut self) {
        if self.running {
            self.finished += 1;
        }
        self.running = true;
        self.step = 0.0;
    }

    fn fraction(&self) -> f32 {
        let work = self.nodes.saturating_sub(self.cached).max(1) as f32;
        ((self.finished as f32 + self.step) / work).clamp(0.0, 0.99)
    }

    /// Reports when it moved, never backwards.
    fn report(&mut self, cx: &RenderContext<'_>) {
        let now = self.fraction();
        if now > self.reported + 0.005 {
            self.reported = now;
            cx.progress(now);
        }
    }
}

/// What the history and the queue say about the prompt.
enum Look {
    Ended(Value),
    /// Queued or running.
    Waiting,
    /// Neither in the queue nor in the history: ComfyUI restarted and forgot it.
    Lost,
}

struct Run<'a> {
    backend: &'a ComfyUiBackend,
    endpoint: &'a Endpoint,
    api: Api<'a>,
    prompt_id: String,
    cx: RenderContext<'a>,
    progress: Progress,
}

#[tracing::instrument(skip_all, fields(job = %spec.job, comfyui = Empty, prompt_id = Empty))]
pub(super) async fn render(
    backend: &ComfyUiBackend,
    spec: &RenderSpec,
    cx: RenderContext<'_>,
) -> Result<Vec<u8>, RenderError> {
    let workflow = spec.workflow.as_ref().ok_or_else(|| {
        RenderError::permanent("this model has no ComfyUI workflow to render with")
    })?;
    let nodes = workflow.as_object().map_or(0, serde_json::Map::len);
    if nodes == 0 {
        return Err(RenderError::permanent(
            "this model's ComfyUI workflow has no nodes",
        ));
    }
    let client_id = uuid::Uuid::new_v4().to_string();
    let (endpoint, socket) = tokio::select! {
        biased;
        () = cx.stop.cancelled() => return Err(RenderError::stopped()),
        opened = connect(backend, &client_id) => opened?,
    };
    let prompt_id = uuid::Uuid::new_v4().to_string();
    let span = tracing::Span::current();
    span.record("comfyui", endpoint.base.as_str());
    span.record("prompt_id", prompt_id.as_str());
    let mut run = Run {
        backend,
        endpoint,
        api: backend.api(endpoint),
        prompt_id,
        cx,
        progress: Progress {
            nodes,
            ..Progress::default()
        },
    };
    let mut socket = Some(socket);
    let outcome = match run.submit(workflow, &client_id).await {
        Ok(()) => run.follow(&mut socket).await,
        Err(e) => Err(e),
    };
    if let Some(socket) = socket {
        socket.close().await;
    }
    let entry = outcome?;
    run.result(&entry).await
}

/// Opens a socket on the first server that answers, in this render's turn.
async fn connect<'a>(
    backend: &'a ComfyUiBackend,
    client_id: &str,
) -> Result<(&'a Endpoint, Socket), RenderError> {
    let mut failures = Vec::new();
    for endpoint in backend.endpoints.for_render() {
        match Socket::open(&endpoint.socket, client_id, backend.connect_timeout).await {
            Ok(socket) => {
                endpoint.mark_up();
                return Ok((endpoint, socket));
            }
            Err(e) => {
                tracing::warn!(comfyui = %endpoint.base, error = %e, "cannot open ComfyUI's socket");
                endpoint.mark_down(backend.skip_unreachable_for);
                failures.push(format!("{} ({e})", endpoint.base));
            }
        }
    }
    Err(RenderError::retryable(format!(
        "cannot reach ComfyUI: {}",
        failures.join(", ")
    )))
}

impl Run<'_> {
    fn trouble(&self, what: &str, e: &CallError) -> RenderError {
        RenderError::retryable(format!("ComfyUI at {} {what}: {e}", self.endpoint.base))
    }

    async fn submit(&self, workflow: &Value, client_id: &str) -> Result<(), RenderError> {
        match self
            .api
            .post_prompt(workflow, client_id, &self.prompt_id)
            .await
        {
            Ok(answer) => {
                let skipped = &answer["node_errors"];
                if skipped.as_object().is_some_and(|m| !m.is_empty()) {
                    tracing::warn!(node_errors = %skipped, "ComfyUI queued the prompt but will skip some of its outputs");
                }
                tracing::debug!("prompt queued");
                Ok(())
            }
            Err(PostError::Refused(message)) => Err(RenderError::permanent(message)),
            Err(PostError::Call(e)) => {
                if e.is_connection() {
                    self.endpoint.mark_down(self.backend.skip_unreachable_for);
                }
                if matches!(e, CallError::TimedOut | CallError::Unreachable(_)) {
                    // It may have been queued all the same: take it back, best effort.
                    let _ = self.api.delete_pending(&self.prompt_id).await;
                    let _ = self.api.interrupt(&self.prompt_id).await;
                }
                Err(self.trouble("did not take the prompt", &e))
            }
        }
    }

    fn ours(&self, prompt_id: Option<&String>) -> bool {
        prompt_id.is_some_and(|id| *id == self.prompt_id)
    }

    /// Follows the prompt to its end; returns its history entry.
    async fn follow(&mut self, socket: &mut Option<Socket>) -> Result<Value, RenderError> {
        let mut poll = interval_at(
            Instant::now() + self.backend.poll_every,
            self.backend.poll_every,
        );
        poll.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let mut safety = interval_at(Instant::now() + SAFETY_POLL, SAFETY_POLL);
        let mut succeeded = false;
        let mut failed_reads = 0;
        loop {
            let polling = socket.is_none() || succeeded;
            let look = tokio::select! {
                biased;
                () = self.cx.stop.cancelled() => return self.stop(socket).await,
                event = next_event(socket) => {
                    match event {
                        None => {
                            tracing::warn!("lost ComfyUI's socket; reading the history instead");
                            *socket = None;
                        }
                        Some(Event::Executing { prompt_id, node: None }) if self.ours(prompt_id.as_ref()) => {
                            return self.finished_entry().await;
                        }
                        Some(event) => {
                            succeeded |= matches!(&event, Event::Success { prompt_id } if *prompt_id == self.prompt_id);
                            self.on_event(event)?;
                        }
                    }
                    false
                }
                _ = poll.tick(), if polling => true,
                _ = safety.tick(), if !polling => true,
            };
            if !look {
                continue;
            }
            match self.look().await {
                Ok(Look::Ended(entry)) => return Ok(entry),
                Ok(Look::Waiting) => failed_reads = 0,
                Ok(Look::Lost) => {
                    return Err(RenderError::retryable(format!(
                        "ComfyUI at {} no longer knows the prompt (restarted?)",
                        self.endpoint.base
                    )));
                }
                Err(e) => {
                    failed_reads += 1;
                    tracing::warn!(error = %e, "cannot read ComfyUI's history");
                    if e.is_connection() {
                        self.endpoint.mark_down(self.backend.skip_unreachable_for);
                    }
                    if socket.is_none() && failed_reads >= LOST_AFTER {
                        return Err(self.trouble("stopped answering mid-render", &e));
                    }
                }
            }
        }
    }

    fn on_event(&mut self, event: Event) -> Result<(), RenderError> {
        match event {
            Event::Cached { prompt_id, nodes } if prompt_id == self.prompt_id => {
                self.progress.cached = nodes;
            }
            Event::Executing {
                prompt_id,
                node: Some(_),
            } if self.ours(prompt_id.as_ref()) => {
                self.progress.node_started();
                self.progress.report(&self.cx);
            }
            Event::Progress {
                prompt_id,
                value,
                max,
            } if max > 0.0 && (prompt_id.is_none() || self.ours(prompt_id.as_ref())) => {
                self.progress.step = (value / max).clamp(0.0, 1.0) as f32;
                self.progress.report(&self.cx);
            }
            Event::Preview(preview) => (self.cx.report)(Update::Preview(preview)),
            Event::Failed { prompt_id, error } if prompt_id == self.prompt_id => {
                tracing::warn!(error = %error.message, "ComfyUI failed the prompt");
                return Err(error);
            }
            Event::Interrupted { prompt_id } if prompt_id == self.prompt_id => {
                return Err(interrupted_elsewhere());
            }
            _ => {}
        }
        Ok(())
    }

    /// Reads the history, and the queue when the history does not have the prompt yet.
    async fn look(&self) -> Result<Look, CallError> {
        if let Some(entry) = self.api.history(&self.prompt_id).await? {
            return Ok(Look::Ended(entry));
        }
        if self.api.place(&self.prompt_id).await? != Place::Absent {
            return Ok(Look::Waiting);
        }
        // It may have ended between the two reads (ComfyUI moves a prompt from the queue
        // to the history in one step).
        Ok(match self.api.history(&self.prompt_id).await? {
            Some(entry) => Look::Ended(entry),
            None => Look::Lost,
        })
    }

    /// The history entry after the end marker, which ComfyUI sends once it is written; read
    /// a few times all the same.
    async fn finished_entry(&self) -> Result<Value, RenderError> {
        let mut last_error = None;
        for _ in 0..20 {
            match self.api.history(&self.prompt_id).await {
                Ok(Some(entry)) => return Ok(entry),
                Ok(None) => {}
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(match last_error {
            Some(e) => self.trouble("finished but its history cannot be read", &e),
            None => RenderError::retryable(format!(
                "ComfyUI at {} finished the prompt but keeps no history of it",
                self.endpoint.base
            )),
        })
    }

    /// The image of a finished prompt, without the workflow in its text chunks.
    async fn result(&self, entry: &Value) -> Result<Vec<u8>, RenderError> {
        let outputs = match ended(entry) {
            Ended::Succeeded(outputs) => outputs,
            Ended::Failed(error) => return Err(error),
            Ended::Interrupted => return Err(interrupted_elsewhere()),
        };
        let image = first_image(&outputs).ok_or_else(|| {
            RenderError::permanent(
                "the ComfyUI workflow saved no image (it needs a SaveImage node)",
            )
        })?;
        let png = self
            .api
            .view(&image)
            .await
            .map_err(|e| self.trouble("did not hand over the image", &e))?;
        let png = atelier_media::strip_png_text(&png)
            .map_err(|e| RenderError::permanent(format!("ComfyUI's image: {e}")))?;
        self.cx.progress(1.0);
        tracing::debug!(bytes = png.len(), "rendered");
        Ok(png)
    }

    /// Takes the prompt out of ComfyUI and waits for it to let go.
    async fn stop(&self, socket: &mut Option<Socket>) -> Result<Value, RenderError> {
        tracing::info!("asked to stop: removing the prompt from ComfyUI");
        self.let_go().await;
        let mut interrupted_at = Instant::now();
        let deadline = tokio::time::sleep(self.backend.interrupt_grace);
        tokio::pin!(deadline);
        let mut check = interval_at(Instant::now() + STOP_CHECK, STOP_CHECK);
        loop {
            tokio::select! {
                biased;
                () = &mut deadline => {
                    tracing::error!("ComfyUI did not stop the prompt");
                    return Err(RenderError::unhealthy(format!(
                        "ComfyUI did not stop prompt {} at {} within {} s of being interrupted; it may still be rendering",
                        self.prompt_id,
                        self.endpoint.base,
                        self.backend.interrupt_grace.as_secs_f32()
                    )));
                }
                event = next_event(socket) => match event {
                    None => *socket = None,
                    Some(Event::Interrupted { prompt_id } | Event::Failed { prompt_id, .. })
                        if prompt_id == self.prompt_id => return Err(RenderError::stopped()),
                    Some(Event::Executing { prompt_id, node: None }) if self.ours(prompt_id.as_ref()) => {
                        return Err(RenderError::stopped());
                    }
                    Some(_) => {}
                },
                _ = check.tick() => match self.api.place(&self.prompt_id).await {
                    Ok(Place::Absent) => return Err(RenderError::stopped()),
                    Ok(Place::Pending) => {
                        let _ = self.api.delete_pending(&self.prompt_id).await;
                    }
                    Ok(Place::Running) if interrupted_at.elapsed() >= INTERRUPT_AGAIN => {
                        let _ = self.api.interrupt(&self.prompt_id).await;
                        interrupted_at = Instant::now();
                    }
                    Ok(Place::Running) => {}
                    Err(e) => tracing::warn!(error = %e, "cannot read ComfyUI's queue while stopping"),
                },
            }
        }
    }

    /// Out of the queue if it waits there, interrupted if it runs; in that order, so a
    /// prompt that starts in between is still interrupted.
    async fn let_go(&self) {
        if let Err(e) = self.api.delete_pending(&self.prompt_id).await {
            tracing::warn!(error = %e, "cannot remove the prompt from ComfyUI's queue");
        }
        if let Err(e) = self.api.interrupt(&self.prompt_id).await {
            tracing::warn!(error = %e, "cannot interrupt ComfyUI");
        }
    }
}

/// ComfyUI stopped the prompt though the worker did not ask (someone pressed Cancel in
/// ComfyUI's own page): another attempt may well succeed.
fn interrupted_elsewhere() -> RenderError {
    RenderError::retryable("the render was interrupted in ComfyUI itself")
}
