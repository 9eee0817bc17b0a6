//! Tenants: their identifying slug, status and the settings that brand and limit a site.
//! The settings live in [`settings`] (what they are) and [`rules`] (how outside input
//! becomes them); the brand's value types in [`brand`].

mod blocklist;
mod brand;
mod described;
mod rules;
mod settings;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use blocklist::{BlockList, MAX_BLOCKED_ENTRIES, MAX_BLOCKED_ENTRY_CHARS};
pub use brand::{Colour, CreditUnit, ThemeName};
pub use rules::{MAX_ACTIVE_JOBS_PER_USER, MODEL_COSTS};
pub use settings::{
    TenantSettings, TenantSettingsInput, IMAGE_SIDE_STEP, MIN_IMAGE_SIDE, PLATFORM_MAX_IMAGE_SIDE,
};

/// A rule broken by a value from outside, naming the field so forms can show it next to it.
/// The message is put into words in the reader's language where it is shown; its `Display`
/// (for logs and the command line) is English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    pub field: &'static str,
    pub message: crate::Msg,
}

impl ValidationError {
    pub fn new(field: &'static str, message: crate::Msg) -> Self {
        Self { field, message }
    }
}

/// Sub-domains that can never be a tenant's slug, because the platform uses them or because
/// they would confuse visitors.
const RESERVED_SLUGS: &[&str] = &[
    "admin", "api", "app", "assets", "cdn", "help", "mail", "platform", "smtp", "static", "status",
    "support", "www",
];

/// A tenant's short name: its sub-domain under the base domain and its key in files and
/// commands. 2 to 40 lower-case letters, digits and inner hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Slug, ValidationError> {
        let slug = raw.trim();
        let err = |m: crate::Msg| Err(ValidationError::new("slug", m));
        if slug.len() < 2 || slug.len() > 40 {
            return err(crate::msg!("validation-slug-length"));
        }
        if !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return err(crate::msg!("validation-slug-characters"));
        }
        if slug.starts_with('-') || slug.ends_with('-') {
            return err(crate::msg!("validation-slug-hyphen-ends"));
        }
        if RESERVED_SLUGS.contains(&slug) {
            return err(crate::msg!("validation-slug-reserved"));
        }
        Ok(Slug(slug.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Slug::parse(&raw).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A tenant's internal identifier. Never shown in URLs (the slug and domains are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct TenantId(pub uuid::Uuid);

impl fmt::Display for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A tenant as stored: identity, status and settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tenant {
    pub id: TenantId,
    pub slug: Slug,
    pub status: TenantStatus,
    pub settings: TenantSettings,
    pub created_at: crate::Timestamp,
    pub updated_at: crate::Timestamp,
}

/// Whether a tenant's site is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TenantStatus {
    #[default]
    Active,
    /// The site shows a "temporarily unavailable" page and its jobs are not claimed.
    Suspended,
}

impl TenantStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TenantStatus::Active => "active",
            TenantStatus::Suspended => "suspended",
        }
    }

    pub fn parse(raw: &str) -> Result<TenantStatus, ValidationError> {
        match raw {
            "active" => Ok(TenantStatus::Active),
            "suspended" => Ok(TenantStatus::Suspended),
            _ => Err(ValidationError::new(
                "status",
                crate::msg!("validation-tenant-status"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_rules() {
        assert!(Slug::parse("acme-2").is_ok());
        for bad in [
            "a",
            "Acme",
            "-acme",
            "acme-",
            "ac me",
            "www",
            "platform",
            &"x".repeat(41),
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
