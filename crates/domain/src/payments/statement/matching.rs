//! Pairing a statement's credits with pending payment requests.

use std::collections::HashMap;

use time::Date;

use super::{Statement, StatementCredit};
use crate::payments::{Paise, Utr};

/// How many days a credit may be booked before or after the request was submitted: a user
/// may confirm a day or two after paying, and a bank may book a payment a day or two late.
pub const MATCH_WINDOW_DAYS: i64 = 3;

/// A request waiting for an admin's decision. `Id` is whatever the caller names requests by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingPayment<Id> {
    pub id: Id,
    pub utr: Utr,
    /// The pack's price when the request was made.
    pub amount: Paise,
    /// The day it was submitted, in Indian time as statements date their rows.
    pub submitted: Date,
}

/// How a credit with a request's UTR compares with the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// Same amount, within [`MATCH_WINDOW_DAYS`] of the request.
    Matched,
    /// The user paid a different amount than the pack costs (whatever the date).
    AmountDiffers { expected: Paise, found: Paise },
    /// Same amount, but booked too long before or after the request: perhaps an old
    /// payment's UTR typed again.
    OutsideDates,
}

/// A credit line of the statement that carries a pending request's UTR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match<Id> {
    pub payment: Id,
    pub credit_line: usize,
    pub kind: MatchKind,
}

/// Every (request, credit) pair that shares a UTR, in the order of `pending` and then of the
/// statement's lines. A request with two credits gets two entries (the admin decides); a
/// credit whose UTR no request names is left out.
pub fn match_statement<Id: Clone>(
    statement: &Statement,
    pending: &[PendingPayment<Id>],
) -> Vec<Match<Id>> {
    let mut by_utr: HashMap<&Utr, Vec<&StatementCredit>> = HashMap::new();
    for credit in &statement.credits {
        if let Some(utr) = &credit.utr {
            by_utr.entry(utr).or_default().push(credit);
        }
    }
    let mut matches = Vec::new();
    for payment in pending {
        for credit in by_utr.get(&payment.utr).into_iter().flatten() {
            matches.push(Match {
                payment: payment.id.clone(),
                credit_line: credit.line,
                kind: compare(payment, credit),
            });
        }
    }
    matches
}

/// A different amount is reported whatever the date: it is the first thing to settle.
fn compare<Id>(payment: &PendingPayment<Id>, credit: &StatementCredit) -> MatchKind {
    if credit.amount != payment.amount {
        MatchKind::AmountDiffers {
            expected: payment.amount,
            found: credit.amount,
        }
    } else if (credit.date - payment.submitted).whole_days().abs() <= MATCH_WINDOW_DAYS {
        MatchKind::Matched
    } else {
        MatchKind::OutsideDates
    }
}
