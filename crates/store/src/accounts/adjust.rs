//! A tenant admin adjusts an account's credits: one ledger row (`admin_adjustment`, the
//! admin's reason as its reference, the admin as its actor), one audit row (`user.credits`,
//! the balance before and after) and the form's one-time id (`credit_adjustments`), in one
//! transaction through the ledger. The same form posted again finds its id and writes
//! nothing; the id with another amount or reason (an edited or replayed form) is refused,
//! as is an admin who is one no more by the time the site's lock is theirs.

use atelier_domain::{CreditAdjustment, Credits, TenantId, Timestamp, UserId};
use uuid::Uuid;

use super::guard::lock_for_admin_change;
use crate::backend::in_transaction;
use crate::ledger::{Applied, CreditWriter};
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// The account's credits after an adjustment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjusted {
    pub before: Credits,
    pub after: Credits,
    /// The form was posted before: this is what its first post did, and nothing more was
    /// written.
    pub repeated: bool,
}

/// Why a deduction was refused: it would take the balance below what its jobs hold (or
/// below zero). Nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BelowHeld {
    pub balance: Credits,
    pub held: Credits,
}

/// Why an adjustment was refused. Nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjustRefusal {
    /// A deduction that would take the balance below what its jobs hold.
    BelowHeld(BelowHeld),
    /// The admin asking is no longer an enabled admin of the site (or a super-admin):
    /// another admin took the role away or disabled the account a moment before.
    NotAnAdmin,
    /// The form's one-time id was used for an adjustment of another amount or reason: the
    /// form was edited or replayed after it was posted, and its first post stands.
    FormUsed,
}

impl Store {
    /// Applies `adjustment` to `user`'s credits on `tenant` as `actor`, once per
    /// `adjustment_id` (the one-time id of the admin's form): a second call with the id
    /// and the same amount and reason, even at the same moment, writes nothing and answers
    /// what the first did; with another amount or reason it is refused (`FormUsed`).
    /// Different ids are different adjustments, each against the balance the other left
    /// (the row is locked by the first update). Refused (`NotAnAdmin`) when `actor` is no
    /// longer an admin once the site's lock is held, as role and state changes are. A
    /// deleted account is not found.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %user))]
    pub async fn adjust_credits(
        &self,
        tenant: TenantId,
        user: UserId,
        adjustment_id: Uuid,
        adjustment: &CreditAdjustment,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<Result<Adjusted, AdjustRefusal>, StoreError> {
        let outcome = in_transaction!(self, |tx| {
            lock_for_admin_change!(tx, tenant, Some(actor), AdjustRefusal::NotAnAdmin);
            // A no-op write locks the row first, so "before" is what this change replaced,
            // and a second post of the form waits here until the first is committed.
            let row: Option<(i64, i64)> = sqlx::query_as(
                "update users set updated_at = updated_at where id = $1 and tenant_id = $2 \
                 and password_hash <> '!deleted' returning balance, held",
            )
            .bind(user.0)
            .bind(tenant.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((balance, held)) = row else {
                return Err(StoreError::NotFound("user"));
            };
            let done: Option<(Uuid, i64, String, i64, i64)> = sqlx::query_as(
                "select user_id, delta, reason, balance_before, balance_after \
                 from credit_adjustments where tenant_id = $1 and id = $2",
            )
            .bind(tenant.0)
            .bind(adjustment_id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((for_user, delta, reason, before, after)) = done {
                // Another account's form id posted here was not made by our pages.
                if for_user != user.0 {
                    return Err(StoreError::Conflict("adjustment"));
                }
                // A double-click or a retry posts what the first post did; anything else
                // would be answered as done while its amount went nowhere.
                if delta != adjustment.delta() || reason != adjustment.reason() {
                    return Ok(Err(AdjustRefusal::FormUsed));
                }
                return Ok(Ok(Adjusted {
                    before: Credits::new(before),
                    after: Credits::new(after),
                    repeated: true,
                }));
            }
            let applied = tx
                .apply_credit_change(user, &adjustment.change(), None, Some(actor.id), now)
                .await?;
            if applied == Applied::Refused {
                Err(AdjustRefusal::BelowHeld(BelowHeld {
                    balance: Credits::new(balance),
                    held: Credits::new(held),
                }))
            } else {
                let after = balance + adjustment.delta();
                sqlx::query(
                    "insert into credit_adjustments (tenant_id, id, user_id, delta, reason, \
                     balance_before, balance_after, created_at) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(tenant.0)
                .bind(adjustment_id)
                .bind(user.0)
                .bind(adjustment.delta())
                .bind(adjustment.reason())
                .bind(balance)
                .bind(after)
                .bind(now.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| StoreError::from_unique(e, &["adjustment"]))?;
                write_audit!(
                    tx,
                    Some(tenant.0),
                    actor,
                    "user.credits",
                    user.to_string(),
                    balance.to_string(),
                    after.to_string(),
                    now
                );
                Ok(Adjusted {
                    before: Credits::new(balance),
                    after: Credits::new(after),
                    repeated: false,
                })
            }
        });
        Ok(outcome)
    }
}
