//! Pools: the shared pool serves only sites allowed to use it, a site's own pool only that
//! site, nobody a suspended site; and a job no online worker can take says so.

use atelier_domain::JobStatus;

use super::*;
use crate::common::browser::Browser;
use crate::common::Db;
use crate::on_both_databases;

on_both_databases!(
    each_pool_serves_only_the_sites_it_may,
    a_queued_job_says_which_worker_it_waits_for,
    a_site_may_set_its_own_price_for_a_model,
);

async fn each_pool_serves_only_the_sites_it_may(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    app.execute_sql(
        "update tenant_settings set use_shared_pool = false \
         where tenant_id = (select id from tenants where slug = 'nocturne')",
    )
    .await;
    let (pixelforge, nocturne) = (
        tenant_id(&app, "pixelforge").await,
        tenant_id(&app, "nocturne").await,
    );
    let shop = user_of(&app, "pixelforge", "shop@pixelforge.example", 5).await;
    let gallery = user_of(&app, "nocturne", "gallery@nocturne.example", 5).await;
    let gallery_job = queue_job(&app, &gallery, "demo-abstract", 64, 64).await;
    let shop_job = queue_job(&app, &shop, "demo-abstract", 64, 64).await;
    let client = |token: String| WorkerClient {
        app: &app,
        token,
        host: "platform.localhost",
    };
    let shared = client(worker_token(&app, None, "shared").await);
    let nocturnes = client(worker_token(&app, Some(nocturne), "nocturne-own").await);
    let pixelforges = client(worker_token(&app, Some(pixelforge), "pixelforge-own").await);

    // The shared pool takes pixelforge's job and never nocturne's, though it is older.
    let claimed = shared.claim().await;
    assert_eq!(claimed["id"], shop_job.to_string());
    assert!(
        shared.claim().await.is_null(),
        "the shared pool took a job of a site without it"
    );
    // Pixelforge's own pool has nothing of nocturne's either.
    assert!(pixelforges.claim().await.is_null());
    let own = nocturnes.claim().await;
    assert_eq!(own["id"], gallery_job.to_string());
    for (worker, job) in [(&shared, &claimed), (&nocturnes, &own)] {
        assert_eq!(worker.complete(job, png(64, 64)).await.0, 200);
    }
    assert_eq!(
        super::job(&app, &gallery, gallery_job).await.status,
        JobStatus::Succeeded
    );

    // A suspended site's jobs wait, and go once it is back.
    let waiting = queue_job(&app, &shop, "demo-abstract", 64, 64).await;
    app.execute_sql("update tenants set status = 'suspended' where slug = 'pixelforge'")
        .await;
    assert!(
        shared.claim().await.is_null(),
        "a suspended site's job was claimed"
    );
    assert!(pixelforges.claim().await.is_null());
    app.execute_sql("update tenants set status = 'active' where slug = 'pixelforge'")
        .await;
    assert_eq!(pixelforges.claim().await["id"], waiting.to_string());
}

async fn a_queued_job_says_which_worker_it_waits_for(db: Db) {
    let database = crate::common::TestDatabase::new(&db).await;
    let mut settings = crate::common::test_settings(&database, "");
    settings.models = crate::common::repo_root().join("config/models.comfyui.json");
    let app = TestApp::start_on(database, settings).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser
        .register("waits@pixelforge.example", "violet kettle under moonlight")
        .await;
    let user = crate::accounts::user_by_email(&app, "pixelforge", "waits@pixelforge.example").await;
    let comfy = queue_job(&app, &user, "comfy-check", 512, 512).await;
    let demo = queue_job(&app, &user, "demo-abstract", 64, 64).await;
    let shown = browser.job_json(&comfy.to_string()).await;
    assert_eq!(
        shown["waiting_for"], "Waiting for a worker that runs Plain colour (ComfyUI check)",
        "{shown}"
    );
    assert!(
        shown["wait_label"].is_null(),
        "no estimate without a worker: {shown}"
    );
    // The embedded worker of the shared pool draws the demo models.
    let shown = browser.job_json(&demo.to_string()).await;
    assert!(shown["waiting_for"].is_null(), "{shown}");
    let page = browser.get("/history").await;
    page.assert_contains("Waiting for a worker that runs Plain colour");

    // A ComfyUI worker gets the model's workflow filled with the job's values.
    let worker = WorkerClient {
        app: &app,
        token: worker_token(&app, None, "gpu-01").await,
        host: "pixelforge.test",
    };
    let (status, answer) = worker
        .post(
            "claim",
            serde_json::json!({ "backend": "comfyui", "wait_secs": 0 }),
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    let claimed = &answer["job"];
    assert_eq!(claimed["id"], comfy.to_string());
    assert_eq!(claimed["backend"], "comfyui");
    let workflow = &claimed["workflow"];
    assert_eq!(workflow["1"]["class_type"], "EmptyImage");
    assert_eq!(workflow["1"]["inputs"]["width"], 512);
    assert_eq!(
        workflow["2"]["inputs"]["filename_prefix"],
        format!("atelier/{comfy}")
    );

    // Its preview frames reach the job's page while it renders, and go when it is done.
    let shown = browser.job_json(&comfy.to_string()).await;
    let preview_url = shown["preview_url"].as_str().unwrap_or_default().to_owned();
    assert_eq!(preview_url, format!("/jobs/{comfy}/preview"), "{shown}");
    assert_eq!(browser.get(&preview_url).await.status, 404, "no frame yet");
    let frame = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'];
    let path = format!("jobs/{comfy}/preview");
    let (status, _) = worker.send(&path, "image/jpeg", frame.clone()).await;
    assert_eq!(status, 200);
    let (status, answer) = worker
        .send(&path, "image/svg+xml", b"<svg/>".to_vec())
        .await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (422, Some("bad_image"))
    );
    let page = browser.get(&preview_url).await;
    assert_eq!(
        (page.status, page.header("content-type")),
        (200, "image/jpeg")
    );
    assert_eq!(browser.get_bytes(&preview_url).await, frame);
    // Another site's worker cannot place frames on this job.
    let stranger = WorkerClient {
        app: &app,
        token: worker_token(&app, Some(tenant_id(&app, "nocturne").await), "other").await,
        host: "pixelforge.test",
    };
    assert_eq!(stranger.send(&path, "image/jpeg", frame).await.0, 409);
    assert_eq!(worker.complete(claimed, png(512, 512)).await.0, 200);
    assert_eq!(
        browser.get(&preview_url).await.status,
        404,
        "the frame outlived its job"
    );
    assert!(browser.job_json(&comfy.to_string()).await["preview_url"].is_null());
}

async fn a_site_may_set_its_own_price_for_a_model(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    app.execute_sql(
        "update tenant_settings set model_costs = '{\"demo-abstract\": 3}' \
         where tenant_id = (select id from tenants where slug = 'pixelforge')",
    )
    .await;
    app.state.tenants.invalidate();
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser
        .register("pricey@pixelforge.example", "violet kettle under moonlight")
        .await;
    let before = crate::accounts::user_by_email(&app, "pixelforge", "pricey@pixelforge.example")
        .await
        .balance
        .get();
    let page = browser.generate("a lighthouse", 64, 64).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let user =
        crate::accounts::user_by_email(&app, "pixelforge", "pricey@pixelforge.example").await;
    let totals = app
        .state
        .store
        .active_totals(user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        totals.held, 3,
        "the site's price is held, not the catalogue's 1"
    );
    assert_eq!(user.balance.get(), before);
    // Nocturne keeps the catalogue's price.
    let mut other = Browser::new(&app, "nocturne.test");
    other
        .register("plain@nocturne.example", "violet kettle under moonlight")
        .await;
    assert_eq!(other.generate("a lighthouse", 64, 64).await.status, 303);
    let plain = crate::accounts::user_by_email(&app, "nocturne", "plain@nocturne.example").await;
    let totals = app
        .state
        .store
        .active_totals(plain.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(totals.held, 1);
}
