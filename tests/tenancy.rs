//! Which site answers which host: every rule of DESIGN.md's "Tenancy", in order.

use atelier_domain::{Clock, HostName, Slug, TenantSettings, TenantStatus};
use atelier_store::{NewTenant, TenantSite};

use crate::access::create_super_admin;

use crate::common::tenants::{change_settings, edit_domains, set_status};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_custom_domain_reaches_its_tenant,
    a_slug_under_the_base_domain_reaches_its_tenant,
    a_custom_domain_wins_over_a_slug,
    the_platform_host_serves_the_platform,
    loopback_names_serve_the_default_tenant,
    unknown_hosts_get_a_plain_404_that_names_no_tenant,
    a_domain_change_takes_effect_at_once,
    a_settings_change_takes_effect_at_once,
    a_suspended_tenant_shows_its_unavailable_page,
    the_proxy_gets_certificates_only_for_hosts_of_active_sites,
);

fn host(raw: &str) -> HostName {
    HostName::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"))
}

async fn tenant_id(app: &TestApp, slug: &str) -> atelier_domain::TenantId {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant {slug}"))
        .id
}

async fn a_custom_domain_reaches_its_tenant(db: Db) {
    let app = TestApp::start(db).await;
    let page = app.get("pixelforge.test", "/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("PixelForge");
    page.assert_contains("data-tenant=\"pixelforge\"");
    page.assert_contains("data-layout=\"default\"");
    // The Host header is case-insensitive and may carry a port.
    let page = app.get("WWW.PixelForge.TEST:8080", "/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-tenant=\"pixelforge\"");
    let page = app.get("nocturne.test", "/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Nocturne Gallery");
    page.assert_contains("data-layout=\"noir\"");
}

async fn a_slug_under_the_base_domain_reaches_its_tenant(db: Db) {
    let app = TestApp::start_with(db, "base_domain = \"sites.example.com\"").await;
    let page = app.get("nocturne.sites.example.com", "/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-tenant=\"nocturne\"");
    let page = app.get("demo.sites.example.com", "/faq").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-tenant=\"demo\"");
    // Two labels deep is not a tenant.
    let page = app.get("x.nocturne.sites.example.com", "/").await;
    assert_eq!(page.status, 404);
}

async fn a_custom_domain_wins_over_a_slug(db: Db) {
    let app = TestApp::start_with(db, "base_domain = \"example.com\"").await;
    // "nocturne.example.com" would be nocturne's sub-domain, but pixelforge owns it.
    let pixelforge = tenant_id(&app, "pixelforge").await;
    edit_domains(&app, pixelforge, |d| d.push(host("nocturne.example.com")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let page = app.get("nocturne.example.com", "/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-tenant=\"pixelforge\"");
}

async fn the_platform_host_serves_the_platform(db: Db) {
    let app = TestApp::start_with(db, "platform_host = \"admin.example.com\"").await;
    let page = app.get("admin.example.com", "/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-template=\"default/platform\"");
    page.assert_lacks("data-tenant=\"demo\"");
    // Tenant pages do not exist on the platform host; its 404 offers no tenant links.
    let page = app.get("admin.example.com", "/faq").await;
    assert_eq!(page.status, 404);
    page.assert_contains("data-template=\"default/error\"");
    page.assert_lacks("href=\"/faq\"");
    page.assert_lacks("href=\"/register\"");
}

async fn loopback_names_serve_the_default_tenant(db: Db) {
    let app = TestApp::start(db).await;
    for loopback in [
        "localhost",
        "localhost:8080",
        "127.0.0.1:8080",
        "[::1]:8080",
    ] {
        let page = app.get(loopback, "/").await;
        assert_eq!(page.status, 200, "{loopback}");
        page.assert_contains("data-tenant=\"demo\"");
        page.assert_contains("Atelier Demo");
    }
}

async fn unknown_hosts_get_a_plain_404_that_names_no_tenant(db: Db) {
    let app = TestApp::start(db).await;
    let first = app.get("nobody.example.org", "/").await;
    assert_eq!(first.status, 404);
    for name in ["Atelier Demo", "PixelForge", "Nocturne", "demo", "/static/"] {
        first.assert_lacks(name);
    }
    // Every unknown host, path and malformed header gets the very same answer.
    for (h, path) in [
        ("ghost.localhost", "/"),
        ("other.example.net", "/faq"),
        ("bad_host!", "/"),
        ("nobody.example.org", "/static/default/css/site.css"),
    ] {
        let page = app.get(h, path).await;
        assert_eq!(page.status, 404, "{h}{path}");
        assert_eq!(page.body, first.body, "{h}{path}");
    }
}

async fn a_domain_change_takes_effect_at_once(db: Db) {
    let app = TestApp::start(db).await;
    assert_eq!(app.get("brand-new.test", "/").await.status, 404); // now cached as unknown
    let nocturne = tenant_id(&app, "nocturne").await;
    edit_domains(&app, nocturne, |d| d.push(host("brand-new.test")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let page = app.get("brand-new.test", "/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-tenant=\"nocturne\"");

    edit_domains(&app, nocturne, |d| {
        d.retain(|h| *h != host("nocturne.test"))
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(app.get("nocturne.test", "/").await.status, 404);

    // A domain belongs to one tenant only.
    let pixelforge = tenant_id(&app, "pixelforge").await;
    let taken = edit_domains(&app, pixelforge, |d| d.push(host("brand-new.test"))).await;
    assert!(
        matches!(taken, Err(atelier_store::StoreError::Conflict("domain"))),
        "{taken:?}"
    );
}

async fn a_settings_change_takes_effect_at_once(db: Db) {
    let app = TestApp::start(db).await;
    let first_page = app.get("pixelforge.test", "/").await;
    first_page.assert_contains("PixelForge");
    let brand_before = app.get("pixelforge.test", "/brand.css").await;
    brand_before.assert_contains("#0f766e");

    let id = tenant_id(&app, "pixelforge").await;
    let mut input = app
        .state
        .tenants
        .resolve(&host("pixelforge.test"))
        .await
        .map(|r| match r {
            atelier_web::Resolution::Tenant(site) => site.tenant.settings.to_input(),
            other => panic!("{other:?}"),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    input.name = "PixelForge Reloaded".into();
    input.credit_name = "Gem".into();
    input.credit_name_plural = "Gems".into();
    input.color_primary = "#123456".into();
    input.theme = "noir".into();
    let settings = TenantSettings::parse(&input).unwrap_or_else(|e| panic!("{e:?}"));
    app.clock.advance_millis(1_000);
    change_settings(&app, id, &settings).await;

    let page = app.get("pixelforge.test", "/").await;
    page.assert_contains("PixelForge Reloaded");
    page.assert_contains("Gems");
    page.assert_contains("data-layout=\"noir\"");
    let brand_after = app.get("pixelforge.test", "/brand.css").await;
    brand_after.assert_contains("#123456");
    // The page links the stylesheet under a new version, so browsers fetch the new colours.
    let version = |body: &str| {
        body.split("/brand.css?v=")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(str::to_owned)
    };
    let (before, after) = (version(&first_page.body), version(&page.body));
    assert!(
        before.is_some() && after.is_some(),
        "no versioned brand.css link"
    );
    assert_ne!(before, after, "the brand.css version did not change");
}

async fn a_suspended_tenant_shows_its_unavailable_page(db: Db) {
    let app = TestApp::start(db).await;
    let id = tenant_id(&app, "nocturne").await;
    set_status(&app, id, TenantStatus::Suspended).await;
    for path in ["/", "/faq", "/anything"] {
        let page = app.get("nocturne.test", path).await;
        assert_eq!(page.status, 503, "{path}");
        page.assert_contains("Nocturne Gallery");
        page.assert_contains("data-template=\"default/unavailable\"");
        page.assert_contains("data-layout=\"noir\"");
        assert_eq!(page.header("retry-after"), "3600");
    }
    // Its styles still load, so the page looks like the brand.
    assert_eq!(app.get("nocturne.test", "/brand.css").await.status, 200);
    // Other tenants are untouched.
    assert_eq!(app.get("pixelforge.test", "/").await.status, 200);

    set_status(&app, id, TenantStatus::Active).await;
    assert_eq!(app.get("nocturne.test", "/").await.status, 200);
}

#[tokio::test]
async fn a_tenant_created_later_is_reachable_at_once() {
    let app = TestApp::start(Db::Sqlite).await;
    assert_eq!(app.get("late.localhost", "/").await.status, 404);
    let new = NewTenant {
        slug: Slug::parse("late").unwrap_or_else(|e| panic!("{e}")),
        status: TenantStatus::Active,
        settings: TenantSettings::defaults_named("Late Bloomer")
            .unwrap_or_else(|e| panic!("{e:?}")),
        domains: vec![host("late.example")],
    };
    app.state
        .tenants
        .create(&new)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app.get("late.localhost", "/")
        .await
        .assert_contains("Late Bloomer");
    app.get("late.example", "/")
        .await
        .assert_contains("Late Bloomer");
}

/// Caddy's on-demand TLS asks before it fetches a certificate: yes only for a host an active
/// site (or the platform) answers on.
async fn the_proxy_gets_certificates_only_for_hosts_of_active_sites(db: Db) {
    let app = TestApp::start(db).await;
    let ask = async |domain: &str| {
        app.get("localhost", &format!("/tls/ask?domain={domain}"))
            .await
            .status
    };
    for domain in [
        "pixelforge.test",
        "www.pixelforge.test",
        "pixelforge.localhost",
        "nocturne.test",
        "platform.localhost",
    ] {
        assert_eq!(ask(domain).await, 200, "{domain}");
    }
    for domain in [
        "unknown.example",
        "localhost",
        "127.0.0.1",
        "not%20a%20host",
        "",
    ] {
        assert_eq!(ask(domain).await, 404, "{domain:?}");
    }
    // A private name a tenant holds (saved before the console checked) gets none either.
    app.execute_sql(
        "insert into tenant_domains (id, tenant_id, domain, created_at) \
         select '01937000-0000-7000-8000-000000000001', id, 'printer.local', 0 \
         from tenants where slug = 'nocturne'",
    )
    .await;
    app.state.tenants.invalidate();
    assert_eq!(ask("printer.local").await, 404, "a private name");
    app.execute_sql("update tenants set status = 'suspended' where slug = 'nocturne'")
        .await;
    app.state.tenants.invalidate();
    assert_eq!(
        ask("nocturne.test").await,
        404,
        "a suspended site gets no new certificate"
    );
}

/// Two nodes on one PostgreSQL database: a branding change, and a change to the platform's
/// rules, made through one are seen by the other within a second (LISTEN/NOTIFY), not after
/// the tenant cache's TTL (30 s).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    atelier_skip_postgres,
    ignore = "SKIPPED: no PostgreSQL (build the tests with ATELIER_TEST_POSTGRES_URL set)"
)]
async fn a_branding_change_reaches_a_second_node_within_a_second() {
    crate::common::within(
        crate::common::TEST_TIMEOUT,
        "two nodes",
        two_nodes_hear_of_tenant_changes(),
    )
    .await;
}

async fn two_nodes_hear_of_tenant_changes() {
    let first = TestApp::start(Db::postgres()).await;
    let clock = std::sync::Arc::new(atelier_domain::ManualClock::new(crate::common::TEST_EPOCH));
    // The second node's cache lives 3 s: longer than the checks of a word heard (1 s), short
    // enough to see the fallback when a word is lost.
    let mut settings = (*first.state.settings).clone();
    settings.http.tenant_cache_ttl_secs = 3;
    let second = atelier::App::build(settings, clock)
        .await
        .unwrap_or_else(|e| panic!("the second node: {e:#}"));
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let listening = tokio::spawn(atelier::tenant_changes::follow_tenant_changes(
        second.state.clone(),
        stopped,
    ));
    let on_second = async || match second.state.tenants.resolve(&host("pixelforge.test")).await {
        Ok(atelier_web::Resolution::Tenant(site)) => site,
        other => panic!("pixelforge on the second node: {other:?}"),
    };
    let second_sees = async |what: &str, limit_ms: u64, seen: &dyn Fn(&TenantSite) -> bool| {
        crate::common::within(
            std::time::Duration::from_millis(limit_ms),
            format!("the second node seeing {what}"),
            async {
                while !seen(on_second().await.as_ref()) {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                }
            },
        )
        .await;
    };
    // The second node has the site cached, as it would after serving a page.
    assert_eq!(on_second().await.tenant.settings.name, "PixelForge");
    // Give its listener a moment to be in place before the change is announced.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    // A rename the way the branding page saves it.
    let root = create_super_admin(&first, "root@example.com").await;
    let actor = atelier_store::Actor {
        id: root.id,
        email: "root@example.com".to_owned(),
        address: "127.0.0.1".to_owned(),
    };
    let id = tenant_id(&first, "pixelforge").await;
    let rename = |s: &mut TenantSettings| s.name = "PixelForge Studio".to_owned();
    let change = atelier_store::SettingsChange {
        action: "tenant.branding",
        apply: &rename,
        describe: TenantSettings::describe_branding,
    };
    first
        .state
        .store
        .change_tenant_settings(id, &change, &actor, first.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    first.state.tenants.forget_tenant(id).await;
    second_sees("the new name", 1000, &|site| {
        site.tenant.settings.name == "PixelForge Studio"
    })
    .await;

    // The platform's rules travel the same way: a lower size cap saved on the first node
    // holds the second node's sites to it within a second.
    let rules = atelier_domain::PlatformRules {
        size_cap: 512,
        ..first.state.tenants.rules()
    };
    first
        .state
        .tenants
        .save_rules(&rules, &actor)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    second_sees("the new cap", 1000, &|site| {
        site.tenant.settings.max_image_side == 512
    })
    .await;
    assert_eq!(second.state.tenants.rules(), rules);

    // A word lost (here never sent): the rules still arrive, at the cache's TTL.
    let lower = atelier_domain::PlatformRules {
        size_cap: 256,
        ..rules
    };
    first
        .state
        .store
        .save_platform_rules(&lower, &rules, &actor, first.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    second_sees("a cap saved without a word", 5000, &|site| {
        site.tenant.settings.max_image_side == 256
    })
    .await;
    assert_eq!(second.state.tenants.rules(), lower);
    let _ = stop.send(true);
    let _ = listening.await;
}
