//! How the audit log shows a site's branding and limits before and after an admin's change:
//! one line of `key=value` pairs, in words every reader's language shares.

use super::TenantSettings;

impl TenantSettings {
    /// The branding as the audit log records it.
    pub fn describe_branding(&self) -> String {
        let logo = if self.logo_url.is_empty() {
            "none"
        } else {
            &self.logo_url
        };
        format!(
            "name={:?} tagline={:?} legal_name={:?} theme={} primary={} accent={} credit={:?}/{:?} logo={logo}",
            self.name,
            self.tagline,
            self.legal_name,
            self.theme,
            self.color_primary,
            self.color_accent,
            self.credit.singular,
            self.credit.plural,
        )
    }

    /// The limits as the audit log records them.
    pub fn describe_limits(&self) -> String {
        let models = if self.enabled_models.is_empty() {
            "all".to_owned()
        } else {
            self.enabled_models.join(",")
        };
        let prices: Vec<String> = self
            .model_costs
            .iter()
            .map(|(model, cost)| format!("{model}:{cost}"))
            .collect();
        format!(
            "max_image_side={} signup_bonus={} active_jobs_per_user={} models={models} prices={} \
             support_email={:?} support_whatsapp={:?} blocked={:?}",
            self.max_image_side,
            self.signup_bonus,
            if self.active_jobs_per_user == 0 {
                "platform".to_owned()
            } else {
                self.active_jobs_per_user.to_string()
            },
            if prices.is_empty() {
                "catalogue".to_owned()
            } else {
                prices.join(",")
            },
            self.support_email,
            self.support_whatsapp,
            self.prompt_blocklist.entries().join(", "),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_names_what_a_change_touched() {
        let mut s = TenantSettings::defaults_named("Shop").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(s.describe_branding().contains("name=\"Shop\""));
        assert!(s.describe_branding().contains("logo=none"));
        assert!(s.describe_limits().contains("models=all"));
        s.active_jobs_per_user = 2;
        assert!(s.describe_limits().contains("active_jobs_per_user=2"));
    }
}
