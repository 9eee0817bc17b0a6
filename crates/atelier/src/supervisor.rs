//! One supervisor for the node's long-running background tasks (embedded workers, the reaper,
//! the mailer, the clean-up). Each runs as a named task: one that returns an error, panics or
//! ends by itself is logged with its name, shown as failing in /readyz, and started again
//! after a pause that doubles with each failure in a row. On shutdown every task is asked to
//! stop and given a bounded time to do so.

use std::any::Any;
use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

use atelier_web::{Shutdown, TaskHealth, TaskState};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// How long a failed task waits before it is started again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The pause after a first failure; it doubles with each failure in a row...
    pub first: Duration,
    /// ...up to this.
    pub max: Duration,
    /// A task that ran this long before failing had recovered: its count starts again.
    pub reset_after: Duration,
}

impl Backoff {
    /// One second, doubling to a minute; a minute of running well forgives the past.
    pub const DEFAULT: Backoff = Backoff {
        first: Duration::from_secs(1),
        max: Duration::from_secs(60),
        reset_after: Duration::from_secs(60),
    };

    /// The pause after the `failures`-th failure in a row (1 for the first).
    pub fn delay(&self, failures: u32) -> Duration {
        let doublings = failures.saturating_sub(1).min(31);
        self.first.saturating_mul(1 << doublings).min(self.max)
    }
}

/// Starts named tasks, restarts the ones that fail, and stops them all on shutdown.
pub struct Supervisor {
    health: TaskHealth,
    shutdown: Shutdown,
    backoff: Backoff,
    tasks: Vec<(String, JoinHandle<()>)>,
}

impl Supervisor {
    /// A supervisor that reports its tasks in `health` and stops them when `shutdown` is
    /// requested.
    pub fn new(health: TaskHealth, shutdown: Shutdown) -> Supervisor {
        Supervisor {
            health,
            shutdown,
            backoff: Backoff::DEFAULT,
            tasks: Vec::new(),
        }
    }

    /// Pauses between restarts by `backoff` instead of [`Backoff::DEFAULT`].
    pub fn with_backoff(mut self, backoff: Backoff) -> Supervisor {
        self.backoff = backoff;
        self
    }

    /// Runs the task `name`: `task` makes one run of it from the shutdown receiver, and is
    /// called again for each restart. A run should return `Ok` once the receiver turns true;
    /// anything else before shutdown counts as a failure.
    pub fn spawn<F, Fut, E>(&mut self, name: impl Into<String>, task: F)
    where
        F: FnMut(watch::Receiver<bool>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), E>> + Send + 'static,
        E: Display + Send + 'static,
    {
        let name = name.into();
        // Listed at once, so /readyz names the task from the moment it is started.
        self.health.set(&name, TaskState::Running);
        let run = supervise(
            name.clone(),
            task,
            self.health.clone(),
            self.shutdown.clone(),
            self.backoff,
        );
        self.tasks.push((name, tokio::spawn(run)));
    }

    /// Requests shutdown and waits up to `within` for every task to stop. A task still
    /// running then is abandoned and named in the log; a worker abandoned mid-job leaves a
    /// lease that runs out, and a reaper then hands the job back to the queue.
    pub async fn stop(mut self, within: Duration) {
        self.shutdown.request();
        let deadline = Instant::now() + within;
        for (name, mut task) in std::mem::take(&mut self.tasks) {
            if tokio::time::timeout_at(deadline, &mut task).await.is_err() {
                tracing::warn!(
                    task = %name,
                    within_ms = within.as_millis(),
                    "the background task did not stop in time; abandoning it"
                );
                task.abort();
                self.health.remove(&name);
            }
        }
    }
}

impl Drop for Supervisor {
    /// A supervisor dropped without [`Supervisor::stop`] (a test that failed) takes its
    /// tasks with it.
    fn drop(&mut self) {
        for (_, task) in &self.tasks {
            task.abort();
        }
    }
}

/// Aborts a run when its supervising loop is itself aborted.
struct AbortOnDrop<T>(JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs `task` until shutdown, restarting it after each failure.
async fn supervise<F, Fut, E>(
    name: String,
    mut task: F,
    health: TaskHealth,
    shutdown: Shutdown,
    backoff: Backoff,
) where
    F: FnMut(watch::Receiver<bool>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: Display + Send + 'static,
{
    let mut failures = 0_u32;
    loop {
        health.set(&name, TaskState::Running);
        let started = Instant::now();
        // A run of its own, so a panic ends only the run and comes back as a JoinError.
        let mut run = AbortOnDrop(tokio::spawn(task(shutdown.subscribe())));
        let error = match (&mut run.0).await {
            Ok(Ok(())) if shutdown.is_requested() => None,
            Ok(Ok(())) => Some("it stopped without being asked to".to_owned()),
            Ok(Err(e)) => Some(format!("{e:#}")),
            Err(e) if e.is_panic() => Some(format!("panicked: {}", panic_message(e.into_panic()))),
            Err(e) => Some(e.to_string()),
        };
        let Some(error) = error else {
            health.remove(&name);
            return;
        };
        if shutdown.is_requested() {
            tracing::warn!(task = %name, %error, "background task failed while stopping");
            health.remove(&name);
            return;
        }
        failures = if started.elapsed() >= backoff.reset_after {
            1
        } else {
            failures.saturating_add(1)
        };
        let delay = backoff.delay(failures);
        tracing::error!(
            task = %name,
            %error,
            failures,
            restart_in_ms = delay.as_millis(),
            "background task failed; it will be restarted"
        );
        health.set(
            &name,
            TaskState::Restarting {
                error,
                failures,
                restart_at: Instant::now() + delay,
            },
        );
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            () = shutdown.requested() => {
                health.remove(&name);
                return;
            }
        }
        tracing::info!(task = %name, "restarting background task");
    }
}

/// What a panic said, when it said it with a string.
fn panic_message(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(message) => *message,
        Err(payload) => match payload.downcast_ref::<&'static str>() {
            Some(message) => (*message).to_owned(),
            None => "(no message)".to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::Backoff;

    #[test]
    fn the_pause_doubles_from_a_second_up_to_a_minute() {
        let backoff = Backoff::DEFAULT;
        let seconds: Vec<u64> = [1, 2, 3, 4, 6, 7, 8, 1_000]
            .into_iter()
            .map(|failures| backoff.delay(failures).as_secs())
            .collect();
        assert_eq!(seconds, [1, 2, 4, 8, 32, 60, 60, 60]);
        assert_eq!(backoff.delay(0), Duration::from_secs(1));
    }
}
