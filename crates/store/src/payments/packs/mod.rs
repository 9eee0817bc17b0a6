//! The credit packs a tenant sells. A pack that was ever bought is never deleted (its
//! requests name it); it is deactivated instead, and leaves the buy page. Every change an
//! admin makes writes its audit row in the change's own transaction.
//!
//! - `create`: a new pack, and the packs a provisioned tenant starts with;
//! - `change`: new terms, on or off sale, deleting one nobody bought;
//! - `arrange`: moving a pack up or down the list.

mod arrange;
mod change;
mod create;

use atelier_domain::{Credits, PackId, PackTerms, Paise, TenantId};
use uuid::Uuid;

use crate::backend::on_reader;
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
}
