//! `POST /admin/packs/payee`: where a tenant's buyers pay, its UPI ID and the payee name UPI
//! apps show. Clearing the UPI ID stops sales, so it takes its own button ("Stop taking
//! payments"); an empty UPI ID sent with "Save" is a mistake to point out, not a request.

use std::collections::BTreeMap;

use atelier_domain::payments::parse_payee;
use atelier_domain::{msg, Vpa};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{changed, render, Shown};
use crate::accounts::FormErrors;
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PayeeForm {
    upi_vpa: String,
    upi_payee: String,
    /// "stop" from the "Stop taking payments" button; anything else saves.
    intent: String,
}

pub(crate) async fn save_payee(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<PayeeForm>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let actor = audit_actor(&me, ip);
    let now = page.state.clock.now();
    if form.intent == "stop" {
        page.state
            .store
            .set_payee(tenant, None, None, &actor, now)
            .await?;
        changed(&page).await?;
        tracing::info!(admin = %me.id, "payments stopped: UPI ID cleared");
        return Ok(Redirect::to("/admin/packs?done=stopped").into_response());
    }
    let mut errors = FormErrors::new();
    let vpa = if form.upi_vpa.trim().is_empty() {
        errors.insert("upi_vpa", page.tr(&msg!("packs-upi-id-missing")));
        None
    } else {
        Vpa::parse(&form.upi_vpa)
            .map_err(|e| errors.insert(e.field, page.tr(&e.message)))
            .ok()
    };
    let payee = parse_payee(&form.upi_payee)
        .map_err(|e| errors.insert(e.field, page.tr(&e.message)))
        .ok();
    let (Some(vpa), Some(payee)) = (vpa, payee) else {
        let shown = Shown {
            form_for: "payee".to_owned(),
            values: BTreeMap::from([
                ("upi_vpa", form.upi_vpa.clone()),
                ("upi_payee", form.upi_payee.clone()),
            ]),
            errors,
            ..Shown::default()
        };
        return render(&page, shown, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    page.state
        .store
        .set_payee(tenant, Some(&vpa), Some(&payee), &actor, now)
        .await?;
    changed(&page).await?;
    tracing::info!(admin = %me.id, "UPI payee changed");
    Ok(Redirect::to("/admin/packs?done=payee").into_response())
}
