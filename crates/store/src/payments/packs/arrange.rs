//! The order a tenant's buy page shows its packs in.

use atelier_domain::{PackId, TenantId, Timestamp};

use crate::backend::in_transaction;
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

impl Store {
    /// Swaps a pack with its neighbour above (`up`) or below. False when the tenant has no
    /// such pack; a pack already first (or last) stays where it is.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, pack = %id, up))]
    pub async fn move_pack(
        &self,
        tenant: TenantId,
        id: PackId,
        up: bool,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let packs = self.list_packs(tenant, false).await?;
        let Some(index) = packs.iter().position(|p| p.id == id) else {
            return Ok(false);
        };
        let other = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        let Some(other) = other.and_then(|i| packs.get(i)) else {
            return Ok(true);
        };
        let this = &packs[index];
        // Positions may tie after concurrent edits; renumbering the two from their list order
        // settles that too.
        let (a, b) = if up { (other, this) } else { (this, other) };
        let first = a.position.min(b.position);
        in_transaction!(self, |tx| {
            for (pack, position) in [(b, first), (a, first + 1)] {
                sqlx::query(
                    "update credit_packs set position = $3, updated_at = $4 \
                     where tenant_id = $1 and id = $2",
                )
                .bind(tenant.0)
                .bind(pack.id.0)
                .bind(position)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
            }
            let (before, after) = if up {
                (index + 1, index)
            } else {
                (index + 1, index + 2)
            };
            write_audit!(
                tx,
                Some(tenant.0),
                actor,
                "pack.move",
                id.to_string(),
                format!("place {before}"),
                format!("place {after}"),
                now
            );
        });
        Ok(true)
    }
}
