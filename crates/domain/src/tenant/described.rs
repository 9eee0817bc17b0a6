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
            "name={} tagline={} legal_name={} theme={} primary={} accent={} credit={}/{} logo={logo}",
            quoted(&self.name),
            quoted(&self.tagline),
            quoted(&self.legal_name),
            self.theme,
            self.color_primary,
            self.color_accent,
            quoted(&self.credit.singular),
            quoted(&self.credit.plural),
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
             support_email={} support_whatsapp={} blocked={}",
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
            quoted(&self.support_email),
            quoted(&self.support_whatsapp),
            quoted(&self.prompt_blocklist.entries().join(", ")),
        )
    }
}

/// `text` in double quotes, so a name with spaces reads as one value. Only what would make
/// the line ambiguous or unprintable is escaped (quotes, backslashes, control characters):
/// Debug formatting (`{:?}`) also escapes the vowel signs and viramas of Indian scripts, which
/// turned a Hindi name into `\u{94d}` codes in the log.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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

    #[test]
    fn hindi_names_and_words_are_logged_as_written() {
        let mut s = TenantSettings::defaults_named("पिक्सेल").unwrap_or_else(|e| panic!("{e:?}"));
        s.credit.singular = "चिंगारी".to_owned();
        s.credit.plural = "चिंगारियाँ".to_owned();
        s.prompt_blocklist = crate::BlockList::parse(&["ख़ून"]).unwrap_or_else(|e| panic!("{e}"));
        let branding = s.describe_branding();
        assert!(branding.contains("name=\"पिक्सेल\""), "{branding}");
        assert!(
            branding.contains("credit=\"चिंगारी\"/\"चिंगारियाँ\""),
            "{branding}"
        );
        let limits = s.describe_limits();
        let entry = &s.prompt_blocklist.entries()[0];
        assert!(limits.contains(&format!("blocked=\"{entry}\"")), "{limits}");
        assert!(!limits.contains("\\u{"), "{limits}");
    }

    #[test]
    fn quotes_and_control_characters_stay_escaped() {
        assert_eq!(quoted("a \"b\" c\\d"), "\"a \\\"b\\\" c\\\\d\"");
        assert_eq!(quoted("a\nb\u{7}"), "\"a\\nb\\u{7}\"");
        assert_eq!(quoted("ख़ून"), "\"ख़ून\"");
    }
}
