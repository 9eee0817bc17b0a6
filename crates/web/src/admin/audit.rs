//! The tenant's audit log (`GET /admin/audit`): who decided which payment or changed which
//! pack or UPI ID, when, and from which address, newest first, a page at a time by keyset
//! (`?before=<id>`: audit ids are UUIDv7, so they order by time).

use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

const AUDIT_PAGE: usize = 50;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AuditQuery {
    before: String,
}

#[derive(Serialize)]
struct Row {
    at: String,
    at_iso: String,
    actor: String,
    action: String,
    subject: String,
    before: String,
    after: String,
    address: String,
}

/// What an action code means, as the log says it.
fn label(action: &str) -> &str {
    match action {
        "payment.approve" => "Approved a payment",
        "payment.reject" => "Rejected a payment",
        "pack.create" => "Added a pack",
        "pack.update" => "Changed a pack",
        "pack.status" => "Put a pack on or off sale",
        "pack.delete" => "Deleted a pack",
        "pack.move" => "Moved a pack in the list",
        "tenant.payee" => "Changed the UPI ID or payee",
        other => other,
    }
}

pub(crate) async fn log(
    page: Page,
    PageQuery(query): PageQuery<AuditQuery>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let before = match query.before.trim() {
        "" => None,
        raw => Some(uuid::Uuid::try_parse(raw).map_err(|_| {
            AppError::BadRequest(
                "This page link is damaged. Open the audit log again and use its Older link."
                    .to_owned(),
            )
        })?),
    };
    let mut records = page
        .state
        .store
        .audit_page(
            Some(tenant),
            before,
            i64::try_from(AUDIT_PAGE + 1).unwrap_or(i64::MAX),
        )
        .await?;
    let more = records.len() > AUDIT_PAGE;
    records.truncate(AUDIT_PAGE);
    let older_url = records
        .last()
        .filter(|_| more)
        .map(|last| format!("/admin/audit?before={}", last.id));
    let rows: Vec<Row> = records
        .into_iter()
        .map(|r| Row {
            at: r.created_at.india_display(),
            at_iso: r.created_at.india_iso(),
            action: label(&r.action).to_owned(),
            actor: r.actor_email,
            subject: r.subject,
            before: r.before,
            after: r.after,
            address: r.address,
        })
        .collect();
    let ctx = minijinja::context! {
        rows => rows,
        older_url => older_url,
        paged => before.is_some(),
    };
    Ok(page
        .render_form("admin/audit.html", ctx)
        .await?
        .into_response())
}
