//! `GET /admin/users/{id}`: one account as its site's admin sees it: who, role and state,
//! credits, its credit history with who made each change (keyset, newest first), its
//! payments, a link to its jobs, and the forms that adjust its credits, disable or enable it,
//! delete it, and (while it is invited) send it a new invitation.

use atelier_domain::{msg, LedgerReason, Msg, User, UserId};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::target;
use crate::accounts::FormErrors;
use crate::admin::invitations::InvitationRow;
use crate::auth::CurrentUser;
use crate::cursor::{keep_page, page_url, PageCursor, Pager};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

const LEDGER_PAGE: i64 = 25;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ProfileQuery {
    /// Where the previous page of the ledger ended: `<millis>.<uuid>` of its last row.
    after: String,
    done: String,
}

/// What the admin typed into the profile's forms, shown again beside their errors.
#[derive(Serialize, Default)]
pub(super) struct Typed {
    pub delta: String,
    pub reason: String,
    pub confirm_email: String,
}

#[derive(Serialize)]
struct LedgerRow {
    when: String,
    delta: i64,
    reason: String,
    reference: String,
    actor: Option<String>,
}

/// How a ledger row's reason reads on the admin's page.
fn reason_label(reason: LedgerReason) -> Msg {
    match reason {
        LedgerReason::SignupBonus => msg!("accounts-ledger-signup-bonus"),
        LedgerReason::Purchase => msg!("accounts-ledger-purchase"),
        LedgerReason::Generation => msg!("accounts-ledger-generation"),
        LedgerReason::AdminAdjustment => msg!("admin-user-ledger-adjustment"),
    }
}

/// The notice a `?done=` after one of the profile's forms shows.
fn notice(done: &str) -> Option<Msg> {
    match done {
        "credits" => Some(msg!("admin-user-done-credits")),
        "disabled" => Some(msg!("admin-users-done-disabled")),
        "enabled" => Some(msg!("admin-users-done-enabled")),
        "invited" => Some(msg!("invite-resend-sent-profile")),
        _ => None,
    }
}

pub(crate) async fn show(
    page: Page,
    CurrentUser(me): CurrentUser,
    PathId(id): PathId<UserId>,
    PageQuery(query): PageQuery<ProfileQuery>,
) -> Result<Response, AppError> {
    let user = target(&page, id).await?;
    let damaged = page.tr(&msg!("admin-user-damaged-cursor"));
    let after = PageCursor::read(&query.after, &damaged)?;
    let notice = notice(&query.done).map(|m| page.tr(&m));
    render(
        &page,
        &me,
        &user,
        after,
        notice,
        FormErrors::new(),
        Typed::default(),
        StatusCode::OK,
    )
    .await
}

/// The profile page, for its own GET and for a form of it that comes back with errors.
#[expect(
    clippy::too_many_arguments,
    reason = "the page's parts, each named at the call"
)]
pub(super) async fn render(
    page: &Page,
    me: &User,
    user: &User,
    after: Option<PageCursor>,
    notice: Option<String>,
    errors: FormErrors,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let store = &page.state.store;
    let mut ledger = store
        .admin_ledger_page(
            tenant,
            user.id,
            after.map(|c| (c.at, c.id)),
            LEDGER_PAGE + 1,
        )
        .await?;
    let base = format!("/admin/users/{}", user.id);
    let older_url = keep_page(&mut ledger, LEDGER_PAGE).map(|last| {
        let cursor = PageCursor::new(last.entry.created_at, last.entry.id).to_string();
        page_url(&base, &[("after", &cursor)])
    });
    let pagination = Pager::new(&base, after.is_some(), older_url);
    let lang = page.lang;
    let ledger: Vec<LedgerRow> = ledger
        .into_iter()
        .map(|row| LedgerRow {
            when: crate::when::date_time(lang, row.entry.created_at),
            delta: row.entry.delta,
            reason: reason_label(row.entry.reason).in_lang(lang),
            reference: row.entry.reference,
            actor: row.actor_email,
        })
        .collect();
    let payments = store.payment_counts(tenant, user.id).await?;
    let now = page.state.clock.now();
    let invitation = store
        .open_invitation(Some(tenant), user.id)
        .await?
        .map(|open| InvitationRow::new(lang, open, now));
    let ctx = minijinja::context! {
        person => minijinja::context! {
            id => user.id.to_string(),
            email => user.email.as_str(),
            name => &user.name,
            role => user.role.as_str(),
            disabled => user.disabled,
            deleted => user.deleted,
            verified => user.email_verified,
            joined => crate::when::date(lang, user.created_at),
            balance => user.balance.get(),
            held => user.held.get(),
            available => user.available().get(),
        },
        is_me => user.id == me.id,
        jobs_url => page_url("/admin/jobs", &[("user", user.email.as_str())]),
        payments => minijinja::context! {
            approved => payments.approved,
            pending => payments.pending,
            rejected => payments.rejected,
            total => payments.approved + payments.pending + payments.rejected,
        },
        invitation => invitation,
        ledger => ledger,
        pagination => pagination,
        notice => notice,
        errors => errors,
        typed => typed,
        // The credits form's one-time id: posted twice, it adjusts once.
        adjustment_id => uuid::Uuid::new_v4().to_string(),
    };
    let Html(body) = page.render_form("admin/user.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}
