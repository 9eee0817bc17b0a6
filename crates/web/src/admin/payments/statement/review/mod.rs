//! What a statement matches, as the preview shows it: requests it pays (ticked), amounts
//! that differ and payments booked outside the date window (flagged, not ticked), credits
//! whose UTR no pending request names, and the lines that could not be read. Beside each
//! UTR, what became of other requests with it (one query for the whole preview).
//!
//! - `sort`: the statement's lines against the pending requests (pure, off the executor).

mod sort;

use std::collections::HashMap;

use atelier_domain::payments::statement::{Statement, MATCH_WINDOW_DAYS};
use atelier_domain::{msg, Lang, PaymentId, PaymentState, Timestamp, UserId};
use atelier_store::{DeskFilter, DeskOrder, PaymentRecord};
use serde::Serialize;

use self::sort::{sort, MatchRow, ProblemRow, Sorted, UnknownRow};
use crate::admin::payments::utr_history::UtrHistory;
use crate::pages::Page;
use crate::AppError;

/// Pending requests read per page of the desk.
const PENDING_PAGE: usize = 500;

/// The preview of one statement.
#[derive(Serialize)]
pub(super) struct Review {
    /// "2 matches, 1 amount differs, 1 line unreadable", in the reader's language.
    summary: String,
    /// The same in English, for the log.
    #[serde(skip)]
    pub log_summary: String,
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
}

impl Review {
    pub(super) fn context(&self) -> minijinja::Value {
        minijinja::Value::from_serialize(self)
    }
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

/// "2 matches, 1 amount differs, 3 lines unreadable", in `lang`.
fn summary(sorted: &Sorted, lang: Lang) -> String {
    let mut parts = vec![if sorted.matched.is_empty() {
        msg!("admin-payments-statement-no-matches")
    } else {
        msg!(
            "admin-payments-statement-match-count",
            count = sorted.matched.len()
        )
    }];
    if !sorted.differs.is_empty() {
        parts.push(msg!(
            "admin-payments-statement-differs-count",
            count = sorted.differs.len()
        ));
    }
    if !sorted.outside.is_empty() {
        parts.push(msg!(
            "admin-payments-statement-outside-count",
            count = sorted.outside.len()
        ));
    }
    if sorted.unknown_total > 0 {
        parts.push(msg!(
            "admin-payments-statement-unknown-count",
            count = sorted.unknown_total
        ));
    }
    if sorted.problems_total > 0 {
        parts.push(msg!(
            "admin-payments-statement-problem-count",
            count = sorted.problems_total
        ));
    }
    parts
        .iter()
        .map(|part| part.in_lang(lang))
        .collect::<Vec<_>>()
        .join(", ")
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
    let lang = page.lang;
    let me = page.session.user().map(|user| user.id);
    let pending = pending_requests(page).await?;
    // A statement has thousands of lines at most, but sorting them is still work the
    // executor's threads should not wait on.
    let mut sorted = tokio::task::spawn_blocking(move || {
        sort(&statement, &pending, &site.tenant.settings.credit, me, lang)
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
        row.earlier = history.notes(&row.utr, Some(row.id), lang);
    }
    for row in &mut sorted.unknown {
        row.earlier = history.notes(&row.utr, None, lang);
    }
    name_the_notes(page, tenant, &mut sorted.matched).await?;

    Ok(Review {
        summary: summary(&sorted, lang),
        log_summary: summary(&sorted, Lang::En),
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
    })
}
