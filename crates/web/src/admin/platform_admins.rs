//! `/platform/admins`: the platform's own accounts (super-admins). One is added by address:
//! the account is made without a password and its owner mailed an invitation to choose one;
//! one is removed by another (never by themselves), and the last one stays.

use atelier_domain::{msg, Email, Msg, UserId};
use atelier_store::{AdminRemoval, StoreError};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::accounts::{invitation, FormErrors};
use crate::admin::invitations::InvitationRow;
use crate::admin::tenants::platform_only;
use crate::admin::{audit_actor, notice_query, notice_vouched};
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

#[derive(Serialize)]
struct AdminRow {
    id: String,
    email: String,
    invited: bool,
    you: bool,
    since: String,
    /// An invited account's newest link: when it went out, and whether it still works.
    invitation: Option<InvitationRow>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Done {
    added: String,
    removed: String,
    /// Sent a new invitation.
    invited: String,
    /// This server's signature of the above (see [`notice_query`]).
    n: String,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub(crate) struct AddForm {
    email: String,
}

async fn render(
    page: &Page,
    me: UserId,
    form: &AddForm,
    errors: FormErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let now = page.state.clock.now();
    let mut open = page.state.store.open_invitations(None).await?;
    let admins: Vec<AdminRow> = page
        .state
        .store
        .list_platform_admins()
        .await?
        .into_iter()
        .map(|a| AdminRow {
            id: a.id.to_string(),
            you: a.id == me,
            invitation: open
                .iter()
                .position(|o| o.user == a.id)
                .map(|at| InvitationRow::new(page.lang, open.swap_remove(at), now)),
            email: a.email,
            invited: a.invited,
            since: crate::when::date(page.lang, a.created_at),
        })
        .collect();
    let ctx = minijinja::context! {
        admins => admins,
        form => form,
        errors => errors,
        notice => notice,
    };
    let Html(body) = page.render_form("platform/admins.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn list(
    page: Page,
    CurrentUser(me): CurrentUser,
    PageQuery(done): PageQuery<Done>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let pairs = [
        ("added", done.added.as_str()),
        ("removed", done.removed.as_str()),
        ("invited", done.invited.as_str()),
    ];
    let notice = if !notice_vouched(&page.state, &pairs, &done.n) {
        None
    } else if !done.added.is_empty() {
        Some(msg!("platform-console-admin-invited", email = done.added))
    } else if !done.removed.is_empty() {
        Some(msg!("platform-console-admin-removed", email = done.removed))
    } else if !done.invited.is_empty() {
        Some(msg!("invite-resend-sent", email = done.invited))
    } else {
        None
    };
    let notice = notice.map(|m| page.tr(&m));
    render(
        &page,
        me.id,
        &AddForm::default(),
        FormErrors::new(),
        notice,
        StatusCode::OK,
    )
    .await
}

/// The page again with why an action on one of its rows was refused.
pub(crate) async fn render_refusal(
    page: &Page,
    me: UserId,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    render(page, me, &AddForm::default(), errors, None, status).await
}

pub(crate) async fn add(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<AddForm>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let state = &page.state;
    // The form again, its address kept, with why it was refused beside the field.
    let refuse = async |message: &Msg| -> Result<Response, AppError> {
        let mut errors = FormErrors::new();
        errors.insert("email", page.tr(message));
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        render(&page, me.id, &form, errors, None, status).await
    };
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(e) => return refuse(&e.message).await,
    };
    let taken = msg!("platform-console-admin-exists", email = email.as_str());
    if state.store.find_credentials(None, &email).await?.is_some() {
        return refuse(&taken).await;
    }
    // The platform host speaks the inviting admin's language; so does the mail.
    let invite = invitation(state, &page.site, &email, page.lang).await?;
    match state
        .store
        .invite_super_admin(&invite, &audit_actor(&me, ip), state.clock.now())
        .await
    {
        Ok(_) => {}
        Err(StoreError::Conflict(_)) => return refuse(&taken).await,
        Err(e) => return Err(e.into()),
    }
    state.mailer.wake();
    tracing::info!(by = %me.id, "super-admin invited");
    let query = notice_query(state, &[("added", email.as_str())]);
    Ok(Redirect::to(&format!("/platform/admins?{query}")).into_response())
}

pub(crate) async fn remove(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let state = &page.state;
    let email = state
        .store
        .find_user(None, id)
        .await?
        .ok_or(AppError::NotFound)?
        .email;
    let outcome = state
        .store
        .remove_super_admin(id, &audit_actor(&me, ip), state.clock.now())
        .await?;
    let refusal = match outcome {
        AdminRemoval::Removed => {
            tracing::info!(by = %me.id, user = %id, "super-admin removed");
            let query = notice_query(state, &[("removed", email.as_str())]);
            return Ok(Redirect::to(&format!("/platform/admins?{query}")).into_response());
        }
        AdminRemoval::Yourself => msg!("platform-console-admin-not-yourself"),
        AdminRemoval::LastOne => msg!("platform-console-admin-last"),
    };
    let mut errors = FormErrors::new();
    errors.insert("form", page.tr(&refusal));
    render(
        &page,
        me.id,
        &AddForm::default(),
        errors,
        None,
        StatusCode::CONFLICT,
    )
    .await
}
