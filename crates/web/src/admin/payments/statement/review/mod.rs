//! What a statement matches, as the preview shows it: requests it pays (ticked), amounts
//! that differ and payments booked outside the date window (flagged, not ticked), credits
//! whose UTR no pending request names, and the lines that could not be read.

use std::collections::{HashMap, HashSet};

use atelier_domain::payments::statement::{
    match_statement, MatchKind, PendingPayment, Statement, StatementCredit, MATCH_WINDOW_DAYS,
};
use atelier_domain::{IndiaDate, PaymentId, PaymentState, Timestamp, Utr};
use atelier_store::{DeskFilter, DeskOrder, PaymentRecord};
use serde::Serialize;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::Date;

use crate::pages::Page;
use crate::AppError;

/// Pending requests read per page of the desk.
const PENDING_PAGE: i64 = 500;
/// Unreadable lines and unknown credits shown; the rest are counted.
const PROBLEMS_SHOWN: usize = 20;
const UNKNOWN_SHOWN: usize = 50;

/// A pending request with a credit of its UTR.
#[derive(Serialize)]
struct MatchRow {
    payment: String,
    email: String,
    credits: String,
    amount: String,
    reference: String,
    utr: String,
    submitted: String,
    line: usize,
    date: String,
    text: String,
    /// Ticked in the form as it opens.
    checked: bool,
    /// The amount the statement shows, when it differs.
    found: Option<String>,
    /// Days between the request and the credit, when outside the window.
    days_apart: Option<i64>,
    /// How many lines of the statement carry this UTR, when more than one.
    lines_with_utr: Option<usize>,
}

/// A credit whose UTR no pending request names.
#[derive(Serialize)]
struct UnknownRow {
    line: usize,
    date: String,
    amount: String,
    utr: String,
    text: String,
    /// What became of a request with this UTR, if there was one.
    earlier: Option<String>,
}

#[derive(Serialize)]
struct ProblemRow {
    line: usize,
    message: String,
}

/// The preview of one statement.
#[derive(Serialize)]
pub(super) struct Review {
    pub summary: String,
    matched: Vec<MatchRow>,
    differs: Vec<MatchRow>,
    outside: Vec<MatchRow>,
    unknown: Vec<UnknownRow>,
    unknown_total: usize,
    /// Credits naming no UTR (or two different ones): transfers, cash, batch settlements.
    without_utr: usize,
    problems: Vec<ProblemRow>,
    problems_total: usize,
    header_line: usize,
    credit_lines: usize,
    window_days: i64,
}

impl Review {
    pub(super) fn context(&self) -> minijinja::Value {
        minijinja::Value::from_serialize(self)
    }
}

/// "27 Nov 2026".
fn day(date: Date) -> String {
    const FORMAT: &[BorrowedFormatItem<'_>] =
        format_description!("[day padding:none] [month repr:short] [year]");
    date.format(FORMAT).unwrap_or_else(|_| date.to_string())
}

/// "1 match", "2 matches".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Every pending request of the page's tenant, oldest first.
async fn pending_requests(page: &Page) -> Result<Vec<PaymentRecord>, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let filter = DeskFilter {
        state: Some(PaymentState::Pending),
        ..DeskFilter::default()
    };
    let mut all = Vec::new();
    let mut after: Option<(Timestamp, PaymentId)> = None;
    loop {
        let batch = page
            .state
            .store
            .payment_desk(
                Some(tenant),
                &filter,
                DeskOrder::OldestFirst,
                after,
                PENDING_PAGE,
            )
            .await?;
        let full = batch.len() as i64 == PENDING_PAGE;
        after = batch.last().map(|r| (r.created_at, r.id));
        all.extend(batch);
        if !full {
            return Ok(all);
        }
    }
}

/// What became of an earlier request with this UTR, for a credit no pending request names.
fn earlier(record: &PaymentRecord) -> Option<String> {
    let when = record.decided_at.map(Timestamp::display_date);
    let who = record
        .decided_by
        .as_deref()
        .unwrap_or("an admin who has since left");
    let paid_by = format!("{}, reference {}", record.user_email, record.reference);
    match record.state {
        PaymentState::Approved => Some(format!(
            "Already approved{} by {who} ({paid_by}).",
            when.map(|w| format!(" on {w}")).unwrap_or_default()
        )),
        PaymentState::Rejected => Some(format!(
            "Rejected{} by {who} ({paid_by}){}",
            when.map(|w| format!(" on {w}")).unwrap_or_default(),
            if record.reason.is_empty() {
                ".".to_owned()
            } else {
                format!(": {}", record.reason)
            }
        )),
        PaymentState::Pending => None,
    }
}

pub(super) async fn review(page: &Page, statement: &Statement) -> Result<Review, AppError> {
    let site = page.tenant()?;
    let unit = &site.tenant.settings.credit;
    let records = pending_requests(page).await?;
    let pending: Vec<PendingPayment<PaymentId>> = records
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
    let by_id: HashMap<PaymentId, &PaymentRecord> = records.iter().map(|r| (r.id, r)).collect();
    let by_line: HashMap<usize, &StatementCredit> =
        statement.credits.iter().map(|c| (c.line, c)).collect();

    let matches = match_statement(statement, &pending);
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
        let mut row = MatchRow {
            payment: record.id.to_string(),
            email: record.user_email.clone(),
            credits: unit.amount(record.credits.get()),
            amount: record.amount.display(),
            reference: record.reference.clone(),
            utr: record.utr.clone(),
            submitted: record.created_at.india_display(),
            line: credit.line,
            date: day(credit.date),
            text: credit.text.clone(),
            // One payment on two lines may be a bank's duplicate or a UTR typed twice:
            // the admin looks before ticking.
            checked: lines_with_utr.is_none(),
            found: None,
            days_apart: None,
            lines_with_utr,
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

    let pending_utrs: HashSet<&str> = records.iter().map(|r| r.utr.as_str()).collect();
    let unknown_credits: Vec<(&StatementCredit, &Utr)> = statement
        .credits
        .iter()
        .filter_map(|c| c.utr.as_ref().map(|utr| (c, utr)))
        .filter(|(_, utr)| !pending_utrs.contains(utr.as_str()))
        .collect();
    let shown: Vec<&str> = unknown_credits
        .iter()
        .take(UNKNOWN_SHOWN)
        .map(|(_, utr)| utr.as_str())
        .collect();
    // Newest first per UTR, so the first one seen is what became of it last.
    let mut earlier_by_utr: HashMap<String, String> = HashMap::new();
    for record in page
        .state
        .store
        .payments_with_utrs(site.tenant.id, &shown)
        .await?
    {
        if let Some(text) = earlier(&record) {
            earlier_by_utr.entry(record.utr.clone()).or_insert(text);
        }
    }
    let unknown = unknown_credits
        .iter()
        .take(UNKNOWN_SHOWN)
        .map(|(credit, utr)| UnknownRow {
            line: credit.line,
            date: day(credit.date),
            amount: credit.amount.display(),
            utr: utr.as_str().to_owned(),
            text: credit.text.clone(),
            earlier: earlier_by_utr.get(utr.as_str()).cloned(),
        })
        .collect();

    let mut parts = vec![if matched.is_empty() {
        "No matches".to_owned()
    } else {
        count(matched.len(), "match", "matches")
    }];
    if !differs.is_empty() {
        parts.push(count(differs.len(), "amount differs", "amounts differ"));
    }
    if !outside.is_empty() {
        parts.push(format!(
            "{} outside the dates",
            count(outside.len(), "payment", "payments")
        ));
    }
    if !unknown_credits.is_empty() {
        parts.push(count(
            unknown_credits.len(),
            "credit matches no pending request",
            "credits match no pending request",
        ));
    }
    if !statement.problems.is_empty() {
        parts.push(count(
            statement.problems.len(),
            "line unreadable",
            "lines unreadable",
        ));
    }

    Ok(Review {
        summary: parts.join(", "),
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
                message: p.message.clone(),
            })
            .collect(),
        problems_total: statement.problems.len(),
        header_line: statement.header_line,
        credit_lines: statement.credits.len(),
        window_days: MATCH_WINDOW_DAYS,
    })
}
