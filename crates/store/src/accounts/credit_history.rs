//! An account's credit history, read from the ledger (which `crate::ledger` alone writes).

use atelier_domain::{LedgerEntry, LedgerReason, Timestamp, UserId};

use crate::backend::on_reader;
use crate::{Store, StoreError};

/// delta, reason, reference, created_at
type LedgerRow = (i64, String, String, i64);

impl Store {
    /// The newest entries of an account's credit history.
    pub async fn ledger_page(
        &self,
        user: UserId,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<LedgerEntry>, i64), StoreError> {
        let (rows, (total,)): (Vec<LedgerRow>, (i64,)) = on_reader!(self, |pool| {
            let rows = sqlx::query_as(
                "select delta, reason, reference, created_at from credit_ledger \
                 where user_id = $1 order by created_at desc, id desc limit $2 offset $3",
            )
            .bind(user.0)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?;
            let total = sqlx::query_as("select count(*) from credit_ledger where user_id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await?;
            (rows, total)
        });
        let entries = rows
            .into_iter()
            .map(|(delta, reason, reference, created_at)| {
                Ok(LedgerEntry {
                    delta,
                    reason: LedgerReason::parse(&reason)
                        .ok_or_else(|| StoreError::Corrupt(format!("ledger reason {reason}")))?,
                    reference,
                    created_at: Timestamp(created_at),
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok((entries, total))
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
