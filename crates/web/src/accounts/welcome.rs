//! Invitations: the mail a new admin gets (a tenant's first admin, a new super-admin) and
//! the page its link opens (`/welcome?token=…`, on the tenant's site or the platform host),
//! where they choose their first password. The link is a single-use token like a reset
//! link's, of its own purpose, and lives longer: the invitee may read the mail days later.

use atelier_domain::{hash_token, msg, Email, Lang, NewPassword, SecretToken};
use atelier_store::{Invitation, InvitationLink, TokenOutcome};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{first_origin, link_lifetime, FormErrors};
use crate::auth::CsrfForm;
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::tenancy::Site;
use crate::{AppError, AppState};

/// How long an invitation link works: three days.
pub(crate) const INVITATION_LINK_MINUTES: i64 = 72 * 60;

/// An invitation for `email` to an account on `site`, with its mail written in `lang`
/// (what `site` names: the tenant, or the platform). Nothing is stored: the caller stores
/// the account, the link and the mail together.
pub(crate) async fn invitation(
    state: &AppState,
    site: &Site,
    email: &Email,
    lang: Lang,
) -> Result<Invitation, AppError> {
    // A password nobody is told, hashed like any other, so signing in as the invitee
    // before they accept fails as slowly as a wrong password does.
    let unknown = SecretToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
    let unknown =
        NewPassword::parse(unknown.expose(), &[]).map_err(|e| AppError::Internal(e.to_string()))?;
    let password_hash = state.password_work.hash_new(None, unknown).await?;
    let link = invitation_link(state, site, email, lang)?;
    Ok(Invitation {
        email: email.clone(),
        password_hash,
        token_hash: link.token_hash,
        expires_at: link.expires_at,
        mail: link.mail,
    })
}

/// A new invitation link for `email` on `site` and the mail that carries it, in `lang`:
/// for a first invitation ([`invitation`]) and for each one sent again.
pub(crate) fn invitation_link(
    state: &AppState,
    site: &Site,
    email: &Email,
    lang: Lang,
) -> Result<InvitationLink, AppError> {
    let token = SecretToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
    let link = format!(
        "{}/welcome?token={}",
        first_origin(state, site),
        token.expose()
    );
    let (name, role) = match site {
        Site::Tenant(t) => (
            t.tenant.settings.name.clone(),
            msg!("platform-console-invite-role-tenant"),
        ),
        Site::Platform => (
            state.settings.platform_name.clone(),
            msg!("platform-console-invite-role-platform"),
        ),
    };
    let expires = link_lifetime(INVITATION_LINK_MINUTES);
    let mail = crate::mail::render(
        state,
        site,
        email,
        lang,
        &msg!("platform-console-invite-subject", site = name.as_str()),
        "invitation",
        minijinja::context! {
            link => link,
            site_name => name,
            role => role.in_lang(lang),
            expires => expires.in_lang(lang),
        },
    )?;
    let now = state.clock.now();
    Ok(InvitationLink {
        token_hash: token.hash(),
        expires_at: now.plus_millis(INVITATION_LINK_MINUTES * 60_000),
        mail,
    })
}

/// The tenant whose accounts this site's links open; `None` on the platform host.
fn tenant_of(site: &Site) -> Option<atelier_domain::TenantId> {
    match site {
        Site::Tenant(t) => Some(t.tenant.id),
        Site::Platform => None,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct TokenQuery {
    token: String,
}

async fn show(
    page: &Page,
    token: &str,
    outcome: TokenOutcome,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let (status, state) = match outcome {
        TokenOutcome::Accepted(_) if errors.is_empty() => (StatusCode::OK, "valid"),
        TokenOutcome::Accepted(_) => (StatusCode::UNPROCESSABLE_ENTITY, "valid"),
        // A link an admin replaced by sending a new one sends its reader to the newer mail.
        TokenOutcome::Expired
            if page
                .state
                .store
                .invitation_replaced(tenant_of(&page.site), &hash_token(token))
                .await? =>
        {
            (StatusCode::GONE, "replaced")
        }
        TokenOutcome::Expired => (StatusCode::GONE, "expired"),
        TokenOutcome::AlreadyUsed => (StatusCode::GONE, "used"),
        TokenOutcome::Unknown => (StatusCode::NOT_FOUND, "unknown"),
    };
    // The account the link is for, so its owner sees whose password this is and their
    // password manager saves it under the right name.
    let invitee = match outcome {
        TokenOutcome::Accepted(user) => page
            .state
            .store
            .find_user(tenant_of(&page.site), user)
            .await?
            .map(|u| u.email.as_str().to_owned()),
        _ => None,
    };
    let ctx = minijinja::context! {
        token_state => state,
        token => token,
        invitee => invitee,
        expires => page.tr(&link_lifetime(INVITATION_LINK_MINUTES)),
        errors => errors,
    };
    let Html(body) = page.render("welcome.html", ctx)?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn form(
    page: Page,
    PageQuery(query): PageQuery<TokenQuery>,
) -> Result<Response, AppError> {
    page.session.ensure_csrf_token(&page.state).await?;
    let outcome = page
        .state
        .store
        .check_invitation(
            tenant_of(&page.site),
            &hash_token(&query.token),
            page.state.clock.now(),
        )
        .await?;
    show(&page, &query.token, outcome, FormErrors::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct WelcomeForm {
    token: String,
    password: String,
}

pub(crate) async fn submit(
    page: Page,
    CsrfForm(form): CsrfForm<WelcomeForm>,
) -> Result<Response, AppError> {
    let state = &page.state;
    let tenant = tenant_of(&page.site);
    let token_hash = hash_token(&form.token);
    let outcome = state
        .store
        .check_invitation(tenant, &token_hash, state.clock.now())
        .await?;
    let TokenOutcome::Accepted(user) = outcome else {
        return show(&page, &form.token, outcome, FormErrors::new()).await;
    };
    let email = state
        .store
        .find_user(tenant, user)
        .await?
        .map(|u| u.email.to_string())
        .unwrap_or_default();
    let site_name = match &page.site {
        Site::Tenant(t) => t.tenant.settings.name.clone(),
        Site::Platform => state.settings.platform_name.clone(),
    };
    let password = match NewPassword::parse(&form.password, &[email.as_str(), &site_name]) {
        Ok(p) => p,
        Err(e) => {
            let mut errors = FormErrors::new();
            errors.insert("password", page.tr(&e.message));
            return show(&page, &form.token, outcome, errors).await;
        }
    };
    let hash = state.password_work.hash_new(None, password).await?;
    match state
        .store
        .accept_invitation(tenant, &token_hash, &hash, state.clock.now())
        .await?
    {
        TokenOutcome::Accepted(user) => {
            tracing::info!(%user, "invitation accepted; first password chosen");
            // Invitations are to run a console: signing in leads there.
            let console = match page.site {
                Site::Tenant(_) => "/login?welcome=1&next=%2Fadmin",
                Site::Platform => "/login?welcome=1",
            };
            Ok(Redirect::to(console).into_response())
        }
        other => show(&page, &form.token, other, FormErrors::new()).await,
    }
}
