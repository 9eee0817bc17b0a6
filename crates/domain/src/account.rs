//! Accounts: email addresses, passwords, roles, credit ledger reasons and secret tokens.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::ValidationError;

/// An email address, trimmed and lower-cased, of RFC 5321 syntax (as `lettre`, which sends
/// our mail, reads it) at a domain with a dot in it. Whether it really receives mail is
/// proven only by a mailed link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

/// Refuses control characters in text from outside: they are invisible on a page, can
/// forge lines in logs and mail headers, and PostgreSQL refuses a NUL byte in any text
/// column. `multi_line` lets line breaks and tabs through, for fields typed in a text area.
pub fn refuse_control_characters(
    field: &'static str,
    text: &str,
    multi_line: bool,
) -> Result<(), ValidationError> {
    let forbidden = |c: char| c.is_control() && !(multi_line && matches!(c, '\n' | '\r' | '\t'));
    if text.chars().any(forbidden) {
        return Err(ValidationError::new(
            field,
            "Remove the invisible control characters (such as a NUL byte or an escape code).",
        ));
    }
    Ok(())
}

impl Email {
    pub fn parse(raw: &str) -> Result<Email, ValidationError> {
        refuse_control_characters("email", raw, false)?;
        let email = raw.trim().to_lowercase();
        let err = |m: &str| Err(ValidationError::new("email", m));
        if email.is_empty() {
            return err("Enter your email address.");
        }
        if email.len() > 254 {
            return err("That email address is too long.");
        }
        let Ok(address) = email.parse::<lettre::Address>() else {
            return err("Enter an email address like name@example.com.");
        };
        // Valid syntax that no person signs up with: a host on the local network
        // ("name@intranet"), an address literal ("name@[10.0.0.1]"), a quoted local part.
        let domain = address.domain();
        let public_domain = domain.contains('.') && !domain.starts_with('[');
        if !public_domain || address.user().contains('"') {
            return err("Enter an email address like name@example.com.");
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Longest name a person may give.
pub const PERSON_NAME_MAX_CHARS: usize = 80;

/// The name a person gives at sign-up: trimmed, may be empty, at most
/// [`PERSON_NAME_MAX_CHARS`], on one line and without control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<PersonName, ValidationError> {
        refuse_control_characters("name", raw, false)?;
        let name = raw.trim();
        if name.chars().count() > PERSON_NAME_MAX_CHARS {
            return Err(ValidationError::new(
                "name",
                format!("Use at most {PERSON_NAME_MAX_CHARS} characters."),
            ));
        }
        Ok(PersonName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Longest name of a personal API token.
pub const TOKEN_NAME_MAX_CHARS: usize = 60;

/// What a person calls one of their API tokens ("laptop script"): trimmed, not empty, at
/// most [`TOKEN_NAME_MAX_CHARS`], without control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct TokenName(String);

impl TokenName {
    pub fn parse(raw: &str) -> Result<TokenName, ValidationError> {
        refuse_control_characters("token_name", raw, false)?;
        let name = raw.trim();
        if name.is_empty() || name.chars().count() > TOKEN_NAME_MAX_CHARS {
            return Err(ValidationError::new(
                "token_name",
                format!(
                    "Name the token (up to {TOKEN_NAME_MAX_CHARS} characters), e.g. \"laptop script\"."
                ),
            ));
        }
        Ok(TokenName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

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

/// What an account may do; decided by the access policy in `config/rbac_policy.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    User,
    TenantAdmin,
    SuperAdmin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::TenantAdmin => "tenant_admin",
            Role::SuperAdmin => "super_admin",
        }
    }

    pub fn parse(raw: &str) -> Option<Role> {
        match raw {
            "user" => Some(Role::User),
            "tenant_admin" => Some(Role::TenantAdmin),
            "super_admin" => Some(Role::SuperAdmin),
            _ => None,
        }
    }
}

/// An account's internal identifier; random, so safe in URLs of the admin console.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct UserId(pub uuid::Uuid);

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A personal API token's identifier (never its secret): what the account page names to
/// revoke one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ApiTokenId(pub uuid::Uuid);

impl fmt::Display for ApiTokenId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An account as the rest of the system sees it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    /// `None` for platform accounts (super-admins).
    pub tenant_id: Option<crate::TenantId>,
    pub email: Email,
    pub name: String,
    pub role: Role,
    pub balance: crate::Credits,
    pub held: crate::Credits,
    pub email_verified: bool,
    pub bonus_pending: bool,
    pub disabled: bool,
    pub created_at: crate::Timestamp,
}

impl User {
    /// The account's credits, for the rules in [`crate::credits`].
    pub fn wallet(&self) -> crate::Wallet {
        crate::Wallet {
            balance: self.balance,
            held: self.held,
        }
    }

    /// Credits that a new job may hold.
    pub fn available(&self) -> crate::Credits {
        self.wallet().available()
    }
}

/// One row of an account's credit history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerEntry {
    pub delta: i64,
    pub reason: LedgerReason,
    pub reference: String,
    pub created_at: crate::Timestamp,
}

/// Why a balance changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerReason {
    SignupBonus,
    Purchase,
    Generation,
    AdminAdjustment,
}

impl LedgerReason {
    pub fn as_str(self) -> &'static str {
        match self {
            LedgerReason::SignupBonus => "signup_bonus",
            LedgerReason::Purchase => "purchase",
            LedgerReason::Generation => "generation",
            LedgerReason::AdminAdjustment => "admin_adjustment",
        }
    }

    pub fn parse(raw: &str) -> Option<LedgerReason> {
        match raw {
            "signup_bonus" => Some(LedgerReason::SignupBonus),
            "purchase" => Some(LedgerReason::Purchase),
            "generation" => Some(LedgerReason::Generation),
            "admin_adjustment" => Some(LedgerReason::AdminAdjustment),
            _ => None,
        }
    }

    /// How the reason reads on an account page.
    pub fn label(self) -> &'static str {
        match self {
            LedgerReason::SignupBonus => "Welcome bonus",
            LedgerReason::Purchase => "Purchase",
            LedgerReason::Generation => "Image generated",
            LedgerReason::AdminAdjustment => "Adjustment by support",
        }
    }
}

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
pub struct RandomError(String);

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

    #[test]
    fn emails_are_normalised_and_checked() {
        let e = Email::parse("  Asha.Rao@Example.COM ").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.as_str(), "asha.rao@example.com");
        for good in [
            "asha+atelier@example.com",
            "o'brien@example.co.in",
            "x@sub.example.com",
        ] {
            assert!(Email::parse(good).is_ok(), "{good:?} refused");
        }
        for bad in [
            "asha",
            "asha@",
            "@example.com",
            "asha@example",
            "a b@example.com",
            "asha@exa..com",
            "asha@example.com.",
            ".asha@example.com",
            "asha@@example.com",
            "\"a b\"@example.com",
            "asha@[127.0.0.1]",
            "asha@-example.com",
        ] {
            let message = Email::parse(bad).err().map(|e| e.message);
            assert_eq!(
                message.as_deref(),
                Some("Enter an email address like name@example.com."),
                "{bad:?}"
            );
        }
        let blank = Email::parse("  ").err().map(|e| e.message);
        assert_eq!(blank.as_deref(), Some("Enter your email address."));
        let long = format!("{}@example.com", "a".repeat(250));
        let message = Email::parse(&long).err().map(|e| e.message);
        assert_eq!(message.as_deref(), Some("That email address is too long."));
    }

    #[test]
    fn text_fields_refuse_control_characters() {
        let refused = |r: Result<(), ValidationError>| r.err().map(|e| e.field);
        assert_eq!(
            refused(PersonName::parse("Asha\0Rao").map(drop)),
            Some("name")
        );
        assert_eq!(
            refused(PersonName::parse("Asha\nRao").map(drop)),
            Some("name")
        );
        assert_eq!(
            refused(TokenName::parse("laptop\u{1b}[31m").map(drop)),
            Some("token_name")
        );
        assert_eq!(
            refused(Email::parse("asha\0@example.com").map(drop)),
            Some("email")
        );
        assert_eq!(
            refused(NewPassword::parse("violet kettle\0under moonlight", &[]).map(drop)),
            Some("password")
        );
        assert!(refuse_control_characters("bio", "two\nlines\tand a tab", true).is_ok());
        assert!(refuse_control_characters("bio", "a NUL\0", true).is_err());
        assert_eq!(
            PersonName::parse("  Asha Rao ")
                .map(PersonName::into_string)
                .ok(),
            Some("Asha Rao".to_owned())
        );
        assert!(PersonName::parse("").is_ok(), "a name is optional");
        assert!(TokenName::parse("  ").is_err());
    }

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

    #[test]
    fn roles_and_reasons_round_trip() {
        for r in [Role::User, Role::TenantAdmin, Role::SuperAdmin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for r in [
            LedgerReason::SignupBonus,
            LedgerReason::Purchase,
            LedgerReason::Generation,
            LedgerReason::AdminAdjustment,
        ] {
            assert_eq!(LedgerReason::parse(r.as_str()), Some(r));
        }
    }
}
