//! POST: approves the requests the admin ticked in a statement's preview, each through
//! [`decide`] (its own transaction: credits, mail and audit row), and says how each went.
//! The ticked ids are all it reads: an id of another tenant, one decided meanwhile, or one
//! the admin's own account made (another admin must decide it) changes nothing and is
//! reported.

use atelier_domain::{msg, PaymentId};
use atelier_store::{Decided, Decision};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::admin::audit_actor;
use crate::admin::payments::decide::{already_decided, decide, own_payment, Verdict};
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::payments::credits_label;
use crate::AppError;

/// The most requests approved in one step; a statement preview rarely ticks more.
const MOST_AT_ONCE: usize = 500;

#[derive(Serialize)]
struct Approved {
    email: String,
    credits: String,
    amount: String,
    reference: String,
    utr: String,
}

/// The ids ticked, once each, in the order sent; `None` for text that is no id.
fn ticked(pairs: &[(String, String)]) -> Vec<Option<PaymentId>> {
    let mut seen = Vec::new();
    for (name, value) in pairs {
        if name != "payment" {
            continue;
        }
        let id = uuid::Uuid::try_parse(value.trim()).ok().map(PaymentId);
        if id.is_none() || !seen.contains(&id) {
            seen.push(id);
        }
    }
    seen
}

fn render(page: &Page, status: StatusCode, ctx: minijinja::Value) -> Result<Response, AppError> {
    let Html(body) = page.render("admin/statement_approved.html", ctx)?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn approve(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let unit = &page.tenant()?.tenant.settings.credit;
    let lang = page.lang;
    let ids = ticked(&pairs);
    if ids.is_empty() || ids.len() > MOST_AT_ONCE {
        let problem = if ids.is_empty() {
            msg!("admin-payments-none-ticked")
        } else {
            msg!(
                "admin-payments-too-many-ticked",
                count = ids.len(),
                max = MOST_AT_ONCE
            )
        };
        let ctx = minijinja::context! { problem => page.tr(&problem) };
        return render(&page, StatusCode::UNPROCESSABLE_ENTITY, ctx);
    }

    let actor = audit_actor(&me, ip);
    let mut approved = Vec::new();
    let mut already = Vec::new();
    let mut own = Vec::new();
    let (mut account_gone, mut not_found, mut failed) = (0, 0, 0);
    for id in ids {
        let Some(id) = id else {
            not_found += 1;
            continue;
        };
        match decide(&page, &actor, id, Decision::Approve).await {
            Ok(Verdict::Store(Decided::Done(record))) => approved.push(Approved {
                email: record.user_email.clone(),
                credits: credits_label(lang, unit, record.credits.get()),
                amount: record.amount.display(),
                reference: record.reference,
                utr: record.utr,
            }),
            Ok(Verdict::Store(Decided::AlreadyDecided(record))) => {
                already.push(already_decided(&record, lang));
            }
            Ok(Verdict::OwnPayment(record)) => own.push(own_payment(&record, lang)),
            Ok(Verdict::Store(Decided::AccountGone)) => account_gone += 1,
            Ok(Verdict::Store(Decided::NotFound)) => not_found += 1,
            // One failure does not stop the others; each decision is its own transaction.
            Err(error) => {
                tracing::error!(payment = %id, error = %error, "approving from a statement failed");
                failed += 1;
            }
        }
    }
    tracing::info!(
        admin = %me.id,
        approved = approved.len(),
        already_decided = already.len(),
        own = own.len(),
        not_found,
        account_gone,
        failed,
        "payments approved from a bank statement"
    );
    let ctx = minijinja::context! {
        approved => approved,
        already => already,
        own => own,
        account_gone => account_gone,
        not_found => not_found,
        failed => failed,
    };
    render(&page, StatusCode::OK, ctx)
}
