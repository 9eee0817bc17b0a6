//! `POST /admin/users/{id}/credits`: an admin adds or takes credits, with a required
//! reason. One form is one adjustment, written through the ledger with its audit row in
//! one transaction (`Store::adjust_credits`): the form carries a one-time id made when the
//! page was drawn, so a double-click or a retry after a slow answer posts it again, writes
//! nothing more and is answered as the first post was. The same form edited or replayed
//! with another amount or reason is refused (409) with the page drawn again, a fresh form
//! and the balance as it is now; an admin whose role or account was taken away a moment
//! before is refused as signed-out admins are (403).

use atelier_domain::{msg, CreditAdjustment, UserId};
use atelier_store::AdjustRefusal;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::live_target;
use super::profile::{render, Typed};
use crate::accounts::FormErrors;
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct CreditsForm {
    delta: String,
    reason: String,
    /// The form's one-time id. A post without one (not from our page) is an adjustment of
    /// its own.
    adjustment_id: String,
}

pub(crate) async fn adjust_credits(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(form): CsrfForm<CreditsForm>,
) -> Result<Response, AppError> {
    let user = live_target(&page, id).await?;
    let adjustment_id = match form.adjustment_id.trim() {
        "" => Uuid::new_v4(),
        raw => Uuid::parse_str(raw)
            .map_err(|_| AppError::BadRequest(page.tr(&msg!("admin-user-credits-damaged-form"))))?,
    };
    let typed = Typed {
        delta: form.delta.clone(),
        reason: form.reason.clone(),
        confirm_email: String::new(),
    };
    let adjustment = match CreditAdjustment::parse(&form.delta, &form.reason) {
        Ok(adjustment) => adjustment,
        Err(problems) => {
            let mut errors = FormErrors::new();
            if let Some(m) = problems.delta {
                errors.insert("delta", page.tr(&m));
            }
            if let Some(m) = problems.reason {
                errors.insert("reason", page.tr(&m));
            }
            return refuse(
                &page,
                &me,
                &user,
                errors,
                typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let tenant = page.tenant()?.tenant.id;
    let adjusted = page
        .state
        .store
        .adjust_credits(
            tenant,
            user.id,
            adjustment_id,
            &adjustment,
            &audit_actor(&me, ip),
            page.state.clock.now(),
        )
        .await?;
    let adjusted = match adjusted {
        Ok(adjusted) => adjusted,
        Err(AdjustRefusal::NotAnAdmin) => return Err(AppError::Forbidden),
        Err(AdjustRefusal::FormUsed) => {
            let mut errors = FormErrors::new();
            errors.insert("delta", page.tr(&msg!("admin-user-credits-form-used")));
            tracing::info!(admin = %me.id, user = %user.id, "refused: a credit form used before");
            let user = live_target(&page, id).await?;
            return refuse(&page, &me, &user, errors, typed, StatusCode::CONFLICT).await;
        }
        Err(AdjustRefusal::BelowHeld(refused)) => {
            let mut errors = FormErrors::new();
            let most = refused.balance.get() - refused.held.get();
            errors.insert(
                "delta",
                page.tr(&msg!(
                    "admin-user-credits-below-held",
                    most = most,
                    balance = refused.balance.get(),
                    held = refused.held.get()
                )),
            );
            // The page shows the balance as it is now, which another change may have moved.
            let user = live_target(&page, id).await?;
            return refuse(
                &page,
                &me,
                &user,
                errors,
                typed,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    tracing::info!(
        admin = %me.id,
        user = %user.id,
        delta = adjustment.delta(),
        before = adjusted.before.get(),
        after = adjusted.after.get(),
        repeated = adjusted.repeated,
        "credits adjusted"
    );
    Ok(Redirect::to(&format!("/admin/users/{}?done=credits", user.id)).into_response())
}

async fn refuse(
    page: &Page,
    me: &atelier_domain::User,
    user: &atelier_domain::User,
    errors: FormErrors,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, AppError> {
    render(page, me, user, None, None, errors, typed, status).await
}
