//! How credits move. Everything that changes a balance is one of the changes below, and the
//! store applies a change in one place (`atelier_store`'s `ledger` module), so this file is
//! the whole of the money rules:
//!
//! - An account has a **balance** and the part of it **held** by its queued and running jobs;
//!   **available = balance − held**, and `0 ≤ held ≤ balance` always.
//! - Submitting a job **holds** its cost: refused when the available credits do not cover it.
//! - A job that succeeds has its hold **captured**: balance and held both fall by the cost, and
//!   the ledger records −cost for the job, in the transaction that records its image.
//! - A job that fails, times out or is canceled has its hold **released**: nothing is charged.
//! - A **grant** (the sign-up bonus; later purchases and adjustments) adds to the balance.
//! - Every change to the balance writes one ledger row, so balance = Σ ledger deltas; holds
//!   move no money and write none.
//! - A job costs what its model's catalogue entry says, 1 credit unless set.

use std::fmt;

use serde::Serialize;

use crate::JobId;

/// A whole number of credits. Credits are integers everywhere; never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Credits(i64);

impl Credits {
    pub const ZERO: Credits = Credits(0);

    pub const fn new(amount: i64) -> Credits {
        Credits(amount)
    }

    pub const fn get(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Credits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl PartialEq<i64> for Credits {
    fn eq(&self, other: &i64) -> bool {
        self.0 == *other
    }
}

/// What a job costs when its model's catalogue entry names no cost.
pub const DEFAULT_JOB_COST: Credits = Credits(1);

/// The cost of one job of a model whose catalogue entry says `model_cost`.
pub fn job_cost(model_cost: Option<Credits>) -> Credits {
    model_cost.unwrap_or(DEFAULT_JOB_COST)
}

/// An account's credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wallet {
    pub balance: Credits,
    pub held: Credits,
}

/// A change would leave more held than the balance (or a negative hold or balance).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotEnoughCredits {
    pub available: Credits,
}

impl Wallet {
    /// What a new job may hold.
    pub fn available(self) -> Credits {
        Credits(self.balance.0 - self.held.0)
    }

    /// The wallet after `change`, or why it cannot happen. The store's update applies the
    /// same condition in SQL (`ledger::apply_credit_change`), where concurrent changes meet.
    pub fn apply(self, change: &CreditChange) -> Result<Wallet, NotEnoughCredits> {
        let after = Wallet {
            balance: Credits(self.balance.0 + change.balance),
            held: Credits(self.held.0 + change.held),
        };
        if after.held.0 < 0 || after.held.0 > after.balance.0 {
            return Err(NotEnoughCredits {
                available: self.available(),
            });
        }
        Ok(after)
    }
}

/// One row of the credit ledger, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    pub delta: i64,
    pub reason: LedgerReason,
    /// What the change was for: a job's id for a generation, empty for a bonus.
    pub reference: String,
}

/// A change to an account's credits: amounts added to the balance and to the hold, the
/// account's count of active jobs that goes with the hold, and the ledger row it writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditChange {
    pub balance: i64,
    pub held: i64,
    /// +1 when a job starts holding, −1 when its hold ends (the cap on active jobs).
    pub active_jobs: i64,
    /// Present exactly when the balance changes.
    pub ledger: Option<LedgerLine>,
}

impl CreditChange {
    /// A job is queued: its cost is held.
    pub fn hold(cost: Credits) -> CreditChange {
        CreditChange {
            balance: 0,
            held: cost.0,
            active_jobs: 1,
            ledger: None,
        }
    }

    /// A job succeeded: its hold is spent.
    pub fn capture(cost: Credits, job: JobId) -> CreditChange {
        CreditChange {
            balance: -cost.0,
            held: -cost.0,
            active_jobs: -1,
            ledger: Some(LedgerLine {
                delta: -cost.0,
                reason: LedgerReason::Generation,
                reference: job.to_string(),
            }),
        }
    }

    /// A job failed, timed out or was canceled: its hold is given back, nothing is charged.
    pub fn release(cost: Credits) -> CreditChange {
        CreditChange {
            balance: 0,
            held: -cost.0,
            active_jobs: -1,
            ledger: None,
        }
    }

    /// Credits given to the account (`amount` > 0), for `reason`.
    pub fn grant(amount: Credits, reason: LedgerReason, reference: &str) -> CreditChange {
        CreditChange {
            balance: amount.0,
            held: 0,
            active_jobs: 0,
            ledger: Some(LedgerLine {
                delta: amount.0,
                reason,
                reference: reference.to_owned(),
            }),
        }
    }
}

/// One row of an account's credit history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerEntry {
    /// The row's id: with `created_at`, where a page of the history ends.
    pub id: uuid::Uuid,
    pub delta: i64,
    pub reason: LedgerReason,
    pub reference: String,
    pub created_at: crate::Timestamp,
}

/// Why a balance changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerReason {
    SignupBonus,
    Purchase,
    Generation,
    AdminAdjustment,
}

impl LedgerReason {
    pub fn as_str(self) -> &'static str {
        match self {
            LedgerReason::SignupBonus => "signup_bonus",
            LedgerReason::Purchase => "purchase",
            LedgerReason::Generation => "generation",
            LedgerReason::AdminAdjustment => "admin_adjustment",
        }
    }

    pub fn parse(raw: &str) -> Option<LedgerReason> {
        match raw {
            "signup_bonus" => Some(LedgerReason::SignupBonus),
            "purchase" => Some(LedgerReason::Purchase),
            "generation" => Some(LedgerReason::Generation),
            "admin_adjustment" => Some(LedgerReason::AdminAdjustment),
            _ => None,
        }
    }

    /// How the reason reads on an account page.
    pub fn label(self) -> &'static str {
        match self {
            LedgerReason::SignupBonus => "Welcome bonus",
            LedgerReason::Purchase => "Purchase",
            LedgerReason::Generation => "Image generated",
            LedgerReason::AdminAdjustment => "Adjustment by support",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wallet(balance: i64, held: i64) -> Wallet {
        Wallet {
            balance: Credits(balance),
            held: Credits(held),
        }
    }

    #[test]
    fn a_job_costs_one_credit_unless_its_model_says_otherwise() {
        assert_eq!(job_cost(None), Credits(1));
        assert_eq!(job_cost(Some(Credits(4))), Credits(4));
    }

    #[test]
    fn a_hold_needs_available_credits() {
        assert_eq!(wallet(3, 2).available(), Credits(1));
        assert_eq!(
            wallet(3, 2).apply(&CreditChange::hold(Credits(1))),
            Ok(wallet(3, 3))
        );
        assert_eq!(
            wallet(3, 3).apply(&CreditChange::hold(Credits(1))),
            Err(NotEnoughCredits {
                available: Credits(0)
            })
        );
    }

    #[test]
    fn capture_spends_the_hold_and_release_returns_it() {
        let job = JobId(uuid::Uuid::nil());
        let held = wallet(20, 3);
        let captured = CreditChange::capture(Credits(3), job);
        assert_eq!(held.apply(&captured), Ok(wallet(17, 0)));
        assert_eq!(captured.ledger.map(|l| l.delta), Some(-3));
        let released = CreditChange::release(Credits(3));
        assert_eq!(held.apply(&released), Ok(wallet(20, 0)));
        assert_eq!(released.ledger, None);
    }

    #[test]
    fn every_change_to_the_balance_writes_a_ledger_row_of_the_same_amount() {
        let job = JobId(uuid::Uuid::nil());
        for change in [
            CreditChange::hold(Credits(2)),
            CreditChange::capture(Credits(2), job),
            CreditChange::release(Credits(2)),
            CreditChange::grant(Credits(20), LedgerReason::SignupBonus, ""),
        ] {
            assert_eq!(
                change.ledger.as_ref().map_or(0, |l| l.delta),
                change.balance,
                "{change:?}"
            );
        }
    }

    #[test]
    fn ledger_reasons_round_trip() {
        for r in [
            LedgerReason::SignupBonus,
            LedgerReason::Purchase,
            LedgerReason::Generation,
            LedgerReason::AdminAdjustment,
        ] {
            assert_eq!(LedgerReason::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn nothing_leaves_a_negative_hold() {
        assert!(wallet(5, 0)
            .apply(&CreditChange::release(Credits(1)))
            .is_err());
    }
}
