//! `/admin/users`: a tenant's accounts, newest first, searchable by the start of an email
//! address or a name; each account's profile (`profile.rs`) with its credits
//! (`credits.rs`), its status and role (`status.rs`), its deletion (`delete.rs`) and, for
//! an invited account, a new invitation (`invite.rs`).

mod credits;
mod delete;
mod invite;
mod profile;
mod status;

use atelier_domain::{msg, UserId};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

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
    let q: String = query.q.trim().chars().take(MAX_SEARCH_CHARS).collect();
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
        Some("deleted") => Some(msg!("admin-users-done-deleted")),
        _ => None,
    }
    .map(|m| page.tr(&m));
    let ctx = minijinja::context! {
        users => users,
        pagination => pagination,
        current_user_id => me.id.to_string(),
        q => q,
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
