//! Tenants, their domains and settings.

use atelier_domain::{
    HostName, Slug, Tenant, TenantId, TenantSettings, TenantSettingsInput, TenantStatus, Timestamp,
};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

/// A tenant to create.
#[derive(Debug, Clone)]
pub struct NewTenant {
    pub slug: Slug,
    pub status: TenantStatus,
    pub settings: TenantSettings,
    pub domains: Vec<HostName>,
}

/// A tenant with the custom domains that reach it, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantSite {
    pub tenant: Tenant,
    pub domains: Vec<HostName>,
}

#[derive(sqlx::FromRow)]
struct TenantRow {
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
}

impl TenantRow {
    fn into_tenant(self) -> Result<Tenant, StoreError> {
        let corrupt = |what: String| StoreError::Corrupt(format!("tenant {}: {what}", self.slug));
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
            upi_vpa: self.upi_vpa.clone(),
            upi_payee: self.upi_payee.clone(),
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

const SELECT_TENANT: &str = "select t.id, t.slug, t.status, t.created_at, t.updated_at, \
     s.name, s.tagline, s.legal_name, s.logo_url, s.theme, s.color_primary, s.color_accent, \
     s.credit_name, s.credit_name_plural, s.signup_bonus, s.max_image_side, s.support_email, \
     s.support_whatsapp, s.upi_vpa, s.upi_payee, s.white_label_offer, s.use_shared_pool, \
     s.signup_limit_per_ip, s.bonus_requires_verified_email, s.enabled_models \
     from tenants t join tenant_settings s on s.tenant_id = t.id";

const INSERT_SETTINGS: &str = "insert into tenant_settings (tenant_id, name, tagline, \
     legal_name, logo_url, theme, color_primary, color_accent, credit_name, credit_name_plural, \
     signup_bonus, max_image_side, support_email, support_whatsapp, upi_vpa, upi_payee, \
     white_label_offer, use_shared_pool, created_at, updated_at, signup_limit_per_ip, \
     bonus_requires_verified_email, enabled_models) \
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, \
     $20, $21, $22)";

const UPDATE_SETTINGS: &str = "update tenant_settings set name = $2, tagline = $3, \
     legal_name = $4, logo_url = $5, theme = $6, color_primary = $7, color_accent = $8, \
     credit_name = $9, credit_name_plural = $10, signup_bonus = $11, max_image_side = $12, \
     support_email = $13, support_whatsapp = $14, upi_vpa = $15, upi_payee = $16, \
     white_label_offer = $17, use_shared_pool = $18, updated_at = $19, \
     signup_limit_per_ip = $20, bonus_requires_verified_email = $21, enabled_models = $22 \
     where tenant_id = $1";

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
    };
}

/// Marks a tenant changed, so cached lookups and brand stylesheets get a new version.
const TOUCH_TENANT: &str = "update tenants set updated_at = $2 where id = $1";

const CONFLICT_FIELDS: &[&str] = &["slug", "domain"];

impl Store {
    /// Creates a tenant with its settings and domains in one transaction.
    #[tracing::instrument(skip_all, fields(slug = %new.slug))]
    pub async fn create_tenant(
        &self,
        new: &NewTenant,
        now: Timestamp,
    ) -> Result<Tenant, StoreError> {
        let id = Uuid::now_v7();
        let now = now.millis();
        in_transaction!(self, |tx| {
            sqlx::query(
                "insert into tenants (id, slug, status, created_at, updated_at) values ($1, $2, $3, $4, $4)",
            )
            .bind(id)
            .bind(new.slug.as_str())
            .bind(new.status.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::from_unique(e, CONFLICT_FIELDS))?;
            bind_settings!(sqlx::query(INSERT_SETTINGS), id, new.settings, now)
                .execute(&mut *tx)
                .await?;
            for domain in &new.domains {
                sqlx::query(
                    "insert into tenant_domains (id, tenant_id, domain, created_at) values ($1, $2, $3, $4)",
                )
                .bind(Uuid::now_v7())
                .bind(id)
                .bind(domain.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(|e| StoreError::from_unique(e, CONFLICT_FIELDS))?;
            }
        });
        self.find_tenant_by_slug(&new.slug)
            .await?
            .ok_or(StoreError::NotFound("tenant"))
    }

    #[tracing::instrument(skip_all, fields(slug = %slug))]
    pub async fn find_tenant_by_slug(&self, slug: &Slug) -> Result<Option<Tenant>, StoreError> {
        let sql = format!("{SELECT_TENANT} where t.slug = $1");
        let row = on_reader!(self, |pool| {
            sqlx::query_as::<_, TenantRow>(&sql)
                .bind(slug.as_str())
                .fetch_optional(pool)
                .await?
        });
        row.map(TenantRow::into_tenant).transpose()
    }

    /// The tenant that owns a custom domain.
    #[tracing::instrument(skip_all, fields(domain = %domain))]
    pub async fn find_tenant_by_domain(
        &self,
        domain: &HostName,
    ) -> Result<Option<Tenant>, StoreError> {
        let sql = format!(
            "{SELECT_TENANT} join tenant_domains d on d.tenant_id = t.id where d.domain = $1"
        );
        let row = on_reader!(self, |pool| {
            sqlx::query_as::<_, TenantRow>(&sql)
                .bind(domain.as_str())
                .fetch_optional(pool)
                .await?
        });
        row.map(TenantRow::into_tenant).transpose()
    }

    /// A tenant's custom domains, oldest first.
    pub async fn tenant_domains(&self, id: TenantId) -> Result<Vec<HostName>, StoreError> {
        let rows: Vec<(String,)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select domain from tenant_domains where tenant_id = $1 order by created_at, domain",
            )
            .bind(id.0)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(d,)| {
                HostName::parse(&d).map_err(|e| StoreError::Corrupt(format!("domain {d:?}: {e}")))
            })
            .collect()
    }

    /// Every tenant with its domains, by slug.
    pub async fn list_tenants(&self) -> Result<Vec<TenantSite>, StoreError> {
        let sql = format!("{SELECT_TENANT} order by t.slug");
        let rows = on_reader!(self, |pool| {
            sqlx::query_as::<_, TenantRow>(&sql).fetch_all(pool).await?
        });
        let mut sites = Vec::with_capacity(rows.len());
        for row in rows {
            let tenant = row.into_tenant()?;
            let domains = self.tenant_domains(tenant.id).await?;
            sites.push(TenantSite { tenant, domains });
        }
        Ok(sites)
    }

    #[tracing::instrument(skip_all, fields(tenant = %id, domain = %domain))]
    pub async fn add_tenant_domain(
        &self,
        id: TenantId,
        domain: &HostName,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query(
                "insert into tenant_domains (id, tenant_id, domain, created_at) values ($1, $2, $3, $4)",
            )
            .bind(Uuid::now_v7())
            .bind(id.0)
            .bind(domain.as_str())
            .bind(now.millis())
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::from_unique(e, CONFLICT_FIELDS))?;
            sqlx::query(TOUCH_TENANT)
                .bind(id.0)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(tenant = %id, domain = %domain))]
    pub async fn remove_tenant_domain(
        &self,
        id: TenantId,
        domain: &HostName,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            let done =
                sqlx::query("delete from tenant_domains where tenant_id = $1 and domain = $2")
                    .bind(id.0)
                    .bind(domain.as_str())
                    .execute(&mut *tx)
                    .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound("domain"));
            }
            sqlx::query(TOUCH_TENANT)
                .bind(id.0)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(tenant = %id))]
    pub async fn update_tenant_settings(
        &self,
        id: TenantId,
        settings: &TenantSettings,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            let done = bind_settings!(sqlx::query(UPDATE_SETTINGS), id.0, settings, now.millis())
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound("tenant"));
            }
            sqlx::query(TOUCH_TENANT)
                .bind(id.0)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(tenant = %id, status = status.as_str()))]
    pub async fn set_tenant_status(
        &self,
        id: TenantId,
        status: TenantStatus,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            let done = sqlx::query("update tenants set status = $2, updated_at = $3 where id = $1")
                .bind(id.0)
                .bind(status.as_str())
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound("tenant"));
            }
        });
        Ok(())
    }
}
