use atelier_domain::{msg, Email, NewPassword, PersonName, Role, Timestamp};
use atelier_store::{NewUser, StoreError};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::FormErrors;
use crate::auth::{ClientIp, CsrfForm};
use crate::pages::Page;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct RegisterForm {
    name: String,
    email: String,
    password: String,
}

pub(crate) async fn form(page: Page) -> Result<Response, AppError> {
    if page.session.user().is_some() {
        return Ok(Redirect::to("/account").into_response());
    }
    let site = page.tenant()?;
    let ctx = minijinja::context! {
        bonus_requires_verification => site.tenant.settings.bonus_requires_verified_email,
        errors => FormErrors::new(),
        form => minijinja::context! {},
    };
    Ok(page
        .render_form("register.html", ctx)
        .await?
        .into_response())
}

fn show_errors(
    page: &Page,
    form: &RegisterForm,
    errors: FormErrors,
    status: axum::http::StatusCode,
) -> Result<Response, AppError> {
    let requires = page
        .tenant()
        .map(|t| t.tenant.settings.bonus_requires_verified_email)
        .unwrap_or(false);
    let ctx = minijinja::context! {
        bonus_requires_verification => requires,
        errors => errors,
        form => minijinja::context! { name => &form.name, email => &form.email },
    };
    let Html(body) = page.render("register.html", ctx)?;
    Ok((status, Html(body)).into_response())
}

fn already_exists(page: &Page, form: &RegisterForm) -> Result<Response, AppError> {
    let mut errors = FormErrors::new();
    errors.insert("email", page.tr(&msg!("accounts-register-exists")));
    show_errors(page, form, errors, axum::http::StatusCode::CONFLICT)
}

pub(crate) async fn submit(
    page: Page,
    ClientIp(ip): ClientIp,
    CsrfForm(form): CsrfForm<RegisterForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let settings = &site.tenant.settings;
    let state = &page.state;
    let mut errors = FormErrors::new();

    let name = PersonName::parse(&form.name)
        .map_err(|e| errors.insert("name", page.tr(&e.message)))
        .ok();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.insert("email", page.tr(&e.message)))
        .ok();
    let password = NewPassword::parse(
        &form.password,
        &[
            form.email.as_str(),
            name.as_ref().map_or("", PersonName::as_str),
            settings.name.as_str(),
            site.tenant.slug.as_str(),
        ],
    )
    .map_err(|e| errors.insert("password", page.tr(&e.message)))
    .ok();
    let (Some(name), Some(email), Some(password)) = (name, email, password) else {
        return show_errors(
            &page,
            &form,
            errors,
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    if !errors.is_empty() {
        return show_errors(
            &page,
            &form,
            errors,
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        );
    }

    let now = state.clock.now();
    if settings.signup_limit_per_ip > 0 {
        let since = Timestamp(now.millis() - 24 * 3_600_000);
        let recent = state
            .store
            .count_signups_from(site.tenant.id, &ip, since)
            .await?;
        if recent >= settings.signup_limit_per_ip {
            errors.insert("form", page.tr(&msg!("accounts-register-too-many")));
            return show_errors(
                &page,
                &form,
                errors,
                axum::http::StatusCode::TOO_MANY_REQUESTS,
            );
        }
    }

    // Like a sign-in: an answer about an existing address tells who has an account, so it
    // is throttled the same way, before the address is looked up or anything is hashed.
    let account = super::account_key(&page.site, email.as_str());
    // The turn first: a visitor turned away busy (503) has used none of their attempts.
    let turn = state.password_work.turn().await?;
    state.throttles.sign_in(&ip, &account)?;
    if state
        .store
        .find_credentials(Some(site.tenant.id), &email)
        .await?
        .is_some()
    {
        return already_exists(&page, &form);
    }
    // Sign-up mails a confirmation link: it counts against the mail limits.
    state.throttles.mail(&ip, &account, email.as_str())?;

    let password_hash = state.password_work.hash_new(Some(turn), password).await?;
    let new = NewUser {
        tenant_id: Some(site.tenant.id),
        email: email.clone(),
        name: name.into_string(),
        password_hash,
        role: Role::User,
        signup_bonus: settings.signup_bonus,
        bonus_now: !settings.bonus_requires_verified_email,
        signup_ip: ip,
        // Mail goes out in the language they signed up in.
        language: Some(page.lang),
    };
    let user = match state.store.create_user(&new, now).await {
        Ok(user) => user,
        // Made by a simultaneous sign-up since the look-up above.
        Err(StoreError::Conflict(_)) => return already_exists(&page, &form),
        Err(e) => return Err(e.into()),
    };
    tracing::info!(user = %user.id, tenant = %site.tenant.slug, "account created");
    super::send_verification_mail(&page, &user).await?;
    page.session.sign_in(state, &user).await?;
    Ok(Redirect::to("/account?welcome=1").into_response())
}
