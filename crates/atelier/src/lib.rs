//! The `atelier` program: start-up wiring shared by the command line and the tests.

pub mod memory;
pub mod provision;
mod reload;
pub mod supervisor;
pub mod telemetry;
pub mod tenant_changes;

use std::convert::Infallible;
use std::future::IntoFuture;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use atelier_config::Settings;
use atelier_domain::{Clock, Timestamp};
use atelier_store::Store;
use atelier_web::{AppState, Shutdown, Themes};
use atelier_worker::{Backend, DemoBackend, EmbeddedWorker, Reaper, WorkerSettings};
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use supervisor::{Backoff, Supervisor};

/// How often the reaper looks for jobs past their deadline and leases that ran out.
const REAP_EVERY: Duration = Duration::from_secs(1);

/// After the shutdown signal, how long open requests may take to finish and, at the same
/// time, how long background tasks may take to stop (a worker finishing its job); then the
/// node moves on without them.
pub const STOP_WITHIN: Duration = Duration::from_secs(10);

/// A ready application: migrated database, provisioned tenants, loaded themes.
pub struct App {
    pub state: AppState,
}

/// The message catalogues built into this binary have every id in every language: a page
/// of raw ids is never served. (The tests check the same; this guards a build that skipped them.)
pub fn catalogues_are_whole() -> anyhow::Result<()> {
    let problems = atelier_domain::i18n_problems();
    if problems.is_empty() {
        Ok(())
    } else {
        anyhow::bail!(
            "the message catalogues (locales/) have problems:\n{}",
            problems.join("\n")
        )
    }
}

impl App {
    /// Connects, migrates, creates the default tenant and the tenants in `tenants_dir` that
    /// are missing, and loads the themes. Fails with a message naming what is wrong.
    pub async fn build(settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<App> {
        let themes = Themes::load(&settings.themes_dir, settings.reload_templates)?;
        themes.check()?;
        catalogues_are_whole()?;
        let store = Store::connect(settings.database_url.expose_secret())
            .await
            .with_context(|| format!("cannot open the database {}", settings.database_url))?;
        store
            .migrate()
            .await
            .context("cannot migrate the database")?;
        if store.kind() == atelier_store::DatabaseKind::Postgres && settings.form_key.is_none() {
            // PostgreSQL is how Atelier runs on several nodes, and each node would sign forms
            // with a key of its own: a form shown by one node would be refused by the next.
            tracing::warn!(
                "form_key (ATELIER_FORM_KEY) is not set: with several nodes behind a load \
                 balancer, set the same key on every node (see docs/security.md)"
            );
        }
        let access =
            atelier_web::AccessPolicy::load(&settings.rbac_model, &settings.rbac_policy).await?;
        let mailer = atelier_mail::Mailer::new(
            store.clone(),
            settings
                .smtp_url
                .as_ref()
                .map(atelier_config::SecretUrl::expose_secret),
            settings.data_dir.join("mail"),
            &settings.mail_from,
            clock.clone(),
        )?;
        let models = atelier_config::Models::load(&settings.models)?;
        let services = atelier_web::Services {
            themes,
            access,
            mailer,
            models,
            clock,
        };
        let state = AppState::new(store, settings, services);
        state.tenants.reload_rules().await?;
        provision::ensure_default_tenant(&state).await?;
        provision::provision_dir(&state, &state.settings.tenants_dir).await?;
        Ok(App { state })
    }

    pub fn router(&self) -> axum::Router {
        atelier_web::router(self.state.clone())
    }

    /// A worker of this node's shared pool, rendering every model with `backend`.
    pub fn worker(&self, id: &str, backend: Arc<dyn Backend>) -> EmbeddedWorker {
        let state = &self.state;
        let jobs = &state.settings.jobs;
        EmbeddedWorker {
            id: id.to_owned(),
            store: state.store.clone(),
            storage: state.storage.clone(),
            backend,
            clock: state.clock.clone(),
            wake: state.queue_wake.clone(),
            models: None,
            events: state.job_events.clone(),
            settings: WorkerSettings {
                lease_ms: i64::try_from(jobs.lease_secs).unwrap_or(30) * 1000,
                hand_back_after: STOP_WITHIN / 2,
                stop_grace: Duration::from_secs(30),
                heartbeat: Duration::from_secs(jobs.heartbeat_secs),
                idle_recheck: Duration::from_secs(5),
            },
        }
    }

    /// This node's reaper: deadlines and expired leases, whoever renders.
    pub fn reaper(&self) -> Reaper {
        let state = &self.state;
        Reaper {
            store: state.store.clone(),
            clock: state.clock.clone(),
            wake: state.queue_wake.clone(),
            every: REAP_EVERY,
        }
    }

    /// A supervisor whose tasks this app's /readyz reports and whose shutdown is the app's.
    pub fn supervisor(&self) -> Supervisor {
        Supervisor::new(self.state.tasks.clone(), self.state.shutdown.clone())
    }

    /// The embedded workers `atelier serve` runs, on the demo backend.
    fn embedded_workers(&self) -> Vec<EmbeddedWorker> {
        let jobs = &self.state.settings.jobs;
        let backend: Arc<dyn Backend> = Arc::new(DemoBackend {
            step_delay: Duration::from_millis(jobs.demo_step_ms),
        });
        let node = uuid_suffix();
        // The demo backend draws the demo models only; ComfyUI models wait for remote
        // workers. (A reloaded catalogue's new demo models reach them at the next start.)
        let demo_models = self.state.models.current().ids_for_backend("demo");
        (0..jobs.embedded_workers)
            .map(|i| {
                let mut worker = self.worker(&format!("embedded-{node}-{i}"), backend.clone());
                worker.models = Some(demo_models.clone());
                worker
            })
            .collect()
    }

    /// Starts the node's background tasks under `supervisor`: mail delivery, clean-up, giving
    /// back freed memory, the reaper (on every node) and the embedded workers
    /// (`jobs.embedded_workers` of them).
    fn start_background_tasks(&self, supervisor: &mut Supervisor) {
        let mailer = self.state.mailer.clone();
        supervisor.spawn("mailer", move |stop| {
            let mailer = mailer.clone();
            async move {
                mailer.run(stop).await;
                Ok::<(), Infallible>(())
            }
        });
        let state = self.state.clone();
        supervisor.spawn("clean-up", move |stop| {
            let state = state.clone();
            async move {
                clean_up(state, stop).await;
                Ok::<(), Infallible>(())
            }
        });
        supervisor.spawn("memory", |stop| async move {
            memory::give_back_freed_memory(stop).await;
            Ok::<(), Infallible>(())
        });
        let models = self.state.models.clone();
        supervisor.spawn("models", move |stop| {
            let models = models.clone();
            async move {
                reload::reload_models_on_hangup(models, stop).await;
                Ok::<(), Infallible>(())
            }
        });
        let state = self.state.clone();
        supervisor.spawn("tenant-changes", move |stop| {
            tenant_changes::follow_tenant_changes(state.clone(), stop)
        });
        let reaper = self.reaper();
        supervisor.spawn("reaper", move |stop| reaper.clone().run(stop));
        for worker in self.embedded_workers() {
            let name = worker.id.clone();
            supervisor.spawn(name, move |stop| {
                let worker = worker.clone();
                async move {
                    worker.run(stop).await;
                    Ok::<(), Infallible>(())
                }
            });
        }
    }

    /// Serves on `listener`, with the background tasks under one supervisor, until
    /// `shutdown` completes. Then, at once and each for at most [`STOP_WITHIN`]: open
    /// requests finish (live-status streams end) and the background tasks stop. The store
    /// is closed last.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let mut supervisor = self.supervisor();
        self.start_background_tasks(&mut supervisor);
        let signal = self.state.shutdown.clone();
        let server = axum::serve(
            listener,
            self.router()
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown({
            let signal = signal.clone();
            async move {
                shutdown.await;
                signal.request();
            }
        });
        let http = async {
            let drained = tokio::select! {
                result = server.into_future() => result.context("the HTTP server stopped"),
                () = deadline_after(&signal) => {
                    tracing::warn!(
                        within_ms = STOP_WITHIN.as_millis(),
                        "open requests did not finish in time; leaving them"
                    );
                    Ok(())
                }
            };
            // A server that stopped on its own takes the background tasks with it.
            signal.request();
            drained
        };
        let tasks = async {
            signal.requested().await;
            supervisor.stop(STOP_WITHIN).await;
        };
        let (result, ()) = tokio::join!(http, tasks);
        self.state.store.close().await;
        result
    }
}

/// Completes [`STOP_WITHIN`] after shutdown is requested.
async fn deadline_after(signal: &Shutdown) {
    signal.requested().await;
    tokio::time::sleep(STOP_WITHIN).await;
}

/// Hourly: removes expired sessions and links, and forgets idle throttle keys.
async fn clean_up(state: AppState, mut stopped: watch::Receiver<bool>) {
    loop {
        clean_up_once(&state).await;
        // `wait_for` sees a stop asked before this task (re)started, too.
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(3600)) => {}
            _ = stopped.wait_for(|stop| *stop) => return,
        }
    }
}

/// One pass of the clean-up: sessions past their absolute expiry or idle longer than
/// `sessions.idle_hours`, and expired links, are deleted, and so are stale previews.
pub async fn clean_up_once(state: &AppState) {
    let now = state.clock.now();
    let idle_ms = i64::try_from(state.settings.sessions.idle_hours).unwrap_or(i64::MAX / 3_600_000)
        * 3_600_000;
    match state
        .store
        .purge_expired_sessions(now, Timestamp(now.millis() - idle_ms))
        .await
    {
        Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions and links removed"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "session clean-up failed"),
    }
    state.throttles.forget_idle_keys();
    // Previews of jobs that ended without a report removing them (a deadline, a lost
    // worker): no job renders for more than a few minutes.
    let swept = state
        .storage
        .sweep_previews(Duration::from_secs(3600))
        .await;
    if swept > 0 {
        tracing::info!(removed = swept, "stale previews removed");
    }
}

/// A short random tag that tells this process's workers apart from other nodes'.
fn uuid_suffix() -> String {
    atelier_domain::random_bytes::<4>()
        .map(|b| b.iter().map(|x| format!("{x:02x}")).collect())
        .unwrap_or_else(|_| "node".to_owned())
}
