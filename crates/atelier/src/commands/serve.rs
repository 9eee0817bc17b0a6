//! `atelier serve` and `atelier migrate`: the database brought up to date, and the sites
//! served until SIGTERM or Ctrl-C.

use std::sync::Arc;

use anyhow::Context;
use atelier::App;
use atelier_config::Settings;
use atelier_domain::SystemClock;
use atelier_store::Store;

/// Applies pending migrations and says so.
pub async fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let store = Store::connect(settings.database_url.expose_secret()).await?;
    store.migrate().await?;
    println!("Database {} is up to date.", settings.database_url);
    Ok(())
}

/// Builds the app (migrating first), announces where it listens, and serves until a
/// shutdown signal.
pub async fn serve(mut settings: Settings) -> anyhow::Result<()> {
    let listen = settings.listen;
    let database = settings.database_url.redacted();
    let default_tenant = settings.default_tenant.clone();
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener.local_addr()?;
    // Links in mail name the port really listened on (port 0 has the system pick one).
    settings.listen = address;
    let app = App::build(settings, Arc::new(SystemClock)).await?;
    // Scripts and tests read this line to find the port when listening on port 0.
    println!("Atelier is listening on http://{address} (database {database}, default tenant {default_tenant})");
    app.serve(listener, async {
        shutdown_signal().await;
        tracing::info!("shutting down: finishing open requests");
    })
    .await
}

/// Resolves on Ctrl-C or SIGTERM (how service managers and containers stop a node).
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
