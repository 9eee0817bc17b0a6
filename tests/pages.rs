//! The public pages, themes and the layers every response passes through.

use atelier_domain::{Slug, TenantSettings};

use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    every_public_page_is_rendered_from_the_tenant_settings,
    a_theme_falls_back_to_default_file_by_file,
    a_missing_theme_falls_back_to_default_entirely,
    static_files_are_served_per_theme_with_cache_headers,
    health_and_readiness_answer_on_any_host,
    each_site_has_its_own_icon,
);

async fn every_public_page_is_rendered_from_the_tenant_settings(db: Db) {
    let app = TestApp::start(db).await;
    for (host, name, credits, bonus) in [
        ("pixelforge.test", "PixelForge", "Sparks", "20"),
        ("nocturne.test", "Nocturne Gallery", "Tokens", "10"),
        ("localhost", "Atelier Demo", "Credits", "20"),
    ] {
        for path in ["/", "/faq", "/privacy", "/terms"] {
            let page = app.get(host, path).await;
            assert_eq!(page.status, 200, "{host}{path}");
            assert!(page.header("content-type").starts_with("text/html"));
            page.assert_contains(name);
            page.assert_contains(credits);
            page.assert_contains("<title>");
            // No inline script or style: the content security policy forbids them.
            page.assert_lacks("<script>");
            page.assert_lacks("style=\"");
            page.assert_lacks("<style");
        }
        app.get(host, "/").await.assert_contains(bonus);
    }
    // The FAQ states the rules from settings, not from copy written once.
    let faq = app.get("nocturne.test", "/faq").await;
    faq.assert_contains("1536");
    faq.assert_contains("5 minutes");
    faq.assert_contains("studio@nocturne.test");
    let faq = app.get("pixelforge.test", "/faq").await;
    faq.assert_contains("1024");
    faq.assert_contains("https://wa.me/919876543210");
}

async fn a_theme_falls_back_to_default_file_by_file(db: Db) {
    let app = TestApp::start(db).await;
    // noir has its own layout and landing page …
    let landing = app.get("nocturne.test", "/").await;
    landing.assert_contains("data-layout=\"noir\"");
    landing.assert_contains("data-template=\"noir/landing\"");
    landing.assert_contains("/static/noir/css/site.css");
    // … and borrows default's FAQ, shown inside noir's layout.
    let faq = app.get("nocturne.test", "/faq").await;
    faq.assert_contains("data-layout=\"noir\"");
    faq.assert_contains("data-template=\"default/faq\"");
    // A themed 404 for a known site names the site.
    let missing = app.get("nocturne.test", "/no-such-page").await;
    assert_eq!(missing.status, 404);
    missing.assert_contains("Nocturne Gallery");
    missing.assert_contains("data-template=\"default/error\"");
    // The default theme uses its own files throughout.
    let landing = app.get("pixelforge.test", "/").await;
    landing.assert_contains("data-layout=\"default\"");
    landing.assert_contains("data-template=\"default/landing\"");
}

async fn a_missing_theme_falls_back_to_default_entirely(db: Db) {
    let app = TestApp::start(db).await;
    let slug = Slug::parse("nocturne").unwrap_or_else(|e| panic!("{e}"));
    let tenant = app
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no nocturne"));
    let mut input = tenant.settings.to_input();
    input.theme = "removed-theme".into();
    let settings = TenantSettings::parse(&input).unwrap_or_else(|e| panic!("{e:?}"));
    crate::common::tenants::change_settings(&app, tenant.id, &settings).await;
    let page = app.get("nocturne.test", "/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-layout=\"default\"");
    page.assert_contains("/static/default/css/site.css");
    page.assert_contains("Nocturne Gallery");
}

async fn static_files_are_served_per_theme_with_cache_headers(db: Db) {
    let app = TestApp::start(db).await;
    let landing = app.get("nocturne.test", "/").await;
    let css_url = landing
        .body
        .split('"')
        .find(|s| s.starts_with("/static/noir/css/site.css?v="))
        .unwrap_or_else(|| panic!("no versioned stylesheet link"))
        .to_owned();
    let css = app.get("nocturne.test", &css_url).await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").starts_with("text/css"));
    assert_eq!(
        css.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    // Unversioned: cached, but revalidated.
    let css = app.get("nocturne.test", "/static/noir/css/site.css").await;
    assert_eq!(css.header("cache-control"), "public, max-age=3600");
    // A file noir lacks comes from default.
    let default_only =
        std::fs::read_dir(crate::common::repo_root().join("themes/default/static/img"))
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|name| {
                !crate::common::repo_root()
                    .join("themes/noir/static/img")
                    .join(name)
                    .exists()
            })
            .unwrap_or_else(|| panic!("default has no image that noir lacks"));
    let img = app
        .get("nocturne.test", &format!("/static/noir/img/{default_only}"))
        .await;
    assert_eq!(img.status, 200, "{default_only}");
    // Nothing outside the static folder is reachable.
    let escape = app
        .get("nocturne.test", "/static/noir/../templates/base.html")
        .await;
    assert_ne!(escape.status, 200);
    let escape = app
        .get("nocturne.test", "/static/noir/%2e%2e/templates/base.html")
        .await;
    assert_ne!(escape.status, 200);
}

async fn health_and_readiness_answer_on_any_host(db: Db) {
    let app = TestApp::start(db).await;
    for host in ["localhost", "unknown.example", "pixelforge.test"] {
        let health = app.get(host, "/healthz").await;
        assert_eq!(health.status, 200, "{host}");
        let ready = app.get(host, "/readyz").await;
        assert_eq!(ready.status, 200, "{host}");
    }
    // Without its database the node is alive but not ready.
    app.state.store.close().await;
    assert_eq!(app.get("localhost", "/healthz").await.status, 200);
    assert_eq!(app.get("localhost", "/readyz").await.status, 503);
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_a_request_id() {
    let app = TestApp::start(Db::Sqlite).await;
    for (host, path) in [
        ("localhost", "/"),
        ("localhost", "/nope"),
        ("unknown.example", "/"),
        ("localhost", "/healthz"),
    ] {
        let page = app.get(host, path).await;
        let csp = page.header("content-security-policy");
        assert!(csp.contains("script-src 'self'"), "{host}{path}: {csp}");
        assert!(
            csp.contains("frame-ancestors 'none'"),
            "{host}{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{host}{path}: {csp}");
        assert_eq!(page.header("x-content-type-options"), "nosniff");
        assert_eq!(
            page.header("referrer-policy"),
            "strict-origin-when-cross-origin"
        );
        assert_eq!(page.header("x-request-id").len(), 36, "{host}{path}");
    }
    // A request id sent by a proxy is kept.
    let response = app
        .client
        .get(app.url("/"))
        .header("host", "localhost")
        .header("x-request-id", "from-the-proxy-1")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.headers()["x-request-id"], "from-the-proxy-1");
}

#[tokio::test]
async fn pages_are_compressed_and_large_bodies_refused() {
    let app = TestApp::start(Db::Sqlite).await;
    let response = app
        .client
        .get(app.url("/faq"))
        .header("host", "localhost")
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.headers()["content-encoding"], "gzip");

    let response = app
        .client
        .post(app.url("/"))
        .header("host", "localhost")
        .body(vec![b'x'; 2 * 1024 * 1024])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 413);
}

/// Each site's icon is its initial on its own colour, linked from every page.
async fn each_site_has_its_own_icon(db: Db) {
    let app = TestApp::start(db).await;
    for (host, initial, colour) in [
        ("pixelforge.test", ">P<", "#0f766e"),
        ("nocturne.test", ">N<", "#e11d48"),
    ] {
        let icon = app.get(host, "/favicon.svg").await;
        assert_eq!(
            (icon.status, icon.header("content-type")),
            (200, "image/svg+xml")
        );
        icon.assert_contains(initial);
        icon.assert_contains(colour);
        let home = app.get(host, "/").await;
        home.assert_contains("<link rel=\"icon\" href=\"/favicon.svg?v=");
    }
}
