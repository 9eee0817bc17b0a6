//! Changing a tenant in a test the way the consoles do: through the store's audited writes
//! as a super-admin, then the directory told (this node's cache cleared, the other nodes
//! told), so a test sets its scene on the path production takes.

use atelier_domain::{Clock, Email, HostName, TenantId, TenantSettings, TenantStatus};
use atelier_store::{Actor, SettingsChange, StoreError, TenantEdit};

use super::TestApp;

const OPERATOR: &str = "operator@example.com";

/// The super-admin the tests change tenants as, made the first time it is asked for.
pub async fn operator(app: &TestApp) -> Actor {
    let email = Email::parse(OPERATOR).unwrap_or_else(|e| panic!("{e}"));
    let found = app
        .state
        .store
        .find_credentials(None, &email)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let user = match found {
        Some((user, _)) => user,
        None => crate::access::create_super_admin(app, OPERATOR).await,
    };
    Actor {
        id: user.id,
        email: OPERATOR.to_owned(),
        address: "127.0.0.1".to_owned(),
    }
}

/// Replaces the tenant's settings, as its admin's branding and limits pages would.
pub async fn change_settings(app: &TestApp, id: TenantId, settings: &TenantSettings) {
    let actor = operator(app).await;
    let apply = |s: &mut TenantSettings| *s = settings.clone();
    let change = SettingsChange {
        action: "tenant.branding",
        apply: &apply,
        describe: TenantSettings::describe_branding,
    };
    app.state
        .store
        .change_tenant_settings(id, &change, &actor, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app.state.tenants.forget_tenant(id).await;
}

/// Changes the tenant's own domains, as the platform console's edit does.
pub async fn edit_domains(
    app: &TestApp,
    id: TenantId,
    change: impl FnOnce(&mut Vec<HostName>),
) -> Result<(), StoreError> {
    let actor = operator(app).await;
    let store = &app.state.store;
    let mut domains = store.tenant_domains(id).await?;
    change(&mut domains);
    let tenant = store
        .list_tenants()
        .await?
        .into_iter()
        .find(|site| site.tenant.id == id)
        .unwrap_or_else(|| panic!("no tenant {id}"))
        .tenant;
    let edit = TenantEdit {
        name: tenant.settings.name.clone(),
        domains,
        use_shared_pool: tenant.settings.use_shared_pool,
    };
    let done = store.edit_tenant(id, &edit, &actor, app.clock.now()).await;
    app.state.tenants.changed().await;
    done
}

/// Suspends or resumes the tenant, as the platform console does.
pub async fn set_status(app: &TestApp, id: TenantId, status: TenantStatus) {
    let actor = operator(app).await;
    app.state
        .store
        .change_tenant_status(id, status, &actor, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app.state.tenants.changed().await;
}
