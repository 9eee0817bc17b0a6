//! An account's credit history, read from the ledger (which `crate::ledger` alone writes).

use atelier_domain::{LedgerEntry, LedgerReason, Timestamp, UserId};

use uuid::Uuid;

use crate::backend::on_reader;
use crate::{Store, StoreError};

/// id, delta, reason, reference, created_at
type LedgerRow = (Uuid, i64, String, String, i64);

impl Store {
    /// An account's credit history, newest first, a keyset page at a time: up to `limit`
    /// entries after `before` (created_at and id of the last entry seen), through
    /// `credit_ledger_user_keyset`, without counting or offsetting the account's history.
    pub async fn ledger_page(
        &self,
        user: UserId,
        before: Option<(Timestamp, Uuid)>,
        limit: i64,
    ) -> Result<Vec<LedgerEntry>, StoreError> {
        let (before_at, before_id) =
            before.map_or((i64::MAX, Uuid::max()), |(t, id)| (t.millis(), id));
        let rows: Vec<LedgerRow> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select id, delta, reason, reference, created_at from credit_ledger \
                 where user_id = $1 \
                 and (created_at, id) < ($2, $3) \
                 order by created_at desc, id desc limit $4",
            )
            .bind(user.0)
            .bind(before_at)
            .bind(before_id)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, delta, reason, reference, created_at)| {
                Ok(LedgerEntry {
                    id,
                    delta,
                    reason: LedgerReason::parse(&reason)
                        .ok_or_else(|| StoreError::Corrupt(format!("ledger reason {reason}")))?,
                    reference,
                    created_at: Timestamp(created_at),
                })
            })
            .collect()
    }

    /// The sum of an account's ledger; equals its balance (an invariant the tests check).
    pub async fn ledger_sum(&self, user: UserId) -> Result<i64, StoreError> {
        let (sum,): (Option<i64>,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select cast(sum(delta) as bigint) from credit_ledger where user_id = $1",
            )
            .bind(user.0)
            .fetch_one(pool)
            .await?
        });
        Ok(sum.unwrap_or(0))
    }
}
