//! `POST /buy/confirm`: "I paid, here is the UTR". Makes a pending payment request for an
//! admin to check, or brings the form back with the reason next to what to fix.

use atelier_domain::{PaymentReference, Utr};
use atelier_store::{NewPayment, PaymentRefusal};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::buy::{pack_on_sale, render_checkout, render_shop, Checkout};
use crate::accounts::FormErrors;
use crate::auth::{CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ConfirmForm {
    pack: String,
    reference: String,
    utr: String,
}

pub(crate) async fn submit(
    page: Page,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<Response, AppError> {
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    let tenant = page.tenant()?.tenant.clone();
    let Some((payee, pack)) = pack_on_sale(&page, &form.pack).await? else {
        return render_shop(&page, &user, true, refused).await;
    };
    let mut errors = FormErrors::new();
    // The reference comes from our own page; one that does not parse was altered or cut.
    let reference = match PaymentReference::parse(&form.reference) {
        Some(reference) => reference,
        None => {
            errors.insert(
                "form",
                "This form's payment reference could not be read, so the page has a new one. \
                 If you already paid, that is fine: enter your UTR again and confirm."
                    .to_owned(),
            );
            PaymentReference::generate()
                .map_err(|e| AppError::Internal(format!("no payment reference: {e}")))?
        }
    };
    let utr = Utr::parse(&form.utr)
        .map_err(|e| errors.insert("utr", e.message))
        .ok();
    let checkout = Checkout {
        payee: &payee,
        pack: &pack,
        reference: &reference,
        utr: &form.utr,
    };
    let Some(utr) = utr.filter(|_| errors.is_empty()) else {
        return render_checkout(&page, checkout, errors, refused).await;
    };
    let state = &page.state;
    let new = NewPayment {
        tenant: tenant.id,
        user: user.id,
        user_email: user.email.as_str().to_owned(),
        pack: pack.id,
        reference: reference.clone(),
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
        Err(PaymentRefusal::PackUnavailable) => render_shop(&page, &user, true, refused).await,
        Err(PaymentRefusal::UtrTaken) => {
            errors.insert(
                "utr",
                format!(
                    "This UTR was already submitted on {}, and each payment can be confirmed \
                     only once. If it was not you who submitted it, contact support with the \
                     UTR and a screenshot of your payment.",
                    tenant.settings.name
                ),
            );
            render_checkout(&page, checkout, errors, refused).await
        }
        Err(PaymentRefusal::TooManyPending { cap }) => {
            let requests = if cap == 1 {
                "a payment".to_owned()
            } else {
                format!("{cap} payments")
            };
            errors.insert(
                "pending",
                format!(
                    "You already have {requests} waiting for approval, the most at one time. \
                     Keep your UTR: once an admin has checked one of them, usually within a \
                     few hours, you can confirm this payment."
                ),
            );
            render_checkout(&page, checkout, errors, refused).await
        }
    }
}
