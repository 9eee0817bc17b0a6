//! Tenants: creating one with its settings and domains, finding one by slug or domain,
//! listing them, and their status. How settings map to columns is in `settings.rs`, custom
//! domains in `domains.rs`, the UPI payee (changed on its own, with an audit row) in `payee.rs`.

mod audited;
mod changes;
mod console;
mod domains;

pub use audited::SettingsChange;

pub use changes::{Heard, TenantChanges};
pub use console::{ConsoleTenant, TenantEdit};
mod languages;
mod payee;
mod settings;

use atelier_domain::{HostName, Slug, Tenant, TenantSettings, TenantStatus, Timestamp};
use uuid::Uuid;

use self::settings::{bind_settings, TenantRow, INSERT_SETTINGS, SELECT_TENANT};
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

/// Marks a tenant changed, so cached lookups and brand stylesheets get a new version.
const TOUCH_TENANT: &str = "update tenants set updated_at = $2 where id = $1";

/// Locks a tenant's settings row on `$tx` before an audited change reads what it replaces:
/// a no-op write takes the row lock on PostgreSQL (SQLite's write transaction is alone
/// anyway), so two admins saving at the same moment each record the other's result as
/// "before". A tenant without settings is not found.
macro_rules! lock_settings {
    ($tx:ident, $tenant:expr) => {{
        let locked =
            sqlx::query("update tenant_settings set updated_at = updated_at where tenant_id = $1")
                .bind($tenant.0)
                .execute(&mut *$tx)
                .await?;
        if locked.rows_affected() == 0 {
            return Err(StoreError::NotFound("tenant"));
        }
    }};
}
pub(crate) use lock_settings;

/// The unique columns a tenant or a domain can collide on, named in the conflict it returns.
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

    /// The tenant with this slug (its sub-domain), whatever its status.
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

    /// Every tenant with its domains, by slug.
    pub async fn list_tenants(&self) -> Result<Vec<TenantSite>, StoreError> {
        let sql = format!("{SELECT_TENANT} order by t.slug");
        let rows = on_reader!(self, |pool| {
            sqlx::query_as::<_, TenantRow>(&sql).fetch_all(pool).await?
        });
        // Every domain in one read, not one read a tenant.
        let all: Vec<(Uuid, String)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select tenant_id, domain from tenant_domains order by created_at, domain",
            )
            .fetch_all(pool)
            .await?
        });
        let mut domains: std::collections::HashMap<Uuid, Vec<HostName>> = Default::default();
        for (tenant, domain) in all {
            let host = HostName::parse(&domain)
                .map_err(|e| StoreError::Corrupt(format!("domain {domain:?}: {e}")))?;
            domains.entry(tenant).or_default().push(host);
        }
        rows.into_iter()
            .map(|row| {
                let tenant = row.into_tenant()?;
                let domains = domains.remove(&tenant.id.0).unwrap_or_default();
                Ok(TenantSite { tenant, domains })
            })
            .collect()
    }
}
