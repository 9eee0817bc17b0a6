//! An admin's decision on a payment request: exactly once, whoever else clicks.

use atelier_domain::{CreditChange, LedgerReason, PaymentId, PaymentState, TenantId, Timestamp};
use uuid::Uuid;

use super::requests::PaymentRecord;
use super::{write_audit, Actor};
use crate::backend::in_transaction;
use crate::ledger::{Applied, CreditWriter};
use crate::outbox::{insert_mail, NewMail};
use crate::{Store, StoreError};

/// What an admin decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    /// With the reason the user will read.
    Reject {
        reason: String,
    },
}

/// How a decision went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decided {
    /// This decision was recorded (and, for an approval, the credits granted).
    Done(PaymentRecord),
    /// Someone decided it first; nothing changed.
    AlreadyDecided(PaymentRecord),
    /// The account that paid was deleted: the credits have nowhere to go; nothing changed.
    AccountGone,
    /// No such request in this tenant.
    NotFound,
}

impl Store {
    /// Decides a pending request of `tenant`. The status moves from pending in a conditional
    /// update, so of two decisions at the same moment exactly one finds it pending; in that
    /// same transaction an approval grants the credits through the ledger, the user's mail
    /// (`mail`, rendered by the caller) is queued, and the audit row is written. Who may
    /// decide is the caller's rule (the web's one decision path refuses an admin their own
    /// request).
    #[tracing::instrument(skip_all, fields(tenant = %tenant, payment = %id, admin = %actor.id))]
    pub async fn decide_payment(
        &self,
        tenant: TenantId,
        id: PaymentId,
        decision: &Decision,
        actor: &Actor,
        mail: Option<&NewMail>,
        now: Timestamp,
    ) -> Result<Decided, StoreError> {
        let (status, reason) = match decision {
            Decision::Approve => (PaymentState::Approved, ""),
            Decision::Reject { reason } => (PaymentState::Rejected, reason.as_str()),
        };
        let decided = in_transaction!(self, |tx| {
            let row: Option<(Option<Uuid>, i64, String, String)> = sqlx::query_as(
                "update payment_requests set status = $3, reason = $4, decided_at = $5, \
                 decided_by = $6 where id = $1 and tenant_id = $2 and status = 'pending' \
                 returning user_id, credits, reference, utr",
            )
            .bind(id.0)
            .bind(tenant.0)
            .bind(status.as_str())
            .bind(reason)
            .bind(now.millis())
            .bind(actor.id.0)
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                None => false,
                Some((user, credits, reference, utr)) => {
                    if status == PaymentState::Approved {
                        let Some(user) = user else {
                            return Ok(Decided::AccountGone);
                        };
                        let grant = CreditChange::grant(
                            atelier_domain::Credits::new(credits),
                            LedgerReason::Purchase,
                            &id.to_string(),
                        );
                        let applied = tx
                            .apply_credit_change(
                                atelier_domain::UserId(user),
                                &grant,
                                None,
                                Some(actor.id),
                                now,
                            )
                            .await?;
                        if applied != Applied::Done {
                            return Err(StoreError::Corrupt(format!(
                                "granting payment {id} to its account was refused"
                            )));
                        }
                    }
                    if let Some(mail) = mail {
                        insert_mail!(tx, mail, now);
                    }
                    let after = match decision {
                        Decision::Approve => format!("approved: {credits} credits"),
                        Decision::Reject { reason } => format!("rejected: {reason}"),
                    };
                    write_audit!(
                        tx,
                        Some(tenant.0),
                        actor,
                        format!(
                            "payment.{}",
                            if status == PaymentState::Approved {
                                "approve"
                            } else {
                                "reject"
                            }
                        ),
                        format!("payment {id}, reference {reference}, UTR {utr}"),
                        "pending",
                        after,
                        now
                    );
                    true
                }
            }
        });
        let record = self.find_payment(tenant, None, id).await?;
        Ok(match (decided, record) {
            (_, None) => Decided::NotFound,
            (true, Some(record)) => Decided::Done(record),
            (false, Some(record)) => Decided::AlreadyDecided(record),
        })
    }
}
