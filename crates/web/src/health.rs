//! Probes for load balancers and orchestrators. They answer on any host, before tenancy.
//!
//! `/readyz` reports what the background tasks are doing, as the supervisor (in the
//! `atelier` binary) records it in [`TaskHealth`], and whether the node is shutting down.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::routes::Routes;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use tokio::sync::watch;
use tokio::time::Instant;

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/healthz", healthz)
        .get("/readyz", readyz)
}

/// The process is up and serving HTTP.
async fn healthz() -> &'static str {
    "ok\n"
}

/// Ready (200) when the node is not shutting down, its database answers within 2 s and
/// every supervised background task is running. Otherwise 503, so traffic goes elsewhere,
/// with a body that says why: "shutting down", "database unavailable", or one line per
/// task that failed and waits to be restarted (its last error and when it restarts).
/// Either way the body lists every task by name.
async fn readyz(State(state): State<AppState>) -> (StatusCode, String) {
    let unavailable = StatusCode::SERVICE_UNAVAILABLE;
    if state.shutdown.is_requested() {
        return (unavailable, "not ready: shutting down\n".to_owned());
    }
    let database = match tokio::time::timeout(Duration::from_secs(2), state.store.ping()).await {
        Ok(Ok(())) => true,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check failed");
            false
        }
        Err(_) => {
            tracing::warn!("readiness check timed out");
            false
        }
    };
    let tasks = state.tasks.snapshot();
    let failing = tasks
        .iter()
        .any(|(_, task)| matches!(task, TaskState::Restarting { .. }));
    let mut body = String::new();
    if !database {
        body.push_str("not ready: database unavailable\n");
    } else if failing {
        body.push_str("not ready: a background task is failing\n");
    } else {
        body.push_str("ready\n");
    }
    let now = Instant::now();
    for (name, task) in &tasks {
        let _ = match task {
            TaskState::Running => writeln!(body, "{name}: running"),
            TaskState::Restarting {
                error,
                failures,
                restart_at,
            } => writeln!(
                body,
                "{name}: failing ({failures} in a row, last: {error}); restarts in {} ms",
                restart_at.saturating_duration_since(now).as_millis()
            ),
        };
    }
    let status = if database && !failing {
        StatusCode::OK
    } else {
        unavailable
    };
    (status, body)
}

/// What a supervised background task is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskState {
    Running,
    /// It failed (returned an error, panicked or stopped by itself) and waits to be started
    /// again.
    Restarting {
        /// Why it failed the last time.
        error: String,
        /// Failures since it last ran well.
        failures: u32,
        restart_at: Instant,
    },
}

/// The supervised background tasks of this node by name, as /readyz reports them. Cheap to
/// clone; every clone sees the same tasks.
#[derive(Debug, Clone, Default)]
pub struct TaskHealth {
    tasks: Arc<Mutex<BTreeMap<String, TaskState>>>,
}

impl TaskHealth {
    /// Records what the task `name` is doing now.
    pub fn set(&self, name: &str, state: TaskState) {
        self.lock().insert(name.to_owned(), state);
    }

    /// Forgets the task `name`: it stopped because it was asked to.
    pub fn remove(&self, name: &str) {
        self.lock().remove(name);
    }

    /// Every task with its state, by name.
    pub fn snapshot(&self) -> Vec<(String, TaskState)> {
        self.lock()
            .iter()
            .map(|(name, state)| (name.clone(), state.clone()))
            .collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, TaskState>> {
        // A panic elsewhere while holding the lock leaves a map that is still whole.
        self.tasks.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The node's shutdown signal: once requested, /readyz says 503, live-status streams end
/// and background tasks stop. Cheap to clone; every clone shares the one signal.
#[derive(Debug, Clone)]
pub struct Shutdown {
    requested: Arc<watch::Sender<bool>>,
}

impl Default for Shutdown {
    fn default() -> Self {
        Self {
            requested: Arc::new(watch::Sender::new(false)),
        }
    }
}

impl Shutdown {
    /// Asks everything that watches this signal to stop. Asking again does nothing.
    pub fn request(&self) {
        self.requested.send_replace(true);
    }

    pub fn is_requested(&self) -> bool {
        *self.requested.borrow()
    }

    /// A receiver that turns true when shutdown is requested, for loops that `select!` on
    /// `changed()`.
    pub fn subscribe(&self) -> watch::Receiver<bool> {
        self.requested.subscribe()
    }

    /// Completes once shutdown is requested (at once if it already was).
    pub async fn requested(&self) {
        let mut receiver = self.subscribe();
        // The sender lives in `self`, so the channel cannot close while this waits.
        let _ = receiver.wait_for(|requested| *requested).await;
    }
}
