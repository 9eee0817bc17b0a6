//! The JSON API over HTTP: personal tokens, the job endpoints, and stable error codes.

use std::sync::Arc;

use atelier_worker::DemoBackend;

use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

const PASSWORD: &str = "violet kettle under moonlight";

on_both_databases!(
    tokens_are_shown_once_work_as_bearer_and_can_be_revoked,
    jobs_can_be_created_read_and_listed_through_the_api,
    api_errors_are_json_with_stable_codes,
    errors_and_jobs_speak_the_accounts_language_with_the_same_codes,
);

struct Api<'a> {
    app: &'a TestApp,
    host: &'static str,
    token: String,
}

impl Api<'_> {
    async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value, reqwest::header::HeaderMap) {
        let mut request = self
            .app
            .client
            .request(
                method.parse().unwrap_or(reqwest::Method::GET),
                self.app.url(path),
            )
            .header("host", self.host);
        if !self.token.is_empty() {
            request = request.header("authorization", format!("Bearer {}", self.token));
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
        (status, json, headers)
    }
}

/// Who calls, method, path, body, expected status and error code.
type Case<'a> = (
    &'a Api<'a>,
    &'static str,
    &'static str,
    Option<serde_json::Value>,
    u16,
    &'static str,
);

/// Registers, makes a token on the account page, and returns it.
async fn token_for<'a>(app: &'a TestApp, host: &str, email: &str) -> (Browser<'a>, String) {
    let mut browser = Browser::new(app, host);
    browser.register(email, PASSWORD).await;
    let (page, token) = browser.make_api_token("laptop script", PASSWORD).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(!token.is_empty(), "the new token is not on the page");
    assert!(token.starts_with("atl_"), "{token}");
    (browser, token)
}

async fn tokens_are_shown_once_work_as_bearer_and_can_be_revoked(db: Db) {
    let app = TestApp::start(db).await;
    let (mut browser, token) = token_for(&app, "pixelforge.test", "api@example.com").await;
    let again = browser.get("/account").await;
    again.assert_contains("laptop script");
    again.assert_lacks(&token);
    // The page it landed on shows it once, with a copy button, and the carrier is gone:
    // the same address again shows nothing.
    let landed = browser.get("/account?token=created").await;
    landed.assert_lacks(&token);
    landed.assert_lacks("Your new token is below");
    // A carrier that holds no token of this person's (left over, or planted) shows nothing.
    browser.token_cookie = Some(format!("atelier_new_token=atl_{}", "ab".repeat(32)));
    let planted = browser.get("/account?token=created").await;
    planted.assert_lacks("Your new token is below");
    planted.assert_lacks(&"ab".repeat(32));
    let api = Api {
        app: &app,
        host: "pixelforge.test",
        token: token.clone(),
    };
    let (status, me, _) = api.call("GET", "/api/v1/me", None).await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["email"], "api@example.com");
    assert_eq!(me["available"], 20);
    assert_eq!(me["credit_unit"]["plural"], "Sparks");
    // Only on its own tenant.
    let elsewhere = Api {
        app: &app,
        host: "nocturne.test",
        token: token.clone(),
    };
    assert_eq!(elsewhere.call("GET", "/api/v1/me", None).await.0, 401);
    // Revoked: refused from then on.
    let id = again
        .body
        .split("/account/tokens/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_default()
        .to_owned();
    let done = browser
        .submit("/account", &format!("/account/tokens/{id}/revoke"), &[])
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(api.call("GET", "/api/v1/me", None).await.0, 401);
    // A signed-in browser's cookie is no way into the API.
    let page = browser.get("/api/v1/me").await;
    assert_eq!(page.status, 401);
}

async fn jobs_can_be_created_read_and_listed_through_the_api(db: Db) {
    let app = TestApp::start(db).await;
    let (_, token) = token_for(&app, "pixelforge.test", "script@example.com").await;
    let api = Api {
        app: &app,
        host: "pixelforge.test",
        token,
    };
    let (status, models, _) = api.call("GET", "/api/v1/models", None).await;
    assert_eq!(status, 200);
    assert_eq!(models["models"][0]["id"], "demo-abstract");
    assert_eq!(models["models"][0]["demo"], true);
    assert_eq!(models["max_image_side"], 1024);

    let mut ids = Vec::new();
    for i in 0..3 {
        let body = serde_json::json!({"prompt": format!("api job {i}"), "width": 64, "height": 72, "seed": 42});
        let (status, job, headers) = api.call("POST", "/api/v1/jobs", Some(body)).await;
        assert_eq!(status, 202, "{job}");
        assert_eq!(job["status"], "queued");
        assert_eq!(job["model"], "demo-abstract");
        let id = job["id"].as_str().unwrap_or_default().to_owned();
        assert_eq!(headers["location"], format!("/api/v1/jobs/{id}").as_str());
        ids.push(id);
    }
    let (_, me, _) = api.call("GET", "/api/v1/me", None).await;
    assert_eq!(
        (
            me["balance"].as_i64(),
            me["held"].as_i64(),
            me["available"].as_i64()
        ),
        (Some(20), Some(3), Some(17))
    );

    let worker = app.worker(Arc::new(DemoBackend::default()));
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    let (status, job, _) = api
        .call("GET", &format!("/api/v1/jobs/{}", ids[0]), None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(job["status"], "succeeded");
    for field in [
        "id",
        "status",
        "queue_position",
        "progress",
        "error",
        "image_url",
        "width",
        "height",
        "model",
        "prompt",
        "created_at",
    ] {
        assert!(job.get(field).is_some(), "job JSON lacks {field}: {job}");
    }
    // The image is reachable with the same token.
    let image = app
        .client
        .get(app.url(job["image_url"].as_str().unwrap_or("/")))
        .header("host", "pixelforge.test")
        .header("authorization", format!("Bearer {}", api.token))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(image.status().as_u16(), 200);

    // Cursor pagination, newest first.
    let (_, first, _) = api.call("GET", "/api/v1/jobs?limit=2", None).await;
    let page: Vec<&str> = first["jobs"]
        .as_array()
        .map(|a| a.iter().filter_map(|j| j["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(page, [ids[2].as_str(), ids[1].as_str()]);
    let cursor = first["next_cursor"]
        .as_str()
        .unwrap_or_else(|| panic!("no cursor: {first}"))
        .to_owned();
    let (_, second, _) = api
        .call(
            "GET",
            &format!("/api/v1/jobs?limit=2&cursor={cursor}"),
            None,
        )
        .await;
    let page: Vec<&str> = second["jobs"]
        .as_array()
        .map(|a| a.iter().filter_map(|j| j["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(page, [ids[0].as_str()]);
    assert!(second["next_cursor"].is_null());
}

async fn api_errors_are_json_with_stable_codes(db: Db) {
    let app = TestApp::start(db).await;
    crate::accounts::set_tenant(&app, "pixelforge", |s| s.signup_bonus = 1).await;
    let (_, token) = token_for(&app, "pixelforge.test", "errors@example.com").await;
    let api = Api {
        app: &app,
        host: "pixelforge.test",
        token,
    };
    let anonymous = Api {
        app: &app,
        host: "pixelforge.test",
        token: String::new(),
    };
    let cases: Vec<Case<'_>> = vec![
        (&anonymous, "GET", "/api/v1/me", None, 401, "unauthorized"),
        (
            &api,
            "POST",
            "/api/v1/jobs",
            Some(serde_json::json!("not an object")),
            400,
            "invalid_json",
        ),
        (
            &api,
            "POST",
            "/api/v1/jobs",
            Some(serde_json::json!({"prompt": "", "width": 65, "height": 64})),
            422,
            "validation_failed",
        ),
        (
            &api,
            "POST",
            "/api/v1/jobs",
            Some(serde_json::json!({"prompt": "x", "width": 64, "height": 64, "model": "nope"})),
            422,
            "validation_failed",
        ),
        (
            &api,
            "GET",
            "/api/v1/jobs/not-a-uuid",
            None,
            404,
            "not_found",
        ),
        (
            &api,
            "GET",
            "/api/v1/jobs/0190b2c4-0000-7000-8000-000000000000",
            None,
            404,
            "not_found",
        ),
        (&api, "GET", "/api/v1/nowhere", None, 404, "not_found"),
        (
            &api,
            "GET",
            "/api/v1/jobs?limit=1000",
            None,
            422,
            "invalid_limit",
        ),
        (
            &api,
            "GET",
            "/api/v1/jobs?cursor=garbage",
            None,
            422,
            "invalid_cursor",
        ),
    ];
    for (client, method, path, body, status, code) in cases {
        let (got, json, headers) = client.call(method, path, body).await;
        assert_eq!(got, status, "{method} {path}: {json}");
        assert_eq!(json["error"]["code"], code, "{method} {path}: {json}");
        assert!(json["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        assert!(headers["content-type"]
            .to_str()
            .unwrap_or("")
            .starts_with("application/json"));
    }
    let (_, invalid, _) = api
        .call(
            "POST",
            "/api/v1/jobs",
            Some(serde_json::json!({"prompt": "", "width": 65, "height": 64})),
        )
        .await;
    assert!(
        invalid["error"]["fields"]["prompt"].is_string(),
        "{invalid}"
    );
    assert!(invalid["error"]["fields"]["width"].is_string(), "{invalid}");
    // One credit: the second job is refused with 402.
    let job = serde_json::json!({"prompt": "only one", "width": 64, "height": 64});
    assert_eq!(
        api.call("POST", "/api/v1/jobs", Some(job.clone())).await.0,
        202
    );
    let (status, json, _) = api.call("POST", "/api/v1/jobs", Some(job)).await;
    assert_eq!(status, 402);
    assert_eq!(json["error"]["code"], "insufficient_credits");
    // Another user's job is not found.
    let (_, other_token) = token_for(&app, "pixelforge.test", "other@example.com").await;
    let other = Api {
        app: &app,
        host: "pixelforge.test",
        token: other_token,
    };
    let (_, list, _) = api.call("GET", "/api/v1/jobs", None).await;
    let id = list["jobs"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (status, json, _) = other.call("GET", &format!("/api/v1/jobs/{id}"), None).await;
    assert_eq!(
        (status, json["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
}

/// `method path` with `headers`, on pixelforge: the status and the JSON answer.
async fn call_with(
    app: &TestApp,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value) {
    let mut request = app
        .client
        .request(
            method.parse().unwrap_or(reqwest::Method::GET),
            app.url(path),
        )
        .header("host", "pixelforge.test");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let response = request
        .send()
        .await
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or_default())
}

/// Error messages and a job's words come in the language the token's account chose, else
/// the one `Accept-Language` asks for; the codes never change.
async fn errors_and_jobs_speak_the_accounts_language_with_the_same_codes(db: Db) {
    let app = TestApp::start(db).await;
    let (mut browser, token) = token_for(&app, "pixelforge.test", "bhasha@example.com").await;
    let bearer = format!("Bearer {token}");
    let hindi_browser = [("accept-language", "hi-IN,hi;q=0.9")];

    // Without an account, the browser's language.
    let (status, json) = call_with(&app, "GET", "/api/v1/me", &hindi_browser, None).await;
    assert_eq!(
        (status, json["error"]["code"].as_str()),
        (401, Some("unauthorized"))
    );
    assert!(
        json["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("निजी API टोकन")),
        "{json}"
    );
    let (_, json) = call_with(&app, "GET", "/api/v1/me", &[], None).await;
    assert!(
        json["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Send a personal API token")),
        "{json}"
    );

    // The account's choice wins over the browser's.
    let picked = browser
        .submit(
            "/account",
            "/language",
            &[("language", "hi"), ("next", "/account")],
        )
        .await;
    assert_eq!(picked.status, 303, "{}", picked.body);
    let english_browser = [
        ("authorization", bearer.as_str()),
        ("accept-language", "en"),
    ];
    let cases = [
        (
            "GET",
            "/api/v1/jobs?limit=0",
            None,
            422,
            "invalid_limit",
            "limit 1 से 100",
        ),
        (
            "GET",
            "/api/v1/jobs/nothing-here",
            None,
            404,
            "not_found",
            "यहाँ कुछ नहीं है",
        ),
        (
            "DELETE",
            "/api/v1/me",
            None,
            405,
            "method_not_allowed",
            "यह पता यह मेथड",
        ),
        (
            "POST",
            "/api/v1/jobs",
            Some(
                serde_json::json!({"prompt": "a boat", "model": "nope", "width": 64, "height": 64}),
            ),
            422,
            "validation_failed",
            "सूची में से कोई एक मॉडल चुनें",
        ),
    ];
    for (method, path, body, status, code, words) in cases {
        let (got, json) = call_with(&app, method, path, &english_browser, body).await;
        assert_eq!(got, status, "{method} {path}: {json}");
        assert_eq!(json["error"]["code"], code, "{method} {path}: {json}");
        let message = json["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(words) && !message.is_empty(),
            "{method} {path}: {json}"
        );
        assert!(
            message
                .chars()
                .any(|c| ('\u{0900}'..='\u{097f}').contains(&c)),
            "{json}"
        );
    }

    let body = serde_json::json!({"prompt": "एक नाव", "width": 64, "height": 64});
    let (status, job) = call_with(&app, "POST", "/api/v1/jobs", &english_browser, Some(body)).await;
    assert_eq!(status, 202, "{job}");
    assert_eq!(job["status"], "queued");
    assert_eq!(job["status_label"], "कतार में इंतज़ार", "{job}");
}
