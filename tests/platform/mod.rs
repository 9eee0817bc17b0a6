//! The platform console (`/platform` on the platform host): tenants made, edited,
//! suspended and resumed from it, the platform's own accounts, its rules, and usage per tenant.

mod admins;
pub(crate) mod invitations;
mod settings;
mod tenants;
mod usage;

use crate::access::create_super_admin;
use crate::accounts::PASSWORD;
use crate::common::browser::Browser;
use crate::common::TestApp;

const PLATFORM: &str = "platform.localhost";

/// A super-admin (`email`) signed in on the platform host.
async fn signed_in_root<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    create_super_admin(app, email).await;
    let mut browser = Browser::new(app, PLATFORM);
    let page = browser.login(email, PASSWORD).await;
    assert_eq!(page.status, 303, "super-admin sign-in: {}", page.body);
    browser
}

/// The audit log's actions for a tenant (every tenant's with `None`), newest first.
async fn audit_actions(app: &TestApp, tenant: Option<atelier_domain::TenantId>) -> Vec<String> {
    app.state
        .store
        .audit_page(tenant, None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|r| r.action)
        .collect()
}
