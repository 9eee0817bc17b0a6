//! `GET /buy`: the packs on sale, or, with `?pack=`, how to pay for one (QR code, UPI ID,
//! amount and reference) and the form that confirms the payment.

use atelier_domain::{msg, upi_link, Msg, PackId, PaymentReference, PaymentState, Timestamp, User};
use atelier_store::Pack;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::checkout::Checkout;
use super::{qr, upi_payee, PackView, PaymentView, UpiPayee};
use crate::accounts::FormErrors;
use crate::auth::CurrentUser;
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct BuyQuery {
    pack: Option<String>,
}

pub(crate) async fn show(
    page: Page,
    CurrentUser(user): CurrentUser,
    PageQuery(query): PageQuery<BuyQuery>,
) -> Result<Response, AppError> {
    let Some(raw) = query.pack else {
        return render_shop(&page, &user, None, StatusCode::OK).await;
    };
    let pack = uuid::Uuid::try_parse(raw.trim()).ok().map(PackId);
    open_checkout(&page, &user, pack, None, StatusCode::OK).await
}

/// A new checkout of `pack` for `user`, with a fresh reference and the pack's terms and
/// payee as they are now; when `pack` is not on sale, the shop and why. `problem`: what was
/// wrong with the form that led here (a `payments-problem-*` clause, "This checkout page
/// is ..."), said above either.
pub(super) async fn open_checkout(
    page: &Page,
    user: &User,
    pack: Option<PackId>,
    problem: Option<Msg>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let checkout = match pack {
        Some(pack) => checkout_now(page, pack).await?,
        None => None,
    };
    let Some(checkout) = checkout else {
        // An old link or a pack taken off sale: the packs there are, and why.
        let why = match (problem, pack) {
            (Some(problem), Some(_)) => {
                msg!("payments-problem-and-gone", problem = page.tr(&problem))
            }
            // The form named no pack we could read: nothing to say about one.
            (Some(problem), None) => msg!("payments-problem-alone", problem = page.tr(&problem)),
            (None, _) => msg!("payments-pack-gone"),
        };
        return render_shop(page, user, Some(why), status).await;
    };
    let mut errors = FormErrors::new();
    if let Some(problem) = problem {
        errors.insert(
            "form",
            page.tr(&msg!(
                "payments-problem-reopened",
                problem = page.tr(&problem)
            )),
        );
    }
    render_checkout(page, user, &checkout, "", errors, status).await
}

/// A checkout of `pack` as it is sold now, with a fresh reference: it only has to match the
/// note of the payment the user is about to make (or, for a client that confirms without a
/// checkout page, the one it made).
fn fresh_checkout((payee, pack): (UpiPayee, Pack), now: Timestamp) -> Result<Checkout, AppError> {
    let reference = PaymentReference::generate()
        .map_err(|e| AppError::Internal(format!("no payment reference: {e}")))?;
    Ok(Checkout {
        pack: pack.id,
        terms: pack.terms,
        payee,
        reference,
        issued: now,
    })
}

/// A checkout of pack `id` as this site sells it now; `None` when it is not on sale (or
/// the site sells nothing).
pub(super) async fn checkout_now(page: &Page, id: PackId) -> Result<Option<Checkout>, AppError> {
    let now = page.state.clock.now();
    pack_on_sale(page, id)
        .await?
        .map(|on_sale| fresh_checkout(on_sale, now))
        .transpose()
}

/// Pack `id` when this site sells it now, with whom to pay for it.
async fn pack_on_sale(page: &Page, id: PackId) -> Result<Option<(UpiPayee, Pack)>, AppError> {
    let tenant = &page.tenant()?.tenant;
    let Some(payee) = upi_payee(&tenant.settings) else {
        return Ok(None);
    };
    let pack = page.state.store.find_pack(tenant.id, id).await?;
    Ok(pack.filter(|p| p.active).map(|pack| (payee, pack)))
}

/// The packs on sale (or a friendly word that there are none), with the user's requests
/// still waiting. `pack_error`: why the pack asked for is not being sold to them.
pub(super) async fn render_shop(
    page: &Page,
    user: &User,
    pack_error: Option<Msg>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tenant = &page.tenant()?.tenant;
    let unit = &tenant.settings.credit;
    let store = &page.state.store;
    let packs: Vec<PackView> = if upi_payee(&tenant.settings).is_some() {
        store
            .list_packs(tenant.id, true)
            .await?
            .iter()
            .map(|p| PackView::new(p, unit, page.lang))
            .collect()
    } else {
        Vec::new()
    };
    let waiting: Vec<PaymentView> = store
        .user_payments(tenant.id, user.id, None, 20)
        .await?
        .iter()
        .filter(|p| p.state == PaymentState::Pending)
        .map(|p| PaymentView::new(p, unit, page.lang))
        .collect();
    let mut errors = FormErrors::new();
    if let Some(why) = pack_error {
        let why = page.tr(&why);
        let message = if packs.is_empty() {
            msg!("payments-pack-error", why = why)
        } else {
            msg!("payments-pack-error-pick", why = why)
        };
        errors.insert("pack", page.tr(&message));
    }
    let ctx = minijinja::context! {
        mode => if packs.is_empty() { "closed" } else { "shop" },
        packs => packs,
        waiting => waiting,
        errors => errors,
    };
    let Html(body) = page.render("buy.html", ctx)?;
    Ok((status, Html(body)).into_response())
}

/// How to pay for one pack as `checkout` showed it to `user`, and the form that confirms
/// the payment, carrying that checkout signed. `utr`: as the user typed it, when the form
/// comes back.
pub(super) async fn render_checkout(
    page: &Page,
    user: &User,
    checkout: &Checkout,
    utr: &str,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tenant = &page.tenant()?.tenant;
    let Checkout {
        pack,
        terms,
        payee,
        reference,
        ..
    } = checkout;
    let link = upi_link(&payee.vpa, &payee.name, terms.price, reference);
    let sealed = checkout.seal(&page.state.form_key, tenant.id, user.id)?;
    let ctx = minijinja::context! {
        mode => "checkout",
        pack => PackView::shown(*pack, *terms, &tenant.settings.credit, page.lang),
        payee => minijinja::context! { vpa => payee.vpa.as_str(), name => &payee.name },
        reference => reference.as_str(),
        upi_link => &link,
        qr_svg => minijinja::Value::from_safe_string(qr::svg(&link)?),
        checkout => sealed,
        form => minijinja::context! { utr => utr },
        errors => errors,
    };
    let Html(body) = page.render_form("buy.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}
