//! A ComfyUI server for tests: the endpoints, status codes, JSON shapes and WebSocket
//! messages of a real ComfyUI 0.3.64 (as observed, docs in the workspace's
//! `docs/comfyui.md`), without models or a GPU.
//!
//! It runs the node types of the model-free workflow (EmptyImage → SaveImage, with ImageBlur
//! between for a slow chain) and of an SD-style checkpoint workflow (CheckpointLoaderSimple,
//! CLIPTextEncode, EmptyLatentImage, KSampler, VAEDecode, SaveImage, PreviewImage). Images
//! are real PNGs of the requested size and colour with the graph in a `prompt` tEXt chunk; a
//! KSampler sends one `progress` and one binary preview per step. One prompt runs at a time,
//! in queue order; an identical graph is replayed from the cache; interrupts are cooperative.
//!
//! Tests turn [`Knobs`]: slow nodes, failing posts, ignored interrupts, a node that raises,
//! and counters of what arrived.
#![forbid(unsafe_code)]

mod catalogue;
mod execute;
mod knobs;
mod nodes;
mod pictures;
mod routes;
mod state;
mod validate;
mod ws;

use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinHandle;

pub use knobs::{Knobs, QueueSnapshot, RuntimeFailure};
pub use pictures::png_text;

/// How a fake starts.
#[derive(Debug, Clone)]
pub struct FakeOptions {
    /// The checkpoint files it "has": CheckpointLoaderSimple's choices.
    pub checkpoints: Vec<String>,
    /// How long each node and each sampler step takes.
    pub node_delay: Duration,
    /// The port on 127.0.0.1; 0 for any free one.
    pub port: u16,
}

impl Default for FakeOptions {
    fn default() -> Self {
        Self {
            checkpoints: vec!["sd15.safetensors".to_owned()],
            node_delay: Duration::ZERO,
            port: 0,
        }
    }
}

/// A running fake; it stops when dropped.
pub struct FakeComfy {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub url: String,
    pub knobs: Knobs,
    server: JoinHandle<()>,
    executor: JoinHandle<()>,
}

impl Drop for FakeComfy {
    fn drop(&mut self) {
        self.server.abort();
        self.executor.abort();
    }
}

/// Starts a fake on 127.0.0.1 (never another address: ComfyUI has no authentication).
pub async fn start(options: FakeOptions) -> std::io::Result<FakeComfy> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", options.port)).await?;
    let url = format!("http://{}", listener.local_addr()?);
    let shared = Arc::new(state::Shared::new(options.checkpoints, options.node_delay));
    let app = routes::router(shared.clone());
    let server = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::warn!(error = %e, "the fake ComfyUI stopped serving");
        }
    });
    let executor = tokio::spawn(execute::Executor::new(shared.clone()).run_forever());
    Ok(FakeComfy {
        url,
        knobs: Knobs { shared },
        server,
        executor,
    })
}

impl FakeComfy {
    /// Runs until the server stops (for the `fake-comfyui` program).
    pub async fn wait(mut self) {
        let _ = (&mut self.server).await;
    }
}
