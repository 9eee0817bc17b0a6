//! `/admin/packs`: the credit packs a tenant sells, in the order its buy page shows them.
//! Admins add packs, change their credits and price (requests already made keep theirs),
//! put them on sale or take them off, reorder them, and delete one nobody ever bought. The
//! same page sets where buyers pay (`payee.rs`). Every change forgets the tenant's cached
//! lookup on this node, so whatever is derived from packs and payee is read afresh.

use std::collections::BTreeMap;

use atelier_domain::{PackId, PackTerms, Paise, User};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::audit_actor;
use crate::accounts::FormErrors;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

/// What the page shows besides the packs: a notice after a change, or a form sent back with
/// its values and messages.
#[derive(Default)]
pub(super) struct Shown {
    pub notice: Option<&'static str>,
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
pub(super) async fn render(
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
        selling => !settings.upi_vpa.is_empty() && on_sale > 0,
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
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let notice = match query.done.as_deref() {
        Some("created") => Some("The pack was added at the end of the list, on sale."),
        Some("updated") => Some("The pack was changed. Requests already made keep their own credits and price."),
        Some("activated") => Some("The pack is on sale again."),
        Some("deactivated") => Some("The pack is off sale: buyers no longer see it."),
        Some("moved") => Some("The order was changed."),
        Some("deleted") => Some("The pack was deleted."),
        Some("payee") => Some("Your UPI ID and payee name were saved."),
        Some("stopped") => Some("Payments are stopped: your UPI ID was cleared, and nobody can buy until you enter one again."),
        _ => None,
    };
    let shown = Shown {
        notice,
        ..Shown::default()
    };
    render(&page, shown, StatusCode::OK).await
}

/// The add and edit forms' fields, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PackForm {
    credits: String,
    /// Rupees, like "149" or "149.50".
    price: String,
}

impl PackForm {
    /// The pack's terms, or a message for each field that is wrong.
    fn terms(&self, credit_plural: &str) -> Result<PackTerms, FormErrors> {
        let mut errors = FormErrors::new();
        let typed: String = self
            .credits
            .chars()
            .filter(|c| *c != ',' && !c.is_whitespace())
            .collect();
        let credits = if typed.is_empty() {
            errors.insert(
                "credits",
                format!("Enter how many {credit_plural} the pack holds, like 50."),
            );
            None
        } else if let Ok(n) = typed.parse::<i64>() {
            Some(n)
        } else {
            errors.insert(
                "credits",
                format!(
                    "{:?} is not a whole number of {credit_plural}; enter one like 50.",
                    self.credits.trim()
                ),
            );
            None
        };
        let price = Paise::parse_rupees(&self.price)
            .map_err(|message| errors.insert("price", message))
            .ok();
        if let (Some(credits), Some(price)) = (credits, price) {
            match PackTerms::new(credits, price) {
                Ok(terms) => return Ok(terms),
                Err(refused) => {
                    for e in refused {
                        errors.insert(e.field, e.message);
                    }
                }
            }
        }
        Err(errors)
    }

    fn values(&self) -> BTreeMap<&'static str, String> {
        BTreeMap::from([
            ("credits", self.credits.clone()),
            ("price", self.price.clone()),
        ])
    }
}

/// Where a change leads: the list, with a notice of what was done.
fn done(what: &str) -> Response {
    Redirect::to(&format!("/admin/packs?done={what}")).into_response()
}

/// Forgets the tenant's cached lookup on this node: the one call after every change here.
pub(super) async fn changed(page: &Page) -> Result<(), AppError> {
    let id = page.tenant()?.tenant.id;
    page.state.tenants.forget_tenant(id).await;
    Ok(())
}

pub(crate) async fn create(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<PackForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let terms = match form.terms(&site.tenant.settings.credit.plural) {
        Ok(terms) => terms,
        Err(errors) => {
            let shown = Shown {
                form_for: "add".to_owned(),
                values: form.values(),
                errors,
                ..Shown::default()
            };
            return render(&page, shown, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let actor = audit_actor(&me, ip);
    let id = page
        .state
        .store
        .create_pack(site.tenant.id, terms, Some(&actor), page.state.clock.now())
        .await?;
    changed(&page).await?;
    tracing::info!(admin = %me.id, pack = %id, "pack added");
    Ok(done("created"))
}

pub(crate) async fn update(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(form): CsrfForm<PackForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let store = &page.state.store;
    if store.find_pack(site.tenant.id, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let terms = match form.terms(&site.tenant.settings.credit.plural) {
        Ok(terms) => terms,
        Err(errors) => {
            let shown = Shown {
                form_for: id.to_string(),
                values: form.values(),
                errors,
                ..Shown::default()
            };
            return render(&page, shown, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let actor = audit_actor(&me, ip);
    let found = store
        .update_pack(site.tenant.id, id, terms, &actor, page.state.clock.now())
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    changed(&page).await?;
    Ok(done("updated"))
}

async fn set_active(
    page: Page,
    me: User,
    ip: ClientIp,
    id: PackId,
    active: bool,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let actor = audit_actor(&me, ip);
    let found = page
        .state
        .store
        .set_pack_active(tenant, id, active, &actor, page.state.clock.now())
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    changed(&page).await?;
    Ok(done(if active { "activated" } else { "deactivated" }))
}

pub(crate) async fn activate(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    set_active(page, me, ip, id, true).await
}

pub(crate) async fn deactivate(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    set_active(page, me, ip, id, false).await
}

async fn move_pack(page: Page, id: PackId, up: bool) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let found = page
        .state
        .store
        .move_pack(tenant, id, up, page.state.clock.now())
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    changed(&page).await?;
    Ok(done("moved"))
}

pub(crate) async fn move_up(
    page: Page,
    CurrentUser(_): CurrentUser,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    move_pack(page, id, true).await
}

pub(crate) async fn move_down(
    page: Page,
    CurrentUser(_): CurrentUser,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    move_pack(page, id, false).await
}

/// Deletes a pack nobody ever bought. A bought one stays on record (its requests name it):
/// the page says to deactivate it instead, with 409.
pub(crate) async fn delete(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let store = &page.state.store;
    let Some(pack) = store.find_pack(tenant, id).await? else {
        return Err(AppError::NotFound);
    };
    let deleted = !pack.bought
        && store
            .delete_pack(tenant, id, &audit_actor(&me, ip), page.state.clock.now())
            .await?;
    if deleted {
        changed(&page).await?;
        return Ok(done("deleted"));
    }
    // Bought, possibly a moment ago; or deleted by another admin meanwhile.
    if store.find_pack(tenant, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let credits = &page.tenant()?.tenant.settings.credit;
    let shown = Shown {
        alert: Some(format!(
            "The pack of {} for {} has been bought, so it stays on record with its payments. \
             Deactivate it instead: it leaves the buy page and nothing else changes.",
            credits.amount(pack.terms.credits.get()),
            pack.terms.price.display()
        )),
        ..Shown::default()
    };
    render(&page, shown, StatusCode::CONFLICT).await
}
