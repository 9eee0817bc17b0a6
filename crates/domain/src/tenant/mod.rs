//! Tenants: their identifying slug, status and the settings that brand and limit a site.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A rule broken by a value from outside, naming the field so forms can show it next to it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    pub field: &'static str,
    pub message: String,
}

impl ValidationError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
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
        let err = |m: &str| Err(ValidationError::new("slug", m));
        if slug.len() < 2 || slug.len() > 40 {
            return err("must be 2 to 40 characters long");
        }
        if !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return err("may only contain lower-case letters, digits and hyphens");
        }
        if slug.starts_with('-') || slug.ends_with('-') {
            return err("must not start or end with a hyphen");
        }
        if RESERVED_SLUGS.contains(&slug) {
            return err("is reserved by the platform; choose another");
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
                "must be \"active\" or \"suspended\"",
            )),
        }
    }
}

/// The name of a folder under `themes/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ThemeName(String);

impl ThemeName {
    pub fn parse(raw: &str) -> Result<ThemeName, ValidationError> {
        let name = raw.trim();
        let ok = !name.is_empty()
            && name.len() <= 40
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if ok {
            Ok(ThemeName(name.to_owned()))
        } else {
            Err(ValidationError::new(
                "theme",
                "must be a theme folder name: lower-case letters, digits, - and _",
            ))
        }
    }

    pub fn default_theme() -> ThemeName {
        ThemeName("default".to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ThemeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A CSS colour written as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour([u8; 3]);

impl Colour {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Colour {
        Colour([r, g, b])
    }

    pub fn parse(field: &'static str, raw: &str) -> Result<Colour, ValidationError> {
        let hex = raw.trim().strip_prefix('#').unwrap_or(raw.trim());
        let expanded: String = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            6 => hex.to_owned(),
            _ => String::new(),
        };
        let byte = |i: usize| u8::from_str_radix(expanded.get(i..i + 2)?, 16).ok();
        match (byte(0), byte(2), byte(4)) {
            (Some(r), Some(g), Some(b)) => Ok(Colour([r, g, b])),
            _ => Err(ValidationError::new(
                field,
                format!("{raw:?} is not a colour; write it as #rrggbb, e.g. #6d28d9"),
            )),
        }
    }

    /// The WCAG relative luminance, 0 (black) to 1 (white).
    fn luminance(self) -> f64 {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// Black or white, whichever reads better on this colour.
    pub fn readable_text(self) -> Colour {
        let l = self.luminance();
        let on_white = 1.05 / (l + 0.05);
        let on_black = (l + 0.05) / 0.05;
        if on_black > on_white {
            Colour([0x11, 0x11, 0x11])
        } else {
            Colour([0xff, 0xff, 0xff])
        }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl Serialize for Colour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The tenant's name for a credit, e.g. "Spark" / "Sparks". Shown on every page and mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditUnit {
    pub singular: String,
    pub plural: String,
}

impl CreditUnit {
    /// "1 Spark", "20 Sparks".
    pub fn amount(&self, n: i64) -> String {
        if n == 1 || n == -1 {
            format!("{n} {}", self.singular)
        } else {
            format!("{n} {}", self.plural)
        }
    }
}

/// The smallest image side any model accepts.
pub const MIN_IMAGE_SIDE: i64 = 64;
/// Image sides must be multiples of this.
pub const IMAGE_SIDE_STEP: i64 = 8;
/// The largest `max_image_side` a tenant may set.
pub const PLATFORM_MAX_IMAGE_SIDE: i64 = 4096;

/// Settings as they arrive from a file or a form, before any rule is checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TenantSettingsInput {
    pub name: String,
    pub tagline: String,
    pub legal_name: String,
    pub logo_url: String,
    pub theme: String,
    pub color_primary: String,
    pub color_accent: String,
    pub credit_name: String,
    pub credit_name_plural: String,
    pub signup_bonus: i64,
    pub max_image_side: i64,
    pub support_email: String,
    pub support_whatsapp: String,
    pub upi_vpa: String,
    pub upi_payee: String,
    pub white_label_offer: bool,
    pub use_shared_pool: bool,
    /// Sign-ups allowed from one client address per day; 0 turns the cap off.
    pub signup_limit_per_ip: i64,
    /// Grant the sign-up bonus only once the address is verified by a mailed link.
    pub bonus_requires_verified_email: bool,
    /// Ids of `config/models.json` offered on this site; empty offers every model.
    pub enabled_models: Vec<String>,
}

impl Default for TenantSettingsInput {
    fn default() -> Self {
        Self {
            name: String::new(),
            tagline: String::new(),
            legal_name: String::new(),
            logo_url: String::new(),
            theme: "default".to_owned(),
            color_primary: "#6d28d9".to_owned(),
            color_accent: "#f59e0b".to_owned(),
            credit_name: "Credit".to_owned(),
            credit_name_plural: String::new(),
            signup_bonus: 20,
            max_image_side: 1024,
            support_email: String::new(),
            support_whatsapp: String::new(),
            upi_vpa: String::new(),
            upi_payee: String::new(),
            // Off until the white-label enquiry form exists to receive the link's visitors.
            white_label_offer: false,
            use_shared_pool: true,
            signup_limit_per_ip: 3,
            bonus_requires_verified_email: false,
            enabled_models: Vec::new(),
        }
    }
}

/// A tenant's settings with every rule checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TenantSettings {
    pub name: String,
    pub tagline: String,
    pub legal_name: String,
    pub logo_url: String,
    pub theme: ThemeName,
    pub color_primary: Colour,
    pub color_accent: Colour,
    pub credit: CreditUnit,
    pub signup_bonus: i64,
    pub max_image_side: i64,
    pub support_email: String,
    pub support_whatsapp: String,
    pub upi_vpa: String,
    pub upi_payee: String,
    pub white_label_offer: bool,
    pub use_shared_pool: bool,
    pub signup_limit_per_ip: i64,
    pub bonus_requires_verified_email: bool,
    pub enabled_models: Vec<String>,
}

fn bounded_text(
    field: &'static str,
    raw: &str,
    max: usize,
    required: bool,
) -> Result<String, ValidationError> {
    let text = raw.trim();
    if required && text.is_empty() {
        return Err(ValidationError::new(field, "is required"));
    }
    if text.chars().count() > max {
        return Err(ValidationError::new(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(ValidationError::new(
            field,
            "must not contain control characters",
        ));
    }
    Ok(text.to_owned())
}

impl TenantSettings {
    /// Checks every field, collecting all problems so a form can show them at once.
    pub fn parse(input: &TenantSettingsInput) -> Result<TenantSettings, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let mut keep = |r: Result<String, ValidationError>| {
            r.unwrap_or_else(|e| {
                errors.push(e);
                String::new()
            })
        };
        let name = keep(bounded_text("name", &input.name, 80, true));
        let tagline = keep(bounded_text("tagline", &input.tagline, 160, false));
        let legal_name = keep(bounded_text("legal_name", &input.legal_name, 120, false));
        let logo_url = keep(bounded_text("logo_url", &input.logo_url, 300, false).and_then(|u| {
            // Only our own paths: the content security policy allows images from this site.
            if u.is_empty() || (u.starts_with('/') && !u.starts_with("//")) {
                Ok(u)
            } else {
                Err(ValidationError::new(
                    "logo_url",
                    "must be a path on this site starting with /, e.g. /static/default/img/logo.svg",
                ))
            }
        }));
        let singular = keep(bounded_text("credit_name", &input.credit_name, 30, true));
        let plural_raw = keep(bounded_text(
            "credit_name_plural",
            &input.credit_name_plural,
            30,
            false,
        ));
        let support_email = keep(
            bounded_text("support_email", &input.support_email, 254, false).and_then(|e| {
                let looks_like_email = e.is_empty()
                    || e.split_once('@').is_some_and(|(local, domain)| {
                        !local.is_empty()
                            && domain.contains('.')
                            && !e.contains(char::is_whitespace)
                    });
                if looks_like_email {
                    Ok(e)
                } else {
                    Err(ValidationError::new(
                        "support_email",
                        "must be an email address like help@example.com",
                    ))
                }
            }),
        );
        let support_whatsapp = keep(normalise_whatsapp(&input.support_whatsapp));
        let upi_vpa = keep(
            bounded_text("upi_vpa", &input.upi_vpa, 100, false).and_then(|v| {
                if v.is_empty()
                    || v.split_once('@').is_some_and(|(a, b)| {
                        !a.is_empty() && !b.is_empty() && !v.contains(char::is_whitespace)
                    })
                {
                    Ok(v)
                } else {
                    Err(ValidationError::new(
                        "upi_vpa",
                        "must be a UPI ID like shop@okbank",
                    ))
                }
            }),
        );
        let upi_payee = keep(bounded_text("upi_payee", &input.upi_payee, 80, false));

        let theme = ThemeName::parse(&input.theme)
            .map_err(|e| errors.push(e))
            .ok();
        let color_primary = Colour::parse("color_primary", &input.color_primary)
            .map_err(|e| errors.push(e))
            .ok();
        let color_accent = Colour::parse("color_accent", &input.color_accent)
            .map_err(|e| errors.push(e))
            .ok();
        if !(0..=100_000).contains(&input.signup_bonus) {
            errors.push(ValidationError::new(
                "signup_bonus",
                "must be between 0 and 100000",
            ));
        }
        let mut enabled_models: Vec<String> = Vec::new();
        for id in &input.enabled_models {
            let id = id.trim();
            let ok = !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
            if !ok {
                errors.push(ValidationError::new(
                    "enabled_models",
                    format!("{id:?} is not a model id (letters, digits, - _ .)"),
                ));
            } else if !enabled_models.iter().any(|m| m == id) {
                enabled_models.push(id.to_owned());
            }
        }
        if !(0..=1000).contains(&input.signup_limit_per_ip) {
            errors.push(ValidationError::new(
                "signup_limit_per_ip",
                "must be between 0 (no cap) and 1000",
            ));
        }
        if !(MIN_IMAGE_SIDE..=PLATFORM_MAX_IMAGE_SIDE).contains(&input.max_image_side)
            || input.max_image_side % IMAGE_SIDE_STEP != 0
        {
            errors.push(ValidationError::new(
                "max_image_side",
                format!(
                    "must be a multiple of {IMAGE_SIDE_STEP} between {MIN_IMAGE_SIDE} and {PLATFORM_MAX_IMAGE_SIDE}"
                ),
            ));
        }

        match (theme, color_primary, color_accent) {
            (Some(theme), Some(color_primary), Some(color_accent)) if errors.is_empty() => {
                let plural = if plural_raw.is_empty() {
                    format!("{singular}s")
                } else {
                    plural_raw
                };
                Ok(TenantSettings {
                    name,
                    tagline,
                    legal_name,
                    logo_url,
                    theme,
                    color_primary,
                    color_accent,
                    credit: CreditUnit { singular, plural },
                    signup_bonus: input.signup_bonus,
                    max_image_side: input.max_image_side,
                    support_email,
                    support_whatsapp,
                    upi_vpa,
                    upi_payee,
                    white_label_offer: input.white_label_offer,
                    use_shared_pool: input.use_shared_pool,
                    signup_limit_per_ip: input.signup_limit_per_ip,
                    bonus_requires_verified_email: input.bonus_requires_verified_email,
                    enabled_models,
                })
            }
            _ => Err(errors),
        }
    }

    /// The branding of the platform host itself: default theme and colours, `name` cut to
    /// the length a tenant name may have.
    pub fn platform_defaults(name: &str) -> TenantSettings {
        let name: String = name
            .trim()
            .chars()
            .filter(|c| !c.is_control())
            .take(80)
            .collect();
        let input = TenantSettingsInput::default();
        TenantSettings {
            name: if name.is_empty() {
                "Atelier".to_owned()
            } else {
                name
            },
            tagline: String::new(),
            legal_name: String::new(),
            logo_url: String::new(),
            theme: ThemeName::default_theme(),
            color_primary: Colour::rgb(0x6d, 0x28, 0xd9),
            color_accent: Colour::rgb(0xf5, 0x9e, 0x0b),
            credit: CreditUnit {
                singular: input.credit_name,
                plural: "Credits".to_owned(),
            },
            signup_bonus: input.signup_bonus,
            max_image_side: input.max_image_side,
            support_email: String::new(),
            support_whatsapp: String::new(),
            upi_vpa: String::new(),
            upi_payee: String::new(),
            white_label_offer: false,
            use_shared_pool: true,
            signup_limit_per_ip: input.signup_limit_per_ip,
            bonus_requires_verified_email: false,
            enabled_models: Vec::new(),
        }
    }

    /// The settings a new tenant starts with.
    pub fn defaults_named(name: &str) -> Result<TenantSettings, Vec<ValidationError>> {
        TenantSettings::parse(&TenantSettingsInput {
            name: name.to_owned(),
            ..TenantSettingsInput::default()
        })
    }

    /// The same settings in their outside form, for files and forms.
    pub fn to_input(&self) -> TenantSettingsInput {
        TenantSettingsInput {
            name: self.name.clone(),
            tagline: self.tagline.clone(),
            legal_name: self.legal_name.clone(),
            logo_url: self.logo_url.clone(),
            theme: self.theme.as_str().to_owned(),
            color_primary: self.color_primary.to_string(),
            color_accent: self.color_accent.to_string(),
            credit_name: self.credit.singular.clone(),
            credit_name_plural: self.credit.plural.clone(),
            signup_bonus: self.signup_bonus,
            max_image_side: self.max_image_side,
            support_email: self.support_email.clone(),
            support_whatsapp: self.support_whatsapp.clone(),
            upi_vpa: self.upi_vpa.clone(),
            upi_payee: self.upi_payee.clone(),
            white_label_offer: self.white_label_offer,
            use_shared_pool: self.use_shared_pool,
            signup_limit_per_ip: self.signup_limit_per_ip,
            bonus_requires_verified_email: self.bonus_requires_verified_email,
            enabled_models: self.enabled_models.clone(),
        }
    }
}

/// Keeps the digits of a phone number written with spaces, dashes or a leading +.
fn normalise_whatsapp(raw: &str) -> Result<String, ValidationError> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '+'))
        .collect();
    if cleaned.is_empty() {
        return Ok(cleaned);
    }
    if cleaned.chars().all(|c| c.is_ascii_digit()) && (8..=15).contains(&cleaned.len()) {
        Ok(cleaned)
    } else {
        Err(ValidationError::new(
            "support_whatsapp",
            "must be a phone number with country code, e.g. +91 98765 43210",
        ))
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

    #[test]
    fn colours_parse_and_pick_readable_text() {
        let violet = Colour::parse("c", "#6D28D9").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(violet.to_string(), "#6d28d9");
        assert_eq!(violet.readable_text().to_string(), "#ffffff");
        let yellow = Colour::parse("c", "#fd0").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(yellow.to_string(), "#ffdd00");
        assert_eq!(yellow.readable_text().to_string(), "#111111");
        assert!(Colour::parse("c", "red").is_err());
        assert!(Colour::parse("c", "#12345g").is_err());
    }

    #[test]
    fn defaults_are_valid_and_pluralise_the_credit_name() {
        let s = TenantSettings::defaults_named("Demo").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.credit.plural, "Credits");
        assert_eq!(s.signup_bonus, 20);
        assert_eq!(s.max_image_side, 1024);
        assert_eq!(s.credit.amount(1), "1 Credit");
        assert_eq!(s.credit.amount(20), "20 Credits");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let input = TenantSettingsInput {
            name: " ".into(),
            color_primary: "blue".into(),
            max_image_side: 1000 + 1,
            support_email: "nope".into(),
            support_whatsapp: "call me".into(),
            logo_url: "https://evil.example/logo.png".into(),
            ..TenantSettingsInput::default()
        };
        let errors = TenantSettings::parse(&input).err().unwrap_or_default();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        for f in [
            "name",
            "color_primary",
            "max_image_side",
            "support_email",
            "support_whatsapp",
            "logo_url",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn whatsapp_numbers_keep_their_digits() {
        let input = TenantSettingsInput {
            name: "X".into(),
            support_whatsapp: "+91 98765-43210".into(),
            ..TenantSettingsInput::default()
        };
        let s = TenantSettings::parse(&input).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.support_whatsapp, "919876543210");
    }

    #[test]
    fn platform_defaults_match_the_tenant_defaults_in_colour() {
        let platform = TenantSettings::platform_defaults("  Atelier  ");
        let tenant = TenantSettings::defaults_named("Atelier").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(platform.name, "Atelier");
        assert_eq!(platform.color_primary, tenant.color_primary);
        assert_eq!(platform.color_accent, tenant.color_accent);
        assert_eq!(platform.credit, tenant.credit);
    }

    #[test]
    fn settings_round_trip_through_their_input_form() {
        let s = TenantSettings::defaults_named("Round").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(TenantSettings::parse(&s.to_input()), Ok(s));
    }
}
