//! `POST /admin/users/{id}/credits`: an admin adds or takes credits, with a required
//! reason. One post is one adjustment, written through the ledger with its audit row in one
//! transaction (`Store::adjust_credits`); the profile it redirects to says what the balance
//! became, so a second click shows as a second line in the history, never as a lost one.

use atelier_domain::{msg, CreditAdjustment, UserId};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::profile::{render, Typed};
use super::target;
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
}

pub(crate) async fn adjust_credits(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(form): CsrfForm<CreditsForm>,
) -> Result<Response, AppError> {
    let user = target(&page, id).await?;
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
            return refuse(&page, &me, &user, errors, typed).await;
        }
    };
    let tenant = page.tenant()?.tenant.id;
    let adjusted = page
        .state
        .store
        .adjust_credits(
            tenant,
            user.id,
            &adjustment,
            &audit_actor(&me, ip),
            page.state.clock.now(),
        )
        .await?;
    let adjusted = match adjusted {
        Ok(adjusted) => adjusted,
        Err(refused) => {
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
            let user = target(&page, id).await?;
            return refuse(&page, &me, &user, errors, typed).await;
        }
    };
    tracing::info!(
        admin = %me.id,
        user = %user.id,
        delta = adjustment.delta(),
        before = adjusted.before.get(),
        after = adjusted.after.get(),
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
) -> Result<Response, AppError> {
    render(
        page,
        me,
        user,
        None,
        None,
        errors,
        typed,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
