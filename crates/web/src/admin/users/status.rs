//! Disabling, enabling and the role of an account, from the list or from its profile;
//! each change goes to the audit log (`user.disable`, `user.enable`, `user.role`). A site
//! always keeps an enabled admin: a change that would take the last one away is refused
//! beside the button (409), and an admin whose own role or account was taken away a moment
//! before (two admins removing each other at once) is refused as signed-out admins are (403).

use atelier_domain::{msg, Msg, Role, User, UserId};
use atelier_store::AccountChangeRefusal;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::profile::{render, Typed};
use super::{live_target, render_list, ListQuery, RowRefusal};
use crate::accounts::FormErrors;
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

/// Where a status form was posted from: `back=profile` returns to the account's profile,
/// anything else to the list.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct StatusForm {
    back: String,
}

async fn set_disabled(
    page: Page,
    me: User,
    ip: ClientIp,
    id: UserId,
    disabled: bool,
    back: &str,
) -> Result<Response, AppError> {
    let user = live_target(&page, id).await?;
    if user.id == me.id {
        return Err(AppError::BadRequest(
            page.tr(&msg!("admin-users-not-yourself")),
        ));
    }
    let tenant = page.tenant()?.tenant.id;
    let changed = page
        .state
        .store
        .admin_set_user_disabled(
            tenant,
            user.id,
            disabled,
            &audit_actor(&me, ip),
            page.state.clock.now(),
        )
        .await?;
    let canceled = match changed {
        Ok(canceled) => canceled,
        Err(refusal) => return refuse(&page, &me, &user, refusal, back == "profile").await,
    };
    // Its API tokens stop working at once too.
    page.state.api_tokens.invalidate_all();
    // Streams watching its jobs look again now: they show the cancel, and the account's own
    // streams end.
    for job in canceled.all() {
        let _ = page.state.job_events.send(job);
    }
    tracing::info!(
        admin = %me.id,
        user = %user.id,
        disabled,
        jobs_ended = canceled.ended.len(),
        jobs_stopping = canceled.stopping.len(),
        "account status changed"
    );
    let done = if disabled { "disabled" } else { "enabled" };
    let to = if back == "profile" {
        format!("/admin/users/{}?done={done}", user.id)
    } else {
        format!("/admin/users?done={done}")
    };
    Ok(Redirect::to(&to).into_response())
}

pub(crate) async fn disable(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, AppError> {
    set_disabled(page, me, ip, id, true, &form.back).await
}

pub(crate) async fn enable(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, AppError> {
    set_disabled(page, me, ip, id, false, &form.back).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RoleForm {
    role: String,
}

pub(crate) async fn change_role(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, AppError> {
    let user = live_target(&page, id).await?;
    let role = match Role::parse(&form.role) {
        Some(r @ (Role::User | Role::TenantAdmin)) => r,
        _ => {
            return Err(AppError::BadRequest(
                page.tr(&msg!("admin-users-choose-role")),
            ))
        }
    };
    if user.id == me.id {
        return Err(AppError::BadRequest(
            page.tr(&msg!("admin-users-not-your-role")),
        ));
    }
    let tenant = page.tenant()?.tenant.id;
    let changed = page
        .state
        .store
        .admin_set_user_role(
            tenant,
            user.id,
            role,
            &audit_actor(&me, ip),
            page.state.clock.now(),
        )
        .await?;
    if let Err(refusal) = changed {
        return refuse(&page, &me, &user, refusal, false).await;
    }
    tracing::info!(admin = %me.id, user = %user.id, role = role.as_str(), "role changed");
    Ok(Redirect::to("/admin/users?done=role").into_response())
}

/// A refused change: the last admin's, said beside the button on the page it was pressed
/// on (the profile or the list); the asker's, who is no admin any more, forbidden.
async fn refuse(
    page: &Page,
    me: &User,
    user: &User,
    refusal: AccountChangeRefusal,
    on_profile: bool,
) -> Result<Response, AppError> {
    let message: Msg = match refusal {
        AccountChangeRefusal::NotAnAdmin => return Err(AppError::Forbidden),
        AccountChangeRefusal::LastAdmin => msg!("admin-users-last-admin"),
    };
    tracing::info!(admin = %me.id, user = %user.id, "refused: the site's last admin");
    if on_profile {
        let mut errors = FormErrors::new();
        errors.insert("status", page.tr(&message));
        return render(
            page,
            me,
            user,
            None,
            None,
            errors,
            Typed::default(),
            StatusCode::CONFLICT,
        )
        .await;
    }
    let refused = RowRefusal {
        user: user.id,
        message: page.tr(&message),
    };
    render_list(page, me, ListQuery::default(), Some(refused)).await
}
