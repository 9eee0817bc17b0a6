//! The payment desk (`GET /admin/payments`): the requests waiting for a decision, oldest
//! first, or any other state, searched and filtered by day, a page at a time by keyset
//! (never OFFSET, never a count of the list it pages), with Approve and Reject on each waiting
//! row and the CSV export's form. A request of the admin's own has no buttons, only a note
//! that another admin must decide it; a row whose UTR was decided before on another request
//! says how, by whom and why. Decisions and a refused export show the desk again through
//! [`render`].

use atelier_domain::{msg, IndiaDate, PaymentId, PaymentState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::utr_history::UtrHistory;
use super::view::DeskQuery;
use crate::accounts::FormErrors;
use crate::cursor::{ListView, PageCursor};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::payments::credits_label;
use crate::when;
use crate::AppError;

/// Rows on one page of the desk.
const DESK_PAGE: usize = 25;

/// What the desk says about what just happened, above the list.
pub(crate) struct Outcome {
    pub status: StatusCode,
    /// A decision that went through.
    pub notice: Option<String>,
    /// A decision that did not, and why.
    pub problem: Option<String>,
    /// A rejection refused for its reason: the row, the message and what was typed.
    pub reject: Option<(PaymentId, String, String)>,
    /// The export form as it was sent, with a message per field it refused.
    pub export: Option<(ExportFields, FormErrors)>,
}

impl Outcome {
    pub(crate) fn new(status: StatusCode) -> Outcome {
        Outcome {
            status,
            notice: None,
            problem: None,
            reject: None,
            export: None,
        }
    }
}

/// The export form's fields.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
#[serde(default)]
pub(crate) struct ExportFields {
    pub from: String,
    pub to: String,
    pub state: String,
}

/// One request as a row of the desk.
#[derive(Serialize)]
struct Row {
    id: String,
    email: String,
    account_gone: bool,
    credits: String,
    amount: String,
    reference: String,
    utr: String,
    submitted: String,
    submitted_iso: String,
    state: &'static str,
    decided_at: String,
    decided_by: String,
    reason: String,
    /// Made by the signed-in admin's own account: no buttons, another admin decides.
    own: bool,
    /// What became of other requests with this UTR.
    earlier: Vec<String>,
}

pub(crate) async fn show(
    page: Page,
    PageQuery(query): PageQuery<DeskQuery>,
) -> Result<Response, AppError> {
    let mut outcome = Outcome::new(StatusCode::OK);
    outcome.notice = decided_notice(&page, &query.decided).await?;
    render(&page, &query, outcome).await
}

/// The notice after a decision's redirect (`?decided=<id>`), naming the payer and amount.
async fn decided_notice(page: &Page, raw: &str) -> Result<Option<String>, AppError> {
    let Ok(id) = uuid::Uuid::try_parse(raw.trim()) else {
        return Ok(None);
    };
    let site = page.tenant()?;
    let Some(request) = page
        .state
        .store
        .find_payment(site.tenant.id, None, PaymentId(id))
        .await?
    else {
        return Ok(None);
    };
    let credit = &site.tenant.settings.credit;
    let (amount, email) = (request.amount.display(), &request.user_email);
    let notice = match request.state {
        PaymentState::Approved => msg!(
            "admin-payments-approved-notice",
            amount = amount,
            email = email,
            credits = credits_label(page.lang, credit, request.credits.get()),
        ),
        PaymentState::Rejected => {
            msg!(
                "admin-payments-rejected-notice",
                amount = amount,
                email = email
            )
        }
        PaymentState::Pending => return Ok(None),
    };
    Ok(Some(page.tr(&notice)))
}

/// The desk for `query`, with `outcome` above the list.
pub(crate) async fn render(
    page: &Page,
    query: &DeskQuery,
    outcome: Outcome,
) -> Result<Response, AppError> {
    let site = page.tenant()?;
    let tenant = site.tenant.id;
    let store = &page.state.store;
    let pending = store.pending_payment_count(tenant).await?;
    let (records, next_url, errors) = match query.view(page.lang)? {
        Ok(view) => {
            let mut records = store
                .payment_desk(
                    Some(tenant),
                    &view.filter,
                    view.order,
                    view.after,
                    i64::try_from(DESK_PAGE + 1).unwrap_or(i64::MAX),
                )
                .await?;
            let more = records.len() > DESK_PAGE;
            records.truncate(DESK_PAGE);
            let next_url = records.last().filter(|_| more).map(|last| {
                query.filter_url(&[(
                    "after",
                    &PageCursor::new(last.created_at, last.id.0).to_string(),
                )])
            });
            (records, next_url, FormErrors::new())
        }
        Err(errors) => (Vec::new(), None, errors),
    };
    let credit = &site.tenant.settings.credit;
    let lang = page.lang;
    let me = page.session.user().map(|user| user.id);
    let history = UtrHistory::of(page, tenant, records.iter().map(|r| r.utr.as_str())).await?;
    let rows: Vec<Row> = records
        .iter()
        .map(|r| Row {
            id: r.id.to_string(),
            email: r.user_email.clone(),
            account_gone: r.user_id.is_none(),
            credits: credits_label(lang, credit, r.credits.get()),
            amount: r.amount.display(),
            reference: r.reference.clone(),
            utr: r.utr.clone(),
            submitted: when::date_time(lang, r.created_at),
            submitted_iso: r.created_at.india_iso(),
            state: r.state.as_str(),
            decided_at: r
                .decided_at
                .map(|at| when::date_time(lang, at))
                .unwrap_or_default(),
            decided_by: r.decided_by.clone().unwrap_or_default(),
            reason: r.reason.clone(),
            own: me.is_some() && r.user_id == me,
            earlier: history.notes(&r.utr, Some(r.id), lang),
        })
        .collect();
    let today = IndiaDate::of(page.state.clock.now());
    let (export, export_errors) = outcome.export.unwrap_or_else(|| {
        let fields = ExportFields {
            from: non_empty(&query.from).unwrap_or_else(|| today.first_of_month().to_string()),
            to: non_empty(&query.to).unwrap_or_else(|| today.to_string()),
            state: match query.state.trim() {
                "" => "all".to_owned(),
                state => state.to_owned(),
            },
        };
        (fields, FormErrors::new())
    });
    let reject = outcome.reject.map(|(id, message, value)| {
        minijinja::context! { id => id.to_string(), message => message, value => value }
    });
    let status = if outcome.status == StatusCode::OK && !errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        outcome.status
    };
    let view_string = query.view_string();
    let ctx = minijinja::context! {
        pending => pending,
        rows => rows,
        filter => minijinja::context! {
            state => match query.state.trim() { "" => "pending", s => s },
            q => query.q.trim(),
            from => query.from.trim(),
            to => query.to.trim(),
        },
        errors => errors,
        filtered => query.is_filtered(),
        paged => !query.after.trim().is_empty(),
        first_page_url => query.filter_url(&[]),
        next_url => next_url,
        view_query => (!view_string.is_empty()).then(|| format!("?{view_string}")),
        notice => outcome.notice,
        problem => outcome.problem,
        reject => reject,
        export => export,
        export_errors => export_errors,
    };
    let body = page.render_form("admin/payments.html", ctx).await?;
    Ok((status, body).into_response())
}

fn non_empty(raw: &str) -> Option<String> {
    let raw = raw.trim();
    (!raw.is_empty()).then(|| raw.to_owned())
}
