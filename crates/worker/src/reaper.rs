//! The reaper: fails jobs past their deadline and hands back jobs whose worker went silent.
//! Every node runs one, whether or not it renders, so deadlines hold and credits held for a
//! job are released even when all rendering happens elsewhere.

use std::sync::Arc;
use std::time::Duration;

use atelier_domain::Clock;
use atelier_store::{ReapReport, Store, StoreError};
use tokio::sync::{watch, Notify};
use tokio::time::MissedTickBehavior;

/// Enforces deadlines and expired leases for every node's jobs. Several reapers (one per
/// node) are safe: each write the store makes names the lease and status it expects, so a
/// job two reapers find overdue is ended once.
#[derive(Clone)]
pub struct Reaper {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    /// Woken when jobs go back to the queue, so an idle worker on this node claims them.
    pub wake: Arc<Notify>,
    /// How often to look.
    pub every: Duration,
}

impl Reaper {
    /// One pass: ends what is overdue and re-queues what lost its worker, as of the clock's
    /// now.
    #[tracing::instrument(skip_all)]
    pub async fn reap_once(&self) -> Result<ReapReport, StoreError> {
        let reaped = self.store.reap_jobs(self.clock.now()).await?;
        if reaped != ReapReport::default() {
            tracing::info!(?reaped, "deadlines and expired leases enforced");
        }
        if reaped.requeued > 0 {
            self.wake.notify_waiters();
        }
        Ok(reaped)
    }

    /// Reaps every `every` until `shutdown` turns true. A pass that fails ends the run with
    /// its error, for the supervisor to log, report and restart.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) -> Result<(), StoreError> {
        let mut ticks = tokio::time::interval(self.every);
        ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            let signal_gone = tokio::select! {
                _ = ticks.tick() => false,
                stop = shutdown.wait_for(|stop| *stop) => stop.is_err(),
            };
            if signal_gone || *shutdown.borrow() {
                return Ok(());
            }
            self.reap_once().await?;
        }
    }
}
