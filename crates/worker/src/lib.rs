//! Workers: the loop that claims jobs, renders them with a backend, reports progress through
//! heartbeats and hands the result back; the backends themselves; and the reaper, which
//! enforces deadlines and expired leases on every node.
#![forbid(unsafe_code)]

mod comfyui;
mod demo;
mod embedded;
mod reaper;
mod remote;

use std::future::Future;
use std::pin::Pin;

pub use comfyui::{ComfyUiBackend, ComfyUiSetupError};
pub use demo::{demo_png, DemoBackend};
pub use embedded::{EmbeddedWorker, WorkerSettings};
pub use reaper::Reaper;
pub use remote::{RemoteWorker, WorkerApi, WorkerExit};
pub use tokio_util::sync::CancellationToken;

/// What a backend is asked to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderSpec {
    /// The job's id, which a backend may use to name its work (ComfyUI's file prefix).
    pub job: String,
    pub prompt: String,
    pub negative_prompt: String,
    pub model: String,
    pub width: u32,
    pub height: u32,
    pub seed: i64,
    /// For a ComfyUI model: its workflow (API format) filled with this job's values by the
    /// server that owns the model catalogue. `None` for the demo backend.
    pub workflow: Option<serde_json::Value>,
}

impl RenderSpec {
    /// What `job` asks to be drawn, with its model's filled workflow for ComfyUI.
    pub fn of(job: &atelier_domain::Job, workflow: Option<serde_json::Value>) -> Self {
        Self {
            job: job.id.to_string(),
            prompt: job.prompt.clone(),
            negative_prompt: job.negative_prompt.clone(),
            model: job.model.clone(),
            width: u32::try_from(job.width).unwrap_or(0),
            height: u32::try_from(job.height).unwrap_or(0),
            seed: job.seed,
            workflow,
        }
    }
}

/// Why a render failed, and whether another attempt could succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    pub message: String,
    pub retryable: bool,
    /// The backend misbehaved in a way that says the machine is unwell (ComfyUI ignored an
    /// interrupt): the server pauses the worker at once.
    pub unhealthy: bool,
}

impl RenderError {
    pub fn retryable(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            retryable: true,
            unhealthy: false,
        }
    }

    pub fn permanent(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            retryable: false,
            unhealthy: false,
        }
    }

    /// The render was stopped because [`RenderContext::stop`] was asked for.
    pub fn stopped() -> Self {
        Self::permanent("stopped")
    }

    /// The render could not be stopped when asked: the job may still be running on the GPU.
    pub fn unhealthy(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            retryable: true,
            unhealthy: true,
        }
    }
}

/// A picture of the render so far, when the backend sends one (ComfyUI's sampler previews).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// `image/jpeg` or `image/png`.
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// What a render tells its worker while it runs.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// From 0.0 to 1.0.
    Progress(f32),
    Preview(Preview),
}

/// What a worker gives a render: where to report, and when to stop.
#[derive(Clone, Copy)]
pub struct RenderContext<'a> {
    pub report: &'a (dyn Fn(Update) + Send + Sync),
    /// Cancelled when the job's owner cancels it, its deadline passes or its lease is lost.
    /// The backend then stops the work (ComfyUI: interrupt, and remove it from the queue)
    /// and returns [`RenderError::stopped`], or [`RenderError::unhealthy`] when the work
    /// would not stop.
    pub stop: &'a tokio_util::sync::CancellationToken,
}

impl RenderContext<'_> {
    pub fn progress(&self, fraction: f32) {
        (self.report)(Update::Progress(fraction));
    }
}

/// A future a backend returns.
pub type RenderFuture<'a> = Pin<Box<dyn Future<Output = Result<Vec<u8>, RenderError>> + Send + 'a>>;

/// A future of a backend's health check.
pub type CheckFuture<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// Something that turns a [`RenderSpec`] into PNG bytes.
pub trait Backend: Send + Sync + 'static {
    fn render<'a>(&'a self, spec: &'a RenderSpec, cx: RenderContext<'a>) -> RenderFuture<'a>;

    /// Whether the backend can render now; a paused worker runs it before it asks to be
    /// resumed. The default has nothing to check.
    fn check(&self) -> CheckFuture<'_> {
        Box::pin(async { Ok(()) })
    }
}
