//! Disabling, enabling and the role of an account, from the list or from its profile;
//! each change goes to the audit log (disabling and enabling: `user.disable`, `user.enable`).

use atelier_domain::{msg, Role, UserId};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::target;
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
    me: atelier_domain::User,
    ip: ClientIp,
    id: UserId,
    disabled: bool,
    back: &str,
) -> Result<Response, AppError> {
    let user = target(&page, id).await?;
    if user.id == me.id {
        return Err(AppError::BadRequest(
            page.tr(&msg!("admin-users-not-yourself")),
        ));
    }
    let tenant = page.tenant()?.tenant.id;
    let canceled = page
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
    ip: crate::auth::ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, AppError> {
    let user = target(&page, id).await?;
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
    page.state
        .store
        .set_user_role(
            tenant,
            user.id,
            role,
            Some(&crate::admin::audit_actor(&me, ip)),
            page.state.clock.now(),
        )
        .await?;
    tracing::info!(admin = %me.id, user = %user.id, role = role.as_str(), "role changed");
    Ok(Redirect::to("/admin/users?done=role").into_response())
}
