use std::sync::OnceLock;

use atelier_domain::NewPassword;

use crate::AppError;

/// Runs password work (tens of milliseconds of CPU each) on the blocking pool, so the async
/// workers keep answering other requests meanwhile.
async fn off_the_async_threads<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Internal(format!("password task: {e}")))
}

/// Hashes a new password off the async worker threads.
pub(crate) async fn hash_new_password(password: NewPassword) -> Result<String, AppError> {
    off_the_async_threads(move || atelier_domain::hash_password(&password))
        .await?
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// A hash of a random password, verified against when the account does not exist, so an
/// unknown email takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let secret = atelier_domain::SecretToken::generate()
            .map(|t| t.expose().to_owned())
            .unwrap_or_else(|_| "decoy password that nobody knows".to_owned());
        NewPassword::parse(&secret, &[])
            .ok()
            .and_then(|p| atelier_domain::hash_password(&p).ok())
            .unwrap_or_default()
    })
}

/// Checks a password off the async worker threads; `stored` is `None` for an unknown
/// account.
pub(crate) async fn verify_password_off_thread(password: String, stored: Option<String>) -> bool {
    off_the_async_threads(move || match stored {
        Some(hash) => atelier_domain::verify_password(&password, &hash),
        None => {
            let _ = atelier_domain::verify_password(&password, decoy_hash());
            false
        }
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::off_the_async_threads;

    /// One async thread: were the work run on it, nothing else could run until it ended.
    /// The work is held until another task has run, so the order proves where it ran, not
    /// a race between a hash and a request.
    #[tokio::test(flavor = "current_thread")]
    async fn password_work_leaves_the_async_thread_free() {
        let (release, held) = std::sync::mpsc::channel::<()>();
        let work = tokio::spawn(off_the_async_threads(move || {
            // A bound, so that a regression fails instead of hanging.
            held.recv_timeout(Duration::from_secs(10)).is_ok()
        }));
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
}
