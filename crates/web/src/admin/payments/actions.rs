//! The desk's Approve and Reject buttons (`POST /admin/payments/{id}/approve|reject`).
//! A decision that goes through redirects (303) back to the view the admin came from, with a
//! notice naming the payer and amount; one that cannot (someone decided first, the account
//! is gone) shows the desk again with 409 and says why; a reason too short to send shows it
//! again with 422 and the message beside that row's field. A request of the admin's own
//! is refused with 409: another admin must decide it. Another tenant's request, or none, is
//! not found. A page cursor in the address that does not read is dropped, so a decision
//! from a damaged link still leads back to the desk.

use atelier_domain::payments::parse_reject_reason;
use atelier_domain::{msg, PaymentId};
use atelier_store::{Decided, Decision};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::decide::{already_decided, decide, own_payment, Verdict};
use super::desk::{render, Outcome};
use super::view::DeskQuery;
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::cursor::ListView;
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

pub(crate) async fn approve(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PaymentId>,
    PageQuery(query): PageQuery<DeskQuery>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let query = query.with_readable_cursor();
    let decided = decide(&page, &audit_actor(&me, ip), id, Decision::Approve).await?;
    answer(&page, &query, decided).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RejectForm {
    reason: String,
}

pub(crate) async fn reject(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PaymentId>,
    PageQuery(query): PageQuery<DeskQuery>,
    CsrfForm(form): CsrfForm<RejectForm>,
) -> Result<Response, AppError> {
    let query = query.with_readable_cursor();
    let reason = match parse_reject_reason(&form.reason) {
        Ok(reason) => reason,
        Err(e) => {
            let tenant = page.tenant()?.tenant.id;
            let request = page
                .state
                .store
                .find_payment(tenant, None, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let mut outcome = Outcome::new(StatusCode::UNPROCESSABLE_ENTITY);
            outcome.problem = Some(page.tr(&atelier_domain::msg!(
                "admin-payments-not-rejected",
                amount = request.amount.display(),
                email = &request.user_email,
                why = page.tr(&e.message),
            )));
            outcome.reject = Some((id, page.tr(&e.message), form.reason));
            return render(&page, &query, outcome).await;
        }
    };
    let decided = decide(
        &page,
        &audit_actor(&me, ip),
        id,
        Decision::Reject { reason },
    )
    .await?;
    answer(&page, &query, decided).await
}

async fn answer(page: &Page, query: &DeskQuery, verdict: Verdict) -> Result<Response, AppError> {
    let decided = match verdict {
        Verdict::Store(decided) => decided,
        Verdict::OwnPayment(request) => {
            let mut outcome = Outcome::new(StatusCode::CONFLICT);
            outcome.problem = Some(own_payment(&request, page.lang));
            return render(page, query, outcome).await;
        }
    };
    let problem = match decided {
        Decided::Done(request) => {
            let to = query.view_url(&[("decided", &request.id.to_string())]);
            return Ok(Redirect::to(&to).into_response());
        }
        Decided::NotFound => return Err(AppError::NotFound),
        Decided::AlreadyDecided(request) => already_decided(&request, page.lang),
        Decided::AccountGone => page.tr(&msg!("admin-payments-account-gone")),
    };
    let mut outcome = Outcome::new(StatusCode::CONFLICT);
    outcome.problem = Some(problem);
    render(page, query, outcome).await
}
