//! Text people type about themselves: email addresses, names, token names. Parsed once, and
//! never holding a control character (a NUL makes PostgreSQL refuse the row) or a
//! bidirectional override (it shows the text around it reversed).

use std::fmt;

use serde::Serialize;

use crate::ValidationError;

/// An email address, trimmed and lower-cased, of RFC 5321 syntax (as `lettre`, which sends
/// our mail, reads it) at a domain with a dot in it. Whether it really receives mail is
/// proven only by a mailed link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

/// Refuses control characters in text from outside: they are invisible on a page, can
/// forge lines in logs and mail headers, and PostgreSQL refuses a NUL byte in any text
/// column. The bidirectional embeddings, overrides and isolates go too: invisible as well,
/// they show a name (`Pixel\u{202E}Forge`) reversed in titles, mail and the audit log, and
/// Hindi and English text need none of them to read correctly. `multi_line` lets line
/// breaks and tabs through, for fields typed in a text area.
pub fn refuse_control_characters(
    field: &'static str,
    text: &str,
    multi_line: bool,
) -> Result<(), ValidationError> {
    let forbidden = |c: char| {
        (c.is_control() && !(multi_line && matches!(c, '\n' | '\r' | '\t'))) || is_bidi_control(c)
    };
    if text.chars().any(forbidden) {
        return Err(ValidationError::new(
            field,
            crate::msg!("validation-control-characters"),
        ));
    }
    Ok(())
}

/// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl Email {
    pub fn parse(raw: &str) -> Result<Email, ValidationError> {
        refuse_control_characters("email", raw, false)?;
        let email = raw.trim().to_lowercase();
        let err = |m: crate::Msg| Err(ValidationError::new("email", m));
        if email.is_empty() {
            return err(crate::msg!("validation-email-empty"));
        }
        if email.len() > 254 {
            return err(crate::msg!("validation-email-too-long"));
        }
        let Ok(address) = email.parse::<lettre::Address>() else {
            return err(crate::msg!("validation-email-shape"));
        };
        // Valid syntax that no person signs up with: a host on the local network
        // ("name@intranet"), an address literal ("name@[10.0.0.1]"), a quoted local part.
        let domain = address.domain();
        let public_domain = domain.contains('.') && !domain.starts_with('[');
        if !public_domain || address.user().contains('"') {
            return err(crate::msg!("validation-email-shape"));
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
                crate::msg!("validation-use-at-most", max = PERSON_NAME_MAX_CHARS),
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
                crate::msg!("validation-token-name", max = TOKEN_NAME_MAX_CHARS),
            ));
        }
        Ok(TokenName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewPassword;

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
            let message = Email::parse(bad).err().map(|e| e.message.to_string());
            assert_eq!(
                message.as_deref(),
                Some("Enter an email address like name@example.com."),
                "{bad:?}"
            );
        }
        let blank = Email::parse("  ").err().map(|e| e.message.to_string());
        assert_eq!(blank.as_deref(), Some("Enter your email address."));
        let long = format!("{}@example.com", "a".repeat(250));
        let message = Email::parse(&long).err().map(|e| e.message.to_string());
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
    fn text_fields_refuse_bidirectional_overrides_and_isolates() {
        let refused = |r: Result<(), ValidationError>| r.err().map(|e| e.field);
        for bidi in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}',
        ] {
            let name = format!("Pixel{bidi}Forge");
            assert_eq!(refused(PersonName::parse(&name).map(drop)), Some("name"));
            assert_eq!(
                refused(Email::parse(&format!("a{bidi}@b.co")).map(drop)),
                Some("email")
            );
            assert!(refuse_control_characters("site_name", &name, false).is_err());
            assert!(refuse_control_characters("bio", &name, true).is_err());
            assert!(crate::TenantSettings::defaults_named(&name).is_err());
        }
        // Their neighbours, and the marks Hindi is written with, are text.
        for fine in ["\u{2029}", "\u{206A}", "\u{200D}", "पिक्सेल", "क़\u{200C}ष"]
        {
            assert!(
                refuse_control_characters("name", fine, false).is_ok(),
                "{fine:?}"
            );
        }
    }
}
