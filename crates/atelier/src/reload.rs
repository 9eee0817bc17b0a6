//! Reloads the model catalogue on `SIGHUP`, so an operator adds a model or changes a
//! workflow without a restart (the platform console's "Reload models" does the same).

use atelier_config::Models;
use tokio::sync::watch;

/// Reloads `models` on every `SIGHUP` until `stopped`. A catalogue with a mistake is
/// refused with the file, entry and field in the log, and the one in use stays.
pub async fn reload_models_on_hangup(models: Models, mut stopped: watch::Receiver<bool>) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut hangups = match signal(SignalKind::hangup()) {
            Ok(hangups) => hangups,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGHUP; models reload from the platform console only");
                let _ = stopped.wait_for(|stop| *stop).await;
                return;
            }
        };
        loop {
            tokio::select! {
                got = hangups.recv() => {
                    if got.is_none() {
                        break;
                    }
                    reload(&models);
                }
                _ = stopped.wait_for(|stop| *stop) => return,
            }
        }
    }
    let _ = stopped.wait_for(|stop| *stop).await;
}

/// Reloads and logs what happened.
pub fn reload(models: &Models) {
    match models.reload() {
        Ok(count) => tracing::info!(models = count, "model catalogue reloaded"),
        Err(e) => tracing::error!(error = %e, "model catalogue not reloaded; the one in use stays"),
    }
}
