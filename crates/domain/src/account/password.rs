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
        let err = |m: crate::Msg| Err(ValidationError::new("password", m));
        let chars = raw.chars().count();
        if chars < PASSWORD_MIN_CHARS {
            return err(crate::msg!(
                "validation-password-too-short",
                min = PASSWORD_MIN_CHARS
            ));
        }
        if chars > PASSWORD_MAX_CHARS {
            return err(crate::msg!(
                "validation-use-at-most",
                max = PASSWORD_MAX_CHARS
            ));
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
            let warning = entropy
                .feedback()
                .and_then(|f| f.warning())
                .map_or("none", warning_key);
            return err(crate::msg!(
                "validation-password-too-easy",
                warning = warning
            ));
        }
        Ok(NewPassword(SecretString::from(raw)))
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

/// zxcvbn's warning as the key `validation-password-too-easy` selects its own words by, in
/// every language (the crate's text is English only).
fn warning_key(warning: zxcvbn::feedback::Warning) -> &'static str {
    use zxcvbn::feedback::Warning;
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess => "key-rows",
        Warning::ShortKeyboardPatternsAreEasyToGuess => "keyboard-patterns",
        Warning::RepeatsLikeAaaAreEasyToGuess => "repeats",
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "repeated-words",
        Warning::ThisIsATop10Password => "top-10",
        Warning::ThisIsATop100Password => "top-100",
        Warning::ThisIsACommonPassword => "common",
        Warning::ThisIsSimilarToACommonlyUsedPassword => "similar",
        Warning::SequencesLikeAbcAreEasyToGuess => "sequences",
        Warning::RecentYearsAreEasyToGuess => "recent-years",
        Warning::AWordByItselfIsEasyToGuess => "one-word",
        Warning::DatesAreOftenEasyToGuess => "dates",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "names",
        Warning::CommonNamesAndSurnamesAreEasyToGuess => "common-names",
    }
}

/// Argon2's working memory, 19 MiB at our cost. A server keeps a few and hands one to each
/// hash or check, so a burst of sign-ins reuses them instead of asking the allocator for a
/// fresh buffer each time (which glibc kept, per thread, long after the burst).
pub struct HashMemory(Vec<argon2::Block>);

impl HashMemory {
    pub fn new() -> Self {
        HashMemory(vec![
            argon2::Block::default();
            argon2::Params::DEFAULT.block_count()
        ])
    }

    /// At least the blocks `params` need (only a hash stored with a higher cost needs more).
    fn blocks_for(&mut self, params: &argon2::Params) -> &mut [argon2::Block] {
        if self.0.len() < params.block_count() {
            self.0
                .resize(params.block_count(), argon2::Block::default());
        }
        &mut self.0
    }
}

impl Default for HashMemory {
    fn default() -> Self {
        Self::new()
    }
}

/// Hashes a password with Argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane),
/// in `memory`. Takes tens of milliseconds of CPU: call it off the async runtime's worker
/// threads.
pub fn hash_password(
    password: &NewPassword,
    memory: &mut HashMemory,
) -> Result<String, RandomError> {
    use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
    let failed = |e: &dyn fmt::Display| RandomError(e.to_string());
    let salt = random_bytes::<16>()?;
    let argon = argon2::Argon2::default();
    let mut out = [0u8; argon2::Params::DEFAULT_OUTPUT_LEN];
    argon
        .hash_password_into_with_memory(
            password.expose().as_bytes(),
            &salt,
            &mut out,
            memory.blocks_for(argon.params()),
        )
        .map_err(|e| failed(&e))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| failed(&e))?;
    let hash = PasswordHash {
        algorithm: argon2::Algorithm::Argon2id.ident(),
        version: Some(argon2::Version::V0x13.into()),
        params: ParamsString::try_from(argon.params()).map_err(|e| failed(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| failed(&e))?),
    };
    Ok(hash.to_string())
}

/// Whether `password` matches a stored hash (at the cost it was stored with), checked in
/// `memory`. As slow as hashing; same thread advice.
pub fn verify_password(password: &str, stored: &str, memory: &mut HashMemory) -> bool {
    matches(password, stored, memory).unwrap_or(false)
}

/// `None` when `stored` is not an Argon2 hash this crate can check.
fn matches(password: &str, stored: &str, memory: &mut HashMemory) -> Option<bool> {
    use argon2::password_hash::{Output, PasswordHash};
    let stored = PasswordHash::new(stored).ok()?;
    let algorithm = argon2::Algorithm::try_from(stored.algorithm).ok()?;
    let version = match stored.version {
        Some(v) => argon2::Version::try_from(v).ok()?,
        None => argon2::Version::default(),
    };
    let params = argon2::Params::try_from(&stored).ok()?;
    // Only costs near the ones this site stores: a damaged or planted row asking for
    // gigabytes or hours would otherwise take them, and keep one of the few turns.
    let usual = argon2::Params::DEFAULT;
    if params.m_cost() > 4 * usual.m_cost() || params.t_cost() > 10 || params.p_cost() > 4 {
        return None;
    }
    let expected = stored.hash?;
    let mut salt = [0u8; 64];
    let salt = stored.salt?.decode_b64(&mut salt).ok()?;
    let mut out = vec![0u8; expected.len()];
    argon2::Argon2::new(algorithm, version, params.clone())
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt,
            &mut out,
            memory.blocks_for(&params),
        )
        .ok()?;
    // Output's equality takes the same time wherever the two differ.
    Some(Output::new(&out).ok()? == expected)
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
            let err = NewPassword::parse(common, &[])
                .err()
                .map(|e| e.message.to_string());
            assert!(
                err.is_some_and(|m| m.contains("too easy")),
                "{common} accepted"
            );
        }
        assert!(NewPassword::parse("asharao123", &["asha.rao@example.com", "Asha Rao"]).is_err());
        assert!(NewPassword::parse("pixelforge1", &["PixelForge"]).is_err());
    }

    #[test]
    fn the_weak_password_advice_names_the_reason_in_each_language() {
        let message = NewPassword::parse("password", &[])
            .err()
            .map(|e| e.message)
            .unwrap_or_else(|| panic!("accepted"));
        assert_eq!(
            message.to_string(),
            "That password is too easy to guess (This is a top-10 common password.). Try a \
             longer one, or a few unrelated words."
        );
        let hindi = message.in_lang(crate::Lang::Hi);
        assert!(hindi.contains("सबसे आम 10 पासवर्ड"), "{hindi}");
    }

    #[test]
    fn password_hashes_are_argon2id_at_owasp_cost_and_verify() {
        let pw = NewPassword::parse("violet kettle under moonlight", &[])
            .unwrap_or_else(|e| panic!("{e}"));
        let memory = &mut HashMemory::new();
        let hash = hash_password(&pw, memory).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password(
            "violet kettle under moonlight",
            &hash,
            memory
        ));
        assert!(!verify_password(
            "violet kettle under moonlight!",
            &hash,
            memory
        ));
        assert!(!verify_password("anything", "not a hash", memory));
        let again = hash_password(&pw, memory).unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(hash, again, "salts must differ");
    }

    /// Hashing in kept memory is the argon2 crate's own hashing: each verifies the other's
    /// hashes, at the cost a hash was stored with (more memory than is kept, or Argon2i).
    #[test]
    fn hashes_agree_with_the_argon2_crate_both_ways() {
        use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
        let secret = "violet kettle under moonlight";
        let pw = NewPassword::parse(secret, &[]).unwrap_or_else(|e| panic!("{e}"));
        let memory = &mut HashMemory::new();
        let ours = hash_password(&pw, memory).unwrap_or_else(|e| panic!("{e}"));
        let parsed = PasswordHash::new(&ours).unwrap_or_else(|e| panic!("{e}"));
        let crate_check = argon2::Argon2::default().verify_password(secret.as_bytes(), &parsed);
        assert!(crate_check.is_ok(), "{ours}");

        let salt = SaltString::encode_b64(b"sixteen byte slt").unwrap_or_else(|e| panic!("{e}"));
        for (algorithm, m_cost) in [
            (argon2::Algorithm::Argon2id, 32 * 1024),
            (argon2::Algorithm::Argon2i, 8 * 1024),
        ] {
            let params = argon2::Params::new(m_cost, 1, 1, None).unwrap_or_else(|e| panic!("{e}"));
            let theirs = argon2::Argon2::new(algorithm, argon2::Version::V0x13, params)
                .hash_password(secret.as_bytes(), &salt)
                .unwrap_or_else(|e| panic!("{e}"))
                .to_string();
            assert!(verify_password(secret, &theirs, memory), "{theirs}");
            assert!(
                !verify_password("violet kettle", &theirs, memory),
                "{theirs}"
            );
        }
    }
}
