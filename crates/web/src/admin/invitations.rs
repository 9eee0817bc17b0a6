//! Sending an invited admin a new link, from the console that invited them: a super-admin
//! at `/platform/admins` (`POST /platform/admins/{id}/invite`), a tenant's first admins on
//! its page (`POST /platform/tenants/{slug}/invite`, the account in the form), and a site's
//! own admin on the account's profile (`admin/users/invite.rs`). Here, what they share:
//! the mail, the store's answer in words, and how an invitation is shown.

use atelier_domain::{msg, Lang, Msg, Slug, Timestamp, User, UserId};
use atelier_store::{InvitationResend, OpenInvitation, TenantSite};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::accounts::{invitation_link, FormErrors};
use crate::admin::audit_actor;
use crate::admin::tenants::platform_only;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::tenancy::Site;
use crate::AppError;

/// An open invitation as a console shows it.
#[derive(Serialize)]
pub(crate) struct InvitationRow {
    pub id: String,
    pub email: String,
    /// When the newest link went out, in the reader's language.
    pub sent: String,
    /// Whether that link has stopped working.
    pub expired: bool,
}

impl InvitationRow {
    pub(crate) fn new(lang: Lang, open: OpenInvitation, now: Timestamp) -> Self {
        Self {
            id: open.user.to_string(),
            email: open.email,
            sent: crate::when::date_time(lang, open.sent_at),
            expired: open.expires_at <= now,
        }
    }
}

/// Sends `user` (an account of `site`) a new invitation link in their language, or the
/// site's (`fallback` on the platform), with the actor recorded; wakes the mailer.
pub(crate) async fn send_again(
    page: &Page,
    me: &User,
    ip: ClientIp,
    site: &Site,
    user: &User,
) -> Result<InvitationResend, AppError> {
    let state = &page.state;
    let lang = user.language.unwrap_or(match site {
        Site::Tenant(t) => t.tenant.settings.default_language,
        // The platform's accounts were invited in the inviting admin's language.
        Site::Platform => page.lang,
    });
    let tenant = match site {
        Site::Tenant(t) => Some(t.tenant.id),
        Site::Platform => None,
    };
    let link = invitation_link(state, site, &user.email, lang)?;
    let outcome = state
        .store
        .resend_invitation(
            tenant,
            user.id,
            &link,
            &audit_actor(me, ip),
            state.clock.now(),
        )
        .await?;
    if outcome == InvitationResend::Sent {
        state.mailer.wake();
        tracing::info!(by = %me.id, user = %user.id, "invitation sent again");
    }
    Ok(outcome)
}

/// Why a new invitation was not sent, in words, with the status the page answers; `None`
/// when it was sent. A super-admin who forgot their password has no reset page (the
/// platform host has none), so their refusal says what to do instead.
pub(crate) fn refusal(outcome: InvitationResend, user: &User) -> Option<(StatusCode, Msg)> {
    let email = user.email.as_str();
    match outcome {
        InvitationResend::Sent => None,
        InvitationResend::HasPassword if user.tenant_id.is_none() => Some((
            StatusCode::CONFLICT,
            msg!("invite-resend-has-password-platform", email = email),
        )),
        InvitationResend::HasPassword => Some((
            StatusCode::CONFLICT,
            msg!("invite-resend-has-password", email = email),
        )),
        InvitationResend::TooSoon { wait_secs } => Some((
            StatusCode::TOO_MANY_REQUESTS,
            msg!("invite-resend-too-soon", email = email, seconds = wait_secs),
        )),
    }
}

/// The address a "sent" notice names, as a signed query string.
pub(crate) fn sent_query(state: &crate::AppState, email: &str) -> String {
    crate::admin::notice_query(state, &[("invited", email)])
}

/// `POST /platform/admins/{id}/invite`: a super-admin still invited gets a new link.
pub(crate) async fn platform_admin(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let user = page
        .state
        .store
        .find_user(None, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let outcome = send_again(&page, &me, ip, &Site::Platform, &user).await?;
    let Some((status, why)) = refusal(outcome, &user) else {
        let query = sent_query(&page.state, user.email.as_str());
        return Ok(Redirect::to(&format!("/platform/admins?{query}")).into_response());
    };
    let mut errors = FormErrors::new();
    errors.insert("form", page.tr(&why));
    crate::admin::platform_admins::render_refusal(&page, me.id, errors, status).await
}

/// The account a tenant page's button names.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AccountForm {
    user: String,
}

/// `POST /platform/tenants/{slug}/invite`: one of the tenant's admins still invited gets a
/// new link to the tenant's site. An account of another tenant, or none, is not found.
pub(crate) async fn tenant_admin(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(slug): PathId<Slug>,
    CsrfForm(form): CsrfForm<AccountForm>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let state = &page.state;
    let tenant = crate::admin::tenants::tenant_at(&page, &slug).await?;
    let id = uuid::Uuid::try_parse(form.user.trim()).map_err(|_| AppError::NotFound)?;
    let user = state
        .store
        .find_user(Some(tenant.id), UserId(id))
        .await?
        .ok_or(AppError::NotFound)?;
    let domains = state.store.tenant_domains(tenant.id).await?;
    let site = Site::Tenant(std::sync::Arc::new(TenantSite {
        tenant: tenant.clone(),
        domains,
    }));
    let outcome = send_again(&page, &me, ip, &site, &user).await?;
    let Some((status, why)) = refusal(outcome, &user) else {
        let query = sent_query(&page.state, user.email.as_str());
        return Ok(Redirect::to(&format!("/platform/tenants/{slug}?{query}")).into_response());
    };
    crate::admin::tenants::show_refusal(&page, &tenant, "form", page.tr(&why), status).await
}
