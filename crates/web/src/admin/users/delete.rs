//! `POST /admin/users/{id}/delete`: an admin deletes an account after typing its email
//! address. The same deletion as a person's own (`Store::admin_delete_account`): sign-in,
//! sessions, tokens, prompts and images go, the ledger and payment rows stay, detached; an
//! audit row (`user.delete`) goes with it, and the person is told by mail in their language.

use atelier_domain::{msg, Msg, User, UserId};
use atelier_store::{AdminDeleteRefusal, DeleteRefusal};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::live_target;
use super::profile::{render, Typed};
use crate::accounts::delete::{after_deletion, farewell_mail};
use crate::accounts::FormErrors;
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct DeleteForm {
    /// The account's email address, typed by the admin to say they mean this one.
    confirm_email: String,
}

pub(crate) async fn delete_account(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> Result<Response, AppError> {
    let user = live_target(&page, id).await?;
    let refuse = async |message: Msg| -> Result<Response, AppError> {
        refusal(&page, &me, &user, message, &form.confirm_email).await
    };
    if user.id == me.id {
        return refuse(msg!("admin-user-delete-yourself")).await;
    }
    if !form
        .confirm_email
        .trim()
        .eq_ignore_ascii_case(user.email.as_str())
    {
        return refuse(msg!("admin-user-delete-confirm")).await;
    }
    let state = &page.state;
    let site = page.tenant()?.clone();
    // The person reads it in their own language, not the admin's.
    let lang = crate::mail::language_of(state, &page.site, &user);
    let mail = farewell_mail(&page, &user, lang, true)?;
    let deleted = state
        .store
        .admin_delete_account(
            site.tenant.id,
            user.id,
            &mail,
            &audit_actor(&me, ip),
            state.clock.now(),
        )
        .await?;
    let deleted = match deleted {
        Ok(deleted) => deleted,
        // Another admin took this one's role or account away while the deletion waited
        // for the site's lock: refused as signed-out admins are, as role changes are.
        Err(AdminDeleteRefusal::NotAnAdmin) => return Err(AppError::Forbidden),
        Err(AdminDeleteRefusal::Refused(DeleteRefusal::JobsInProgress)) => {
            return refuse(msg!("admin-user-delete-jobs-in-progress")).await;
        }
        Err(AdminDeleteRefusal::Refused(DeleteRefusal::PaymentPending)) => {
            return refuse(msg!("admin-user-delete-payment-pending")).await;
        }
        Err(AdminDeleteRefusal::Refused(DeleteRefusal::LastAdmin)) => {
            return refuse(msg!("admin-user-delete-last-admin")).await;
        }
    };
    let images = after_deletion(state, site.tenant.id, deleted);
    tracing::info!(admin = %me.id, user = %user.id, images, "account deleted by an admin");
    Ok(Redirect::to("/admin/users?done=deleted").into_response())
}

async fn refusal(
    page: &Page,
    me: &User,
    user: &User,
    message: Msg,
    typed_email: &str,
) -> Result<Response, AppError> {
    let mut errors = FormErrors::new();
    errors.insert("confirm_email", page.tr(&message));
    let typed = Typed {
        confirm_email: typed_email.to_owned(),
        ..Typed::default()
    };
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
