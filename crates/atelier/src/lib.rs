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
        let store = Store::connect(&settings.database_url)
            .await
            .with_context(|| {
                format!(
                    "cannot open the database {}",
                    redact(&settings.database_url)
                )
            })?;
        store
            .migrate()
            .await
            .context("cannot migrate the database")?;
        let access =
            atelier_web::AccessPolicy::load(&settings.rbac_model, &settings.rbac_policy).await?;
        let mailer = atelier_mail::Mailer::new(
            store.clone(),
            settings.smtp_url.as_deref(),
            settings.data_dir.join("mail"),
            &settings.mail_from,
            clock.clone(),
        )?;
        let state = AppState::new(store, settings, themes, access, mailer, clock);
        provision::ensure_default_tenant(&state).await?;
        provision::provision_dir(&state, &state.settings.tenants_dir).await?;
        Ok(App { state })
    }

    pub fn router(&self) -> axum::Router {
        atelier_web::router(self.state.clone())
    }

    /// Serves on `listener` with the background tasks (mail delivery, clean-up) until
    /// `shutdown` completes, then drains open requests and stops the tasks.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let (stop, stopped) = watch::channel(false);
        let tasks = [
            tokio::spawn(self.state.mailer.clone().run(stopped.clone())),
            tokio::spawn(clean_up(self.state.clone(), stopped)),
        ];
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

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_hidden_in_database_urls() {
        assert_eq!(
            redact("postgres://atelier:s3cret@db:5432/atelier"),
            "postgres://atelier:***@db:5432/atelier"
        );
        assert_eq!(
            redact("sqlite://data/atelier.db"),
            "sqlite://data/atelier.db"
        );
    }
}
