use atelier_domain::{hash_token, Email, NewPassword};
use atelier_store::{TokenOutcome, TokenPurpose};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{single_use_link, FormErrors, RESET_LINK_MINUTES};
use crate::auth::{ClientIp, CsrfForm};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ForgotForm {
    email: String,
}

pub(crate) async fn forgot_form(page: Page) -> Result<Response, AppError> {
    page.tenant()?;
    let ctx = minijinja::context! {
        sent => false,
        reset_expires => page.tr(&super::link_lifetime(RESET_LINK_MINUTES)),
        errors => FormErrors::new(),
        form => minijinja::context! {},
    };
    Ok(page
        .render_form("forgot_password.html", ctx)
        .await?
        .into_response())
}

/// Always the same answer, whether or not the address has an account here.
pub(crate) async fn forgot_submit(
    page: Page,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let state = &page.state;
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(e) => {
            let mut errors = FormErrors::new();
            errors.insert("email", page.tr(&e.message));
            let ctx = minijinja::context! {
                sent => false,
                reset_expires => page.tr(&super::link_lifetime(RESET_LINK_MINUTES)),
                errors => errors,
                form => minijinja::context! { email => &form.email },
            };
            let Html(body) = page.render("forgot_password.html", ctx)?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response());
        }
    };
    let account = format!("{}:{email}", site.tenant.id);
    state.throttles.password_reset(&ip, &account)?;
    state.throttles.mail(&ip, &account, email.as_str())?;

    if let Some((user, _)) = state
        .store
        .find_credentials(Some(site.tenant.id), &email)
        .await?
        .filter(|(user, _)| !user.disabled)
    {
        let link = single_use_link(
            &page,
            user.id,
            TokenPurpose::PasswordReset,
            RESET_LINK_MINUTES,
            "/reset-password",
        )
        .await?;
        let lang = crate::mail::language_of(state, &page.site, &user);
        crate::mail::send(
            state,
            &page.site,
            &email,
            lang,
            &atelier_domain::msg!("mail-reset-subject", site = &site.tenant.settings.name),
            "reset_password",
            minijinja::context! {
                link => link,
                expires => super::link_lifetime(RESET_LINK_MINUTES).in_lang(lang),
            },
        )
        .await?;
        tracing::info!(user = %user.id, "password reset link sent");
    }
    let ctx = minijinja::context! {
        sent => true,
        reset_expires => page.tr(&super::link_lifetime(RESET_LINK_MINUTES)),
        errors => FormErrors::new(),
        form => minijinja::context! { email => email.as_str() },
    };
    Ok(page.render("forgot_password.html", ctx)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct TokenQuery {
    token: String,
}

fn state_name(outcome: TokenOutcome) -> &'static str {
    match outcome {
        TokenOutcome::Accepted(_) => "valid",
        TokenOutcome::Expired => "expired",
        TokenOutcome::AlreadyUsed => "used",
        TokenOutcome::Unknown => "unknown",
    }
}

fn show(
    page: &Page,
    token: &str,
    outcome: TokenOutcome,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let status = match outcome {
        TokenOutcome::Accepted(_) if errors.is_empty() => StatusCode::OK,
        TokenOutcome::Accepted(_) => StatusCode::UNPROCESSABLE_ENTITY,
        TokenOutcome::Expired | TokenOutcome::AlreadyUsed => StatusCode::GONE,
        TokenOutcome::Unknown => StatusCode::NOT_FOUND,
    };
    let ctx = minijinja::context! {
        token_state => state_name(outcome),
        token => token,
        reset_expires => page.tr(&super::link_lifetime(RESET_LINK_MINUTES)),
        errors => errors,
    };
    let Html(body) = page.render("reset_password.html", ctx)?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn reset_form(
    page: Page,
    PageQuery(query): PageQuery<TokenQuery>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    page.session.ensure_csrf_token(&page.state).await?;
    let outcome = page
        .state
        .store
        .check_auth_token(
            tenant,
            &hash_token(&query.token),
            TokenPurpose::PasswordReset,
            page.state.clock.now(),
        )
        .await?;
    show(&page, &query.token, outcome, FormErrors::new())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ResetForm {
    token: String,
    password: String,
}

pub(crate) async fn reset_submit(
    page: Page,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let state = &page.state;
    let token_hash = hash_token(&form.token);
    let outcome = state
        .store
        .check_auth_token(
            site.tenant.id,
            &token_hash,
            TokenPurpose::PasswordReset,
            state.clock.now(),
        )
        .await?;
    let TokenOutcome::Accepted(user_id) = outcome else {
        return show(&page, &form.token, outcome, FormErrors::new());
    };
    let email = state
        .store
        .find_user(Some(site.tenant.id), user_id)
        .await?
        .map(|u| u.email.to_string())
        .unwrap_or_default();
    let password = match NewPassword::parse(
        &form.password,
        &[email.as_str(), site.tenant.settings.name.as_str()],
    ) {
        Ok(p) => p,
        Err(e) => {
            let mut errors = FormErrors::new();
            errors.insert("password", page.tr(&e.message));
            return show(&page, &form.token, outcome, errors);
        }
    };
    let hash = state.password_work.hash_new(None, password).await?;
    match state
        .store
        .reset_password_with_token(site.tenant.id, &token_hash, &hash, state.clock.now())
        .await?
    {
        TokenOutcome::Accepted(user) => {
            // Its API tokens ended with the reset; stop answering them from memory too.
            state.api_tokens.invalidate_all();
            tracing::info!(%user, "password reset; every session and API token ended");
            Ok(Redirect::to("/login?reset=1").into_response())
        }
        other => show(&page, &form.token, other, FormErrors::new()),
    }
}
