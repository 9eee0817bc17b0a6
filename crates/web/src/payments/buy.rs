//! `GET /buy`: the packs on sale, or, with `?pack=`, how to pay for one (QR code, UPI ID,
//! amount and reference) and the form that confirms the payment.

use atelier_domain::{upi_link, PackId, PaymentReference, PaymentState, User};
use atelier_store::Pack;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::{qr, upi_payee, PackView, PaymentView, UpiPayee};
use crate::accounts::FormErrors;
use crate::auth::CurrentUser;
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
    Query(query): Query<BuyQuery>,
) -> Result<Response, AppError> {
    let Some(raw) = query.pack else {
        return render_shop(&page, &user, false, StatusCode::OK).await;
    };
    match pack_on_sale(&page, &raw).await? {
        Some((payee, pack)) => {
            // A fresh reference each time: it only has to match the note of the payment
            // the user is about to make.
            let reference = PaymentReference::generate()
                .map_err(|e| AppError::Internal(format!("no payment reference: {e}")))?;
            let checkout = Checkout {
                payee: &payee,
                pack: &pack,
                reference: &reference,
                utr: "",
            };
            render_checkout(&page, checkout, FormErrors::new(), StatusCode::OK).await
        }
        // An old link or a pack taken off sale: the packs there are, and why.
        None => render_shop(&page, &user, true, StatusCode::OK).await,
    }
}

/// The pack named by `raw` (a pack id from a link or a form) when this site sells it
/// now, with whom to pay for it.
pub(super) async fn pack_on_sale(
    page: &Page,
    raw: &str,
) -> Result<Option<(UpiPayee, Pack)>, AppError> {
    let tenant = &page.tenant()?.tenant;
    let (Some(payee), Ok(id)) = (
        upi_payee(&tenant.settings),
        uuid::Uuid::try_parse(raw.trim()),
    ) else {
        return Ok(None);
    };
    let pack = page.state.store.find_pack(tenant.id, PackId(id)).await?;
    Ok(pack.filter(|p| p.active).map(|pack| (payee, pack)))
}

/// The packs on sale (or a friendly word that there are none), with the user's requests
/// still waiting. `stale_pack`: the pack asked for is not (or no longer) sold.
pub(super) async fn render_shop(
    page: &Page,
    user: &User,
    stale_pack: bool,
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
            .map(|p| PackView::new(p, unit))
            .collect()
    } else {
        Vec::new()
    };
    let waiting: Vec<PaymentView> = store
        .user_payments(tenant.id, user.id, 20)
        .await?
        .iter()
        .filter(|p| p.state == PaymentState::Pending)
        .map(|p| PaymentView::new(p, unit))
        .collect();
    let mut errors = FormErrors::new();
    if stale_pack {
        let next = if packs.is_empty() {
            ""
        } else {
            " Pick one of the packs below."
        };
        errors.insert(
            "pack",
            format!(
                "That pack is no longer sold.{next} If you already paid for it, contact \
                 support with the 12-digit UTR of your payment and we will sort it out."
            ),
        );
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

/// One pack being paid for.
pub(super) struct Checkout<'a> {
    pub payee: &'a UpiPayee,
    pub pack: &'a Pack,
    pub reference: &'a PaymentReference,
    /// The UTR as the user typed it, kept when the form comes back.
    pub utr: &'a str,
}

/// How to pay for one pack, and the form that confirms the payment.
pub(super) async fn render_checkout(
    page: &Page,
    checkout: Checkout<'_>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let unit = &page.tenant()?.tenant.settings.credit;
    let Checkout {
        payee,
        pack,
        reference,
        utr,
    } = checkout;
    let link = upi_link(&payee.vpa, &payee.name, pack.terms.price, reference);
    let ctx = minijinja::context! {
        mode => "checkout",
        pack => PackView::new(pack, unit),
        payee => minijinja::context! { vpa => payee.vpa.as_str(), name => &payee.name },
        reference => reference.as_str(),
        upi_link => &link,
        qr_svg => minijinja::Value::from_safe_string(qr::svg(&link)?),
        form => minijinja::context! { utr => utr },
        errors => errors,
    };
    let Html(body) = page.render_form("buy.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}
