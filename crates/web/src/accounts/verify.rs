use atelier_domain::{hash_token, msg, User};
use atelier_store::{TokenOutcome, TokenPurpose};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{single_use_link, VERIFY_LINK_MINUTES};
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::tenancy::Site;
use crate::AppError;

/// Mails a link that confirms the account's address (and releases a waiting bonus).
pub(crate) async fn send_verification_mail(page: &Page, user: &User) -> Result<(), AppError> {
    let (state, site) = (&page.state, &page.site);
    let Site::Tenant(tenant) = site else {
        return Ok(());
    };
    let link = single_use_link(
        page,
        user.id,
        TokenPurpose::EmailVerification,
        VERIFY_LINK_MINUTES,
        "/verify-email",
    )
    .await?;
    let bonus = if user.bonus_pending {
        tenant.tenant.settings.signup_bonus
    } else {
        0
    };
    let lang = crate::mail::language_of(state, site, user);
    crate::mail::send(
        state,
        site,
        &user.email,
        lang,
        &msg!("mail-verify-subject", site = &tenant.tenant.settings.name),
        "verify_email",
        minijinja::context! {
            link => link,
            expires => super::link_lifetime(VERIFY_LINK_MINUTES).in_lang(lang),
            bonus => bonus,
        },
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct TokenQuery {
    token: String,
}

pub(crate) async fn verify(
    page: Page,
    PageQuery(query): PageQuery<TokenQuery>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let state = &page.state;
    // The link works only on its account's own site, and the bonus is that tenant's.
    let (outcome, granted) = state
        .store
        .verify_email_with_token(site.tenant.id, &hash_token(&query.token), state.clock.now())
        .await?;
    let (name, status) = match outcome {
        TokenOutcome::Accepted(_) => ("verified", StatusCode::OK),
        TokenOutcome::Expired => ("expired", StatusCode::GONE),
        TokenOutcome::AlreadyUsed => ("used", StatusCode::GONE),
        TokenOutcome::Unknown => ("unknown", StatusCode::NOT_FOUND),
    };
    let ctx = minijinja::context! { outcome => name, bonus_granted => granted };
    let Html(body) = page.render("verify_email.html", ctx)?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn resend(
    page: Page,
    ClientIp(ip): ClientIp,
    CurrentUser(user): CurrentUser,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    if !user.email_verified {
        page.state.throttles.mail(
            &ip,
            &super::account_key(&page.site, user.email.as_str()),
            user.email.as_str(),
        )?;
        send_verification_mail(&page, &user).await?;
    }
    Ok(Redirect::to("/account?verification=sent").into_response())
}
