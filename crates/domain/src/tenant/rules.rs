//! The rules a tenant's settings are held to, checked all at once so a form can show every
//! problem next to its field.

use crate::payments::parse_payee;
use crate::Vpa;

use super::{
    BlockList, Colour, CreditUnit, TenantSettings, TenantSettingsInput, ThemeName, ValidationError,
    IMAGE_SIDE_STEP, MIN_IMAGE_SIDE, PLATFORM_MAX_IMAGE_SIDE,
};

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
        let logo_url = keep(
            bounded_text("logo_url", &input.logo_url, 300, false).and_then(|u| {
                // Only our own paths: the content security policy allows images from this site.
                if u.is_empty() || (u.starts_with('/') && !u.starts_with("//")) {
                    Ok(u)
                } else {
                    Err(ValidationError::new(
                        "logo_url",
                        crate::msg!("validation-logo-url"),
                    ))
                }
            }),
        );
        let singular = keep(bounded_text("credit_name", &input.credit_name, 30, true));
        let plural_raw = keep(bounded_text(
            "credit_name_plural",
            &input.credit_name_plural,
            30,
            false,
        ));
        let support_email = keep(
            bounded_text("support_email", &input.support_email, 254, false).and_then(|e| {
                // Shown as typed (support desks like their capitals), so not an `Email`,
                // which is lower-cased; the same syntax and the same dotted domain, though.
                let is_email = e.is_empty()
                    || e.parse::<lettre::Address>()
                        .is_ok_and(|a| a.domain().contains('.') && !a.domain().starts_with('['));
                if is_email {
                    Ok(e)
                } else {
                    Err(ValidationError::new(
                        "support_email",
                        crate::msg!("validation-support-email"),
                    ))
                }
            }),
        );
        let support_whatsapp = keep(normalise_whatsapp(&input.support_whatsapp));
        // The buy page reads these with `Vpa::parse` and `parse_payee`; holding the settings
        // to the same rules means no tenant file or form can store a UPI ID the buy page then
        // quietly refuses. Empty is allowed: a tenant that takes no payments yet.
        let upi_vpa = keep(if input.upi_vpa.trim().is_empty() {
            Ok(String::new())
        } else {
            Vpa::parse(&input.upi_vpa).map(|vpa| vpa.as_str().to_owned())
        });
        let upi_payee = keep(if input.upi_payee.trim().is_empty() {
            Ok(String::new())
        } else {
            parse_payee(&input.upi_payee)
        });

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
                crate::msg!("validation-signup-bonus"),
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
                    crate::msg!("validation-model-id", value = format!("{id:?}")),
                ));
            } else if !enabled_models.iter().any(|m| m == id) {
                enabled_models.push(id.to_owned());
            }
        }
        let mut model_costs = std::collections::BTreeMap::new();
        for (id, &cost) in &input.model_costs {
            let id = id.trim();
            let ok_id = !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
            if !ok_id {
                errors.push(ValidationError::new(
                    "model_costs",
                    crate::msg!("validation-model-id", value = format!("{id:?}")),
                ));
            } else if !MODEL_COSTS.contains(&cost) {
                errors.push(ValidationError::new(
                    "model_costs",
                    crate::msg!("validation-model-cost", model = id, cost = cost.to_string()),
                ));
            } else {
                model_costs.insert(id.to_owned(), cost);
            }
        }
        let default_language = crate::Lang::parse(&input.default_language);
        if default_language.is_none() {
            errors.push(ValidationError::new(
                "default_language",
                crate::msg!(
                    "validation-language",
                    value = format!("{:?}", input.default_language)
                ),
            ));
        }
        let mut languages: Vec<crate::Lang> = Vec::new();
        for code in &input.languages {
            match crate::Lang::parse(code) {
                Some(lang) if !languages.contains(&lang) => languages.push(lang),
                Some(_) => {}
                None => errors.push(ValidationError::new(
                    "languages",
                    crate::msg!("validation-language", value = format!("{code:?}")),
                )),
            }
        }
        let default_language = default_language.unwrap_or(crate::Lang::En);
        if !languages.contains(&default_language) {
            languages.insert(0, default_language);
        }
        if !(0..=1000).contains(&input.signup_limit_per_ip) {
            errors.push(ValidationError::new(
                "signup_limit_per_ip",
                crate::msg!("validation-signup-limit"),
            ));
        }
        if !(0..=MAX_ACTIVE_JOBS_PER_USER).contains(&input.active_jobs_per_user) {
            errors.push(ValidationError::new(
                "active_jobs_per_user",
                crate::msg!(
                    "validation-active-jobs",
                    max = MAX_ACTIVE_JOBS_PER_USER.to_string()
                ),
            ));
        }
        let prompt_blocklist = BlockList::parse(&input.prompt_blocklist)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        if !(MIN_IMAGE_SIDE..=PLATFORM_MAX_IMAGE_SIDE).contains(&input.max_image_side)
            || input.max_image_side % IMAGE_SIDE_STEP != 0
        {
            errors.push(ValidationError::new(
                "max_image_side",
                crate::msg!(
                    "validation-max-image-side",
                    step = IMAGE_SIDE_STEP.to_string(),
                    min = MIN_IMAGE_SIDE.to_string(),
                    max = PLATFORM_MAX_IMAGE_SIDE.to_string()
                ),
            ));
        }

        match (theme, color_primary, color_accent) {
            (Some(theme), Some(color_primary), Some(color_accent)) if errors.is_empty() => {
                Ok(TenantSettings {
                    name,
                    tagline,
                    legal_name,
                    logo_url,
                    theme,
                    color_primary,
                    color_accent,
                    credit: CreditUnit::named(singular, plural_raw),
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
                    model_costs,
                    default_language,
                    languages,
                    active_jobs_per_user: input.active_jobs_per_user,
                    prompt_blocklist,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The largest per-user limit of active jobs a site may set (the platform's own limit
/// bounds it further where it is used).
pub const MAX_ACTIVE_JOBS_PER_USER: i64 = 100;

/// The prices, in credits, a site may set for one image of a model.
pub const MODEL_COSTS: std::ops::RangeInclusive<i64> = 1..=1000;

fn bounded_text(
    field: &'static str,
    raw: &str,
    max: usize,
    required: bool,
) -> Result<String, ValidationError> {
    let text = raw.trim();
    if required && text.is_empty() {
        return Err(ValidationError::new(
            field,
            crate::msg!("validation-required"),
        ));
    }
    if text.chars().count() > max {
        return Err(ValidationError::new(
            field,
            crate::msg!("validation-at-most-characters", max = max.to_string()),
        ));
    }
    crate::refuse_control_characters(field, text, false)?;
    Ok(text.to_owned())
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
            crate::msg!("validation-whatsapp"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn upi_ids_and_payees_follow_the_buy_pages_rules() {
        let with = |upi_vpa: &str, upi_payee: &str| TenantSettingsInput {
            name: "X".into(),
            upi_vpa: upi_vpa.into(),
            upi_payee: upi_payee.into(),
            ..TenantSettingsInput::default()
        };
        let fields_refused = |input: &TenantSettingsInput| -> Vec<&'static str> {
            let errors = TenantSettings::parse(input).err().unwrap_or_default();
            errors.iter().map(|e| e.field).collect()
        };
        for bad in ["a@b", "shop@ok.axis", "..@okaxis", "shop", "shop @okaxis"] {
            assert_eq!(fields_refused(&with(bad, "")), ["upi_vpa"], "{bad:?}");
        }
        assert_eq!(fields_refused(&with("", &"x".repeat(61))), ["upi_payee"]);
        assert_eq!(fields_refused(&with("", "Shop\u{7}")), ["upi_payee"]);

        let s = TenantSettings::parse(&with(" Shop@OkAxis ", " Shop & Co "))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (s.upi_vpa.as_str(), s.upi_payee.as_str()),
            ("shop@okaxis", "Shop & Co")
        );
        let none = TenantSettings::parse(&with(" ", " ")).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!((none.upi_vpa.as_str(), none.upi_payee.as_str()), ("", ""));
        assert!(TenantSettings::parse(&with("shop@okaxis", &"x".repeat(60))).is_ok());
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
    fn support_addresses_keep_their_case_and_need_email_syntax() {
        let with = |support_email: &str| TenantSettingsInput {
            name: "X".into(),
            support_email: support_email.into(),
            ..TenantSettingsInput::default()
        };
        let s = TenantSettings::parse(&with(" Help@PixelForge.example "))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.support_email, "Help@PixelForge.example");
        for bad in [
            "help",
            "help@desk",
            "help me@example.com",
            "help@exa..mple.com",
        ] {
            let errors = TenantSettings::parse(&with(bad)).err().unwrap_or_default();
            assert!(
                errors.iter().any(|e| e.field == "support_email"
                    && e.message.to_string() == "must be an email address like help@example.com"),
                "{bad:?}: {errors:?}"
            );
        }
    }
}
