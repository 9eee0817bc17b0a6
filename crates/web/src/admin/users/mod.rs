//! `/admin/users`: a tenant's accounts, newest first, searchable by the start of an email
//! address or a name; each account's profile (`profile.rs`) with its credits
//! (`credits.rs`), its status and role (`status.rs`), its deletion (`delete.rs`) and, for
//! an invited account, a new invitation (`invite.rs`). A deleted account stays in the list,
//! marked as such and without actions: its row holds the site's books (its ledger and
//! payments), which an admin may still need to read; nothing changes it any more.

mod credits;
mod delete;
mod invite;
mod profile;
mod status;

use atelier_domain::{msg, refuse_control_characters, User, UserId};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::accounts::FormErrors;
use crate::auth::CurrentUser;
use crate::cursor::{keep_page, page_url, PageCursor, Pager};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

pub(crate) use credits::adjust_credits;
pub(crate) use delete::delete_account;
pub(crate) use invite::resend_invitation;
pub(crate) use profile::show;
pub(crate) use status::{change_role, disable, enable};

const USERS_PAGE: i64 = 25;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    /// Where the previous page ended: `<millis>.<uuid>` of its last account.
    after: String,
    /// What the admin searched for: the start of an email address or a name.
    q: String,
    done: Option<String>,
}

/// Longer than any email address: a search past it could match nothing.
const MAX_SEARCH_CHARS: usize = 254;

#[derive(Serialize)]
struct UserRow {
    id: String,
    email: String,
    name: String,
    role: &'static str,
    balance: i64,
    held: i64,
    disabled: bool,
    deleted: bool,
    verified: bool,
    created: String,
}

pub(crate) async fn list(
    page: Page,
    CurrentUser(me): CurrentUser,
    PageQuery(query): PageQuery<ListQuery>,
) -> Result<Response, AppError> {
    render_list(&page, &me, query, None).await
}

/// A change refused on the list: the account it was for, and why, said beside its actions.
struct RowRefusal {
    user: UserId,
    message: String,
}

/// The list, for its own GET and for a change on it that was refused (`refused`, answered
/// 409 with the first page).
async fn render_list(
    page: &Page,
    me: &User,
    query: ListQuery,
    refused: Option<RowRefusal>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    // What the list says about a "Next" link that does not read.
    let damaged = page.tr(&msg!("admin-users-damaged-cursor"));
    let after = PageCursor::read(&query.after, &damaged)?;
    let store = &page.state.store;
    let mut errors = FormErrors::new();
    let mut q: String = query.q.trim().chars().take(MAX_SEARCH_CHARS).collect();
    // Invisible characters match no one, and PostgreSQL refuses a NUL in a query: say so
    // beside the box and list everyone.
    if let Err(invalid) = refuse_control_characters("q", &q, false) {
        errors.insert("q", page.tr(&invalid.message));
        q.clear();
    }
    let before = after.map(|c| c.key(UserId));
    let mut listed = if q.is_empty() {
        store.list_users(tenant, before, USERS_PAGE + 1).await?
    } else {
        store
            .search_users(tenant, &q, before, USERS_PAGE + 1)
            .await?
    };
    let older_url = keep_page(&mut listed, USERS_PAGE).map(|last| {
        let cursor = PageCursor::new(last.created_at, last.id.0).to_string();
        page_url("/admin/users", &[("q", &q), ("after", &cursor)])
    });
    let pagination = Pager::new(
        &page_url("/admin/users", &[("q", &q)]),
        after.is_some(),
        older_url,
    );
    // A refused row off this page is said above the list instead.
    let mut refused_row = None;
    if let Some(refused) = refused {
        if listed.iter().any(|u| u.id == refused.user) {
            refused_row = Some((refused.user.to_string(), refused.message));
        } else {
            errors.insert("form", refused.message);
        }
    }
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
            deleted: u.deleted,
            verified: u.email_verified,
            created: crate::when::date(page.lang, u.created_at),
        })
        .collect();
    let notice = match query.done.as_deref() {
        Some("disabled") => Some(msg!("admin-users-done-disabled")),
        Some("enabled") => Some(msg!("admin-users-done-enabled")),
        Some("role") => Some(msg!("admin-users-done-role")),
        Some("deleted") => Some(msg!("admin-users-done-deleted")),
        _ => None,
    }
    .map(|m| page.tr(&m));
    let status = if refused_row.is_some() || errors.contains_key("form") {
        StatusCode::CONFLICT
    } else if errors.contains_key("q") {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let ctx = minijinja::context! {
        users => users,
        pagination => pagination,
        current_user_id => me.id.to_string(),
        q => q,
        notice => notice,
        errors => errors,
        refused_id => refused_row.as_ref().map(|(id, _)| id.clone()),
        refused_message => refused_row.map(|(_, m)| m),
    };
    let Html(body) = page.render_form("admin/users.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

/// An account of this tenant named in the path, deleted or not (its profile stays readable
/// for the books); anything else, including another tenant's account, is not found.
async fn target(page: &Page, id: UserId) -> Result<User, AppError> {
    let tenant = page.tenant()?.tenant.id;
    page.state
        .store
        .find_user(Some(tenant), id)
        .await?
        .ok_or(AppError::NotFound)
}

/// [`target`] for a change: a deleted account is not found either, as nothing may change
/// it (the store refuses it too, should it be deleted meanwhile).
async fn live_target(page: &Page, id: UserId) -> Result<User, AppError> {
    let user = target(page, id).await?;
    if user.deleted {
        return Err(AppError::NotFound);
    }
    Ok(user)
}
