//! Which language a reader gets, and the routes that let them choose one.
//!
//! The order: the language a signed-in person chose on their account; else the one a
//! visitor picked (a cookie); else the best match of their browser's `Accept-Language`;
//! else the site's default. Only languages the site offers are ever used.

use atelier_domain::{Lang, TenantSettings, User};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::{CsrfForm, SessionHandle};
use crate::routes::Routes;
use crate::tenancy::Site;
use crate::{AppError, AppState};

/// Where a visitor's pick is kept: one setting, not a secret.
pub(crate) const LANGUAGE_COOKIE: &str = "atelier_lang";

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/language", pick_as_visitor)
        .post("/language", pick_on_account)
}

/// The site's language settings; the platform host offers every language, English first.
pub(crate) fn site_settings(state: &AppState, site: &Site) -> TenantSettings {
    match site {
        Site::Tenant(t) => t.tenant.settings.clone(),
        Site::Platform => TenantSettings::platform_defaults(&state.settings.platform_name),
    }
}

/// The language of a request to `site`.
pub(crate) fn of_site(
    state: &AppState,
    site: &Site,
    user: Option<&User>,
    headers: &HeaderMap,
) -> Lang {
    match site {
        Site::Tenant(t) => of_request(&t.tenant.settings, user, headers),
        Site::Platform => of_request(&site_settings(state, site), user, headers),
    }
}

/// The language of a request (see the module's comment for the order).
pub(crate) fn of_request(
    settings: &TenantSettings,
    user: Option<&User>,
    headers: &HeaderMap,
) -> Lang {
    let offered = |l: &Lang| settings.languages.contains(l);
    if let Some(chosen) = user.and_then(|u| u.language).filter(offered) {
        return chosen;
    }
    if let Some(picked) = cookie_language(headers).filter(offered) {
        return picked;
    }
    headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| atelier_i18n::negotiate(v, &settings.languages))
        .unwrap_or(settings.default_language)
}

fn cookie_language(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == LANGUAGE_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
}

/// The language menu of a page: every language the site offers, the current one marked.
/// Empty when the site offers only one.
pub(crate) fn menu(settings: &TenantSettings, current: Lang) -> Vec<minijinja::Value> {
    if settings.languages.len() < 2 {
        return Vec::new();
    }
    settings
        .languages
        .iter()
        .map(|l| {
            minijinja::context! {
                code => l.code(),
                name => l.native_name(),
                current => *l == current,
            }
        })
        .collect()
}

/// A path on this site to go back to: absolute, not scheme-relative, else the home page.
fn local_path(next: &str) -> &str {
    let safe = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control);
    if safe {
        next
    } else {
        "/"
    }
}

fn remember(state: &AppState, lang: Lang, to: &str) -> Response {
    let cookie = cookie::Cookie::build((LANGUAGE_COOKIE, lang.code()))
        .max_age(cookie::time::Duration::days(365))
        .http_only(true)
        .same_site(cookie::SameSite::Lax)
        .secure(state.settings.public_scheme == atelier_config::PublicScheme::Https)
        .path("/")
        .build();
    let mut response = Redirect::to(to).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Deserialize)]
pub(crate) struct Pick {
    #[serde(default)]
    set: String,
    #[serde(default)]
    next: String,
}

/// A visitor's pick from the language menu: kept in a cookie, nothing stored. Signed-in
/// people use the form below, which saves the choice on their account.
async fn pick_as_visitor(
    State(state): State<AppState>,
    site: Site,
    Query(pick): Query<Pick>,
) -> Result<Response, AppError> {
    let settings = site_settings(&state, &site);
    let to = local_path(&pick.next);
    // A language the site does not offer changes nothing: the menu offers only its own.
    match Lang::parse(&pick.set).filter(|l| settings.languages.contains(l)) {
        Some(lang) => Ok(remember(&state, lang, to)),
        None => Ok(Redirect::to(to).into_response()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AccountPick {
    language: String,
    next: String,
}

/// A signed-in person's pick: saved on the account (so mails follow it) and in the cookie.
async fn pick_on_account(
    State(state): State<AppState>,
    site: Site,
    session: SessionHandle,
    CsrfForm(pick): CsrfForm<AccountPick>,
) -> Result<Response, AppError> {
    let settings = site_settings(&state, &site);
    let to = local_path(&pick.next);
    let Some(lang) = Lang::parse(&pick.language).filter(|l| settings.languages.contains(l)) else {
        return Ok(Redirect::to(to).into_response());
    };
    if let Some(user) = session.user() {
        state
            .store
            .set_user_language(user.tenant_id, user.id, Some(lang), state.clock.now())
            .await?;
    }
    Ok(remember(&state, lang, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_on_this_site_are_followed_back() {
        assert_eq!(local_path("/faq?x=1"), "/faq?x=1");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path(""), "/");
    }

    #[test]
    fn a_choice_beats_the_cookie_which_beats_the_browser() {
        let settings = TenantSettings::platform_defaults("Test");
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("hi-IN,hi;q=0.9"),
        );
        assert_eq!(of_request(&settings, None, &headers), Lang::Hi);
        headers.insert(header::COOKIE, HeaderValue::from_static("atelier_lang=en"));
        assert_eq!(of_request(&settings, None, &headers), Lang::En);
        let only_english = TenantSettings {
            languages: vec![Lang::En],
            ..settings
        };
        headers.remove(header::COOKIE);
        assert_eq!(of_request(&only_english, None, &headers), Lang::En);
    }

    #[test]
    fn an_accounts_choice_beats_the_cookie_while_the_site_offers_it() {
        let settings = TenantSettings::platform_defaults("Test");
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("atelier_lang=en"));
        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("en"));
        let reader = User {
            id: atelier_domain::UserId(uuid::Uuid::nil()),
            tenant_id: None,
            email: atelier_domain::Email::parse("reader@example.com")
                .unwrap_or_else(|e| panic!("{e}")),
            name: String::new(),
            role: atelier_domain::Role::User,
            balance: atelier_domain::Credits::new(0),
            held: atelier_domain::Credits::new(0),
            email_verified: true,
            bonus_pending: false,
            disabled: false,
            deleted: false,
            language: Some(Lang::Hi),
            created_at: atelier_domain::Timestamp(0),
        };
        assert_eq!(of_request(&settings, Some(&reader), &headers), Lang::Hi);
        // A site that stopped offering it falls back to the cookie.
        let only_english = TenantSettings {
            languages: vec![Lang::En],
            ..settings
        };
        assert_eq!(of_request(&only_english, Some(&reader), &headers), Lang::En);
    }
}
