//! Every way a job ends, and what each costs: success captures one credit, failures retry then
//! cost nothing, deadlines and dead workers are enforced, a cancel releases the hold.

use super::*;

on_both_databases!(
    three_jobs_succeed_and_each_costs_one_credit,
    a_failing_backend_retries_twice_then_fails_at_no_cost,
    a_job_past_its_deadline_fails_at_no_cost,
    a_worker_that_dies_mid_job_is_replaced_and_the_job_charged_once,
    canceled_jobs_cost_nothing,
);

async fn three_jobs_succeed_and_each_costs_one_credit(db: Db) {
    let app = TestApp::start(db).await;
    let worker = app.worker(demo());
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("maya@example.com", PASSWORD).await;
    let sizes = [(64, 64), (128, 96), (96, 136)];
    let mut ids = Vec::new();
    for (i, (w, h)) in sizes.iter().enumerate() {
        let page = browser
            .generate(&format!("a quiet harbour, take {i}"), *w, *h)
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        ids.push(job_id_of(&page));
    }
    let queued = browser.job_json(&ids[2]).await;
    assert_eq!(queued["status"], "queued");
    assert_eq!(queued["queue_position"], 3);
    for _ in 0..3 {
        assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    }
    assert!(
        !worker.run_once().await.unwrap_or_else(|e| panic!("{e}")),
        "the queue is empty"
    );

    let user = user_by_email(&app, "pixelforge", "maya@example.com").await;
    assert_eq!(user.balance, 17);
    let ledger = app
        .state
        .store
        .ledger_page(user.id, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let generations = ledger
        .iter()
        .filter(|e| e.reason == atelier_domain::LedgerReason::Generation)
        .count();
    assert_eq!(generations, 3);
    assert_invariants(&app, &user).await;

    for (id, (w, h)) in ids.iter().zip(sizes) {
        let job = browser.job_json(id).await;
        assert_eq!(job["status"], "succeeded");
        assert_eq!(job["progress"], 1.0);
        assert_eq!(
            (job["width"].as_i64(), job["height"].as_i64()),
            (Some(w.into()), Some(h.into()))
        );
        let image_url = job["image_url"]
            .as_str()
            .unwrap_or_else(|| panic!("no image url"));
        let download = browser.get(&format!("{image_url}?download=1")).await;
        assert_eq!(download.status, 200);
        assert_eq!(download.header("content-type"), "image/png");
        assert!(download
            .header("content-disposition")
            .starts_with("attachment; filename=\"pixelforge-a-quiet-harbour"));
        assert_eq!(download.header("cache-control"), "private, max-age=86400");
        assert_eq!(download.header("x-content-type-options"), "nosniff");
        assert_eq!(
            download.header("cross-origin-resource-policy"),
            "same-origin"
        );
        let bytes = browser.get_bytes(image_url).await;
        let (_, iw, ih) = atelier_media::make_thumbnail(&bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((iw, ih), (w, h));
        let thumb = browser.get_bytes(&format!("{image_url}/thumb")).await;
        assert!(atelier_media::make_thumbnail(&thumb).is_ok());
    }
    // Nothing about storage reaches the browser.
    let json = browser.job_json(&ids[0]).await.to_string();
    assert!(!json.contains("data/") && !json.contains(".png"), "{json}");
}

async fn a_failing_backend_retries_twice_then_fails_at_no_cost(db: Db) {
    let app = TestApp::start(db).await;
    let attempts = Arc::new(AtomicU32::new(0));
    let worker = app.worker(Arc::new(Broken(attempts.clone())));
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("fail@example.com", PASSWORD).await;
    let id = job_id_of(&browser.generate("a storm", 64, 64).await);
    for _ in 0..3 {
        assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    }
    assert!(!worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(
        attempts.load(Ordering::SeqCst),
        3,
        "the first attempt and two retries"
    );
    let job = browser.job_json(&id).await;
    assert_eq!(job["status"], "failed");
    assert_eq!(job["error"], "ComfyUI ran out of GPU memory");
    assert!(job["image_url"].is_null());
    let user = user_by_email(&app, "pixelforge", "fail@example.com").await;
    assert_eq!((user.balance.get(), user.held.get()), (20, 0));
    assert_invariants(&app, &user).await;
}

async fn a_job_past_its_deadline_fails_at_no_cost(db: Db) {
    let app = TestApp::start(db).await;
    let worker = app.worker(demo());
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("late@example.com", PASSWORD).await;
    let id = job_id_of(&browser.generate("a slow sunrise", 64, 64).await);
    app.clock.advance_millis(5 * 60 * 1000 + 1);
    assert_eq!(app.reap().await.failed, 1);
    assert!(
        !worker.run_once().await.unwrap_or_else(|e| panic!("{e}")),
        "nothing left to run"
    );
    let job = browser.job_json(&id).await;
    assert_eq!(job["status"], "failed");
    assert!(
        job["error"].as_str().unwrap_or("").contains("5 minutes"),
        "{job}"
    );
    let user = user_by_email(&app, "pixelforge", "late@example.com").await;
    assert_eq!((user.balance.get(), user.held.get()), (20, 0));
    assert_invariants(&app, &user).await;
}

async fn a_worker_that_dies_mid_job_is_replaced_and_the_job_charged_once(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("phoenix@example.com", PASSWORD).await;
    let id = job_id_of(&browser.generate("a phoenix", 64, 64).await);
    // A worker claims the job and then dies: no heartbeat, no report.
    let claimed = app
        .state
        .store
        .claim_next_job("doomed-worker", None, 30_000, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nothing to claim"));
    assert_eq!(claimed.job.id.to_string(), id);
    assert_eq!(browser.job_json(&id).await["status"], "running");
    // Its lease runs out; another worker takes the job back and finishes it.
    app.clock.advance_millis(30_001);
    assert_eq!(app.reap().await.requeued, 1);
    let worker = app.worker(demo());
    assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    let job = browser.job_json(&id).await;
    assert_eq!(job["status"], "succeeded");
    // The dead worker's late report changes nothing.
    let late = app
        .state
        .store
        .fail_job_attempt(
            claimed.job.id,
            &claimed.lease_token,
            "too late",
            true,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(late, None);
    let user = user_by_email(&app, "pixelforge", "phoenix@example.com").await;
    assert_eq!(user.balance, 19, "charged exactly once");
    assert_invariants(&app, &user).await;
}

async fn canceled_jobs_cost_nothing(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("undo@example.com", PASSWORD).await;
    // Queued: canceled at once.
    let queued = job_id_of(&browser.generate("never mind", 64, 64).await);
    let done = browser
        .submit("/account", &format!("/jobs/{queued}/cancel"), &[])
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(browser.job_json(&queued).await["status"], "canceled");
    // Running: the worker is told at its next heartbeat, and stops.
    let running = job_id_of(&browser.generate("stop halfway", 64, 64).await);
    let claimed = claim(&app).await;
    browser
        .submit("/account", &format!("/jobs/{running}/cancel"), &[])
        .await;
    let beat = app
        .state
        .store
        .heartbeat_job(
            claimed.job.id,
            &claimed.lease_token,
            500,
            30_000,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(beat, atelier_store::Heartbeat::Cancel);
    let status = app
        .state
        .store
        .fail_job_attempt(
            claimed.job.id,
            &claimed.lease_token,
            "Canceled by its owner.",
            false,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status, Some(JobStatus::Canceled));
    let user = user_by_email(&app, "pixelforge", "undo@example.com").await;
    assert_eq!((user.balance.get(), user.held.get()), (20, 0));
    assert_invariants(&app, &user).await;
}
