//! What a statement matches, as the preview shows it: requests it pays (ticked), amounts
//! that differ and payments booked outside the date window (flagged, not ticked), credits
//! whose UTR no pending request names, and the lines that could not be read. Beside each
//! UTR, what became of other requests with it (one query for the whole preview).
//!
//! - `sort`: the statement's lines against the pending requests (pure, off the executor).

mod sort;

use std::collections::HashMap;

use atelier_domain::payments::statement::{Statement, MATCH_WINDOW_DAYS};
use atelier_domain::{PaymentId, PaymentState, Timestamp, UserId};
use atelier_store::{DeskFilter, DeskOrder, PaymentRecord};
use serde::Serialize;

use self::sort::{sort, MatchRow, ProblemRow, Sorted, UnknownRow};
use crate::admin::payments::decide::OWN_PAYMENT_NOTE;
use crate::admin::payments::utr_history::UtrHistory;
use crate::pages::Page;
use crate::AppError;

/// Pending requests read per page of the desk.
const PENDING_PAGE: usize = 500;

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
    pub problems_total: usize,
    header_line: usize,
    pub credit_lines: usize,
    window_days: i64,
    own_payment_note: &'static str,
}

impl Review {
    pub(super) fn context(&self) -> minijinja::Value {
        minijinja::Value::from_serialize(self)
    }
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
                i64::try_from(PENDING_PAGE).unwrap_or(i64::MAX),
            )
            .await?;
        let full = batch.len() == PENDING_PAGE;
        after = batch.last().map(|r| (r.created_at, r.id));
        all.extend(batch);
        if !full {
            return Ok(all);
        }
    }
}

/// "2 matches, 1 amount differs, 3 lines unreadable".
fn summary(sorted: &Sorted) -> String {
    let mut parts = vec![if sorted.matched.is_empty() {
        "No matches".to_owned()
    } else {
        count(sorted.matched.len(), "match", "matches")
    }];
    if !sorted.differs.is_empty() {
        parts.push(count(
            sorted.differs.len(),
            "amount differs",
            "amounts differ",
        ));
    }
    if !sorted.outside.is_empty() {
        parts.push(format!(
            "{} outside the dates",
            count(sorted.outside.len(), "payment", "payments")
        ));
    }
    if sorted.unknown_total > 0 {
        parts.push(count(
            sorted.unknown_total,
            "credit matches no pending request",
            "credits match no pending request",
        ));
    }
    if sorted.problems_total > 0 {
        parts.push(count(
            sorted.problems_total,
            "line unreadable",
            "lines unreadable",
        ));
    }
    parts.join(", ")
}

/// Says whose reference each match's note names when it is not the request's own. Only a
/// reference of another account's request is a warning (someone who saw that person's UTR
/// may have confirmed their payment first), and unticks the match: a reference nobody's
/// request has is a reopened checkout page or a word that looks like one, and proves nothing.
async fn name_the_notes(
    page: &Page,
    tenant: atelier_domain::TenantId,
    matched: &mut [MatchRow],
) -> Result<(), AppError> {
    let named: Vec<&str> = matched
        .iter()
        .filter_map(|row| row.other_reference.as_deref())
        .collect();
    if named.is_empty() {
        return Ok(());
    }
    let owners: HashMap<String, Option<UserId>> = page
        .state
        .store
        .payments_with_references(tenant, &named)
        .await?
        .into_iter()
        .map(|record| (record.reference, record.user_id))
        .collect();
    for row in matched.iter_mut() {
        let Some(owner) = row.other_reference.as_ref().and_then(|r| owners.get(r)) else {
            continue;
        };
        if *owner == row.user {
            row.note = "mine";
        } else {
            row.note = "another";
            row.checked = false;
        }
    }
    Ok(())
}

/// The preview of `statement` for the page's tenant and signed-in admin.
pub(super) async fn review(page: &Page, statement: Statement) -> Result<Review, AppError> {
    let site = page.tenant()?.clone();
    let tenant = site.tenant.id;
    let me = page.session.user().map(|user| user.id);
    let pending = pending_requests(page).await?;
    // A statement has thousands of lines at most, but sorting them is still work the
    // executor's threads should not wait on.
    let mut sorted = tokio::task::spawn_blocking(move || {
        sort(&statement, &pending, &site.tenant.settings.credit, me)
    })
    .await
    .map_err(|e| AppError::Internal(format!("sorting a statement's lines: {e}")))?;

    let utrs = sorted
        .matched
        .iter()
        .chain(&sorted.differs)
        .chain(&sorted.outside)
        .map(|row| row.utr.as_str())
        .chain(sorted.unknown.iter().map(|row| row.utr.as_str()));
    let history = UtrHistory::of(page, tenant, utrs).await?;
    for row in sorted
        .matched
        .iter_mut()
        .chain(&mut sorted.differs)
        .chain(&mut sorted.outside)
    {
        row.earlier = history.notes(&row.utr, Some(row.id));
    }
    for row in &mut sorted.unknown {
        row.earlier = history.notes(&row.utr, None);
    }
    name_the_notes(page, tenant, &mut sorted.matched).await?;

    Ok(Review {
        summary: summary(&sorted),
        matched: sorted.matched,
        differs: sorted.differs,
        outside: sorted.outside,
        unknown: sorted.unknown,
        unknown_total: sorted.unknown_total,
        without_utr: sorted.without_utr,
        problems: sorted.problems,
        problems_total: sorted.problems_total,
        header_line: sorted.header_line,
        credit_lines: sorted.credit_lines,
        window_days: MATCH_WINDOW_DAYS,
        own_payment_note: OWN_PAYMENT_NOTE,
    })
}
