//! Workers: the loop that claims jobs, renders them with a backend, reports progress through
//! heartbeats and hands the result back; the backends themselves; and the reaper, which
//! enforces deadlines and expired leases on every node.
#![forbid(unsafe_code)]

mod demo;
mod embedded;
mod reaper;

use std::future::Future;
use std::pin::Pin;

pub use demo::{demo_png, DemoBackend};
pub use embedded::{EmbeddedWorker, WorkerSettings};
pub use reaper::Reaper;

/// What a backend is asked to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderSpec {
    pub prompt: String,
    pub negative_prompt: String,
    pub model: String,
    pub width: u32,
    pub height: u32,
    pub seed: i64,
}

/// Why a render failed, and whether another attempt could succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    pub message: String,
    pub retryable: bool,
}

impl RenderError {
    pub fn retryable(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            retryable: true,
        }
    }

    pub fn permanent(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            retryable: false,
        }
    }
}

/// Reports progress from 0.0 to 1.0.
pub type Progress<'a> = &'a (dyn Fn(f32) + Send + Sync);

/// A future a backend returns.
pub type RenderFuture<'a> = Pin<Box<dyn Future<Output = Result<Vec<u8>, RenderError>> + Send + 'a>>;

/// Something that turns a [`RenderSpec`] into PNG bytes.
pub trait Backend: Send + Sync + 'static {
    fn render<'a>(&'a self, spec: &'a RenderSpec, progress: Progress<'a>) -> RenderFuture<'a>;
}
