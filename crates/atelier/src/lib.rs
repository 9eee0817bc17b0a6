//! The `atelier` program: start-up wiring shared by the command line and the tests.

pub mod provision;
pub mod telemetry;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use atelier_config::Settings;
use atelier_domain::{Clock, Timestamp};
use atelier_store::Store;
use atelier_web::{AppState, Themes};
use atelier_worker::{Backend, DemoBackend, EmbeddedWorker, WorkerSettings};
use tokio::net::TcpListener;
use tokio::sync::watch;

/// A ready application: migrated database, provisioned tenants, loaded themes.
pub struct App {
    pub state: AppState,
}

impl App {
    /// Connects, migrates, creates the default tenant and the tenants in `tenants_dir` that
    /// are missing, and loads the themes. Fails with a message naming what is wrong.
    pub async fn build(settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<App> {
        let themes = Themes::load(&settings.themes_dir, settings.reload_templates)?;
        themes.check()?;
        let store = Store::connect(settings.database_url.expose_secret())
            .await
            .with_context(|| format!("cannot open the database {}", settings.database_url))?;
        store
            .migrate()
            .await
            .context("cannot migrate the database")?;
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
        let models = atelier_config::ModelCatalog::load(&settings.models)?;
        let services = atelier_web::Services {
            themes,
            access,
            mailer,
            models,
            clock,
        };
        let state = AppState::new(store, settings, services);
        provision::ensure_default_tenant(&state).await?;
        provision::provision_dir(&state, &state.settings.tenants_dir).await?;
        Ok(App { state })
    }

    pub fn router(&self) -> axum::Router {
        atelier_web::router(self.state.clone())
    }

    /// A worker of this node's shared pool, rendering with `backend`.
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
            events: state.job_events.clone(),
            last_reap: std::sync::Mutex::new(None),
            settings: WorkerSettings {
                lease_ms: i64::try_from(jobs.lease_secs).unwrap_or(30) * 1000,
                heartbeat: Duration::from_secs(jobs.heartbeat_secs),
                idle_recheck: Duration::from_secs(5),
                timeout_reason: format!(
                    "Not finished within {} minutes, so it was stopped. Nothing was charged.",
                    jobs.deadline_minutes()
                ),
            },
        }
    }

    /// The embedded workers `atelier serve` runs, on the demo backend.
    fn embedded_workers(&self) -> Vec<EmbeddedWorker> {
        let jobs = &self.state.settings.jobs;
        let backend: Arc<dyn Backend> = Arc::new(DemoBackend {
            step_delay: Duration::from_millis(jobs.demo_step_ms),
        });
        let node = uuid_suffix();
        (0..jobs.embedded_workers)
            .map(|i| self.worker(&format!("embedded-{node}-{i}"), backend.clone()))
            .collect()
    }

    /// Serves on `listener` with the background tasks (mail delivery, clean-up) until
    /// `shutdown` completes, then drains open requests and stops the tasks.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop, stopped) = watch::channel(false);
        let mut tasks = vec![
            tokio::spawn(self.state.mailer.clone().run(stopped.clone())),
            tokio::spawn(clean_up(self.state.clone(), stopped.clone())),
        ];
        for worker in self.embedded_workers() {
            tasks.push(tokio::spawn(worker.run(stopped.clone())));
        }
        let router = self.router();
        let result = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            shutdown.await;
            let _ = stop.send(true);
        })
        .await
        .context("the HTTP server stopped");
        for task in tasks {
            let _ = task.await;
        }
        self.state.store.close().await;
        result
    }
}

/// Hourly: removes expired sessions and links, and forgets idle throttle keys.
async fn clean_up(state: AppState, mut stopped: watch::Receiver<bool>) {
    loop {
        let now = state.clock.now();
        let idle_ms = i64::try_from(state.settings.sessions.idle_hours)
            .unwrap_or(i64::MAX / 3_600_000)
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
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(3600)) => {}
            _ = stopped.changed() => return,
        }
    }
}

/// A short random tag that tells this process's workers apart from other nodes'.
fn uuid_suffix() -> String {
    atelier_domain::random_bytes::<4>()
        .map(|b| b.iter().map(|x| format!("{x:02x}")).collect())
        .unwrap_or_else(|_| "node".to_owned())
}
