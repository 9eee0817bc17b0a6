//! Changing a pack: its terms, whether it is on sale, or deleting one nobody ever bought.
//! Each change writes its audit row (what it was, what it became) in its transaction.

use atelier_domain::{PackId, PackTerms, TenantId, Timestamp};

use super::describe;
use crate::backend::in_transaction;
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

impl Store {
    /// Changes a pack's credits and price; requests already made keep theirs. False when the
    /// tenant has no such pack.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, pack = %id))]
    pub async fn update_pack(
        &self,
        tenant: TenantId,
        id: PackId,
        terms: PackTerms,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let Some(before) = self.find_pack(tenant, id).await? else {
            return Ok(false);
        };
        let changed = in_transaction!(self, |tx| {
            let changed = sqlx::query(
                "update credit_packs set credits = $3, price_paise = $4, updated_at = $5 \
                 where tenant_id = $1 and id = $2",
            )
            .bind(tenant.0)
            .bind(id.0)
            .bind(terms.credits.get())
            .bind(terms.price.get())
            .bind(now.millis())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 1 {
                write_audit!(
                    tx,
                    Some(tenant.0),
                    actor,
                    "pack.update",
                    id.to_string(),
                    describe(&before.terms),
                    describe(&terms),
                    now
                );
            }
            changed
        });
        Ok(changed == 1)
    }

    /// Puts a pack on sale or takes it off. False when the tenant has no such pack.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, pack = %id, active))]
    pub async fn set_pack_active(
        &self,
        tenant: TenantId,
        id: PackId,
        active: bool,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let changed = in_transaction!(self, |tx| {
            let changed = sqlx::query(
                "update credit_packs set active = $3, updated_at = $4 \
                 where tenant_id = $1 and id = $2 and active <> $3",
            )
            .bind(tenant.0)
            .bind(id.0)
            .bind(active)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 1 {
                let (before, after) = if active {
                    ("inactive", "active")
                } else {
                    ("active", "inactive")
                };
                write_audit!(
                    tx,
                    Some(tenant.0),
                    actor,
                    "pack.status",
                    id.to_string(),
                    before,
                    after,
                    now
                );
            }
            changed
        });
        if changed == 0 {
            return Ok(self.find_pack(tenant, id).await?.is_some());
        }
        Ok(true)
    }

    /// Deletes a pack nobody ever bought. `Ok(false)` when it was bought (deactivate it
    /// instead) or the tenant has no such pack.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, pack = %id))]
    pub async fn delete_pack(
        &self,
        tenant: TenantId,
        id: PackId,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let Some(before) = self.find_pack(tenant, id).await? else {
            return Ok(false);
        };
        let deleted = in_transaction!(self, |tx| {
            let deleted = sqlx::query(
                "delete from credit_packs where tenant_id = $1 and id = $2 \
                 and not exists (select 1 from payment_requests r where r.pack_id = $2)",
            )
            .bind(tenant.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if deleted == 1 {
                write_audit!(
                    tx,
                    Some(tenant.0),
                    actor,
                    "pack.delete",
                    id.to_string(),
                    describe(&before.terms),
                    "",
                    now
                );
            }
            deleted
        });
        Ok(deleted == 1)
    }
}
