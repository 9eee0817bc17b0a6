//! Accounts: sign-up, sign-in and out, the account page, password change and reset, and
//! address verification. One file per action.

mod account;
pub(crate) mod delete;
mod export;
mod login;
mod register;
mod reset;
mod verify;
mod welcome;

use std::collections::BTreeMap;

use atelier_domain::{msg, Msg};

use crate::routes::Routes;
use crate::tenancy::Site;
use crate::AppState;

pub(crate) use verify::send_verification_mail;
pub(crate) use welcome::{invitation, invitation_link};

/// How long a password-reset link works.
pub(crate) const RESET_LINK_MINUTES: i64 = 60;
/// How long an address-verification link works.
pub(crate) const VERIFY_LINK_MINUTES: i64 = 24 * 60;

/// How long a link lasts, as a person says it: "an hour", "24 hours", "15 minutes".
pub(crate) fn link_lifetime(minutes: i64) -> Msg {
    if minutes >= 120 && minutes % 60 == 0 {
        msg!("accounts-link-hours", hours = minutes / 60)
    } else {
        msg!("accounts-link-minutes", minutes = minutes)
    }
}

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/register", register::form)
        .post("/register", register::submit)
        .get("/login", login::form)
        .post("/login", login::submit)
        .post("/logout", login::sign_out)
        .get("/forgot-password", reset::forgot_form)
        .post("/forgot-password", reset::forgot_submit)
        .get("/reset-password", reset::reset_form)
        .post("/reset-password", reset::reset_submit)
        .get("/verify-email", verify::verify)
        .get("/account", account::show)
        .post("/account/delete", delete::delete_account)
        .get("/account/export", export::export)
        .post("/account/password", account::change_password)
        .post("/account/verification", verify::resend)
        .post("/account/tokens", account::create_token)
        .post("/account/tokens/{id}/revoke", account::revoke_token)
        // An invited admin's first password, on a tenant's site or the platform host.
        .get("/welcome", welcome::form)
        .post("/welcome", welcome::submit)
}

/// Messages for a form's fields, keyed by field name ("form" for the whole form).
pub(crate) type FormErrors = BTreeMap<&'static str, String>;

/// How the throttles name an account: its site and email address. A super-admin's is the
/// same on every site ("platform"), so each tenant adds no tries.
pub(crate) fn account_key(site: &Site, email: &str) -> String {
    match site {
        Site::Tenant(t) => format!("{}:{email}", t.tenant.id),
        Site::Platform => format!("platform:{email}"),
    }
}

/// Where to go after signing in: only a path on this site, never another host.
pub(crate) fn safe_next(next: &str) -> Option<String> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control);
    ok.then(|| next.to_owned())
}

/// Stores a new single-use link for `user` and returns its full address
/// (`{origin}{path}?token=…`), valid for `minutes`: on the host the person asked from, which
/// already works for them (a new site's own domain may not point here yet), else on the
/// site's usual address.
pub(crate) async fn single_use_link(
    page: &crate::pages::Page,
    user: atelier_domain::UserId,
    purpose: atelier_store::TokenPurpose,
    minutes: i64,
    path: &str,
) -> Result<String, crate::AppError> {
    let state = &page.state;
    let token = atelier_domain::SecretToken::generate()
        .map_err(|e| crate::AppError::Internal(e.to_string()))?;
    let now = state.clock.now();
    state
        .store
        .create_auth_token(
            &token.hash(),
            user,
            purpose,
            now.plus_millis(minutes * 60_000),
            now,
        )
        .await?;
    let origin = match (&page.site, &page.served_host) {
        (Site::Tenant(_), Some(host)) => state.settings.public_origin(host.as_str()),
        _ => site_origin(state, &page.site),
    };
    Ok(format!("{origin}{path}?token={}", token.expose()))
}

/// The address a site answers on as soon as it exists: its sub-domain of the base domain
/// (the platform host for the platform). Invitations link here: a new site's own domain
/// rarely points at the platform yet when its first admin is invited.
pub(crate) fn first_origin(state: &AppState, site: &Site) -> String {
    let host = match site {
        Site::Tenant(t) => format!("{}.{}", t.tenant.slug, state.settings.base_domain),
        Site::Platform => state.settings.platform_host.to_string(),
    };
    state.settings.public_origin(&host)
}

/// The address of a site for links in mail: the tenant's first custom domain, else its
/// sub-domain; never the request's Host header, which a client controls.
pub(crate) fn site_origin(state: &AppState, site: &Site) -> String {
    let host = match site {
        Site::Tenant(t) => t
            .domains
            .first()
            .map(ToString::to_string)
            .unwrap_or_else(|| format!("{}.{}", t.tenant.slug, state.settings.base_domain)),
        Site::Platform => state.settings.platform_host.to_string(),
    };
    state.settings.public_origin(&host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next("/account"), Some("/account".to_owned()));
        assert_eq!(
            safe_next("/history?page=2"),
            Some("/history?page=2".to_owned())
        );
        for bad in [
            "",
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "account",
        ] {
            assert_eq!(safe_next(bad), None, "{bad}");
        }
    }
}

#[cfg(test)]
mod lifetime_tests {
    use super::link_lifetime;

    #[test]
    fn link_lifetimes_read_as_people_say_them() {
        let said = |minutes| link_lifetime(minutes).to_string();
        assert_eq!(said(24 * 60), "24 hours");
        assert_eq!(said(60), "an hour");
        assert_eq!(said(15), "15 minutes");
        assert_eq!(said(90), "90 minutes");
        assert_eq!(said(1), "1 minute");
        assert_eq!(
            link_lifetime(24 * 60).in_lang(atelier_domain::Lang::Hi),
            "24 घंटे"
        );
    }
}
