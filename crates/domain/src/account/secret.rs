//! Secrets for cookies and mailed links: random, shown once, stored only as a hash.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// A random secret for a cookie or a mailed link: 256 bits, hex-encoded. Only its SHA-256
/// is stored, so a copy of the database opens no session and resets no password.
pub struct SecretToken(SecretString);

impl fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretToken(***)")
    }
}

/// The operating system's random source failed; nothing secret can be made.
#[derive(Debug, thiserror::Error)]
#[error("the system's random number generator failed: {0}")]
pub struct RandomError(pub(super) String);

impl SecretToken {
    pub fn generate() -> Result<SecretToken, RandomError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| RandomError(e.to_string()))?;
        Ok(SecretToken(SecretString::from(hex::encode(bytes))))
    }

    /// The value as sent: in a cookie, or in a link.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    pub fn hash(&self) -> String {
        hash_token(self.expose())
    }
}

/// The stored form of a token received from outside.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Random bytes for salts and CSRF tokens.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], RandomError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| RandomError(e.to_string()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewPassword;

    #[test]
    fn secrets_never_show_in_debug_output() {
        let token = SecretToken::generate().unwrap_or_else(|e| panic!("{e}"));
        let password = NewPassword::parse("violet kettle under moonlight", &[])
            .unwrap_or_else(|e| panic!("{e}"));
        let shown = format!("{token:?} {password:?}");
        assert!(!shown.contains(token.expose()), "{shown}");
        assert!(!shown.contains("violet"), "{shown}");
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let a = SecretToken::generate().unwrap_or_else(|e| panic!("{e}"));
        let b = SecretToken::generate().unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(a.expose(), b.expose());
        assert_eq!(a.expose().len(), 64);
        assert_eq!(a.hash(), hash_token(a.expose()));
        assert_ne!(a.hash(), a.expose());
    }
}
