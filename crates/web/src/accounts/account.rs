use atelier_domain::{msg, ApiTokenId, LedgerReason, Msg, NewPassword, PaymentId, Timestamp};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::FormErrors;
use crate::auth::{CsrfForm, CurrentUser};
use crate::cursor::{keep_page, PageCursor, Pager};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::payments::{parse_payments_cursor, payments_page};
use crate::AppError;

/// Ledger rows per page of the account page.
const LEDGER_PAGE: i64 = 20;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AccountQuery {
    /// Where the previous page of the credit history ended: `<millis>.<uuid>` of its last entry.
    history_after: String,
    /// Where the previous page of payments ended: `<millis>.<uuid>` of its last request.
    payments_after: Option<String>,
    welcome: Option<String>,
    password: Option<String>,
    verification: Option<String>,
    token: Option<String>,
}

#[derive(Serialize)]
struct LedgerRow {
    date: String,
    label: String,
    delta: i64,
    reference: String,
    /// For an image's charge: where that image is shown, rather than its job's raw id.
    image_link: Option<String>,
}

#[derive(Serialize)]
struct TokenRow {
    id: String,
    name: String,
    created: String,
    last_used: Option<String>,
}

pub(super) async fn render_account(
    page: &Page,
    user: &atelier_domain::User,
    history_after: Option<PageCursor>,
    payments_after: Option<(Timestamp, PaymentId)>,
    notice: Option<String>,
    errors: FormErrors,
    new_token: Option<String>,
) -> Result<Html<String>, AppError> {
    let store = &page.state.store;
    let api_tokens: Vec<TokenRow> = store
        .list_api_tokens(user.id)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id.to_string(),
            name: t.name,
            created: crate::when::date(page.lang, t.created_at),
            last_used: t.last_used_at.map(|at| crate::when::date(page.lang, at)),
        })
        .collect();
    let mut entries = store
        .ledger_page(
            user.id,
            history_after.map(|c| (c.at, c.id)),
            LEDGER_PAGE + 1,
        )
        .await?;
    let older_url = keep_page(&mut entries, LEDGER_PAGE).map(|last| {
        format!(
            "/account?history_after={}#history",
            PageCursor::new(last.created_at, last.id)
        )
    });
    let pagination = Pager::new("/account#history", history_after.is_some(), older_url);
    let ledger: Vec<LedgerRow> = entries
        .into_iter()
        .map(|e| LedgerRow {
            date: crate::when::date(page.lang, e.created_at),
            label: page.tr(&ledger_label(e.reason)),
            delta: e.delta,
            image_link: (e.reason == atelier_domain::LedgerReason::Generation
                && uuid::Uuid::try_parse(&e.reference).is_ok())
            .then(|| format!("/generate?job={}", e.reference)),
            reference: e.reference,
        })
        .collect();
    let (payments, older_payments_url) = payments_page(page, user, payments_after).await?;
    let ctx = minijinja::context! {
        payments => payments,
        older_payments_url => older_payments_url,
        older_payments => payments_after.is_some(),
        ledger => ledger,
        pagination => pagination,
        member_since => crate::when::date(page.lang, user.created_at),
        notice => notice,
        errors => errors,
        api_tokens => api_tokens,
        new_token => new_token,
    };
    page.render_form("account.html", ctx).await
}

/// How a ledger entry's reason reads on the account page.
fn ledger_label(reason: LedgerReason) -> Msg {
    match reason {
        LedgerReason::SignupBonus => msg!("accounts-ledger-signup-bonus"),
        LedgerReason::Purchase => msg!("accounts-ledger-purchase"),
        LedgerReason::Generation => msg!("accounts-ledger-generation"),
        LedgerReason::AdminAdjustment => msg!("accounts-ledger-adjustment"),
    }
}

/// Carries a new API token from its form to the account page it lands on, once: the token
/// is shown by the page the browser lands on (post/redirect/get), so a reload asks for
/// nothing again and the address bar holds no secret. It goes to `/account` only, lives five
/// minutes, and the page that shows the token clears it.
const NEW_TOKEN_COOKIE: &str = "atelier_new_token";

fn new_token_cookie(
    state: &crate::AppState,
    value: &str,
    max_age: cookie::time::Duration,
) -> cookie::Cookie<'static> {
    cookie::Cookie::build((NEW_TOKEN_COOKIE, value.to_owned()))
        .max_age(max_age)
        .http_only(true)
        .same_site(cookie::SameSite::Strict)
        .secure(state.settings.public_scheme == atelier_config::PublicScheme::Https)
        .path("/account")
        .build()
}

/// The new token the form handed over, if the request carries one that looks like a token.
fn handed_token(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == NEW_TOKEN_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|t| {
            t.strip_prefix("atl_")
                .is_some_and(|hex| !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()))
        })
}

pub(crate) async fn show(
    page: Page,
    CurrentUser(user): CurrentUser,
    PageQuery(query): PageQuery<AccountQuery>,
    headers: axum::http::HeaderMap,
) -> Result<Response, AppError> {
    let handed = (query.token.as_deref() == Some("created"))
        .then(|| handed_token(&headers))
        .flatten();
    // Shown only when it is this person's own token, made in the last minutes: a cookie
    // left from someone else's session, or planted, shows nothing.
    let new_token = match handed {
        Some(token) => {
            let since = Timestamp(page.state.clock.now().millis() - 5 * 60_000);
            let hash = atelier_domain::hash_token(&token);
            page.state
                .store
                .is_fresh_api_token(user.id, &hash, since)
                .await?
                .then_some(token)
        }
        None => None,
    };
    let site = page.tenant()?;
    let settings = &site.tenant.settings;
    let (unit, units) = (&settings.credit.singular, &settings.credit.plural);
    let notice = if query.welcome.is_some() {
        Some(if user.bonus_pending {
            msg!(
                "accounts-welcome-confirm",
                email = user.email.as_str(),
                count = settings.signup_bonus,
                unit = unit,
                units = units
            )
        } else if settings.signup_bonus > 0 {
            msg!(
                "accounts-welcome-bonus",
                count = settings.signup_bonus,
                unit = unit,
                units = units
            )
        } else {
            msg!("accounts-welcome")
        })
    } else if query.password.is_some() {
        Some(msg!("accounts-password-changed"))
    } else if new_token.is_some() {
        Some(msg!("accounts-token-created"))
    } else if query.token.as_deref() == Some("revoked") {
        Some(msg!("accounts-token-revoked"))
    } else if query.verification.is_some() {
        Some(msg!(
            "accounts-verification-sent",
            email = user.email.as_str()
        ))
    } else {
        None
    }
    .map(|notice| page.tr(&notice));
    let damaged = page.tr(&msg!("accounts-history-link-damaged"));
    let history_after = PageCursor::read(&query.history_after, &damaged)?;
    let payments_after = query
        .payments_after
        .as_deref()
        .filter(|raw| !raw.trim().is_empty())
        .map(|raw| parse_payments_cursor(raw, page.lang))
        .transpose()?;
    let mut response = render_account(
        &page,
        &user,
        history_after,
        payments_after,
        notice,
        FormErrors::new(),
        new_token.clone(),
    )
    .await?
    .into_response();
    if new_token.is_some() || handed_token(&headers).is_some() {
        // Shown once: the carrier goes.
        let cleared = new_token_cookie(&page.state, "", cookie::time::Duration::ZERO);
        if let Ok(value) = axum::http::HeaderValue::from_str(&cleared.to_string()) {
            response
                .headers_mut()
                .append(axum::http::header::SET_COOKIE, value);
        }
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PasswordForm {
    current_password: String,
    new_password: String,
}

pub(crate) async fn change_password(
    page: Page,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, AppError> {
    let state = &page.state;
    let site_name = page.tenant()?.tenant.settings.name.clone();
    let mut errors = FormErrors::new();
    if !is_current_password(&page, &user, form.current_password.clone()).await? {
        errors.insert(
            "current_password",
            page.tr(&msg!("accounts-not-current-password")),
        );
    }
    let new = NewPassword::parse(
        &form.new_password,
        &[user.email.as_str(), user.name.as_str(), site_name.as_str()],
    )
    .map_err(|e| errors.insert("new_password", page.tr(&e.message)))
    .ok();
    let Some(new) = new.filter(|_| errors.is_empty()) else {
        let Html(body) = render_account(&page, &user, None, None, None, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response());
    };
    let hash = state.password_work.hash_new(None, new).await?;
    state
        .store
        .set_password(
            user.id,
            &hash,
            page.session.id_hash().as_deref(),
            state.clock.now(),
        )
        .await?;
    // Its API tokens ended with the change; stop answering them from memory too.
    state.api_tokens.invalidate_all();
    tracing::info!(user = %user.id, "password changed; other sessions and API tokens ended");
    Ok(Redirect::to("/account?password=changed").into_response())
}

/// Live tokens one account may hold.
const MAX_API_TOKENS: i64 = 10;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct TokenForm {
    name: String,
    current_password: String,
}

/// Whether `password` is the account's current one (hashed off the async threads). Each
/// check counts against the account's re-authentication limit: a session left open is no
/// licence to guess the password behind it.
pub(super) async fn is_current_password(
    page: &Page,
    user: &atelier_domain::User,
    password: String,
) -> Result<bool, AppError> {
    let turn = page.state.password_work.turn().await?;
    page.state.throttles.reauthenticate(&user.id.to_string())?;
    let stored = page
        .state
        .store
        .find_credentials(user.tenant_id, &user.email)
        .await?
        .map(|(_, hash)| hash);
    page.state
        .password_work
        .verify(Some(turn), password, stored)
        .await
}

/// Answers the token form again with `errors` next to its fields.
async fn refuse_token(
    page: &Page,
    user: &atelier_domain::User,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let Html(body) = render_account(page, user, None, None, None, errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
}

/// Makes a personal API token and sends the browser to the account page, which shows it
/// once (carried there by a one-time cookie, never in a URL).
/// A token acts as the account until revoked or ended, so making one asks for the current
/// password again: a session left open on a shared computer is not enough.
pub(crate) async fn create_token(
    page: Page,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let state = &page.state;
    let mut errors = FormErrors::new();
    let name = atelier_domain::TokenName::parse(&form.name)
        .map_err(|e| errors.insert("token_name", page.tr(&e.message)))
        .ok();
    if form.current_password.is_empty() {
        errors.insert(
            "token_password",
            page.tr(&msg!("accounts-token-needs-password")),
        );
    } else if !is_current_password(&page, &user, form.current_password).await? {
        errors.insert(
            "token_password",
            page.tr(&msg!("accounts-not-current-password")),
        );
    }
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        return refuse_token(&page, &user, errors).await;
    };
    let secret =
        atelier_domain::SecretToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
    let token = format!("atl_{}", secret.expose());
    let created = state
        .store
        .create_api_token(
            tenant,
            user.id,
            name.as_str(),
            &atelier_domain::hash_token(&token),
            MAX_API_TOKENS,
            state.clock.now(),
        )
        .await?;
    if created.is_none() {
        errors.insert(
            "token_name",
            page.tr(&msg!("accounts-too-many-tokens", max = MAX_API_TOKENS)),
        );
        return refuse_token(&page, &user, errors).await;
    }
    tracing::info!(user = %user.id, "API token created");
    let carrier = new_token_cookie(state, &token, cookie::time::Duration::minutes(5));
    let mut response = Redirect::to("/account?token=created#api-tokens").into_response();
    if let Ok(value) = axum::http::HeaderValue::from_str(&carrier.to_string()) {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, value);
    }
    Ok(response)
}

pub(crate) async fn revoke_token(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<ApiTokenId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    if !page
        .state
        .store
        .revoke_api_token(user.id, id, page.state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    page.state.api_tokens.invalidate_all();
    Ok(Redirect::to("/account?token=revoked").into_response())
}
