//! Sorting a statement's lines against the pending requests, as rows of the preview: pure
//! work over the whole file (up to 5 MB), run off the async executor by the caller.

use std::collections::{HashMap, HashSet};

use atelier_domain::payments::statement::{
    match_statement, MatchKind, NoteCheck, PendingPayment, Statement, StatementCredit,
};
use atelier_domain::{CreditUnit, IndiaDate, Lang, PaymentId, UserId, Utr};
use atelier_store::PaymentRecord;
use serde::Serialize;

use crate::payments::credits_label;
use crate::when;

/// Unreadable lines and unknown credits shown; the rest are counted.
const PROBLEMS_SHOWN: usize = 20;
const UNKNOWN_SHOWN: usize = 50;

/// A pending request with a credit of its UTR.
#[derive(Serialize)]
pub(super) struct MatchRow {
    #[serde(skip)]
    pub id: PaymentId,
    payment: String,
    email: String,
    credits: String,
    amount: String,
    reference: String,
    pub utr: String,
    submitted: String,
    line: usize,
    date: String,
    text: String,
    /// Made by the signed-in admin's own account: offered to no tick, another admin
    /// decides it.
    own: bool,
    /// The amount the statement shows, when it differs.
    found: Option<String>,
    /// Days between the request and the credit, when outside the window.
    days_apart: Option<i64>,
    /// How many lines of the statement carry this UTR, when more than one.
    lines_with_utr: Option<usize>,
    /// What became of other requests with this UTR.
    pub earlier: Vec<String>,
    /// The account that made the request.
    #[serde(skip)]
    pub user: Option<UserId>,
    /// What the credit's note says of the request: "this" (it names the request's
    /// reference), "none", or, when it names `other_reference`: "unknown" (no request
    /// here has it: a reopened checkout page, or a note of someone else's), "mine" (another
    /// request of the same account) or "another" (another account's request).
    pub note: &'static str,
    pub other_reference: Option<String>,
    /// Ticked in the form as it opens.
    pub checked: bool,
}

/// A credit whose UTR no pending request names.
#[derive(Serialize)]
pub(super) struct UnknownRow {
    line: usize,
    date: String,
    amount: String,
    pub utr: String,
    text: String,
    /// What became of requests with this UTR, if there were any.
    pub earlier: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct ProblemRow {
    line: usize,
    message: String,
}

/// The statement's lines as the preview's sections, before the earlier decisions on their
/// UTRs are looked up.
pub(super) struct Sorted {
    pub matched: Vec<MatchRow>,
    pub differs: Vec<MatchRow>,
    pub outside: Vec<MatchRow>,
    /// The first [`UNKNOWN_SHOWN`] of them.
    pub unknown: Vec<UnknownRow>,
    pub unknown_total: usize,
    pub without_utr: usize,
    /// The first [`PROBLEMS_SHOWN`] of them.
    pub problems: Vec<ProblemRow>,
    pub problems_total: usize,
    pub header_line: usize,
    pub credit_lines: usize,
}

/// A statement's day as people read it: "27 Nov 2026".
fn day(credit: &StatementCredit, lang: Lang) -> String {
    when::day(lang, IndiaDate::from(credit.date))
}

/// Sorts `statement`'s credits against `pending` (the tenant's waiting requests); `me` is
/// the admin looking, whose own requests are not ticked; `lang` the language they read.
pub(super) fn sort(
    statement: &Statement,
    pending: &[PaymentRecord],
    unit: &CreditUnit,
    me: Option<UserId>,
    lang: Lang,
) -> Sorted {
    let payable: Vec<PendingPayment<PaymentId>> = pending
        .iter()
        .filter_map(|record| match Utr::parse(&record.utr) {
            Ok(utr) => Some(PendingPayment {
                id: record.id,
                utr,
                amount: record.amount,
                submitted: IndiaDate::of(record.created_at).date(),
            }),
            Err(_) => {
                tracing::warn!(payment = %record.id, "a pending request's UTR does not parse");
                None
            }
        })
        .collect();
    let by_id: HashMap<PaymentId, &PaymentRecord> = pending.iter().map(|r| (r.id, r)).collect();
    let by_line: HashMap<usize, &StatementCredit> =
        statement.credits.iter().map(|c| (c.line, c)).collect();

    let matches = match_statement(statement, &payable);
    let mut lines_per_payment: HashMap<PaymentId, usize> = HashMap::new();
    for m in &matches {
        *lines_per_payment.entry(m.payment).or_default() += 1;
    }
    let (mut matched, mut differs, mut outside) = (Vec::new(), Vec::new(), Vec::new());
    for m in &matches {
        let (Some(record), Some(credit)) = (by_id.get(&m.payment), by_line.get(&m.credit_line))
        else {
            continue;
        };
        let lines_with_utr = lines_per_payment
            .get(&m.payment)
            .copied()
            .filter(|n| *n > 1);
        let own = me.is_some() && record.user_id == me;
        let (note, other_reference) = match credit.note_check(&record.reference) {
            NoteCheck::NamesThis => ("this", None),
            // Whose reference it is, the preview looks up afterwards.
            NoteCheck::NamesAnother(other) => ("unknown", Some(other.as_str().to_owned())),
            NoteCheck::Silent => ("none", None),
        };
        let mut row = MatchRow {
            id: record.id,
            payment: record.id.to_string(),
            email: record.user_email.clone(),
            credits: credits_label(lang, unit, record.credits.get()),
            amount: record.amount.display(),
            reference: record.reference.clone(),
            utr: record.utr.clone(),
            submitted: when::date_time(lang, record.created_at),
            line: credit.line,
            date: day(credit, lang),
            text: credit.text.clone(),
            // One payment on two lines may be a bank's duplicate or a UTR typed twice: the
            // admin looks before ticking.
            checked: lines_with_utr.is_none() && !own,
            own,
            found: None,
            days_apart: None,
            lines_with_utr,
            earlier: Vec::new(),
            user: record.user_id,
            note,
            other_reference,
        };
        match m.kind {
            MatchKind::Matched => matched.push(row),
            MatchKind::AmountDiffers { found, .. } => {
                row.checked = false;
                row.found = Some(found.display());
                differs.push(row);
            }
            MatchKind::OutsideDates => {
                row.checked = false;
                row.days_apart =
                    Some((credit.date - IndiaDate::of(record.created_at).date()).whole_days());
                outside.push(row);
            }
        }
    }

    let pending_utrs: HashSet<&str> = pending.iter().map(|r| r.utr.as_str()).collect();
    let unknown_credits: Vec<(&StatementCredit, &Utr)> = statement
        .credits
        .iter()
        .filter_map(|c| c.utr.as_ref().map(|utr| (c, utr)))
        .filter(|(_, utr)| !pending_utrs.contains(utr.as_str()))
        .collect();
    let unknown = unknown_credits
        .iter()
        .take(UNKNOWN_SHOWN)
        .map(|(credit, utr)| UnknownRow {
            line: credit.line,
            date: day(credit, lang),
            amount: credit.amount.display(),
            utr: utr.as_str().to_owned(),
            text: credit.text.clone(),
            earlier: Vec::new(),
        })
        .collect();

    Sorted {
        matched,
        differs,
        outside,
        unknown,
        unknown_total: unknown_credits.len(),
        without_utr: statement.credits.iter().filter(|c| c.utr.is_none()).count(),
        problems: statement
            .problems
            .iter()
            .take(PROBLEMS_SHOWN)
            .map(|p| ProblemRow {
                line: p.line,
                message: p.message.in_lang(lang),
            })
            .collect(),
        problems_total: statement.problems.len(),
        header_line: statement.header_line,
        credit_lines: statement.credits.len(),
    }
}
