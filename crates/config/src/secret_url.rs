//! URLs that carry passwords (the database's, the SMTP server's): kept secret in memory and
//! shown without their password anywhere a person or a log can read them.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

/// A URL that may hold a password. `Debug` and `Display` show it with the password replaced
/// by `***`; only [`SecretUrl::expose_secret`] gives it whole, to the code that connects.
#[derive(Clone)]
pub struct SecretUrl(SecretString);

impl SecretUrl {
    pub fn new(url: impl Into<String>) -> SecretUrl {
        SecretUrl(SecretString::from(url.into()))
    }

    /// The URL with its password, for the one call that connects with it.
    pub fn expose_secret(&self) -> &str {
        self.0.expose_secret()
    }

    /// The URL as messages may show it.
    pub fn redacted(&self) -> String {
        redact_url(self.expose_secret())
    }
}

impl fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SecretUrl").field(&self.redacted()).finish()
    }
}

impl fmt::Display for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// `url` with its password replaced by `***`, e.g. `postgres://atelier:***@db/atelier`, in
/// the user-info part and in a `password=` query parameter (PostgreSQL accepts both). A URL
/// without a password comes back as it was; one that cannot be read at all is not shown,
/// since a password might be anywhere in it.
pub fn redact_url(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return "(a URL that cannot be shown)".to_owned();
    };
    let in_user_info = parsed.password().is_some();
    let in_query = parsed.query_pairs().any(|(key, _)| key == "password");
    if !in_user_info && !in_query {
        return url.to_owned();
    }
    if in_user_info && parsed.set_password(Some("***")).is_err() {
        return "(a URL that cannot be shown)".to_owned();
    }
    if in_query {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(key, value)| {
                let value = if key == "password" {
                    "***".into()
                } else {
                    value
                };
                (key.into_owned(), value.into_owned())
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_the_query_are_hidden_too() {
        let shown =
            redact_url("postgres://db/atelier?user=atelier&password=s3cret&sslmode=require");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(
            shown.contains("password=***") || shown.contains("password=%2A%2A%2A"),
            "{shown}"
        );
        assert!(shown.contains("sslmode=require"), "{shown}");
    }

    #[test]
    fn passwords_are_hidden_in_urls() {
        assert_eq!(
            redact_url("postgres://atelier:s3cret@db:5432/atelier"),
            "postgres://atelier:***@db:5432/atelier"
        );
        assert_eq!(
            redact_url("smtp://mailer:p%40ss%3Aword@mail.example:587?tls=required"),
            "smtp://mailer:***@mail.example:587?tls=required"
        );
        // A password with an `@` of its own, not percent-encoded: still nothing of it shows.
        assert_eq!(
            redact_url("postgres://u:pa@ss@db/atelier"),
            "postgres://u:***@db/atelier"
        );
    }

    #[test]
    fn urls_without_a_password_are_unchanged() {
        for url in [
            "sqlite://data/atelier.db",
            "sqlite:///srv/at/atelier.db",
            "postgres://atelier@db/atelier",
            "smtp://127.0.0.1:2525",
        ] {
            assert_eq!(redact_url(url), url);
        }
        assert_eq!(
            redact_url("not a url: secret"),
            "(a URL that cannot be shown)"
        );
    }

    #[test]
    fn debug_and_display_never_show_the_password() {
        let url = SecretUrl::new("postgres://atelier:s3cret@db/atelier");
        assert_eq!(url.expose_secret(), "postgres://atelier:s3cret@db/atelier");
        let shown = format!("{url:?} {url} {url:#?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(
            shown.contains("postgres://atelier:***@db/atelier"),
            "{shown}"
        );
    }
}
