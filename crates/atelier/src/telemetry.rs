//! Logging set-up, once per process.

use tracing_subscriber::EnvFilter;

/// Logs to standard error; `RUST_LOG` chooses what (default: info). Colours only on a
/// terminal: a log file or a journal gets plain text.
pub fn init() {
    use std::io::IsTerminal;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    // A second call (tests) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}
