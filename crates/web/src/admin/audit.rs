//! The tenant's audit log (`GET /admin/audit`): who decided which payment or changed which
//! pack or UPI ID, when, and from which address, newest first, a page at a time by keyset
//! (`?before=<id>`: audit ids are UUIDv7, so they order by time).

use atelier_domain::{msg, Lang, Msg};
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
    /// The site's name, on the platform's log.
    site: Option<String>,
}

/// What an action code means, as the log says it; a code without words of its own is shown
/// as it is.
fn label(lang: Lang, action: &str) -> String {
    let message = match action {
        "payment.approve" => msg!("admin-audit-payment-approve"),
        "payment.reject" => msg!("admin-audit-payment-reject"),
        "pack.create" => msg!("admin-audit-pack-create"),
        "pack.update" => msg!("admin-audit-pack-update"),
        "pack.status" => msg!("admin-audit-pack-status"),
        "pack.delete" => msg!("admin-audit-pack-delete"),
        "pack.move" => msg!("admin-audit-pack-move"),
        "tenant.payee" => msg!("admin-audit-tenant-payee"),
        "tenant.languages" => msg!("admin-audit-tenant-languages"),
        "tenant.branding" => msg!("admin-audit-tenant-branding"),
        "tenant.limits" => msg!("admin-audit-tenant-limits"),
        "tenant.create" => msg!("admin-audit-tenant-create"),
        "tenant.update" => msg!("admin-audit-tenant-update"),
        "tenant.suspend" => msg!("admin-audit-tenant-suspend"),
        "tenant.resume" => msg!("admin-audit-tenant-resume"),
        "platform.admin.add" => msg!("admin-audit-platform-admin-add"),
        "platform.admin.remove" => msg!("admin-audit-platform-admin-remove"),
        "platform.settings" => msg!("admin-audit-platform-settings"),
        "invitation.resend" => msg!("admin-audit-invitation-resend"),
        "worker.create" => msg!("admin-audit-worker-create"),
        "worker.pause" => msg!("admin-audit-worker-pause"),
        "worker.resume" => msg!("admin-audit-worker-resume"),
        "worker.revoke" => msg!("admin-audit-worker-revoke"),
        "user.credits" => msg!("admin-audit-user-credits"),
        "user.role" => msg!("admin-audit-user-role"),
        "user.disable" => msg!("admin-audit-user-disable"),
        "user.enable" => msg!("admin-audit-user-enable"),
        "user.delete" => msg!("admin-audit-user-delete"),
        "job.cancel" => msg!("admin-audit-job-cancel"),
        other => return other.to_owned(),
    };
    message.in_lang(lang)
}

/// An entry's subject in the reader's language. The store writes it in English once, in
/// the forms read here; anything else (a pack's or a site's id) is shown as written.
fn subject(lang: Lang, raw: &str) -> String {
    let described = match (raw.strip_prefix("payment "), raw.strip_prefix("worker ")) {
        (Some(rest), _) => payment_subject(rest),
        (_, Some(rest)) => Some(worker_subject(rest)),
        _ => None,
    };
    described.map_or_else(|| raw.to_owned(), |m| m.in_lang(lang))
}

/// "worker {name} ({id})" or "worker {id}" without its first word.
fn worker_subject(rest: &str) -> Msg {
    match rest.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
        Some((name, id)) => msg!("admin-audit-subject-worker-named", name = name, id = id),
        None => msg!("admin-audit-subject-worker", id = rest),
    }
}

/// "payment {id}, reference {reference}, UTR {utr}" without its first word.
fn payment_subject(rest: &str) -> Option<Msg> {
    let (id, rest) = rest.split_once(", reference ")?;
    let (reference, utr) = rest.split_once(", UTR ")?;
    Some(msg!(
        "admin-audit-subject-payment",
        id = id,
        reference = reference,
        utr = utr
    ))
}

/// A value before or after a change in the reader's language, read from the English the
/// store writes (states, a place in the list, a decision, a pack's terms, a UPI ID);
/// anything else is shown as written.
fn value(lang: Lang, raw: &str) -> String {
    let message = match raw {
        "pending" => Some(msg!("admin-audit-value-pending")),
        "active" => Some(msg!("admin-audit-value-active")),
        "inactive" => Some(msg!("admin-audit-value-inactive")),
        "paused" => Some(msg!("admin-audit-value-paused")),
        "disabled" => Some(msg!("admin-audit-value-disabled")),
        "deleted" => Some(msg!("admin-audit-value-deleted")),
        "link expired" => Some(msg!("admin-audit-value-link-expired")),
        "link still valid" => Some(msg!("admin-audit-value-link-valid")),
        "new link sent" => Some(msg!("admin-audit-value-link-sent")),
        // A role (`user.role`) and a job's state (`job.cancel`), as the store writes them.
        "user" => Some(msg!("admin-audit-value-role-user")),
        "tenant_admin" => Some(msg!("admin-audit-value-role-admin")),
        "super_admin" => Some(msg!("admin-audit-value-role-super-admin")),
        "queued" => Some(msg!("admin-audit-value-queued")),
        "running" => Some(msg!("admin-audit-value-running")),
        "canceled" => Some(msg!("admin-audit-value-canceled")),
        "running, told to stop at its next heartbeat" => Some(msg!("admin-audit-value-stopping")),
        _ => described_value(raw),
    };
    message.map_or_else(|| raw.to_owned(), |m| m.in_lang(lang))
}

fn described_value(raw: &str) -> Option<Msg> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(place) = raw.strip_prefix("place ").filter(|p| digits(p)) {
        return Some(msg!("admin-audit-value-place", place = place));
    }
    if let Some(credits) = raw
        .strip_prefix("approved: ")
        .and_then(|r| r.strip_suffix(" credits"))
        .filter(|c| digits(c))
    {
        return Some(msg!("admin-audit-value-approved", credits = credits));
    }
    if let Some(reason) = raw.strip_prefix("rejected: ") {
        return Some(msg!("admin-audit-value-rejected", reason = reason));
    }
    if let Some(payee) = raw.strip_prefix("no UPI ID (not taking payments)") {
        // `payee` is " (Payee name)" or nothing.
        return Some(msg!("admin-audit-value-no-upi", payee = payee));
    }
    let (credits, price) = raw.split_once(" credits for ")?;
    digits(credits).then(|| msg!("admin-audit-value-pack", credits = credits, price = price))
}

/// `GET /admin/audit`: the site's own log, for its admins (and super-admins).
pub(crate) async fn log(page: Page, query: PageQuery<AuditQuery>) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    render(page, query, Some(tenant), "/admin/audit").await
}

/// `GET /platform/audit`: every site's entries and the platform's own (super-admins added
/// and removed), for super-admins, each with the site it belongs to.
pub(crate) async fn platform_log(
    page: Page,
    query: PageQuery<AuditQuery>,
) -> Result<Response, AppError> {
    if !matches!(page.site, crate::tenancy::Site::Platform) {
        return Err(AppError::NotFound);
    }
    render(page, query, None, "/platform/audit").await
}

async fn render(
    page: Page,
    PageQuery(query): PageQuery<AuditQuery>,
    tenant: Option<atelier_domain::TenantId>,
    base: &str,
) -> Result<Response, AppError> {
    let before = match query.before.trim() {
        "" => None,
        raw => Some(
            uuid::Uuid::try_parse(raw)
                .map_err(|_| AppError::BadRequest(page.tr(&msg!("admin-audit-damaged-link"))))?,
        ),
    };
    let mut records = page
        .state
        .store
        .audit_page(
            tenant,
            before,
            i64::try_from(AUDIT_PAGE + 1).unwrap_or(i64::MAX),
        )
        .await?;
    let more = records.len() > AUDIT_PAGE;
    records.truncate(AUDIT_PAGE);
    let older_url = records
        .last()
        .filter(|_| more)
        .map(|last| format!("{base}?before={}", last.id));
    let lang = page.lang;
    // On the platform's log each entry names its site; the platform's own name none.
    let sites: std::collections::HashMap<atelier_domain::TenantId, String> = if tenant.is_none() {
        page.state
            .store
            .list_tenants()
            .await?
            .into_iter()
            .map(|t| (t.tenant.id, t.tenant.settings.name.clone()))
            .collect()
    } else {
        std::collections::HashMap::new()
    };
    let rows: Vec<Row> = records
        .into_iter()
        .map(|r| Row {
            at: crate::when::date_time(lang, r.created_at),
            at_iso: r.created_at.india_iso(),
            action: label(lang, &r.action),
            actor: r.actor_email,
            subject: subject(lang, &r.subject),
            before: value(lang, &r.before),
            after: value(lang, &r.after),
            address: r.address,
            site: r.tenant_id.and_then(|t| sites.get(&t).cloned()),
        })
        .collect();
    let ctx = minijinja::context! {
        rows => rows,
        older_url => older_url,
        paged => before.is_some(),
        base => base,
        platform => tenant.is_none(),
    };
    Ok(page
        .render_form("admin/audit.html", ctx)
        .await?
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_entries_read_as_the_store_wrote_them() {
        for raw in [
            "payment 0193-aa, reference ATL-7, UTR 432187650915",
            "worker gpu (01) (0193-bb)",
            "worker 0193-bb",
            "0193-cc",
        ] {
            assert_eq!(subject(Lang::En, raw), raw);
        }
        for raw in [
            "pending",
            "inactive",
            "place 3",
            "approved: 1000 credits",
            "rejected: no such UTR",
            "1000 credits for ₹1,999.00",
            "no UPI ID (not taking payments)",
            "no UPI ID (not taking payments) (Asha Traders)",
            "asha@upi (Asha Traders)",
            "",
        ] {
            assert_eq!(value(Lang::En, raw), raw);
        }
        assert_eq!(label(Lang::En, "payment.approve"), "Approved a payment");
        assert_eq!(label(Lang::En, "worker.create"), "worker.create");
        assert_eq!(label(Lang::En, "tenant.rename"), "tenant.rename");
    }

    #[test]
    fn hindi_readers_get_the_known_forms_in_hindi() {
        let place = value(Lang::Hi, "place 3");
        assert!(place.contains('3') && !place.contains("place"), "{place}");
        let rejected = value(Lang::Hi, "rejected: no such UTR");
        assert!(
            rejected.contains("no such UTR") && !rejected.starts_with("rejected"),
            "{rejected}"
        );
        let worker = subject(Lang::Hi, "worker gpu-01 (0193-bb)");
        assert!(
            worker.contains("gpu-01") && worker.contains("0193-bb"),
            "{worker}"
        );
        assert_ne!(label(Lang::Hi, "pack.move"), "Moved a pack in the list");
        assert_ne!(label(Lang::Hi, "worker.create"), "worker.create");
        for (raw, hindi) in [
            ("tenant_admin", "साइट एडमिन"),
            ("user", "उपयोगकर्ता"),
            ("canceled", "रद्द"),
            (
                "running, told to stop at its next heartbeat",
                "चल रहा, अगली हार्टबीट पर रुकने को कहा गया",
            ),
        ] {
            assert_eq!(value(Lang::Hi, raw), hindi);
        }
        // A role reads as words in English too, not as its code.
        assert_eq!(value(Lang::En, "tenant_admin"), "site admin");
        // What the store wrote in another form stays as written.
        assert_eq!(value(Lang::Hi, "place three"), "place three");
    }
}
