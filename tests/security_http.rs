//! What an outside probe found at the HTTP level (issue 14): API tokens on pages, headers,
//! the API's own errors, and what disabling an account stops.

use std::sync::Arc;
use std::time::Duration;

use atelier_domain::{Clock, JobId, JobStatus};
use atelier_store::Heartbeat;
use atelier_worker::DemoBackend;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::accounts::{assert_ledger_invariants, user_by_email};
use crate::common::browser::Browser;
use crate::common::{within, Db, Page, TestApp};
use crate::on_both_databases;

const PASSWORD: &str = "violet kettle under moonlight";
const HOST: &str = "pixelforge.test";

on_both_databases!(
    api_tokens_open_the_api_only_and_pages_take_the_cookie_only,
    two_host_headers_are_refused_and_https_sites_send_hsts,
    signed_in_pages_and_api_answers_are_never_stored,
    the_api_answers_router_and_layer_errors_as_json,
    disabling_an_account_cancels_its_jobs_and_ends_its_live_streams,
);

/// Registers `email`, makes an API token on the account page, and returns both.
async fn token_for<'a>(app: &'a TestApp, email: &str) -> (Browser<'a>, String) {
    let mut browser = Browser::new(app, HOST);
    browser.register(email, PASSWORD).await;
    let (page, token) = browser.make_api_token("probe", PASSWORD).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(!token.is_empty(), "the new token is not on the page");
    (browser, token)
}

/// Every session row, signed in or not.
async fn session_rows(app: &TestApp) -> u64 {
    // An update that changes nothing counts the rows on both databases.
    app.execute_sql("update sessions set last_seen_at = last_seen_at")
        .await
}

/// `method path` on the tenant's site with `headers`.
async fn ask(app: &TestApp, method: &str, path: &str, headers: &[(&str, &str)]) -> Page {
    let mut request = app
        .client
        .request(
            method.parse().unwrap_or(reqwest::Method::GET),
            app.url(path),
        )
        .header("host", HOST);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    Page::read(
        request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}")),
    )
    .await
}

async fn api_tokens_open_the_api_only_and_pages_take_the_cookie_only(db: Db) {
    let app = TestApp::start(db).await;
    let (browser, token) = token_for(&app, "boss@example.com").await;
    crate::accounts::make_tenant_admin(&app, "pixelforge", "boss@example.com").await;
    app.state.api_tokens.invalidate_all();
    let bearer = format!("Bearer {token}");

    let me = ask(&app, "GET", "/api/v1/me", &[("authorization", &bearer)]).await;
    assert_eq!(me.status, 200, "{}", me.body);

    // A tenant admin's token opens no page: it is a signed-out visitor there, sent to sign
    // in, and no session is written for it.
    let before = session_rows(&app).await;
    for path in ["/admin/users", "/account", "/history", "/generate"] {
        let page = ask(&app, "GET", path, &[("authorization", &bearer)]).await;
        assert_eq!(page.status, 303, "GET {path} with a token: {}", page.body);
        assert!(
            page.header("location").starts_with("/login"),
            "GET {path}: {}",
            page.header("location")
        );
        assert!(page.headers.get("set-cookie").is_none(), "GET {path}");
    }
    assert_eq!(session_rows(&app).await, before, "a token wrote sessions");

    // With both, a page takes the cookie and the API the token.
    let cookie = browser.cookie.clone().unwrap_or_default();
    let both = [
        ("authorization", bearer.as_str()),
        ("cookie", cookie.as_str()),
    ];
    assert_eq!(ask(&app, "GET", "/admin/users", &both).await.status, 200);
    assert_eq!(ask(&app, "GET", "/api/v1/me", &both).await.status, 200);
    // The API never takes the cookie.
    let by_cookie = ask(&app, "GET", "/api/v1/me", &[("cookie", &cookie)]).await;
    assert_eq!(by_cookie.status, 401, "{}", by_cookie.body);
}

/// Sends `raw` over a plain connection and returns the status line's code.
async fn raw_status(app: &TestApp, raw: &str) -> String {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(app.addr)
            .await
            .unwrap_or_else(|e| panic!("connect: {e}"));
        stream
            .write_all(raw.as_bytes())
            .await
            .unwrap_or_else(|e| panic!("write: {e}"));
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer).await;
        String::from_utf8_lossy(&answer).into_owned()
    };
    let answer = within(Duration::from_secs(30), "a raw answer", exchange).await;
    answer
        .split_whitespace()
        .nth(1)
        .unwrap_or_else(|| panic!("no status line: {answer}"))
        .to_owned()
}

async fn two_host_headers_are_refused_and_https_sites_send_hsts(db: Db) {
    let app = TestApp::start(db.clone()).await;
    let one = "GET / HTTP/1.1\r\nHost: pixelforge.test\r\nConnection: close\r\n\r\n";
    assert_eq!(raw_status(&app, one).await, "200");
    for raw in [
        "GET / HTTP/1.1\r\nHost: pixelforge.test\r\nHost: nocturne.test\r\nConnection: close\r\n\r\n",
        "GET /api/v1/me HTTP/1.1\r\nHost: pixelforge.test\r\nHost: pixelforge.test\r\nConnection: close\r\n\r\n",
    ] {
        assert_eq!(raw_status(&app, raw).await, "400", "{raw}");
    }
    // Plain HTTP sites send no HSTS (it would be ignored, or pin a site that has no TLS).
    let plain = app.get(HOST, "/").await;
    assert_eq!(plain.header("strict-transport-security"), "");
    drop(app);

    let secure = TestApp::start_with(db, "public_scheme = \"https\"").await;
    for path in [
        "/",
        "/login",
        "/api/v1/me",
        "/nowhere",
        "/static/default/css/site.css",
    ] {
        let page = secure.get(HOST, path).await;
        assert_eq!(
            page.header("strict-transport-security"),
            "max-age=31536000",
            "GET {path} ({})",
            page.status
        );
    }
}

async fn signed_in_pages_and_api_answers_are_never_stored(db: Db) {
    let app = TestApp::start(db).await;
    let (mut browser, token) = token_for(&app, "sam@example.com").await;
    for path in ["/account", "/history", "/generate", "/"] {
        let page = browser.get(path).await;
        assert_eq!(page.status, 200, "GET {path}");
        assert_eq!(page.header("cache-control"), "no-store", "GET {path}");
    }
    let bearer = format!("Bearer {token}");
    for (path, status) in [
        ("/api/v1/me", 200),
        ("/api/v1/models", 200),
        ("/api/v1/nope", 404),
    ] {
        let page = ask(&app, "GET", path, &[("authorization", &bearer)]).await;
        assert_eq!(page.status, status, "GET {path}");
        assert_eq!(page.header("cache-control"), "no-store", "GET {path}");
    }
    let anonymous = ask(&app, "GET", "/api/v1/me", &[]).await;
    assert_eq!(anonymous.header("cache-control"), "no-store");

    // Images keep their private caching.
    let id = browser.queue_job("a cached lighthouse").await;
    let worker = app.worker(Arc::new(DemoBackend::default()));
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    let job = browser.job_json(&id).await;
    let image = job["image_url"]
        .as_str()
        .unwrap_or_else(|| panic!("no image: {job}"))
        .to_owned();
    let page = browser.get(&image).await;
    assert_eq!(page.status, 200);
    assert!(
        page.header("cache-control").starts_with("private"),
        "{}",
        page.header("cache-control")
    );
}

/// The JSON error of an API answer: status, code.
/// POSTs headers announcing a `length`-byte JSON body, sends no body, and reads the answer.
async fn oversized_post(app: &TestApp, path: &str, bearer: &str, length: usize) -> Page {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(app.addr)
        .await
        .unwrap_or_else(|e| panic!("connect: {e}"));
    let request = format!(
        "POST {path} HTTP/1.1\r\nhost: {HOST}\r\nauthorization: {bearer}\r\n\
         content-type: application/json\r\ncontent-length: {length}\r\n\
         connection: close\r\n\r\n"
    );
    stream
        .write_all(request.as_bytes())
        .await
        .unwrap_or_else(|e| panic!("write: {e}"));
    let mut raw = Vec::new();
    let mut chunk = [0_u8; 4096];
    // Until the answer's headers and its JSON body are in (the server may keep waiting
    // for the body it refused, so the connection is not read to its end).
    while !String::from_utf8_lossy(&raw).contains("\r\n\r\n{") || !raw.ends_with(b"}") {
        let n = crate::common::within(
            std::time::Duration::from_secs(10),
            "the answer to an oversized request",
            stream.read(&mut chunk),
        )
        .await
        .unwrap_or_else(|e| panic!("read: {e}"));
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    let mut headers = reqwest::header::HeaderMap::new();
    for line in head.lines().skip(1) {
        if let Some((name, value)) = line.split_once(':') {
            if let (Ok(name), Ok(value)) = (
                reqwest::header::HeaderName::from_bytes(name.trim().as_bytes()),
                reqwest::header::HeaderValue::from_str(value.trim()),
            ) {
                headers.append(name, value);
            }
        }
    }
    Page {
        status,
        headers,
        body: body.to_owned(),
    }
}

fn api_error(page: &Page) -> (u16, String) {
    assert!(
        page.header("content-type").starts_with("application/json"),
        "{} {}: {}",
        page.status,
        page.header("content-type"),
        page.body
    );
    let json: serde_json::Value =
        serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body));
    assert!(
        json["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{json}"
    );
    (
        page.status,
        json["error"]["code"].as_str().unwrap_or("").to_owned(),
    )
}

async fn the_api_answers_router_and_layer_errors_as_json(db: Db) {
    let app = TestApp::start(db).await;
    let (_, token) = token_for(&app, "script@example.com").await;
    let bearer = format!("Bearer {token}");
    let auth = [("authorization", bearer.as_str())];

    // A method the route lacks: 405, with the Allow header kept.
    for (method, path) in [
        ("DELETE", "/api/v1/me"),
        ("PUT", "/api/v1/jobs"),
        ("POST", "/api/v1/models"),
        ("PATCH", "/api/v1/jobs/0190b2c4-0000-7000-8000-000000000000"),
    ] {
        let page = ask(&app, method, path, &auth).await;
        assert_eq!(
            api_error(&page),
            (405, "method_not_allowed".to_owned()),
            "{method} {path}"
        );
        assert!(!page.header("allow").is_empty(), "{method} {path}");
    }

    // A body over the limit (1 MiB by default): 413, from its Content-Length alone, before
    // anything reads it. Sent by hand with headers only: a client still writing a body the
    // server has already refused may see the connection close under it.
    let page = oversized_post(&app, "/api/v1/jobs", &bearer, 2 * 1024 * 1024).await;
    assert_eq!(api_error(&page), (413, "payload_too_large".to_owned()));

    // A query that does not parse.
    for path in ["/api/v1/jobs?limit=many", "/api/v1/jobs?limit=%FF%FE"] {
        let page = ask(&app, "GET", path, &auth).await;
        assert_eq!(
            api_error(&page),
            (422, "invalid_query".to_owned()),
            "{path}"
        );
    }
}

async fn disabling_an_account_cancels_its_jobs_and_ends_its_live_streams(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = Browser::new(&app, HOST);
    boss.register("boss@example.com", PASSWORD).await;
    let admin = crate::accounts::make_tenant_admin(&app, "pixelforge", "boss@example.com").await;
    let tenant = admin.tenant_id.unwrap_or_else(|| panic!("tenant"));
    let store = &app.state.store;

    let mut sam_browser = Browser::new(&app, HOST);
    sam_browser.register("sam@example.com", PASSWORD).await;
    let sam = user_by_email(&app, "pixelforge", "sam@example.com").await;
    // One job running on a worker, two waiting.
    let running = sam_browser.queue_job("running lighthouse").await;
    let claimed = store
        .claim_next_job("probe-worker", None, 60_000, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nothing to claim"));
    assert_eq!(claimed.job.id.to_string(), running);
    let queued = [
        sam_browser.queue_job("queued lighthouse one").await,
        sam_browser.queue_job("queued lighthouse two").await,
    ];
    let before = user_by_email(&app, "pixelforge", "sam@example.com").await;
    assert_eq!(before.held.get(), 3);

    // Sam watches the running job live; it would stream until the job ends.
    let mut stream = sam_browser.job_events(&running).await;
    assert_eq!(stream.status().as_u16(), 200);
    let first = within(Duration::from_secs(10), "the first event", stream.chunk())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(first.is_some(), "the stream ended before the first event");

    let done = boss
        .submit(
            "/admin/users",
            &format!("/admin/users/{}/disable", sam.id),
            &[],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);

    // The stream ends at the next check of the watchers' sessions (every 2 seconds).
    let ended = async {
        while stream
            .chunk()
            .await
            .unwrap_or_else(|e| panic!("stream: {e}"))
            .is_some()
        {}
    };
    within(
        Duration::from_secs(10),
        "the disabled account's stream to end",
        ended,
    )
    .await;

    // The waiting jobs are canceled and their holds released; the running one is told to
    // stop at its next heartbeat.
    for id in &queued {
        let job = job_of(&app, tenant, id).await;
        assert_eq!(job.status, JobStatus::Canceled, "{id}");
    }
    let job = job_of(&app, tenant, &running).await;
    assert_eq!(job.status, JobStatus::Running);
    assert!(job.cancel_requested);
    let after = user_by_email(&app, "pixelforge", "sam@example.com").await;
    assert_eq!(after.held.get(), 1, "only the running job's hold is left");
    assert_eq!(after.balance, before.balance, "nothing was charged");
    let beat = store
        .heartbeat_job(
            claimed.job.id,
            &claimed.lease_token,
            500,
            60_000,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(beat, Heartbeat::Cancel);
    let ended = store
        .fail_job_attempt(
            claimed.job.id,
            &claimed.lease_token,
            "Canceled by its owner.",
            false,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ended, Some(JobStatus::Canceled));
    let last = user_by_email(&app, "pixelforge", "sam@example.com").await;
    assert_eq!(last.held.get(), 0);
    assert_eq!(last.balance, before.balance);
    assert_ledger_invariants(&app, &last).await;
}

async fn job_of(app: &TestApp, tenant: atelier_domain::TenantId, id: &str) -> atelier_domain::Job {
    let id = JobId(uuid::Uuid::parse_str(id).unwrap_or_else(|e| panic!("{id}: {e}")));
    app.state
        .store
        .find_job(tenant, None, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("job {id} is gone"))
}
