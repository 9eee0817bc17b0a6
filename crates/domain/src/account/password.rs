//! Passwords: what a new one must be, and hashing and checking them with Argon2id.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use super::secret::{random_bytes, RandomError};
use super::text::refuse_control_characters;
use crate::ValidationError;

/// Shortest password accepted (NIST SP 800-63B).
pub const PASSWORD_MIN_CHARS: usize = 8;
/// Longest password accepted; long enough for passphrases and password managers.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// A password that met the rules when it was chosen. No composition rules: length, and not
/// a common or easily guessed one.
pub struct NewPassword(SecretString);

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    /// `context` holds words a guesser would try first: the email, the name, the site's name.
    pub fn parse(raw: &str, context: &[&str]) -> Result<NewPassword, ValidationError> {
        // Before any hashing: a control character is a paste gone wrong, and could never be
        // typed again at sign-in.
        refuse_control_characters("password", raw, false)?;
        let err = |m: String| Err(ValidationError::new("password", m));
        let chars = raw.chars().count();
        if chars < PASSWORD_MIN_CHARS {
            return err(format!(
                "Use at least {PASSWORD_MIN_CHARS} characters. A few unrelated words make a strong, memorable password."
            ));
        }
        if chars > PASSWORD_MAX_CHARS {
            return err(format!("Use at most {PASSWORD_MAX_CHARS} characters."));
        }
        // Each context word whole, without separators, and in parts, all lower case.
        let mut words: Vec<String> = Vec::new();
        for word in context
            .iter()
            .map(|w| w.to_lowercase())
            .filter(|w| !w.is_empty())
        {
            let local = word.split('@').next().unwrap_or("").to_owned();
            let parts: Vec<&str> = local.split(['.', ' ', '-', '_', '+']).collect();
            words.push(parts.concat());
            words.extend(
                parts
                    .iter()
                    .filter(|p| p.len() >= 3)
                    .map(|p| (*p).to_owned()),
            );
            words.push(word);
        }
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let entropy = zxcvbn::zxcvbn(raw, &words);
        if (entropy.score() as u8) < 3 {
            let hint = entropy
                .feedback()
                .and_then(|f| f.warning().map(|w| w.to_string()))
                .filter(|w| !w.is_empty())
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            return err(format!(
                "That password is too easy to guess{hint}. Try a longer one, or a few unrelated words."
            ));
        }
        Ok(NewPassword(SecretString::from(raw)))
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

/// Hashes a password with Argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane).
/// Takes tens of milliseconds of CPU: call it off the async runtime's worker threads.
pub fn hash_password(password: &NewPassword) -> Result<String, RandomError> {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let salt =
        SaltString::encode_b64(&random_bytes::<16>()?).map_err(|e| RandomError(e.to_string()))?;
    argon2::Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| RandomError(e.to_string()))
}

/// Whether `password` matches a stored hash. As slow as hashing; same thread advice.
pub fn verify_password(password: &str, stored: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(stored).is_ok_and(|parsed| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_need_length_not_composition() {
        assert!(NewPassword::parse("short", &[]).is_err());
        assert!(NewPassword::parse(&"x".repeat(129), &[]).is_err());
        // All lower case, no digits or symbols, and fine.
        assert!(NewPassword::parse("correct horse battery staple", &[]).is_ok());
        assert!(NewPassword::parse(&"lantern river quiet ".repeat(7)[..128], &[]).is_ok());
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        for common in [
            "password",
            "password123",
            "12345678",
            "qwertyuiop",
            "iloveyou1",
        ] {
            let err = NewPassword::parse(common, &[]).err().map(|e| e.message);
            assert!(
                err.is_some_and(|m| m.contains("too easy")),
                "{common} accepted"
            );
        }
        assert!(NewPassword::parse("asharao123", &["asha.rao@example.com", "Asha Rao"]).is_err());
        assert!(NewPassword::parse("pixelforge1", &["PixelForge"]).is_err());
    }

    #[test]
    fn password_hashes_are_argon2id_at_owasp_cost_and_verify() {
        let pw = NewPassword::parse("violet kettle under moonlight", &[])
            .unwrap_or_else(|e| panic!("{e}"));
        let hash = hash_password(&pw).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password("violet kettle under moonlight", &hash));
        assert!(!verify_password("violet kettle under moonlight!", &hash));
        assert!(!verify_password("anything", "not a hash"));
        let again = hash_password(&pw).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(hash, again, "salts must differ");
    }
}
