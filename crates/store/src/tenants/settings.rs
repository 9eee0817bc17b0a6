//! How [`TenantSettings`] live in the `tenant_settings` table: the row read back (with the
//! tenant's own columns), the insert, the update, and the one bind order the two share. A new
//! setting is added here (and in a migration for each database).

use atelier_domain::payments::parse_payee;
use atelier_domain::{
    Slug, Tenant, TenantId, TenantSettings, TenantSettingsInput, TenantStatus, Timestamp, Vpa,
};
use uuid::Uuid;

use crate::StoreError;

/// A tenant joined with its settings, as [`SELECT_TENANT`] reads it.
#[derive(sqlx::FromRow)]
pub(super) struct TenantRow {
    id: Uuid,
    slug: String,
    status: String,
    created_at: i64,
    updated_at: i64,
    name: String,
    tagline: String,
    legal_name: String,
    logo_url: String,
    theme: String,
    color_primary: String,
    color_accent: String,
    credit_name: String,
    credit_name_plural: String,
    signup_bonus: i64,
    max_image_side: i64,
    support_email: String,
    support_whatsapp: String,
    upi_vpa: String,
    upi_payee: String,
    white_label_offer: bool,
    use_shared_pool: bool,
    signup_limit_per_ip: i64,
    bonus_requires_verified_email: bool,
    enabled_models: String,
    model_costs: String,
    default_language: String,
    languages: String,
    active_jobs_per_user: i64,
    prompt_blocklist: String,
}

impl TenantRow {
    pub(super) fn into_tenant(self) -> Result<Tenant, StoreError> {
        let corrupt = |what: String| StoreError::Corrupt(format!("tenant {}: {what}", self.slug));
        let (upi_vpa, upi_payee) = readable_payee(&self.slug, &self.upi_vpa, &self.upi_payee);
        let settings = TenantSettings::parse(&TenantSettingsInput {
            name: self.name.clone(),
            tagline: self.tagline.clone(),
            legal_name: self.legal_name.clone(),
            logo_url: self.logo_url.clone(),
            theme: self.theme.clone(),
            color_primary: self.color_primary.clone(),
            color_accent: self.color_accent.clone(),
            credit_name: self.credit_name.clone(),
            credit_name_plural: self.credit_name_plural.clone(),
            signup_bonus: self.signup_bonus,
            max_image_side: self.max_image_side,
            support_email: self.support_email.clone(),
            support_whatsapp: self.support_whatsapp.clone(),
            upi_vpa,
            upi_payee,
            white_label_offer: self.white_label_offer,
            use_shared_pool: self.use_shared_pool,
            signup_limit_per_ip: self.signup_limit_per_ip,
            bonus_requires_verified_email: self.bonus_requires_verified_email,
            enabled_models: self
                .enabled_models
                .split(',')
                .filter(|m| !m.is_empty())
                .map(str::to_owned)
                .collect(),
            model_costs: serde_json::from_str(&self.model_costs)
                .map_err(|e| corrupt(format!("model_costs: {e}")))?,
            default_language: self.default_language.clone(),
            languages: self
                .languages
                .split(',')
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            active_jobs_per_user: self.active_jobs_per_user,
            prompt_blocklist: self.prompt_blocklist.lines().map(str::to_owned).collect(),
        })
        .map_err(|errors| {
            corrupt(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        Ok(Tenant {
            id: TenantId(self.id),
            slug: Slug::parse(&self.slug).map_err(|e| corrupt(e.to_string()))?,
            status: TenantStatus::parse(&self.status).map_err(|e| corrupt(e.to_string()))?,
            settings,
            created_at: Timestamp(self.created_at),
            updated_at: Timestamp(self.updated_at),
        })
    }
}

/// The stored UPI ID and payee name, each kept only when it reads by the rules the settings
/// now hold them to. Older rules let a UPI ID the buy page refused (`a@b`) and longer payee
/// names be stored; failing the whole tenant over them would take its site down. Such a UPI
/// ID never took a payment, so the tenant loads as not taking payments; such a payee name
/// leaves UPI apps showing the tenant's name. Either way the operator is told, and the
/// admin's packs page shows the field empty to fill in again.
fn readable_payee(slug: &str, vpa: &str, payee: &str) -> (String, String) {
    let vpa = if vpa.trim().is_empty() || Vpa::parse(vpa).is_ok() {
        vpa.to_owned()
    } else {
        tracing::warn!(
            tenant = slug,
            upi_vpa = vpa,
            "a stored UPI ID does not read; the tenant takes no payments until an admin sets one"
        );
        String::new()
    };
    let payee = if payee.trim().is_empty() || parse_payee(payee).is_ok() {
        payee.to_owned()
    } else {
        tracing::warn!(tenant = slug, "a stored payee name does not read; UPI apps show the tenant's name until an admin sets one");
        String::new()
    };
    (vpa, payee)
}

/// Selects [`TenantRow`]s; callers add the `where` or `order by`.
pub(super) const SELECT_TENANT: &str =
    "select t.id, t.slug, t.status, t.created_at, t.updated_at, \
     s.name, s.tagline, s.legal_name, s.logo_url, s.theme, s.color_primary, s.color_accent, \
     s.credit_name, s.credit_name_plural, s.signup_bonus, s.max_image_side, s.support_email, \
     s.support_whatsapp, s.upi_vpa, s.upi_payee, s.white_label_offer, s.use_shared_pool, \
     s.signup_limit_per_ip, s.bonus_requires_verified_email, s.enabled_models, s.model_costs, \
     s.default_language, s.languages, s.active_jobs_per_user, s.prompt_blocklist \
     from tenants t join tenant_settings s on s.tenant_id = t.id";

pub(super) const INSERT_SETTINGS: &str = "insert into tenant_settings (tenant_id, name, tagline, \
     legal_name, logo_url, theme, color_primary, color_accent, credit_name, credit_name_plural, \
     signup_bonus, max_image_side, support_email, support_whatsapp, upi_vpa, upi_payee, \
     white_label_offer, use_shared_pool, created_at, updated_at, signup_limit_per_ip, \
     bonus_requires_verified_email, enabled_models, model_costs, default_language, languages, \
     active_jobs_per_user, prompt_blocklist) \
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, \
     $20, $21, $22, $23, $24, $25, $26, $27)";

pub(super) const UPDATE_SETTINGS: &str = "update tenant_settings set name = $2, tagline = $3, \
     legal_name = $4, logo_url = $5, theme = $6, color_primary = $7, color_accent = $8, \
     credit_name = $9, credit_name_plural = $10, signup_bonus = $11, max_image_side = $12, \
     support_email = $13, support_whatsapp = $14, upi_vpa = $15, upi_payee = $16, \
     white_label_offer = $17, use_shared_pool = $18, updated_at = $19, \
     signup_limit_per_ip = $20, bonus_requires_verified_email = $21, enabled_models = $22, \
     model_costs = $23, default_language = $24, languages = $25, active_jobs_per_user = $26, \
     prompt_blocklist = $27 where tenant_id = $1";

/// Binds the settings in the order of [`INSERT_SETTINGS`] and [`UPDATE_SETTINGS`].
macro_rules! bind_settings {
    ($query:expr, $id:expr, $s:expr, $now:expr) => {
        $query
            .bind($id)
            .bind(&$s.name)
            .bind(&$s.tagline)
            .bind(&$s.legal_name)
            .bind(&$s.logo_url)
            .bind($s.theme.as_str())
            .bind($s.color_primary.to_string())
            .bind($s.color_accent.to_string())
            .bind(&$s.credit.singular)
            .bind(&$s.credit.plural)
            .bind($s.signup_bonus)
            .bind($s.max_image_side)
            .bind(&$s.support_email)
            .bind(&$s.support_whatsapp)
            .bind(&$s.upi_vpa)
            .bind(&$s.upi_payee)
            .bind($s.white_label_offer)
            .bind($s.use_shared_pool)
            .bind($now)
            .bind($s.signup_limit_per_ip)
            .bind($s.bonus_requires_verified_email)
            .bind($s.enabled_models.join(","))
            .bind(serde_json::to_string(&$s.model_costs).unwrap_or_else(|_| "{}".to_owned()))
            .bind($s.default_language.code())
            .bind(
                $s.languages
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(","),
            )
            .bind($s.active_jobs_per_user)
            .bind($s.prompt_blocklist.entries().join("\n"))
    };
}
pub(super) use bind_settings;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_payee_the_rules_now_refuse_is_dropped_not_fatal() {
        let long = "x".repeat(70);
        assert_eq!(
            readable_payee("shop", "a@b", &long),
            (String::new(), String::new())
        );
        assert_eq!(
            readable_payee("shop", "Shop@OkAxis", "Shop & Co"),
            ("Shop@OkAxis".to_owned(), "Shop & Co".to_owned())
        );
        assert_eq!(
            readable_payee("shop", "", ""),
            (String::new(), String::new())
        );
    }
}
