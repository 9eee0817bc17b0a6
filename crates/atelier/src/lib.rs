//! The `atelier` program: start-up wiring shared by the command line and the tests.

pub mod provision;
pub mod telemetry;

use std::sync::Arc;

use anyhow::Context;
use atelier_config::Settings;
use atelier_domain::Clock;
use atelier_store::Store;
use atelier_web::{AppState, Themes};
use tokio::net::TcpListener;

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
        let state = AppState::new(store, settings, themes, clock);
        provision::ensure_default_tenant(&state).await?;
        provision::provision_dir(&state, &state.settings.tenants_dir).await?;
        Ok(App { state })
    }

    pub fn router(&self) -> axum::Router {
        atelier_web::router(self.state.clone())
    }

    /// Serves on `listener` until `shutdown` completes, then drains open requests.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let router = self.router();
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
            .context("the HTTP server stopped")?;
        self.state.store.close().await;
        Ok(())
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
