//! Accounts over HTTP, one file per action: signing up, sessions, forged and hammering
//! requests, sign-in bursts, passwords (reset by mail, change) and disabling. The helpers
//! here are shared with the other suites.

mod deletion;
mod disabling;
mod export;
mod forgery_and_throttles;
mod languages;
mod passwords;
mod sessions;
mod sign_in_bursts;
mod sign_up;
mod user_list;

use atelier_domain::{Email, Slug, TenantSettings, User};

use crate::common::TestApp;

pub const PASSWORD: &str = "violet kettle under moonlight";
pub const OTHER_PASSWORD: &str = "saffron harbour at noon";

/// Makes the account `email` of tenant `slug` an admin of its tenant; the account as it was.
pub async fn make_tenant_admin(app: &TestApp, slug: &str, email: &str) -> User {
    let user = user_by_email(app, slug, email).await;
    app.state
        .store
        .set_user_role(
            user.tenant_id
                .unwrap_or_else(|| panic!("{email} has no tenant")),
            user.id,
            atelier_domain::Role::TenantAdmin,
            None,
            atelier_domain::Clock::now(app.clock.as_ref()),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    user
}

pub async fn user_by_email(app: &TestApp, slug: &str, email: &str) -> User {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    let tenant = app
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant {slug}"));
    let email = Email::parse(email).unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .find_credentials(Some(tenant.id), &email)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no account {email} on {slug}"))
        .0
}

pub async fn set_tenant(
    app: &TestApp,
    slug: &str,
    change: impl FnOnce(&mut atelier_domain::TenantSettingsInput),
) {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    let tenant = app
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant"));
    let mut input = tenant.settings.to_input();
    change(&mut input);
    let settings = TenantSettings::parse(&input).unwrap_or_else(|e| panic!("{e:?}"));
    crate::common::tenants::change_settings(app, tenant.id, &settings).await;
}

pub async fn user_count(app: &TestApp, slug: &str) -> i64 {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    let tenant = app
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant"));
    app.state
        .store
        .user_counts()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|(id, _)| *id == tenant.id)
        .map_or(0, |(_, n)| n)
}

/// The invariants of DESIGN.md that hold for accounts: balance = Σ ledger, 0 ≤ held ≤ balance.
pub async fn assert_ledger_invariants(app: &TestApp, user: &User) {
    let fresh = app
        .state
        .store
        .find_user(user.tenant_id, user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("user gone"));
    let sum = app
        .state
        .store
        .ledger_sum(user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fresh.balance, sum, "balance must equal the ledger's sum");
    assert!(0 <= fresh.held.get() && fresh.held <= fresh.balance);
}
