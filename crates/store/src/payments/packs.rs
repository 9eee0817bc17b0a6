//! The credit packs a tenant sells. A pack that was ever bought is never deleted (its
//! requests name it); it is deactivated instead, and leaves the buy page.

use atelier_domain::{Credits, PackId, PackTerms, Paise, TenantId, Timestamp};
use uuid::Uuid;

use super::{write_audit, Actor};
use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

/// A pack as the buy page and the admin console show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    pub id: PackId,
    pub terms: PackTerms,
    pub position: i64,
    pub active: bool,
    /// Whether any payment request names it (then it can only be deactivated).
    pub bought: bool,
}

/// id, credits, price, position, active, bought
type PackRow = (Uuid, i64, i64, i64, bool, bool);

const PACK_COLUMNS: &str = "p.id, p.credits, p.price_paise, p.position, p.active, \
     exists (select 1 from payment_requests r where r.pack_id = p.id) as bought";

fn pack((id, credits, price, position, active, bought): PackRow) -> Pack {
    Pack {
        id: PackId(id),
        terms: PackTerms {
            credits: Credits::new(credits),
            price: Paise::new(price),
        },
        position,
        active,
        bought,
    }
}

fn describe(terms: &PackTerms) -> String {
    format!("{} credits for {}", terms.credits, terms.price.display())
}

impl Store {
    /// A tenant's packs in the order it set, the inactive ones too unless `active_only`.
    pub async fn list_packs(
        &self,
        tenant: TenantId,
        active_only: bool,
    ) -> Result<Vec<Pack>, StoreError> {
        let sql = format!(
            "select {PACK_COLUMNS} from credit_packs p where p.tenant_id = $1 \
             and (p.active or not $2) order by p.position, p.id"
        );
        let rows: Vec<PackRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(active_only)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(pack).collect())
    }

    pub async fn find_pack(
        &self,
        tenant: TenantId,
        id: PackId,
    ) -> Result<Option<Pack>, StoreError> {
        let sql = format!(
            "select {PACK_COLUMNS} from credit_packs p where p.tenant_id = $1 and p.id = $2"
        );
        let row: Option<PackRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(id.0)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(pack))
    }

    /// Adds a pack at the end of the tenant's list.
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

    /// Changes a pack's credits and price; requests already made keep theirs. False when the
    /// tenant has no such pack.
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

    /// Swaps a pack with its neighbour above (`up`) or below. False when the tenant has no
    /// such pack; a pack already first (or last) stays where it is.
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

    /// Deletes a pack nobody ever bought. `Ok(false)` when it was bought (deactivate it
    /// instead) or the tenant has no such pack.
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
