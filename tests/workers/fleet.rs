//! The fleet pages: a tenant admin makes a token for their own pool (shown once) and revokes
//! it; the platform console sees every pool; another site's admin reaches none of it.

use super::*;
use crate::common::browser::Browser;
use crate::common::Db;
use crate::on_both_databases;

on_both_databases!(an_admin_makes_and_revokes_a_worker_token_for_their_own_pool);

const PASSWORD: &str = "violet kettle under moonlight";

async fn admin_of<'a>(app: &'a TestApp, host: &str, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app, host);
    browser.register(email, PASSWORD).await;
    app.execute_sql(&format!(
        "update users set role = 'tenant_admin' where email = '{email}'"
    ))
    .await;
    browser
}

async fn an_admin_makes_and_revokes_a_worker_token_for_their_own_pool(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    let mut admin = admin_of(&app, "pixelforge.test", "boss@pixelforge.example").await;
    let page = admin.get("/admin/workers").await;
    assert_eq!(page.status, 200);
    page.assert_contains("No workers yet");

    let empty = admin
        .submit("/admin/workers", "/admin/workers", &[("name", " ")])
        .await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("Give the worker a name");

    let made = admin
        .submit("/admin/workers", "/admin/workers", &[("name", "gpu-01")])
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    assert_eq!(made.header("cache-control"), "no-store");
    let token = made
        .body
        .split("id=\"new-token\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_else(|| panic!("no token on the page"))
        .to_owned();
    assert!(token.starts_with("atw_"), "{token}");
    // Shown once: the list does not show it again.
    let listed = admin.get("/admin/workers").await;
    listed.assert_lacks(&token);
    listed.assert_contains("gpu-01");

    // The token is pixelforge's pool's: it takes pixelforge's jobs.
    let worker = WorkerClient {
        app: &app,
        token: token.clone(),
        host: "pixelforge.test",
    };
    let user = user_of(&app, "pixelforge", "painter@pixelforge.example", 3).await;
    let queued = queue_job(&app, &user, "demo-abstract", 64, 64).await;
    assert_eq!(worker.claim().await["id"], queued.to_string());
    let record = app
        .state
        .store
        .worker_by_token(&atelier_domain::hash_token(&token))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the worker"));
    assert_eq!(record.pool, Some(tenant_id(&app, "pixelforge").await));
    let page = admin.get("/admin/workers").await;
    page.assert_contains("Online");
    page.assert_contains(&format!("job {}", &queued.to_string()[..8]));

    // Another site's admin finds nothing to revoke.
    let mut stranger = admin_of(&app, "nocturne.test", "boss@nocturne.example").await;
    let path = format!("/admin/workers/{}/revoke", record.id);
    let refused = stranger.submit("/admin/workers", &path, &[]).await;
    assert_eq!(refused.status, 404);
    stranger
        .get("/admin/workers")
        .await
        .assert_lacks(&format!("data-worker=\"{}\"", record.id));

    // The platform console lists it, with its pool.
    crate::access::create_super_admin(&app, "root@example.com").await;
    let mut root = Browser::new(&app, "platform.localhost");
    root.login("root@example.com", PASSWORD).await;
    let fleet = root.get("/platform/workers").await;
    assert_eq!(fleet.status, 200);
    fleet.assert_contains("gpu-01");
    fleet.assert_contains("PixelForge");

    // Revoked on the page: refused at once, and the audit log says who did it.
    let revoked = admin.submit("/admin/workers", &path, &[]).await;
    assert_eq!(revoked.status, 303);
    let (status, _) = worker
        .post(
            "claim",
            serde_json::json!({ "backend": "demo", "wait_secs": 0 }),
        )
        .await;
    assert_eq!(status, 401);
    let audit = admin.get("/admin/audit").await;
    audit.assert_contains("worker.create");
    audit.assert_contains("worker.revoke");
}
