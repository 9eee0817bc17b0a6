//! `atelier worker`: renders jobs for a server from another machine, through the server's
//! worker API, until SIGTERM or Ctrl-C (then it finishes the job in hand, or gives it back
//! when the render outlasts `--hand-back-after`).

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use atelier_worker::{Backend, DemoBackend, RemoteWorker, WorkerApi};
use clap::{Args, ValueEnum};

/// What renders the images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BackendKind {
    /// ComfyUI on this machine (or reachable from it), at --comfyui-url
    Comfyui,
    /// The built-in CPU pictures, for trying a worker without a GPU
    Demo,
}

impl BackendKind {
    fn name(self) -> &'static str {
        match self {
            BackendKind::Comfyui => "comfyui",
            BackendKind::Demo => "demo",
        }
    }
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// The server's address, e.g. https://images.example.com
    #[arg(long, env = "ATELIER_SERVER", value_name = "URL")]
    server: String,
    /// A worker token, made by an admin on the workers page
    #[arg(
        long,
        env = "ATELIER_WORKER_TOKEN",
        hide_env_values = true,
        value_name = "T"
    )]
    token: String,
    /// What renders the images
    #[arg(long, value_enum, default_value = "comfyui")]
    backend: BackendKind,
    /// A ComfyUI to render with (repeat for several; used in turn, skipping unhealthy ones)
    #[arg(long = "comfyui-url", value_name = "URL")]
    comfyui_urls: Vec<String>,
    /// Jobs rendered at once
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=64))]
    concurrency: u16,
    /// Only these models (ids from the server's catalogue); all of the backend's by default
    #[arg(long = "model", value_name = "ID")]
    models: Vec<String>,
    /// On shutdown, how long the job in hand may go on before it is given back
    #[arg(long, default_value_t = 60, value_name = "SECS")]
    hand_back_after: u64,
    /// With --backend demo: the pause between its ten progress steps, to watch progress
    #[arg(long, default_value_t = 0, value_name = "MS")]
    demo_step_ms: u64,
}

pub async fn run(args: WorkerArgs) -> anyhow::Result<()> {
    let url = url::Url::parse(&args.server)
        .with_context(|| format!("--server {:?} is not an address", args.server))?;
    if !matches!(url.scheme(), "http" | "https") {
        anyhow::bail!("--server must start with http:// or https://");
    }
    let backend: Arc<dyn Backend> = match args.backend {
        BackendKind::Demo => Arc::new(DemoBackend {
            step_delay: Duration::from_millis(args.demo_step_ms),
        }),
        BackendKind::Comfyui => {
            anyhow::ensure!(
                !args.comfyui_urls.is_empty(),
                "--backend comfyui needs at least one --comfyui-url (e.g. http://127.0.0.1:8188)"
            );
            comfyui_backend(&args.comfyui_urls)?
        }
    };
    let api = WorkerApi::new(url.as_str(), &args.token)?;
    let worker = RemoteWorker {
        api,
        backend,
        backend_name: args.backend.name().to_owned(),
        models: (!args.models.is_empty()).then_some(args.models),
        hand_back_after: Duration::from_secs(args.hand_back_after),
        stop_grace: Duration::from_secs(30),
    };
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        super::serve::shutdown_signal().await;
        tracing::info!("shutting down: finishing the job in hand, then stopping");
        let _ = stop.send(true);
    });
    tracing::info!(
        server = %url,
        backend = args.backend.name(),
        concurrency = args.concurrency,
        "worker started"
    );
    println!(
        "Atelier worker for {url} ({} backend, {} at once)",
        args.backend.name(),
        args.concurrency
    );
    worker
        .run(usize::from(args.concurrency), stopped)
        .await
        .context("the worker stopped")?;
    tracing::info!("worker stopped");
    Ok(())
}

/// The ComfyUI backend over `urls`, used in turn.
fn comfyui_backend(urls: &[String]) -> anyhow::Result<Arc<dyn Backend>> {
    let backend = atelier_worker::ComfyUiBackend::new(urls)
        .context("--comfyui-url must be the address of a ComfyUI server")?;
    Ok(Arc::new(backend))
}
