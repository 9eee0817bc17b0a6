//! A tenant admin adjusts an account's credits: one ledger row (`admin_adjustment`, the
//! admin's reason as its reference, the admin as its actor) and one audit row
//! (`user.credits`, the balance before and after), in one transaction through the ledger.

use atelier_domain::{CreditAdjustment, Credits, TenantId, Timestamp, UserId};

use crate::backend::in_transaction;
use crate::ledger::{Applied, CreditWriter};
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// The account's credits after an adjustment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjusted {
    pub before: Credits,
    pub after: Credits,
}

/// Why a deduction was refused: it would take the balance below what its jobs hold (or
/// below zero). Nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BelowHeld {
    pub balance: Credits,
    pub held: Credits,
}

impl Store {
    /// Applies `adjustment` to `user`'s credits on `tenant` as `actor`. Each call is one
    /// adjustment: two posts at once apply twice, one after the other, each against the
    /// balance the other left (the row is locked by the first update).
    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %user))]
    pub async fn adjust_credits(
        &self,
        tenant: TenantId,
        user: UserId,
        adjustment: &CreditAdjustment,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<Result<Adjusted, BelowHeld>, StoreError> {
        let outcome = in_transaction!(self, |tx| {
            // A no-op write locks the row first, so "before" is what this change replaced.
            let row: Option<(i64, i64)> = sqlx::query_as(
                "update users set updated_at = updated_at where id = $1 and tenant_id = $2 \
                 returning balance, held",
            )
            .bind(user.0)
            .bind(tenant.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((balance, held)) = row else {
                return Err(StoreError::NotFound("user"));
            };
            let applied = tx
                .apply_credit_change(user, &adjustment.change(), None, Some(actor.id), now)
                .await?;
            if applied == Applied::Refused {
                Err(BelowHeld {
                    balance: Credits::new(balance),
                    held: Credits::new(held),
                })
            } else {
                let after = balance + adjustment.delta();
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
                })
            }
        });
        Ok(outcome)
    }
}
