//! What a tenant admin reads about one account: its credit history with who made each
//! change, and how many payments it has asked for. Both are scoped by the tenant, so an
//! admin never reads another site's books through an id.

use atelier_domain::{LedgerEntry, LedgerReason, TenantId, Timestamp, UserId};
use uuid::Uuid;

use crate::backend::on_reader;
use crate::{Store, StoreError};

/// A ledger row as the admin's page shows it: the entry and the person who made it (an
/// admin's adjustment, a payment's approval), if one did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminLedgerEntry {
    pub entry: LedgerEntry,
    pub actor_email: Option<String>,
}

/// id, delta, reason, reference, created_at, actor's email
type Row = (Uuid, i64, String, String, i64, Option<String>);

/// An account's payment requests by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PaymentCounts {
    pub approved: i64,
    pub pending: i64,
    pub rejected: i64,
}

impl Store {
    /// `user`'s credit history on `tenant`, newest first, a keyset page at a time like
    /// [`Store::ledger_page`] (through `credit_ledger_user_keyset`), with each actor.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %user))]
    pub async fn admin_ledger_page(
        &self,
        tenant: TenantId,
        user: UserId,
        before: Option<(Timestamp, Uuid)>,
        limit: i64,
    ) -> Result<Vec<AdminLedgerEntry>, StoreError> {
        let (before_at, before_id) =
            before.map_or((i64::MAX, Uuid::max()), |(t, id)| (t.millis(), id));
        let rows: Vec<Row> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select l.id, l.delta, l.reason, l.reference, l.created_at, a.email \
                 from credit_ledger l left join users a on a.id = l.actor_id \
                 where l.user_id = $1 and l.tenant_id = $2 \
                 and (l.created_at, l.id) < ($3, $4) \
                 order by l.created_at desc, l.id desc limit $5",
            )
            .bind(user.0)
            .bind(tenant.0)
            .bind(before_at)
            .bind(before_id)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, delta, reason, reference, created_at, actor_email)| {
                Ok(AdminLedgerEntry {
                    entry: LedgerEntry {
                        id,
                        delta,
                        reason: LedgerReason::parse(&reason).ok_or_else(|| {
                            StoreError::Corrupt(format!("ledger reason {reason}"))
                        })?,
                        reference,
                        created_at: Timestamp(created_at),
                    },
                    actor_email,
                })
            })
            .collect()
    }

    /// How many payments `user` asked for on `tenant`, by state (`payment_requests_user`).
    pub async fn payment_counts(
        &self,
        tenant: TenantId,
        user: UserId,
    ) -> Result<PaymentCounts, StoreError> {
        let rows: Vec<(String, i64)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select status, count(*) from payment_requests \
                 where user_id = $1 and tenant_id = $2 group by status",
            )
            .bind(user.0)
            .bind(tenant.0)
            .fetch_all(pool)
            .await?
        });
        let mut counts = PaymentCounts::default();
        for (status, n) in rows {
            match status.as_str() {
                "approved" => counts.approved = n,
                "pending" => counts.pending = n,
                _ => counts.rejected += n,
            }
        }
        Ok(counts)
    }
}
