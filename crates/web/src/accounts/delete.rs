//! `POST /account/delete`: a person deletes their own account after typing their password.
//! Their sign-in, sessions, tokens, prompts and images go; the ledger and payment rows stay,
//! detached from them (`Store::delete_own_account`); a mail to the address they had confirms
//! it.

use atelier_store::DeleteRefusal;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::account::{is_current_password, render_account};
use super::FormErrors;
use crate::auth::{CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::AppError;

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
    let refuse = async |message: &str| -> Result<Response, AppError> {
        let mut errors = FormErrors::new();
        errors.insert("delete_password", message.to_owned());
        let Html(body) = render_account(&page, &user, None, None, None, errors, None).await?;
        Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
    };
    if !is_current_password(&page, &user, form.password).await? {
        return refuse("That is not your password; your account is unchanged.").await;
    }
    let mail = crate::mail::render(
        state,
        &page.site,
        &user.email,
        // The page's language: the person is reading it as they delete.
        page.lang,
        &atelier_domain::msg!(
            "mail-account-deleted-subject",
            site = &site.tenant.settings.name
        ),
        "account_deleted",
        minijinja::context! {},
    )?;
    let deleted = state
        .store
        .delete_own_account(site.tenant.id, user.id, &mail, state.clock.now())
        .await?;
    let deleted = match deleted {
        Ok(deleted) => deleted,
        Err(DeleteRefusal::JobsInProgress) => {
            return refuse(
                "You have images in progress: wait for them to finish, or cancel them, then \
                 delete your account.",
            )
            .await;
        }
        Err(DeleteRefusal::PaymentPending) => {
            return refuse(
                "A payment of yours waits for the site's decision: delete your account once \
                 it is decided, so that its credits do not go to nobody.",
            )
            .await;
        }
        Err(DeleteRefusal::LastAdmin) => {
            return refuse(
                "You are this site's only admin: make someone else an admin first, so the \
                 site is not left without one.",
            )
            .await;
        }
    };
    // Nothing of the person is served from memory any more.
    state.api_tokens.invalidate_all();
    state.forget_finished_jobs();
    state.mailer.wake();
    // The files go in a task of their own: a request cut short (a closed tab, a timeout)
    // must not leave them behind.
    let (storage, tenant) = (state.storage.clone(), site.tenant.id);
    let images = deleted.images.len();
    tokio::spawn(async move {
        for image in &deleted.images {
            storage.remove(tenant, *image).await;
        }
    });
    page.session.sign_out(state).await?;
    tracing::info!(user = %user.id, images, "account deleted by its owner");
    let Html(body) = page.render(
        "message.html",
        minijinja::context! {
            title => "Your account is deleted",
            message => format!(
                "Your sign-in, prompts and images are gone from {}. A mail to your address \
                 confirms it; we keep only the record of payments and credits the law asks a \
                 business to keep, with nothing that says who you are.",
                site.tenant.settings.name
            ),
            link_href => "/",
            link_text => "Back to the home page",
        },
    )?;
    Ok(Html(body).into_response())
}
