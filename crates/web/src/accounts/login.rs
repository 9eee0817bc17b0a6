use atelier_domain::{msg, Email, Msg};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{safe_next, FormErrors};
use crate::auth::{known_device_cookie_name, request_cookie, ClientIp, CsrfForm};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::tenancy::Site;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct LoginQuery {
    next: String,
    reset: Option<String>,
    /// After an invitation's password was chosen.
    welcome: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct LoginForm {
    email: String,
    password: String,
    next: String,
}

const WRONG: Msg = Msg::new("accounts-login-wrong");

pub(crate) async fn form(
    page: Page,
    PageQuery(query): PageQuery<LoginQuery>,
) -> Result<Response, AppError> {
    if page.session.user().is_some() {
        return Ok(Redirect::to(home_of(&page.site)).into_response());
    }
    let notice = if query.welcome.is_some() {
        Some(page.tr(&msg!("accounts-login-password-chosen")))
    } else {
        query
            .reset
            .is_some()
            .then(|| page.tr(&msg!("accounts-login-password-changed")))
    };
    let ctx = minijinja::context! {
        next => safe_next(&query.next).unwrap_or_default(),
        errors => FormErrors::new(),
        form => minijinja::context! {},
        notice => notice,
    };
    Ok(page.render_form("login.html", ctx).await?.into_response())
}

fn home_of(site: &Site) -> &'static str {
    match site {
        Site::Tenant(_) => "/account",
        Site::Platform => "/platform",
    }
}

/// How long a browser stays known to an account after it signed in.
const KNOWN_DEVICE_DAYS: i64 = 365;

pub(crate) async fn submit(
    page: Page,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response, AppError> {
    let state = &page.state;
    let refuse = |page: &Page,
                  form: &LoginForm,
                  message: &Msg,
                  status: StatusCode|
     -> Result<Response, AppError> {
        let mut errors = FormErrors::new();
        errors.insert("form", page.tr(message));
        let ctx = minijinja::context! {
            next => safe_next(&form.next).unwrap_or_default(),
            errors => errors,
            form => minijinja::context! { email => &form.email },
        };
        let Html(body) = page.render("login.html", ctx)?;
        Ok((status, Html(body)).into_response())
    };

    let site_key = match &page.site {
        Site::Tenant(t) => t.tenant.id.to_string(),
        Site::Platform => "platform".to_owned(),
    };
    let typed_email = form.email.trim().to_lowercase();
    let account_key = super::account_key(&page.site, &typed_email);
    let platform_key = super::account_key(&Site::Platform, &typed_email);
    let device_cookie = known_device_cookie_name(state.settings.public_scheme);
    let device = request_cookie(&headers, device_cookie);
    let known_device = |key: &str| state.form_key.known_device_of(device, key);
    // The turn first: a visitor turned away busy (503) has used none of their attempts.
    let turn = state.password_work.turn().await?;
    match (known_device(&account_key), known_device(&platform_key)) {
        (Some(id), _) => state
            .throttles
            .sign_in_from_known_device(&ip, &account_key, id)?,
        (None, Some(id)) => state
            .throttles
            .sign_in_from_known_device(&ip, &platform_key, id)?,
        (None, None) => state.throttles.sign_in(&ip, &account_key)?,
    }

    let Ok(email) = Email::parse(&form.email) else {
        return refuse(&page, &form, &WRONG, StatusCode::UNAUTHORIZED);
    };
    // A tenant's own account first; a super-admin may sign in on any site.
    let mut found = match &page.site {
        Site::Tenant(t) => {
            state
                .store
                .find_credentials(Some(t.tenant.id), &email)
                .await?
        }
        Site::Platform => None,
    };
    if found.is_none() {
        found = state.store.find_credentials(None, &email).await?;
        // A super-admin is one account on every site: tries on a tenant's site count
        // against the same limit as on the platform host (where they were counted above).
        if found.is_some()
            && matches!(page.site, Site::Tenant(_))
            && known_device(&platform_key).is_none()
        {
            state.throttles.sign_in_account(&platform_key)?;
        }
    }
    let (user, hash) = match found {
        Some((user, hash)) => (Some(user), Some(hash)),
        None => (None, None),
    };
    let matches = state
        .password_work
        .verify(Some(turn), form.password.clone(), hash)
        .await?;
    let Some(user) = user.filter(|_| matches) else {
        tracing::info!(site = %site_key, "sign-in refused");
        return refuse(&page, &form, &WRONG, StatusCode::UNAUTHORIZED);
    };
    if user.disabled {
        return refuse(
            &page,
            &form,
            &msg!("accounts-login-disabled"),
            StatusCode::FORBIDDEN,
        );
    }
    page.session.sign_in(state, &user).await?;
    tracing::info!(user = %user.id, site = %site_key, "signed in");
    let target = safe_next(&form.next).unwrap_or_else(|| home_of(&page.site).to_owned());
    let mut response = Redirect::to(&target).into_response();
    // This browser is known to the account from now on (see the throttles).
    let home_key = match user.tenant_id {
        Some(_) => account_key,
        None => platform_key,
    };
    // A browser already known to this account keeps its device id (and its own limit).
    let device_value = match device.filter(|_| known_device(&home_key).is_some()) {
        Some(known) => known.to_owned(),
        None => state.form_key.known_device(&home_key)?,
    };
    let cookie = cookie::Cookie::build((device_cookie, device_value))
        .max_age(cookie::time::Duration::days(KNOWN_DEVICE_DAYS))
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(state.settings.public_scheme == atelier_config::PublicScheme::Https)
        .path("/")
        .build();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

pub(crate) async fn sign_out(
    page: Page,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    page.session.sign_out(&page.state).await?;
    Ok(Redirect::to("/").into_response())
}
