//! `/platform/payments`: every tenant's payment requests for super-admins, read-only, newest
//! first, filtered by tenant and state, a keyset page at a time ([`PageCursor`]).

use atelier_domain::{msg, PaymentId, PaymentState, Slug};
use atelier_store::{DeskFilter, DeskOrder};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::admin::tenants::platform_only;
use crate::auth::CurrentUser;
use crate::cursor::{page_url, PageCursor};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::when;
use crate::AppError;

/// Requests per page.
const PAGE_SIZE: i64 = 50;
/// Where the list is.
const LIST_PATH: &str = "/platform/payments";

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    /// A tenant's slug; empty for every tenant.
    tenant: String,
    /// pending, approved or rejected; empty for all.
    state: String,
    /// The cursor of the previous page's last row.
    after: String,
}

#[derive(Serialize)]
struct Row {
    id: String,
    tenant: String,
    email: String,
    credits: i64,
    amount: String,
    reference: String,
    utr: String,
    state: &'static str,
    reason: String,
    submitted: String,
    submitted_iso: String,
    decided_at: Option<String>,
    decided_by: Option<String>,
}

#[derive(Serialize)]
struct TenantOption {
    slug: String,
    name: String,
}

pub(crate) async fn list(
    page: Page,
    CurrentUser(_): CurrentUser,
    PageQuery(query): PageQuery<ListQuery>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let store = &page.state.store;
    let sites = store.list_tenants().await?;
    let tenant_slug = query.tenant.trim();
    let tenant = if tenant_slug.is_empty() {
        None
    } else {
        let slug = Slug::parse(tenant_slug).ok();
        let found = sites
            .iter()
            .find(|s| Some(&s.tenant.slug) == slug.as_ref())
            .map(|s| s.tenant.id);
        Some(found.ok_or_else(|| {
            AppError::BadRequest(page.tr(&msg!("admin-payments-no-tenant", slug = tenant_slug)))
        })?)
    };
    let state = match query.state.trim() {
        "" => None,
        raw => Some(PaymentState::parse(raw).ok_or_else(|| {
            AppError::BadRequest(page.tr(&msg!("admin-payments-choose-platform-state")))
        })?),
    };
    let after = match query.after.trim() {
        "" => None,
        raw => Some(PageCursor::parse(raw).ok_or_else(|| {
            AppError::BadRequest(page.tr(&msg!("admin-payments-platform-link-damaged")))
        })?),
    };
    let filter = DeskFilter {
        state,
        ..DeskFilter::default()
    };
    // One more than a page tells whether an older page exists, without counting.
    let mut records = store
        .payment_desk(
            tenant,
            &filter,
            DeskOrder::NewestFirst,
            after.map(|c| c.key(PaymentId)),
            PAGE_SIZE + 1,
        )
        .await?;
    let has_older = records.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    records.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    let state_text = query.state.trim();
    let older_url = has_older.then(|| records.last()).flatten().map(|last| {
        let after = PageCursor::new(last.created_at, last.id.0).to_string();
        page_url(
            LIST_PATH,
            &[
                ("tenant", tenant_slug),
                ("state", state_text),
                ("after", &after),
            ],
        )
    });
    let newest_url = after
        .is_some()
        .then(|| page_url(LIST_PATH, &[("tenant", tenant_slug), ("state", state_text)]));
    let rows: Vec<Row> = records
        .into_iter()
        .map(|r| Row {
            id: r.id.to_string(),
            tenant: r.tenant_slug,
            email: r.user_email,
            credits: r.credits.get(),
            amount: r.amount.display(),
            reference: r.reference,
            utr: r.utr,
            state: r.state.as_str(),
            reason: r.reason,
            // India time, as the tenants' desks and their buyers read it.
            submitted: when::date_time(page.lang, r.created_at),
            submitted_iso: r.created_at.india_iso(),
            decided_at: r.decided_at.map(|at| when::date_time(page.lang, at)),
            decided_by: r.decided_by,
        })
        .collect();
    let tenants: Vec<TenantOption> = sites
        .iter()
        .map(|s| TenantOption {
            slug: s.tenant.slug.to_string(),
            name: s.tenant.settings.name.clone(),
        })
        .collect();
    let ctx = minijinja::context! {
        rows => rows,
        tenants => tenants,
        filter => minijinja::context! { tenant => tenant_slug, state => state_text },
        older_url => older_url,
        newest_url => newest_url,
    };
    Ok(page
        .render_form("platform/payments.html", ctx)
        .await?
        .into_response())
}
