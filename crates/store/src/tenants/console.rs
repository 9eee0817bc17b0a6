//! Tenants as the platform console changes them: created with their first admin's
//! invitation, edited (name, domains, the shared pool), suspended and resumed. Each change
//! writes an audit row carrying the tenant's id, so its own admins read it too.

use atelier_domain::{HostName, Role, Tenant, TenantId, TenantStatus, Timestamp};
use uuid::Uuid;

use super::settings::{bind_settings, INSERT_SETTINGS};
use super::{lock_settings, NewTenant, CONFLICT_FIELDS, TOUCH_TENANT};
use crate::backend::in_transaction;
use crate::invitations::{insert_invited, Invitation};
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// A tenant made from the console: its id is chosen first, so the invitation mail (which
/// names the site) can be written before anything is stored.
#[derive(Debug, Clone)]
pub struct ConsoleTenant {
    pub id: TenantId,
    pub tenant: NewTenant,
    pub admin: Invitation,
}

/// What the console's edit form changes.
#[derive(Debug, Clone)]
pub struct TenantEdit {
    pub name: String,
    pub domains: Vec<HostName>,
    pub use_shared_pool: bool,
}

/// How the audit log shows a tenant's console settings.
fn describe(name: &str, domains: &[String], shared: bool) -> String {
    let domains = if domains.is_empty() {
        "none".to_owned()
    } else {
        domains.join(", ")
    };
    let pool = if shared { "yes" } else { "no" };
    format!("name: {name}; domains: {domains}; shared pool: {pool}")
}

impl Store {
    /// Creates a tenant with its settings, domains and first admin (invited: the account,
    /// its link and its mail) in one transaction, with an audit row (`tenant.create`).
    /// A slug or domain already used is a conflict naming it.
    #[tracing::instrument(skip_all, fields(slug = %new.tenant.slug))]
    pub async fn create_tenant_with_admin(
        &self,
        new: &ConsoleTenant,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<Tenant, StoreError> {
        let id = new.id.0;
        let t = &new.tenant;
        in_transaction!(self, |tx| {
            sqlx::query(
                "insert into tenants (id, slug, status, created_at, updated_at) values ($1, $2, $3, $4, $4)",
            )
            .bind(id)
            .bind(t.slug.as_str())
            .bind(t.status.as_str())
            .bind(now.millis())
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::from_unique(e, CONFLICT_FIELDS))?;
            bind_settings!(sqlx::query(INSERT_SETTINGS), id, t.settings, now.millis())
                .execute(&mut *tx)
                .await?;
            for domain in &t.domains {
                sqlx::query(
                    "insert into tenant_domains (id, tenant_id, domain, created_at) values ($1, $2, $3, $4)",
                )
                .bind(Uuid::now_v7())
                .bind(id)
                .bind(domain.as_str())
                .bind(now.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| StoreError::from_unique(e, CONFLICT_FIELDS))?;
            }
            insert_invited!(tx, Some(id), Role::TenantAdmin, &new.admin, now);
            let domains: Vec<String> = t.domains.iter().map(ToString::to_string).collect();
            write_audit!(
                tx,
                Some(id),
                actor,
                "tenant.create",
                t.slug.as_str(),
                "",
                format!(
                    "{}; first admin: {}",
                    describe(&t.settings.name, &domains, t.settings.use_shared_pool),
                    new.admin.email
                ),
                now
            );
        });
        self.find_tenant_by_slug(&t.slug)
            .await?
            .ok_or(StoreError::NotFound("tenant"))
    }

    /// Changes a tenant's name, custom domains (the list replaces the old one) and use of
    /// the shared pool, with an audit row (`tenant.update`) of before and after. A domain
    /// another tenant holds is a conflict on `domain`, and nothing changes.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn edit_tenant(
        &self,
        tenant: TenantId,
        edit: &TenantEdit,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let after_domains: Vec<String> = edit.domains.iter().map(ToString::to_string).collect();
        in_transaction!(self, |tx| {
            lock_settings!(tx, tenant);
            let (name, shared, slug): (String, bool, String) = sqlx::query_as(
                "select s.name, s.use_shared_pool, t.slug from tenant_settings s \
                 join tenants t on t.id = s.tenant_id where s.tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_one(&mut *tx)
            .await?;
            let before_domains: Vec<String> = sqlx::query_as::<_, (String,)>(
                "select domain from tenant_domains where tenant_id = $1 order by created_at, domain",
            )
            .bind(tenant.0)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|(d,)| d)
            .collect();
            sqlx::query(
                "update tenant_settings set name = $2, use_shared_pool = $3, updated_at = $4 \
                 where tenant_id = $1",
            )
            .bind(tenant.0)
            .bind(&edit.name)
            .bind(edit.use_shared_pool)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            for gone in before_domains.iter().filter(|d| !after_domains.contains(d)) {
                sqlx::query("delete from tenant_domains where tenant_id = $1 and domain = $2")
                    .bind(tenant.0)
                    .bind(gone)
                    .execute(&mut *tx)
                    .await?;
            }
            for added in after_domains.iter().filter(|d| !before_domains.contains(d)) {
                sqlx::query(
                    "insert into tenant_domains (id, tenant_id, domain, created_at) values ($1, $2, $3, $4)",
                )
                .bind(Uuid::now_v7())
                .bind(tenant.0)
                .bind(added)
                .bind(now.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| StoreError::from_unique(e, CONFLICT_FIELDS))?;
            }
            sqlx::query(TOUCH_TENANT)
                .bind(tenant.0)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
            write_audit!(
                tx,
                Some(tenant.0),
                actor,
                "tenant.update",
                slug.as_str(),
                describe(&name, &before_domains, shared),
                describe(&edit.name, &after_domains, edit.use_shared_pool),
                now
            );
        });
        Ok(())
    }

    /// Suspends or resumes a tenant, with an audit row (`tenant.suspend`, `tenant.resume`)
    /// naming its slug. On resuming, its queued images get their whole time again.
    /// Returns whether the status changed: asking for the status it has writes nothing.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, status = status.as_str()))]
    pub async fn change_tenant_status(
        &self,
        tenant: TenantId,
        status: TenantStatus,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let changed = in_transaction!(self, |tx| {
            let changed: Option<(String,)> = sqlx::query_as(
                "update tenants set status = $2, updated_at = $3 where id = $1 and status <> $2 \
                 returning slug",
            )
            .bind(tenant.0)
            .bind(status.as_str())
            .bind(now.millis())
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((slug,)) = &changed {
                if status == TenantStatus::Active {
                    // Its queued images waited while it was closed: each gets its whole time
                    // again from now (the reaper leaves a closed site's images alone).
                    sqlx::query(
                        "update jobs set deadline_ms = case when deadline_ms > 0 \
                         then deadline_ms else deadline_at - created_at end, \
                         deadline_at = $2 + case when deadline_ms > 0 \
                         then deadline_ms else deadline_at - created_at end, \
                         updated_at = $2 where tenant_id = $1 and status = 'queued'",
                    )
                    .bind(tenant.0)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                }
                let (action, before) = match status {
                    TenantStatus::Suspended => ("tenant.suspend", TenantStatus::Active),
                    TenantStatus::Active => ("tenant.resume", TenantStatus::Suspended),
                };
                write_audit!(
                    tx,
                    Some(tenant.0),
                    actor,
                    action,
                    slug.as_str(),
                    before.as_str(),
                    status.as_str(),
                    now
                );
            }
            changed.is_some()
        });
        if !changed && self.tenant_status(tenant).await?.is_none() {
            return Err(StoreError::NotFound("tenant"));
        }
        Ok(changed)
    }

    async fn tenant_status(&self, tenant: TenantId) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = crate::backend::on_reader!(self, |pool| {
            sqlx::query_as("select status from tenants where id = $1")
                .bind(tenant.0)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|(s,)| s))
    }
}
