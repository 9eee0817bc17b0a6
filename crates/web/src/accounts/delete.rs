//! `POST /account/delete`: a person deletes their own account after typing their password.
//! Their sign-in, sessions, tokens, prompts and images go; the ledger and payment rows stay,
//! detached from them (`Store::delete_own_account`); a mail to the address they had confirms
//! it.

use atelier_domain::{msg, Lang, Msg, TenantId, User};
use atelier_store::{DeleteRefusal, DeletedAccount, NewMail};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::account::{is_current_password, render_account};
use super::FormErrors;
use crate::auth::{CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::{AppError, AppState};

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct DeleteForm {
    password: String,
}

pub(crate) async fn delete_account(
    page: Page,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> Result<Response, AppError> {
    let state = &page.state;
    let site = page.tenant()?.clone();
    let refuse = async |message: Msg| -> Result<Response, AppError> {
        let mut errors = FormErrors::new();
        errors.insert("delete_password", page.tr(&message));
        let Html(body) = render_account(&page, &user, None, None, None, errors, None).await?;
        Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
    };
    if !is_current_password(&page, &user, form.password).await? {
        return refuse(msg!("accounts-delete-wrong-password")).await;
    }
    // The page's language: the person is reading it as they delete.
    let mail = farewell_mail(&page, &user, page.lang, false)?;
    let deleted = state
        .store
        .delete_own_account(site.tenant.id, user.id, &mail, state.clock.now())
        .await?;
    let deleted = match deleted {
        Ok(deleted) => deleted,
        Err(DeleteRefusal::JobsInProgress) => {
            return refuse(msg!("accounts-delete-jobs-in-progress")).await;
        }
        Err(DeleteRefusal::PaymentPending) => {
            return refuse(msg!("accounts-delete-payment-pending")).await;
        }
        Err(DeleteRefusal::LastAdmin) => {
            return refuse(msg!("accounts-delete-last-admin")).await;
        }
    };
    let images = after_deletion(state, site.tenant.id, deleted);
    page.session.sign_out(state).await?;
    tracing::info!(user = %user.id, images, "account deleted by its owner");
    let Html(body) = page.render(
        "message.html",
        minijinja::context! {
            title => page.tr(&msg!("accounts-deleted-title")),
            message => page.tr(&msg!(
                "accounts-deleted-message",
                site = &site.tenant.settings.name
            )),
            link_href => "/",
            link_text => page.tr(&msg!("accounts-deleted-home")),
        },
    )?;
    Ok(Html(body).into_response())
}

/// The mail that tells a person their account was deleted (`by_admin`: by the site's admin
/// rather than by them), in `lang`.
pub(crate) fn farewell_mail(
    page: &Page,
    user: &User,
    lang: Lang,
    by_admin: bool,
) -> Result<NewMail, AppError> {
    let site = page.tenant()?;
    crate::mail::render(
        &page.state,
        &page.site,
        &user.email,
        lang,
        &msg!(
            "mail-account-deleted-subject",
            site = &site.tenant.settings.name
        ),
        "account_deleted",
        minijinja::context! { by_admin => by_admin },
    )
}

/// What follows a deletion, whoever asked for it: nothing of the person is served from
/// memory any more, the farewell mail is sent, and their images' files go in a task of
/// their own, so a request cut short (a closed tab, a timeout) does not leave them behind.
/// How many images go.
pub(crate) fn after_deletion(state: &AppState, tenant: TenantId, deleted: DeletedAccount) -> usize {
    state.api_tokens.invalidate_all();
    state.forget_finished_jobs();
    state.mailer.wake();
    let storage = state.storage.clone();
    let images = deleted.images.len();
    tokio::spawn(async move {
        for image in &deleted.images {
            storage.remove(tenant, *image).await;
        }
    });
    images
}
