//! How a request's session is found, before the handler: on the JSON API an API token
//! (never a cookie), on pages the session cookie (never a token); and, after the handler,
//! the cookie changes it made sent back.

use atelier_config::PublicScheme;
use atelier_domain::hash_token;
use atelier_store::SessionRecord;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cookie::{Cookie, SameSite};

use super::{hours_ms, CookieChange, SessionHandle};
use crate::api::is_api_path;
use crate::auth::form_cookie_name;
use crate::tenancy::Site;
use crate::{AppError, AppState};

/// Activity is written back at most this often, to spare the database a write per request.
const TOUCH_EVERY_MS: i64 = 60_000;

/// The session cookie's name; on HTTPS sites a `__Host-` name.
fn cookie_name(scheme: PublicScheme) -> &'static str {
    match scheme {
        // The prefix makes browsers insist on Secure, Path=/ and no Domain attribute, so a
        // sibling sub-domain cannot plant or overwrite it.
        PublicScheme::Https => "__Host-atelier_session",
        PublicScheme::Http => "atelier_session",
    }
}

/// The token of an `Authorization: Bearer` header.
fn bearer_token(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// Whether an API token opens `path`: the JSON API, and the image files its answers link
/// to (`image_url`, `thumb_url`), which are bytes, not pages. Every other page takes the
/// session cookie only, so a leaked token cannot open the account or admin pages.
fn takes_api_token(path: &str) -> bool {
    is_api_path(path) || path.starts_with("/images/")
}

/// The value of the cookie `name`, from any of the request's `Cookie` headers.
fn session_cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .and_then(|c| c.value_raw())
        .filter(|v| !v.is_empty())
}

/// Middleware: finds the request's session and, after the handler, sends back the cookie
/// changes it made (new session, sign-out).
pub(crate) async fn load_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let tenant = match request.extensions().get::<Site>() {
        Some(Site::Tenant(site)) => Some(site.tenant.id),
        _ => None,
    };
    let path = request.uri().path();
    if path.starts_with("/static/") || path == "/brand.css" {
        // Assets need no session; spare the database a lookup per file.
        request
            .extensions_mut()
            .insert(SessionHandle::new(tenant, None));
        return next.run(request).await;
    }
    let now = state.clock.now();
    if crate::worker_api::is_worker_path(path) {
        // The worker API knows worker tokens only: never a user's token or cookie.
        let worker = match bearer_token(request.headers()) {
            Some(token) => match state.store.worker_by_token(&hash_token(token)).await {
                Ok(worker) => worker,
                Err(e) => return AppError::from(e).into_response(),
            },
            None => None,
        };
        let mut handle = SessionHandle::new(tenant, None);
        handle.bearer = true;
        request.extensions_mut().insert(handle);
        if let Some(worker) = worker {
            request
                .extensions_mut()
                .insert(crate::worker_api::WorkerIdentity(worker));
        }
        return next.run(request).await;
    }
    let token = takes_api_token(path)
        .then(|| bearer_token(request.headers()))
        .flatten();
    if token.is_some() || is_api_path(path) {
        // The API knows API tokens only: a cookie on the same request is ignored, so a
        // page's session (and its lack of a form token here) never reaches the API.
        let user = match (tenant, token) {
            (Some(t), Some(token)) => {
                let lookup = state
                    .api_tokens
                    .account(&state.store, t, hash_token(token), now)
                    .await;
                match lookup {
                    Ok(user) => user,
                    Err(e) => {
                        tracing::error!(error = %e, "API token lookup failed");
                        return AppError::Internal("token lookup failed".to_owned())
                            .into_response();
                    }
                }
            }
            _ => None,
        };
        let record = user.map(|user| SessionRecord {
            id_hash: String::new(),
            csrf_token: String::new(),
            user: Some(user),
            last_seen_at: now,
        });
        let mut handle = SessionHandle::new(tenant, record);
        handle.bearer = true;
        request.extensions_mut().insert(handle);
        return next.run(request).await;
    }
    let name = cookie_name(state.settings.public_scheme);
    let idle_since = super::idle_since(&state, now);
    let record = match session_cookie(request.headers(), name) {
        Some(token) => match state
            .store
            .find_session(&hash_token(token), tenant, now, idle_since)
            .await
        {
            Ok(record) => record,
            Err(e) => return AppError::from(e).into_response(),
        },
        None => None,
    };
    if let Some(r) = &record {
        if now.millis() - r.last_seen_at.millis() > TOUCH_EVERY_MS {
            if let Err(e) = state.store.touch_session(&r.id_hash, now).await {
                tracing::warn!(error = %e, "could not record session activity");
            }
        }
    }
    let mut handle = SessionHandle::new(tenant, record);
    let form_name = form_cookie_name(state.settings.public_scheme);
    let anonymous_ms = hours_ms(state.settings.sessions.anonymous_hours);
    handle.form_token = session_cookie(request.headers(), form_name)
        .filter(|t| state.form_key.verify(t, tenant, now, anonymous_ms))
        .map(str::to_owned);
    request.extensions_mut().insert(handle.clone());
    let mut response = next.run(request).await;
    if handle.user().is_some() && !response.headers().contains_key(header::CACHE_CONTROL) {
        // A signed-in page shows the account's own things: no cache (nor the browser's
        // back button after sign-out on a shared computer) may keep it. Images keep
        // their own `private` caching.
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }

    let secure = state.settings.public_scheme == PublicScheme::Https;
    let (change, new_form_token) = handle.with(|s| {
        (
            std::mem::replace(&mut s.change, CookieChange::Keep),
            s.new_form_token.take(),
        )
    });
    if let Some(token) = new_form_token {
        let cookie = Cookie::build((form_name, token))
            .max_age(cookie::time::Duration::milliseconds(anonymous_ms))
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(secure)
            .path("/")
            .build();
        if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let cookie = match change {
        CookieChange::Keep => return response,
        CookieChange::Set {
            token,
            max_age_secs,
        } => Cookie::build((name, token.expose().to_owned()))
            .max_age(cookie::time::Duration::seconds(max_age_secs)),
        CookieChange::Clear => Cookie::build((name, "")).max_age(cookie::time::Duration::ZERO),
    }
    .http_only(true)
    .same_site(SameSite::Lax)
    .secure(secure)
    .path("/")
    .build();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    // A response that sets a session must never be stored by a shared cache.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use axum::http::{header, HeaderMap, HeaderValue};

    use super::session_cookie;

    fn headers(values: &[&'static str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(header::COOKIE, HeaderValue::from_static(v));
        }
        headers
    }

    #[test]
    fn the_session_cookie_is_found_among_others_in_any_cookie_header() {
        let h = headers(&["theme=dark; prefs=a=b", "atelier_session=abc123;  other=1"]);
        assert_eq!(session_cookie(&h, "atelier_session"), Some("abc123"));
        assert_eq!(session_cookie(&h, "prefs"), Some("a=b"));
        assert_eq!(session_cookie(&h, "__Host-atelier_session"), None);
        // A name that only ends like ours is another cookie.
        let h = headers(&["x_atelier_session=planted"]);
        assert_eq!(session_cookie(&h, "atelier_session"), None);
    }

    #[test]
    fn empty_and_malformed_cookies_are_no_session() {
        let h = headers(&["atelier_session="]);
        assert_eq!(session_cookie(&h, "atelier_session"), None);
        let h = headers(&["garbage; atelier_session=abc"]);
        assert_eq!(session_cookie(&h, "atelier_session"), Some("abc"));
    }
}
