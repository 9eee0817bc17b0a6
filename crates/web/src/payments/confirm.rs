//! `POST /buy/confirm`: "I paid, here is the UTR". Makes a pending payment request for an
//! admin to check, with the terms, payee and reference the buyer's checkout page showed
//! (signed into the form), or brings the form back with the reason next to what to fix.

use atelier_domain::{msg, PackId, Utr};
use atelier_store::{NewPayment, PaymentRefusal};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::buy::{checkout_now, open_checkout, render_checkout, render_shop};
use super::checkout::{Checkout, CheckoutProblem};
use crate::accounts::FormErrors;
use crate::auth::{CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ConfirmForm {
    /// The signed checkout the page was made with.
    checkout: String,
    /// The pack (the contract's field): with a checkout, it must be the checkout's; alone,
    /// the pack is confirmed as it is sold now.
    pack: String,
    utr: String,
}

pub(crate) async fn submit(
    page: Page,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<Response, AppError> {
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    let tenant = page.tenant()?.tenant.clone();
    let state = &page.state;
    let named_pack = uuid::Uuid::try_parse(form.pack.trim()).ok().map(PackId);
    let opened = if form.checkout.trim().is_empty() {
        // A client that confirms a payment without our checkout page (a script, an old
        // form) names only the pack: it is recorded as sold now, with a reference made here.
        match named_pack {
            Some(pack) => checkout_now(&page, pack)
                .await?
                .ok_or(CheckoutProblem::NotYours { pack: Some(pack) }),
            None => Err(CheckoutProblem::NotYours { pack: None }),
        }
    } else {
        Checkout::open(
            &form.checkout,
            &state.form_key,
            tenant.id,
            user.id,
            state.clock.now(),
        )
        .and_then(|checkout| match named_pack {
            // A pack field that contradicts the signed checkout is an edited form.
            Some(pack) if pack != checkout.pack => {
                Err(CheckoutProblem::NotYours { pack: Some(pack) })
            }
            _ => Ok(checkout),
        })
    };
    let checkout = match opened {
        Ok(checkout) => checkout,
        // Nothing on this form can be recorded: the buyer gets a new checkout of the pack,
        // and the reason.
        Err(CheckoutProblem::NotYours { pack }) => {
            let problem = msg!("payments-problem-not-yours");
            return open_checkout(&page, &user, pack, Some(problem), refused).await;
        }
        Err(CheckoutProblem::Expired { pack }) => {
            let problem = msg!("payments-problem-expired");
            return open_checkout(&page, &user, Some(pack), Some(problem), refused).await;
        }
    };
    let mut errors = FormErrors::new();
    let Ok(utr) = Utr::parse(&form.utr).map_err(|e| errors.insert("utr", page.tr(&e.message)))
    else {
        return render_checkout(&page, &user, &checkout, &form.utr, errors, refused).await;
    };
    let new = NewPayment {
        tenant: tenant.id,
        user: user.id,
        user_email: user.email.as_str().to_owned(),
        pack: checkout.pack,
        terms: checkout.terms,
        payee_vpa: checkout.payee.vpa.clone(),
        payee_name: checkout.payee.name.clone(),
        reference: checkout.reference.clone(),
        utr,
    };
    let cap = i64::from(state.settings.limits.pending_payments_per_user);
    match state
        .store
        .create_payment_request(&new, cap, state.clock.now())
        .await?
    {
        Ok(id) => {
            tracing::info!(payment = %id, user = %user.id, "payment request made");
            Ok(Redirect::to(&format!("/payments/{id}")).into_response())
        }
        // Signed for this site, so the pack was its own; it has since been deleted.
        Err(PaymentRefusal::PackUnavailable) => {
            let why = msg!("payments-pack-gone");
            render_shop(&page, &user, Some(why), refused).await
        }
        Err(PaymentRefusal::UtrTaken) => {
            errors.insert(
                "utr",
                page.tr(&msg!("payments-utr-taken", site = &tenant.settings.name)),
            );
            render_checkout(&page, &user, &checkout, &form.utr, errors, refused).await
        }
        Err(PaymentRefusal::TooManyPending { cap }) => {
            errors.insert(
                "pending",
                page.tr(&msg!(
                    "payments-too-many-pending",
                    count = cap,
                    site = &tenant.settings.name
                )),
            );
            render_checkout(&page, &user, &checkout, &form.utr, errors, refused).await
        }
    }
}
