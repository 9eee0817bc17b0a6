//! The one place that changes an account's credits. A change (hold, capture, release, grant:
//! `atelier_domain::credits`) updates the user's row and, when it moves the balance, writes
//! its ledger row, in the caller's transaction; so balance = Σ ledger deltas holds by
//! construction, and no other SQL touches `balance`, `held` or `credit_ledger`'s rows.

use std::future::Future;

use atelier_domain::{CreditChange, Timestamp, UserId};
use uuid::Uuid;

/// How a change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Applied {
    Done,
    /// It would leave held above the balance, a negative hold, or more active jobs than
    /// the cap: nothing was written.
    Refused,
}

/// Writes credit changes on a connection inside a transaction.
pub(crate) trait CreditWriter {
    /// Applies `change` to `user`'s row and writes its ledger row (with `actor`, when a
    /// person made it). With `active_cap`, refuses a change that would leave the user more
    /// active jobs than that.
    fn apply_credit_change(
        &mut self,
        user: UserId,
        change: &CreditChange,
        active_cap: Option<i64>,
        actor: Option<UserId>,
        now: Timestamp,
    ) -> impl Future<Output = Result<Applied, sqlx::Error>> + Send;
}

/// The update mirrors `Wallet::apply`: `0 ≤ held ≤ balance` after the change (the table's
/// CHECK constraints say the same, so a change that slipped past this would fail loudly).
const UPDATE_USER: &str = "update users set balance = balance + $2, held = held + $3, \
     active_jobs = active_jobs + $4 \
     where id = $1 and held + $3 >= 0 and held + $3 <= balance + $2 and active_jobs + $4 <= $5 \
     returning tenant_id";

const INSERT_LEDGER: &str = "insert into credit_ledger (id, tenant_id, user_id, delta, reason, \
     reference, actor_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)";

macro_rules! credit_writer_for {
    ($conn:ty) => {
        impl CreditWriter for $conn {
            async fn apply_credit_change(
                &mut self,
                user: UserId,
                change: &CreditChange,
                active_cap: Option<i64>,
                actor: Option<UserId>,
                now: Timestamp,
            ) -> Result<Applied, sqlx::Error> {
                let row: Option<(Option<Uuid>,)> = sqlx::query_as(UPDATE_USER)
                    .bind(user.0)
                    .bind(change.balance)
                    .bind(change.held)
                    .bind(change.active_jobs)
                    .bind(active_cap.unwrap_or(i64::MAX))
                    .fetch_optional(&mut *self)
                    .await?;
                let Some((tenant,)) = row else {
                    return Ok(Applied::Refused);
                };
                if let Some(line) = &change.ledger {
                    sqlx::query(INSERT_LEDGER)
                        .bind(Uuid::now_v7())
                        .bind(tenant)
                        .bind(user.0)
                        .bind(line.delta)
                        .bind(line.reason.as_str())
                        .bind(&line.reference)
                        .bind(actor.map(|a| a.0))
                        .bind(now.millis())
                        .execute(&mut *self)
                        .await?;
                }
                Ok(Applied::Done)
            }
        }
    };
}

credit_writer_for!(sqlx::SqliteConnection);
credit_writer_for!(sqlx::PgConnection);
