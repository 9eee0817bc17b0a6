//! A tenant's custom domains: the hosts besides its sub-domain that reach its site. Adding or
//! removing one marks the tenant changed ([`TOUCH_TENANT`]).

use atelier_domain::{HostName, TenantId, Timestamp};
use uuid::Uuid;

use super::{CONFLICT_FIELDS, TOUCH_TENANT};
use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

impl Store {
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

    /// Adds a custom domain; a domain already in use is a conflict on `domain`.
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

    /// Removes one of the tenant's custom domains; another's is not found.
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
}
