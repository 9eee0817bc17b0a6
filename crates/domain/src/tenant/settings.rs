//! A tenant's settings: as they arrive from a file or a form, and with every rule checked
//! (the rules themselves are in `rules.rs`).

use serde::{Deserialize, Serialize};

use super::{BlockList, Colour, CreditUnit, ThemeName, ValidationError};

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
    /// What one image of a model costs on this site, in credits, where it differs from the
    /// catalogue's price.
    pub model_costs: std::collections::BTreeMap<String, i64>,
    /// The language pages and mails use when a reader has not chosen one ("en", "hi").
    pub default_language: String,
    /// The languages readers may choose from; always holds the default.
    pub languages: Vec<String>,
    /// Queued and running jobs one user may have at once here; 0 leaves it to the
    /// platform's limit, which also bounds any number set here.
    pub active_jobs_per_user: i64,
    /// Words and phrases refused in prompts (see [`BlockList`]).
    pub prompt_blocklist: Vec<String>,
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
            model_costs: std::collections::BTreeMap::new(),
            default_language: "en".to_owned(),
            languages: crate::Lang::ALL
                .iter()
                .map(|l| l.code().to_owned())
                .collect(),
            active_jobs_per_user: 0,
            prompt_blocklist: Vec::new(),
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
    /// This site's own price of a model, where it has one (1 to 1000 credits).
    pub model_costs: std::collections::BTreeMap<String, i64>,
    pub default_language: crate::Lang,
    /// Offered languages, the default among them, in the order a language menu lists them.
    pub languages: Vec<crate::Lang>,
    /// 0 for the platform's limit; else this site's, bounded by the platform's.
    pub active_jobs_per_user: i64,
    pub prompt_blocklist: BlockList,
}

impl TenantSettings {
    /// What one image of `model` costs here: the site's own price, else the catalogue's.
    pub fn model_cost(&self, model: &str, catalogue: crate::Credits) -> crate::Credits {
        self.model_costs
            .get(model)
            .map_or(catalogue, |&cost| crate::Credits::new(cost))
    }

    /// Queued and running jobs one user may have at once here: this site's own limit when
    /// it has one, never more than the platform's `platform_cap`.
    pub fn active_job_cap(&self, platform_cap: i64) -> i64 {
        if self.active_jobs_per_user > 0 {
            self.active_jobs_per_user.min(platform_cap)
        } else {
            platform_cap
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
            model_costs: std::collections::BTreeMap::new(),
            default_language: crate::Lang::En,
            languages: crate::Lang::ALL.to_vec(),
            active_jobs_per_user: 0,
            prompt_blocklist: BlockList::default(),
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
            model_costs: self.model_costs.clone(),
            default_language: self.default_language.code().to_owned(),
            languages: self.languages.iter().map(|l| l.code().to_owned()).collect(),
            active_jobs_per_user: self.active_jobs_per_user,
            prompt_blocklist: self.prompt_blocklist.entries().to_vec(),
        }
    }

    /// The language for a reader who chose `wanted` (if any): it when offered here,
    /// else the site's default.
    pub fn language_for(&self, wanted: Option<crate::Lang>) -> crate::Lang {
        wanted
            .filter(|l| self.languages.contains(l))
            .unwrap_or(self.default_language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_prices_a_model_from_1_to_1000_credits() {
        let mut input = TenantSettingsInput {
            name: "Shop".to_owned(),
            ..TenantSettingsInput::default()
        };
        input.model_costs.insert("sdxl".to_owned(), 3);
        let settings = TenantSettings::parse(&input).unwrap_or_else(|e| panic!("{e:?}"));
        let catalogue = crate::Credits::new(2);
        assert_eq!(settings.model_cost("sdxl", catalogue).get(), 3);
        assert_eq!(settings.model_cost("sd15", catalogue).get(), 2);
        for (id, cost) in [("sdxl", 0), ("sdxl", 1001), ("sd xl", 2)] {
            let mut bad = input.clone();
            bad.model_costs = [(id.to_owned(), cost)].into();
            let errors = TenantSettings::parse(&bad).err().unwrap_or_default();
            assert!(
                errors.iter().any(|e| e.field == "model_costs"),
                "{id} {cost}: {errors:?}"
            );
        }
    }

    #[test]
    fn a_sites_active_job_limit_is_bounded_by_the_platforms() {
        let mut s = TenantSettings::defaults_named("Cap").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.active_job_cap(4), 4);
        s.active_jobs_per_user = 2;
        assert_eq!(s.active_job_cap(4), 2);
        s.active_jobs_per_user = 9;
        assert_eq!(s.active_job_cap(4), 4);
    }

    #[test]
    fn defaults_are_valid_and_pluralise_the_credit_name() {
        let s = TenantSettings::defaults_named("Demo").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.credit.plural, "Credits");
        assert_eq!(s.signup_bonus, 20);
        assert_eq!(s.max_image_side, 1024);
        assert_eq!(s.credit.singular, "Credit");
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
