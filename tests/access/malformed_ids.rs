//! Text that parses as no id, and ids of nothing, are "not found": the themed page on the
//! sites, the JSON error in the API (where a query it cannot read is its JSON 422 too).

use reqwest::Method;

use super::fixtures::api_token;
use super::visitor::{ask, Visitor};
use super::PASSWORD;
use crate::accounts::user_by_email;
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(malformed_ids_are_not_found_on_pages_and_in_the_api);

async fn malformed_ids_are_not_found_on_pages_and_in_the_api(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("user@pixelforge.example", PASSWORD).await;
    let user = user_by_email(&app, "pixelforge", "user@pixelforge.example").await;
    let (_, key) = api_token(&app, &user, "script").await;

    for path in [
        "/jobs/not-an-id",
        "/jobs/12345/events",
        "/images/..%2F..%2Fetc/thumb",
        "/images/0190b2c4-5e6f-7a8b-9c0d",
        "/payments/not-an-id",
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, 404, "GET {path}");
        assert!(
            page.header("content-type").starts_with("text/html"),
            "GET {path}: {}",
            page.header("content-type")
        );
        page.assert_contains("Page not found");
    }
    for (action, path) in [
        ("/account", "/jobs/not-an-id/cancel"),
        ("/account", "/account/tokens/not-an-id/revoke"),
    ] {
        let page = browser.submit(action, path, &[]).await;
        assert_eq!(page.status, 404, "POST {path}");
        page.assert_contains("Page not found");
    }

    let api = Visitor {
        host: "pixelforge.test",
        cookie: None,
        csrf: None,
        bearer: Some(key),
    };
    let unknown = format!("/api/v1/jobs/{}", uuid::Uuid::now_v7());
    for path in [
        "/api/v1/jobs/not-an-id",
        "/api/v1/jobs/42",
        unknown.as_str(),
    ] {
        let page = ask(&app, &api, &Method::GET, path, &[]).await;
        assert_eq!(page.status, 404, "GET {path}: {}", page.body);
        let json: serde_json::Value = serde_json::from_str(&page.body)
            .unwrap_or_else(|e| panic!("GET {path} is not JSON ({e}): {}", page.body));
        assert_eq!(json["error"]["code"], "not_found", "GET {path}: {json}");
    }
    // A query the API cannot read is its JSON error too, not axum's text.
    let page = ask(&app, &api, &Method::GET, "/api/v1/jobs?limit=many", &[]).await;
    assert_eq!(page.status, 422, "{}", page.body);
    let json: serde_json::Value =
        serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body));
    assert_eq!(json["error"]["code"], "invalid_query", "{json}");
}
