//! The desk's CSV export (`GET /admin/payments/export?from=&to=[&state=]`): the requests
//! submitted in a range of days (India time), oldest first, for an accountant's
//! spreadsheet. The body is written a page of rows at a time as the store's keyset pages
//! arrive, so a year of payments is never held in memory. A range is at most 366 days.

use atelier_domain::{msg, TenantId};
use atelier_store::{DeskFilter, DeskOrder, PaymentRecord, Store};
use axum::body::{Body, Bytes};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::desk::{render, ExportFields, Outcome};
use super::view::{parse_days, parse_state, DeskQuery};
use crate::accounts::FormErrors;
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

/// The longest range one file covers: a year, leap day included.
const MAX_DAYS: i64 = 366;
/// Rows read from the store per page of the file.
const EXPORT_PAGE: usize = 1000;

const COLUMNS: [&str; 11] = [
    "id",
    "submitted",
    "email",
    "credits",
    "amount_inr",
    "reference",
    "utr",
    "state",
    "decided_at",
    "decided_by",
    "reason",
];

pub(crate) async fn export(
    page: Page,
    PageQuery(fields): PageQuery<ExportFields>,
) -> Result<Response, AppError> {
    let site = page.tenant()?;
    let mut errors = FormErrors::new();
    let state = match fields.state.trim() {
        "" => parse_state("all"),
        raw => parse_state(raw),
    };
    if state.is_none() {
        errors.insert("state", page.tr(&msg!("admin-payments-choose-state")));
    }
    let (from, to) = parse_days(&fields.from, &fields.to, &mut errors, page.lang);
    if fields.from.trim().is_empty() {
        errors.insert("from", page.tr(&msg!("admin-payments-export-first")));
    }
    if fields.to.trim().is_empty() {
        errors.insert("to", page.tr(&msg!("admin-payments-export-last")));
    }
    let range = match (from, to, state) {
        (Some(from), Some(to), Some((state, _))) if errors.is_empty() => {
            let days = from.days_through(to);
            if days > MAX_DAYS {
                let message = msg!(
                    "admin-payments-export-too-long",
                    max = MAX_DAYS,
                    first = from.to_string(),
                    last = to.to_string(),
                    days = days,
                );
                errors.insert("to", page.tr(&message));
                None
            } else {
                Some((from, to, state))
            }
        }
        _ => None,
    };
    let Some((from, to, state)) = range else {
        let mut outcome = Outcome::new(StatusCode::UNPROCESSABLE_ENTITY);
        outcome.export = Some((fields, errors));
        return render(&page, &DeskQuery::default(), outcome).await;
    };
    let filter = DeskFilter {
        state,
        query: None,
        from: Some(from.start()),
        until: Some(to.end()),
    };
    let filename = format!("payments-{}-{from}-to-{to}.csv", site.tenant.slug);
    let body = Body::from_stream(rows(page.state.store.clone(), site.tenant.id, filter));
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// Where the file has got to.
struct Progress {
    store: Store,
    tenant: TenantId,
    filter: DeskFilter,
    after: Option<(atelier_domain::Timestamp, atelier_domain::PaymentId)>,
    header: bool,
}

/// The file's bytes, the header with the first page, then a chunk per page of the store.
/// A failure part-way ends the body early (the status line has gone), and is logged.
fn rows(
    store: Store,
    tenant: TenantId,
    filter: DeskFilter,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> {
    let start = Progress {
        store,
        tenant,
        filter,
        after: None,
        header: true,
    };
    futures_util::stream::unfold(Some(start), |progress| async move {
        let mut progress = progress?;
        let page = progress
            .store
            .payment_desk(
                Some(progress.tenant),
                &progress.filter,
                DeskOrder::OldestFirst,
                progress.after,
                i64::try_from(EXPORT_PAGE).unwrap_or(i64::MAX),
            )
            .await;
        let page = match page {
            Ok(page) => page,
            Err(e) => {
                tracing::error!(error = %e, "the payment export stopped part-way");
                return Some((Err(std::io::Error::other(e.to_string())), None));
            }
        };
        let chunk = match write_chunk(progress.header, &page) {
            Ok(chunk) => chunk,
            Err(e) => {
                tracing::error!(error = %e, "the payment export stopped part-way");
                return Some((Err(e), None));
            }
        };
        let next = match page.last() {
            Some(last) if page.len() == EXPORT_PAGE => {
                progress.after = Some((last.created_at, last.id));
                progress.header = false;
                Some(progress)
            }
            _ => None,
        };
        Some((Ok(Bytes::from(chunk)), next))
    })
}

fn write_chunk(header: bool, page: &[PaymentRecord]) -> Result<Vec<u8>, std::io::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    if header {
        out.write_record(COLUMNS)?;
    }
    for r in page {
        let cells = [
            r.id.to_string(),
            r.created_at.india_iso(),
            r.user_email.clone(),
            r.credits.get().to_string(),
            r.amount.decimal(),
            r.reference.clone(),
            r.utr.clone(),
            r.state.as_str().to_owned(),
            r.decided_at.map(|t| t.india_iso()).unwrap_or_default(),
            r.decided_by.clone().unwrap_or_default(),
            r.reason.clone(),
        ];
        out.write_record(cells.map(inert))?;
    }
    out.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))
}

/// A cell a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) gets a leading `'`, so opening the file runs nothing a payer typed.
fn inert(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_inert() {
        for formula in ["=1+2", "+91 98", "-2+3@example.com", "@SUM(A1)", "\t=1"] {
            assert_eq!(inert(formula.to_owned()), format!("'{formula}"));
        }
        for plain in ["asha@example.com", "149.00", "", "a=b"] {
            assert_eq!(inert(plain.to_owned()), plain);
        }
    }
}
