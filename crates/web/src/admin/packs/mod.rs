//! `/admin/packs`: the credit packs a tenant sells, in the order its buy page shows them.
//! Admins add packs, change their credits and price (requests already made keep theirs),
//! put them on sale or take them off, reorder them, and delete one nobody ever bought. The
//! same page sets where buyers pay (`payee.rs`). Every change forgets the tenant's cached
//! lookup on this node, so whatever is derived from packs and payee is read afresh.

mod arrange;
mod payee;
mod terms;

use std::collections::BTreeMap;

use atelier_domain::msg;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

pub(crate) use arrange::{activate, deactivate, delete, move_down, move_up};
pub(crate) use payee::save_payee;
pub(crate) use terms::{create, update};

use crate::accounts::FormErrors;
use crate::auth::CurrentUser;
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

/// What the page shows besides the packs: a notice after a change, or a form sent back with
/// its values and messages.
#[derive(Default)]
pub(crate) struct Shown {
    pub notice: Option<String>,
    /// A message about the whole page, such as a delete that cannot be done.
    pub alert: Option<String>,
    /// Whose values and errors these are: "add", "payee", or a pack's id (its edit form).
    pub form_for: String,
    pub values: BTreeMap<&'static str, String>,
    pub errors: FormErrors,
}

#[derive(Serialize)]
struct PackRow {
    id: String,
    credits: i64,
    price: String,
    /// The price as the edit form shows it: "149.00".
    price_decimal: String,
    per_credit: String,
    active: bool,
    bought: bool,
}

/// Renders the page with `status` (200, or 4xx with a form's messages).
pub(crate) async fn render(
    page: &Page,
    shown: Shown,
    status: StatusCode,
) -> Result<Response, AppError> {
    let site = page.tenant()?;
    let settings = &site.tenant.settings;
    let packs: Vec<PackRow> = page
        .state
        .store
        .list_packs(site.tenant.id, false)
        .await?
        .into_iter()
        .map(|p| PackRow {
            id: p.id.to_string(),
            credits: p.terms.credits.get(),
            price: p.terms.price.display(),
            price_decimal: p.terms.price.decimal(),
            per_credit: p.terms.price_per_credit().display(),
            active: p.active,
            bought: p.bought,
        })
        .collect();
    let on_sale = packs.iter().filter(|p| p.active).count();
    let ctx = minijinja::context! {
        packs => packs,
        on_sale => on_sale,
        upi_vpa => &settings.upi_vpa,
        upi_payee => &settings.upi_payee,
        // What the buy page itself goes by, so this page never says "Selling" while /buy
        // is closed.
        selling => page.sells_credits,
        notice => shown.notice,
        alert => shown.alert,
        form_for => shown.form_for,
        values => shown.values,
        errors => shown.errors,
    };
    let Html(body) = page.render_form("admin/packs.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    done: Option<String>,
}

pub(crate) async fn list(
    page: Page,
    CurrentUser(_): CurrentUser,
    PageQuery(query): PageQuery<ListQuery>,
) -> Result<Response, AppError> {
    let notice = match query.done.as_deref() {
        Some("created") => Some(msg!("packs-done-created")),
        Some("updated") => Some(msg!("packs-done-updated")),
        Some("activated") => Some(msg!("packs-done-activated")),
        Some("deactivated") => Some(msg!("packs-done-deactivated")),
        Some("moved") => Some(msg!("packs-done-moved")),
        Some("deleted") => Some(msg!("packs-done-deleted")),
        Some("payee") => Some(msg!("packs-done-payee")),
        Some("stopped") => Some(msg!("packs-done-stopped")),
        _ => None,
    };
    let shown = Shown {
        notice: notice.map(|notice| page.tr(&notice)),
        ..Shown::default()
    };
    render(&page, shown, StatusCode::OK).await
}

/// Where a change leads: the list, with a notice of what was done.
pub(crate) fn done(what: &str) -> Response {
    Redirect::to(&format!("/admin/packs?done={what}")).into_response()
}

/// Forgets the tenant's cached lookup on this node: the one call after every change here.
pub(crate) async fn changed(page: &Page) -> Result<(), AppError> {
    let id = page.tenant()?.tenant.id;
    page.state.tenants.forget_tenant(id).await;
    Ok(())
}
