//! New packs: one an admin adds at the end of the list, and the set a provisioned tenant
//! starts with.

use atelier_domain::{PackId, PackTerms, TenantId, Timestamp};
use uuid::Uuid;

use super::describe;
use crate::backend::in_transaction;
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

impl Store {
    /// Adds a pack at the end of the tenant's list.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn create_pack(
        &self,
        tenant: TenantId,
        terms: PackTerms,
        actor: Option<&Actor>,
        now: Timestamp,
    ) -> Result<PackId, StoreError> {
        let id = PackId(Uuid::now_v7());
        in_transaction!(self, |tx| {
            sqlx::query(
                "insert into credit_packs (id, tenant_id, credits, price_paise, position, active, \
                 created_at, updated_at) values ($1, $2, $3, $4, \
                 (select coalesce(max(position), 0) + 1 from credit_packs where tenant_id = $2), \
                 true, $5, $5)",
            )
            .bind(id.0)
            .bind(tenant.0)
            .bind(terms.credits.get())
            .bind(terms.price.get())
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            if let Some(actor) = actor {
                write_audit!(
                    tx,
                    Some(tenant.0),
                    actor,
                    "pack.create",
                    id.to_string(),
                    "",
                    describe(&terms),
                    now
                );
            }
        });
        Ok(id)
    }

    /// Gives a tenant that has no packs at all these ones (terms, and whether on sale), in
    /// this order; a tenant with any pack is left alone. Returns how many were made. For
    /// provisioning, so no audit row: no person acted. The tenant's row is locked first, so
    /// two nodes starting at once give it one set, not two.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, packs = packs.len()))]
    pub async fn seed_packs(
        &self,
        tenant: TenantId,
        packs: &[(PackTerms, bool)],
        now: Timestamp,
    ) -> Result<usize, StoreError> {
        if packs.is_empty() {
            return Ok(0);
        }
        let made = in_transaction!(self, |tx| {
            let locked = sqlx::query("update tenants set updated_at = updated_at where id = $1")
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            if locked.rows_affected() == 0 {
                return Err(StoreError::NotFound("tenant"));
            }
            let (existing,): (i64,) =
                sqlx::query_as("select count(*) from credit_packs where tenant_id = $1")
                    .bind(tenant.0)
                    .fetch_one(&mut *tx)
                    .await?;
            if existing > 0 {
                0
            } else {
                for (position, (terms, active)) in (1_i64..).zip(packs) {
                    sqlx::query(
                        "insert into credit_packs (id, tenant_id, credits, price_paise, position, \
                         active, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7)",
                    )
                    .bind(Uuid::now_v7())
                    .bind(tenant.0)
                    .bind(terms.credits.get())
                    .bind(terms.price.get())
                    .bind(position)
                    .bind(*active)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                }
                packs.len()
            }
        });
        Ok(made)
    }
}
