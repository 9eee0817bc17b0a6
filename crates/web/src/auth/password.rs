use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use atelier_config::LimitSettings;
use atelier_domain::{HashMemory, NewPassword};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::AppError;

/// What a visitor refused for want of a turn is told to wait before trying again.
pub(crate) const PASSWORD_BUSY_RETRY_AFTER_SECS: u64 = 5;

/// Password hashing and checking, a few at a time. Each Argon2 run takes a 19 MB buffer and
/// a core for tens of milliseconds: unbounded, a burst of sign-ins ran them all at once on
/// the blocking pool, and took the server to a gigabyte. Beyond the bound a request waits
/// its turn, up to a limit, then is asked to come back ([`AppError::PasswordWorkBusy`]).
#[derive(Clone)]
pub struct PasswordWork {
    turns: Arc<Semaphore>,
    /// Argon2's buffers, kept for the next run: never more than there are turns. Allocated
    /// afresh for each run, glibc kept them, one per blocking thread, long after a burst
    /// (371 MB after 50 sign-ins; docs/PERFORMANCE.md).
    memory: Arc<Mutex<Vec<HashMemory>>>,
    wait: Duration,
}

/// One turn at password work; the next waiting request gets it when this is dropped.
pub struct PasswordTurn {
    _permit: OwnedSemaphorePermit,
}

impl PasswordWork {
    /// `at_once` runs at a time; a request waits at most `wait` for one to end.
    pub fn new(at_once: usize, wait: Duration) -> Self {
        Self {
            turns: Arc::new(Semaphore::new(at_once.max(1))),
            memory: Arc::default(),
            wait,
        }
    }

    /// The bound from the settings: by default one run per core, so hashing never has more
    /// buffers than it has cores to fill them.
    pub fn from_settings(limits: &LimitSettings) -> Self {
        let at_once = limits.password_hashes_at_once.map_or_else(
            || std::thread::available_parallelism().map_or(1, usize::from),
            |n| n as usize,
        );
        Self::new(at_once, Duration::from_millis(limits.password_hash_wait_ms))
    }

    /// Waits for a turn, at most the configured wait. Forms that count attempts take their
    /// turn before counting, so a visitor turned away busy (503) has used no attempt.
    pub async fn turn(&self) -> Result<PasswordTurn, AppError> {
        match tokio::time::timeout(self.wait, self.turns.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(PasswordTurn { _permit: permit }),
            Ok(Err(closed)) => Err(AppError::Internal(format!("password turns: {closed}"))),
            Err(_) => {
                tracing::warn!(
                    wait_ms = self.wait.as_millis(),
                    "a password check found no free turn in time and was refused; \
                     limits.password_hashes_at_once may be raised where memory allows"
                );
                Err(AppError::PasswordWorkBusy)
            }
        }
    }

    /// Runs `work` (tens of milliseconds of CPU) in a turn, on the blocking pool so the async
    /// workers keep answering other requests meanwhile. The turn goes with the work: a
    /// visitor who leaves does not free it before the hashing ends.
    async fn run<T: Send + 'static>(
        &self,
        turn: Option<PasswordTurn>,
        work: impl FnOnce(&mut HashMemory) -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let turn = match turn {
            Some(turn) => turn,
            None => self.turn().await?,
        };
        let kept = self.memory.clone();
        tokio::task::spawn_blocking(move || {
            let mut memory = kept
                .lock()
                .ok()
                .and_then(|mut m| m.pop())
                .unwrap_or_default();
            let done = work(&mut memory);
            if let Ok(mut m) = kept.lock() {
                m.push(memory);
            }
            drop(turn);
            done
        })
        .await
        .map_err(|e| AppError::Internal(format!("password task: {e}")))
    }

    /// Hashes a new password, in `turn` when the caller took one first (see [`Self::turn`]).
    pub(crate) async fn hash_new(
        &self,
        turn: Option<PasswordTurn>,
        password: NewPassword,
    ) -> Result<String, AppError> {
        self.run(turn, move |memory| {
            atelier_domain::hash_password(&password, memory)
        })
        .await?
        .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Whether `password` is the account's; `stored` is `None` for an unknown account, which
    /// is checked against a decoy, in a turn like any other check, so it takes as long to
    /// refuse as a wrong password, under load too.
    pub(crate) async fn verify(
        &self,
        turn: Option<PasswordTurn>,
        password: String,
        stored: Option<String>,
    ) -> Result<bool, AppError> {
        self.run(turn, move |memory| match stored {
            Some(hash) => atelier_domain::verify_password(&password, &hash, memory),
            None => {
                let _ = atelier_domain::verify_password(&password, decoy_hash(memory), memory);
                false
            }
        })
        .await
    }
}

/// A hash of a random password, verified against when the account does not exist.
fn decoy_hash(memory: &mut HashMemory) -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let secret = atelier_domain::SecretToken::generate()
            .map(|t| t.expose().to_owned())
            .unwrap_or_else(|_| "decoy password that nobody knows".to_owned());
        NewPassword::parse(&secret, &[])
            .ok()
            .and_then(|p| atelier_domain::hash_password(&p, memory).ok())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::PasswordWork;
    use crate::AppError;

    /// A bound on every wait in these tests, so that a regression fails instead of hanging.
    const LIMIT: Duration = Duration::from_secs(10);

    /// One async thread: were the work run on it, nothing else could run until it ended.
    /// The work is held until another task has run, so the order proves where it ran, not
    /// a race between a hash and a request.
    #[tokio::test(flavor = "current_thread")]
    async fn password_work_leaves_the_async_thread_free() {
        let gate = PasswordWork::new(1, LIMIT);
        let (release, held) = std::sync::mpsc::channel::<()>();
        let work = tokio::spawn(async move {
            gate.run(None, move |_| held.recv_timeout(LIMIT).is_ok())
                .await
        });
        let other = tokio::spawn(async { "answered" }).await;
        assert_eq!(other.ok(), Some("answered"));
        let _ = release.send(());
        let released = work.await.ok().and_then(Result::ok);
        assert_eq!(
            released,
            Some(true),
            "the password work blocked the async thread until it gave up"
        );
    }

    /// With the only turn taken, more work waits, and runs once the turn is given back.
    #[tokio::test(flavor = "current_thread")]
    async fn work_past_the_bound_waits_for_a_turn() {
        let gate = PasswordWork::new(1, LIMIT);
        let held = gate.turn().await.ok();
        let waiting = tokio::spawn({
            let gate = gate.clone();
            async move { gate.run(None, |_| "ran").await.ok() }
        });
        // On this one thread the waiting task runs as far as it can whenever we yield.
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        assert!(!waiting.is_finished(), "the work ran without a turn");
        drop(held);
        let ran = tokio::time::timeout(LIMIT, waiting).await;
        assert_eq!(ran.ok().and_then(Result::ok).flatten(), Some("ran"));
    }

    /// A burst reuses the buffers of the turns before it: no more are kept than there are
    /// turns, however many ran. Runs meet two by two, so both turns are used at once.
    #[tokio::test]
    async fn kept_buffers_never_outnumber_the_turns() {
        let gate = PasswordWork::new(2, LIMIT);
        let pairs = std::sync::Arc::new(std::sync::Barrier::new(2));
        let burst: Vec<_> = (0..6)
            .map(|_| {
                let (gate, pairs) = (gate.clone(), pairs.clone());
                tokio::spawn(async move { gate.run(None, move |_| pairs.wait()).await.is_ok() })
            })
            .collect();
        for run in burst {
            let ran = tokio::time::timeout(LIMIT, run).await;
            assert_eq!(ran.ok().and_then(Result::ok), Some(true));
        }
        let kept = gate.memory.lock().map(|m| m.len()).unwrap_or_default();
        assert_eq!(kept, 2, "buffers kept for 2 turns after 6 runs");
    }

    /// Past the wait, the request is told the site is busy, and the work never runs.
    #[tokio::test]
    async fn work_that_waits_too_long_is_refused_as_busy() {
        let gate = PasswordWork::new(1, Duration::from_millis(20));
        let _held = gate.turn().await;
        let ran = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = ran.clone();
        let answer = tokio::time::timeout(
            LIMIT,
            gate.run(None, move |_| {
                flag.store(true, std::sync::atomic::Ordering::SeqCst)
            }),
        )
        .await;
        assert!(matches!(answer, Ok(Err(AppError::PasswordWorkBusy))));
        assert!(!ran.load(std::sync::atomic::Ordering::SeqCst));
    }
}
