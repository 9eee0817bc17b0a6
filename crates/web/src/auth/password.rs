use std::sync::OnceLock;

use atelier_domain::NewPassword;

use crate::AppError;

/// Hashes on the blocking pool, so the async workers keep answering other requests.
pub(crate) async fn hash_new_password(password: NewPassword) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || atelier_domain::hash_password(&password))
        .await
        .map_err(|e| AppError::Internal(format!("hashing task: {e}")))?
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

/// Checks a password on the blocking pool; `stored` is `None` for an unknown account.
pub(crate) async fn verify_password_off_thread(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || match stored {
        Some(hash) => atelier_domain::verify_password(&password, &hash),
        None => {
            let _ = atelier_domain::verify_password(&password, decoy_hash());
            false
        }
    })
    .await
    .unwrap_or(false)
}
