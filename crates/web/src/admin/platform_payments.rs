//! `/platform/payments`: every tenant's payment requests for super-admins, read-only, newest
//! first, filtered by tenant and state. Pages are keyset pages: each "Older" link carries
//! the last row's submission time and id (`?after=<millis>.<uuid>`), so a page never skips or
//! repeats a row when requests arrive meanwhile, and no page counts or offsets the table.

use atelier_domain::{PaymentId, PaymentState, Slug, Timestamp};
use atelier_store::{DeskFilter, DeskOrder, PaymentRecord};
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::auth::CurrentUser;
use crate::pages::Page;
use crate::tenancy::Site;
use crate::AppError;

/// Requests per page.
const PAGE_SIZE: i64 = 50;

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

/// `<millis>.<uuid>`: where a page ends.
fn cursor(record: &PaymentRecord) -> String {
    format!("{}.{}", record.created_at.millis(), record.id)
}

fn parse_cursor(raw: &str) -> Option<(Timestamp, PaymentId)> {
    let (millis, id) = raw.split_once('.')?;
    let millis = millis.parse::<i64>().ok()?;
    let id = uuid::Uuid::try_parse(id).ok()?;
    Some((Timestamp(millis), PaymentId(id)))
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
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    if !matches!(page.site, Site::Platform) {
        return Err(AppError::NotFound);
    }
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
            AppError::BadRequest(format!(
                "There is no tenant \u{201c}{tenant_slug}\u{201d}. Choose one from the list."
            ))
        })?)
    };
    let state = match query.state.trim() {
        "" => None,
        raw => Some(PaymentState::parse(raw).ok_or_else(|| {
            AppError::BadRequest("Choose a state: pending, approved or rejected.".to_owned())
        })?),
    };
    let after = match query.after.trim() {
        "" => None,
        raw => Some(parse_cursor(raw).ok_or_else(|| {
            AppError::BadRequest(
                "That page link is damaged. Start again from the newest payments.".to_owned(),
            )
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
            after,
            PAGE_SIZE + 1,
        )
        .await?;
    let has_older = records.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    records.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    let older_url = has_older
        .then(|| records.last())
        .flatten()
        .map(|last| page_url(tenant_slug, query.state.trim(), Some(&cursor(last))));
    let newest_url = after
        .is_some()
        .then(|| page_url(tenant_slug, query.state.trim(), None));
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
            submitted: r.created_at.india_display(),
            submitted_iso: r.created_at.india_iso(),
            decided_at: r.decided_at.map(Timestamp::india_display),
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
        filter => minijinja::context! { tenant => tenant_slug, state => query.state.trim() },
        older_url => older_url,
        newest_url => newest_url,
    };
    Ok(page
        .render_form("platform/payments.html", ctx)
        .await?
        .into_response())
}

/// The list's address with its filters and, for an older page, the cursor.
fn page_url(tenant: &str, state: &str, after: Option<&str>) -> String {
    let mut params: Vec<(&str, &str)> = Vec::new();
    if !tenant.is_empty() {
        params.push(("tenant", tenant));
    }
    if !state.is_empty() {
        params.push(("state", state));
    }
    if let Some(after) = after {
        params.push(("after", after));
    }
    let query = serde_urlencoded::to_string(&params).unwrap_or_default();
    if query.is_empty() {
        "/platform/payments".to_owned()
    } else {
        format!("/platform/payments?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_nonsense_is_refused() {
        let id = uuid::Uuid::now_v7();
        let parsed = parse_cursor(&format!("1795773600000.{id}"));
        assert_eq!(parsed, Some((Timestamp(1_795_773_600_000), PaymentId(id))));
        for bad in [
            "",
            "1795773600000",
            "x.y",
            &format!("abc.{id}"),
            "12.not-a-uuid",
        ] {
            assert_eq!(parse_cursor(bad), None, "{bad}");
        }
    }
}
