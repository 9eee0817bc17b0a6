use atelier_domain::{msg, Role, UserId};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::auth::{CsrfForm, CurrentUser};
use crate::cursor::{keep_page, PageCursor, Pager};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

const USERS_PAGE: i64 = 25;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    /// Where the previous page ended: `<millis>.<uuid>` of its last account.
    after: String,
    done: Option<String>,
}

#[derive(Serialize)]
struct UserRow {
    id: String,
    email: String,
    name: String,
    role: &'static str,
    balance: i64,
    held: i64,
    disabled: bool,
    verified: bool,
    created: String,
}

pub(crate) async fn list(
    page: Page,
    CurrentUser(me): CurrentUser,
    PageQuery(query): PageQuery<ListQuery>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    // What the list says about a "Next" link that does not read.
    let damaged = page.tr(&msg!("admin-users-damaged-cursor"));
    let after = PageCursor::read(&query.after, &damaged)?;
    let store = &page.state.store;
    let mut listed = store
        .list_users(tenant, after.map(|c| c.key(UserId)), USERS_PAGE + 1)
        .await?;
    let older_url = keep_page(&mut listed, USERS_PAGE).map(|last| {
        format!(
            "/admin/users?after={}",
            PageCursor::new(last.created_at, last.id.0)
        )
    });
    let pagination = Pager::new("/admin/users", after.is_some(), older_url);
    let users: Vec<UserRow> = listed
        .into_iter()
        .map(|u| UserRow {
            id: u.id.to_string(),
            email: u.email.to_string(),
            name: u.name,
            role: u.role.as_str(),
            balance: u.balance.get(),
            held: u.held.get(),
            disabled: u.disabled,
            verified: u.email_verified,
            created: crate::when::date(page.lang, u.created_at),
        })
        .collect();
    let notice = match query.done.as_deref() {
        Some("disabled") => Some(msg!("admin-users-done-disabled")),
        Some("enabled") => Some(msg!("admin-users-done-enabled")),
        Some("role") => Some(msg!("admin-users-done-role")),
        _ => None,
    }
    .map(|m| page.tr(&m));
    let ctx = minijinja::context! {
        users => users,
        pagination => pagination,
        current_user_id => me.id.to_string(),
        notice => notice,
    };
    Ok(page
        .render_form("admin/users.html", ctx)
        .await?
        .into_response())
}

/// An account of this tenant named in the path; anything else, including another
/// tenant's account, is not found.
async fn target(page: &Page, id: UserId) -> Result<atelier_domain::User, AppError> {
    let tenant = page.tenant()?.tenant.id;
    page.state
        .store
        .find_user(Some(tenant), id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn set_disabled(
    page: Page,
    me: atelier_domain::User,
    id: UserId,
    disabled: bool,
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
        .set_user_disabled(tenant, user.id, disabled, page.state.clock.now())
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
    Ok(Redirect::to(&format!("/admin/users?done={done}")).into_response())
}

pub(crate) async fn disable(
    page: Page,
    CurrentUser(me): CurrentUser,
    PathId(id): PathId<UserId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    set_disabled(page, me, id, true).await
}

pub(crate) async fn enable(
    page: Page,
    CurrentUser(me): CurrentUser,
    PathId(id): PathId<UserId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    set_disabled(page, me, id, false).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RoleForm {
    role: String,
}

pub(crate) async fn change_role(
    page: Page,
    CurrentUser(me): CurrentUser,
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
        .set_user_role(tenant, user.id, role, page.state.clock.now())
        .await?;
    tracing::info!(admin = %me.id, user = %user.id, role = role.as_str(), "role changed");
    Ok(Redirect::to("/admin/users?done=role").into_response())
}
