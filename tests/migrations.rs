//! Migrations and provisioning: idempotent, and the database stays the source of truth.

use atelier_domain::{HostName, Slug, TenantSettings, TenantStatus, Timestamp};
use atelier_store::{NewTenant, Store, StoreError};

use crate::common::browser::Browser;
use crate::common::{test_settings, Db, TestApp, TestDatabase};
use crate::on_both_databases;

on_both_databases!(
    migrations_apply_once_and_again_without_harm,
    the_schema_refuses_what_the_rules_forbid,
    the_schema_refuses_balances_holds_and_progress_out_of_range,
    provisioning_creates_missing_tenants_and_leaves_existing_ones_alone,
);

async fn migrations_apply_once_and_again_without_harm(db: Db) {
    let database = TestDatabase::new(&db).await;
    let store = Store::connect(&database.url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    store.migrate().await.unwrap_or_else(|e| panic!("{e}"));
    store.migrate().await.unwrap_or_else(|e| panic!("{e}"));
    store.ping().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(store
        .list_tenants()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .is_empty());
    let slug = Slug::parse("fresh").unwrap_or_else(|e| panic!("{e}"));
    let created = store
        .create_tenant(
            &NewTenant {
                slug: slug.clone(),
                status: TenantStatus::Active,
                settings: TenantSettings::defaults_named("Fresh")
                    .unwrap_or_else(|e| panic!("{e:?}")),
                domains: vec![HostName::parse("fresh.example").unwrap_or_else(|e| panic!("{e}"))],
            },
            Timestamp(1_000),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(created.slug, slug);
    assert_eq!(created.created_at, Timestamp(1_000));
    let listed = store.list_tenants().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].domains[0].as_str(), "fresh.example");
    store.close().await;
}

async fn the_schema_refuses_what_the_rules_forbid(db: Db) {
    let database = TestDatabase::new(&db).await;
    let store = Store::connect(&database.url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    store.migrate().await.unwrap_or_else(|e| panic!("{e}"));
    let tenant = |slug: &str, domain: &str| NewTenant {
        slug: Slug::parse(slug).unwrap_or_else(|e| panic!("{e}")),
        status: TenantStatus::Active,
        settings: TenantSettings::defaults_named(slug).unwrap_or_else(|e| panic!("{e:?}")),
        domains: vec![HostName::parse(domain).unwrap_or_else(|e| panic!("{e}"))],
    };
    store
        .create_tenant(&tenant("one", "one.example"), Timestamp(1))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let same_slug = store
        .create_tenant(&tenant("one", "other.example"), Timestamp(2))
        .await;
    assert!(
        matches!(same_slug, Err(StoreError::Conflict("slug"))),
        "{same_slug:?}"
    );
    let same_domain = store
        .create_tenant(&tenant("two", "one.example"), Timestamp(3))
        .await;
    assert!(
        matches!(same_domain, Err(StoreError::Conflict("domain"))),
        "{same_domain:?}"
    );
    // The failed creation left nothing half-written.
    let slugs: Vec<String> = store
        .list_tenants()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|s| s.tenant.slug.to_string())
        .collect();
    assert_eq!(slugs, ["one"]);
    store.close().await;
}

/// The money and progress invariants hold in the schema itself, on both databases, whatever
/// a future query gets wrong: each write that breaks one is refused by a CHECK constraint.
async fn the_schema_refuses_balances_holds_and_progress_out_of_range(db: Db) {
    let app = TestApp::start(db.clone()).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser
        .register("ledger@example.com", "violet kettle under moonlight")
        .await;
    let submitted = browser.generate("a kite", 64, 64).await;
    assert_eq!(submitted.status, 303, "{}", submitted.body);
    let user = crate::accounts::user_by_email(&app, "pixelforge", "ledger@example.com").await;
    assert_eq!(
        (user.balance.get(), user.held.get()),
        (20, 1),
        "the queued job holds one"
    );

    let url = app.database.url.clone();
    let me = "where email = 'ledger@example.com'";
    for (rule, statement) in [
        (
            "balance >= 0",
            format!("update users set balance = -1 {me}"),
        ),
        ("held >= 0", format!("update users set held = -1 {me}")),
        (
            "held <= balance",
            format!("update users set held = balance + 1 {me}"),
        ),
        (
            "held <= balance",
            format!("update users set balance = held - 1 {me}"),
        ),
        (
            "active_jobs >= 0",
            format!("update users set active_jobs = -1 {me}"),
        ),
        (
            "progress <= 1000",
            "update jobs set progress = 1001".to_owned(),
        ),
        ("progress >= 0", "update jobs set progress = -1".to_owned()),
    ] {
        let answer = crate::common::execute_raw(&url, &statement).await;
        let kind = answer
            .as_ref()
            .err()
            .and_then(|e| e.as_database_error())
            .map(|e| e.kind());
        assert!(
            matches!(kind, Some(sqlx::error::ErrorKind::CheckViolation)),
            "{rule}: `{statement}` should be refused by a CHECK constraint, got {answer:?}"
        );
    }
    // Writes within the rules go through, so the refusals above were the rules' doing.
    let allowed =
        crate::common::execute_raw(&url, &format!("update users set held = balance {me}")).await;
    assert!(matches!(allowed, Ok(1)), "{allowed:?}");
    let allowed = crate::common::execute_raw(&url, "update jobs set progress = 1000").await;
    assert!(matches!(allowed, Ok(1)), "{allowed:?}");
}

async fn provisioning_creates_missing_tenants_and_leaves_existing_ones_alone(db: Db) {
    let database = TestDatabase::new(&db).await;
    let settings = test_settings(&database, "");
    let first = TestApp::start_on(database, settings.clone()).await;
    let slugs: Vec<String> = first
        .state
        .store
        .list_tenants()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|s| s.tenant.slug.to_string())
        .collect();
    assert_eq!(slugs, ["demo", "nocturne", "pixelforge"]);

    // An admin renames a tenant; a restart must not put the file's name back.
    let slug = Slug::parse("pixelforge").unwrap_or_else(|e| panic!("{e}"));
    let tenant = first
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no pixelforge"));
    let mut input = tenant.settings.to_input();
    input.name = "Renamed by an admin".into();
    let renamed = TenantSettings::parse(&input).unwrap_or_else(|e| panic!("{e:?}"));
    crate::common::tenants::change_settings(&first, tenant.id, &renamed).await;
    let TestApp { database, .. } = first;
    let second = TestApp::start_on(database, settings).await;
    let sites = second
        .state
        .store
        .list_tenants()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sites.len(), 3);
    second
        .get("pixelforge.test", "/")
        .await
        .assert_contains("Renamed by an admin");
}
