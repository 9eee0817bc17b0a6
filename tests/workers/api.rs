//! The worker API's keys, and what its reports may and may not change.

use atelier_domain::{Clock, JobStatus};

use super::*;
use crate::accounts::assert_ledger_invariants;
use crate::common::browser::Browser;
use crate::common::Db;
use crate::on_both_databases;

on_both_databases!(
    only_a_live_worker_token_opens_the_worker_api,
    a_job_is_handed_in_once_and_late_reports_change_nothing,
    uploads_that_are_not_the_image_asked_for_leave_the_job_to_its_worker,
    a_cancel_reaches_the_remote_worker,
    a_worker_whose_jobs_keep_failing_is_paused_until_it_is_well,
    only_the_worker_holding_a_job_may_report_on_it,
);

const NO_EMBEDDED: &str = "[jobs]\nembedded_workers = 0\n";

async fn only_a_live_worker_token_opens_the_worker_api(db: Db) {
    let app = TestApp::start_with(db, NO_EMBEDDED).await;
    let claim = serde_json::json!({ "backend": "demo", "wait_secs": 0 });
    // No token.
    let nobody = WorkerClient {
        app: &app,
        token: String::new(),
        host: "pixelforge.test",
    };
    let (status, answer) = nobody.post("claim", claim.clone()).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (401, Some("unauthorized"))
    );
    // A user's personal API token is no worker token.
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser
        .register("tokens@pixelforge.example", "violet kettle under moonlight")
        .await;
    let user =
        crate::accounts::user_by_email(&app, "pixelforge", "tokens@pixelforge.example").await;
    let personal = "atl_personal_token_for_this_test";
    app.state
        .store
        .create_api_token(
            user.tenant_id.unwrap_or_else(|| panic!("tenant")),
            user.id,
            "script",
            &atelier_domain::hash_token(personal),
            5,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let as_user = WorkerClient {
        app: &app,
        token: personal.to_owned(),
        host: "pixelforge.test",
    };
    assert_eq!(as_user.post("claim", claim.clone()).await.0, 401);
    // Nor is a signed-in session.
    let page = browser
        .post_raw("/api/worker/v1/claim", &[("backend", "demo")], &[])
        .await;
    assert_eq!(page.status, 401, "a session cookie opened the worker API");
    // A live worker token works on a tenant's site and on the platform host alike.
    let token = worker_token(&app, None, "gpu-01").await;
    for host in ["pixelforge.test", "platform.localhost"] {
        let worker = WorkerClient {
            app: &app,
            token: token.clone(),
            host,
        };
        let (status, answer) = worker.post("claim", claim.clone()).await;
        assert_eq!(
            (status, &answer["job"]),
            (200, &serde_json::Value::Null),
            "{host}"
        );
    }
    // Revoked: refused at once.
    let record = app
        .state
        .store
        .worker_by_token(&atelier_domain::hash_token(&token))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the worker"));
    let actor = super::admin_actor(&app).await;
    assert!(app
        .state
        .store
        .revoke_worker(None, record.id, &actor, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}")));
    let revoked = WorkerClient {
        app: &app,
        token,
        host: "pixelforge.test",
    };
    assert_eq!(revoked.post("claim", claim).await.0, 401);
    // A backend with no models here is told so.
    let other = WorkerClient {
        app: &app,
        token: worker_token(&app, None, "gpu-02").await,
        host: "pixelforge.test",
    };
    let (status, answer) = other
        .post(
            "claim",
            serde_json::json!({ "backend": "comfyui", "wait_secs": 0 }),
        )
        .await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (422, Some("no_models"))
    );
}

async fn a_job_is_handed_in_once_and_late_reports_change_nothing(db: Db) {
    let app = TestApp::start_with(db, NO_EMBEDDED).await;
    let user = user_of(&app, "pixelforge", "once@pixelforge.example", 5).await;
    let id = queue_job(&app, &user, "demo-abstract", 96, 64).await;
    let worker = WorkerClient {
        app: &app,
        token: worker_token(&app, None, "gpu-01").await,
        host: "platform.localhost",
    };
    let claimed = worker.claim().await;
    assert_eq!(claimed["id"], id.to_string());
    assert_eq!(
        (claimed["width"].as_i64(), claimed["height"].as_i64()),
        (Some(96), Some(64))
    );
    assert_eq!(claimed["prompt"], "a lighthouse");
    assert!(claimed["lease_token"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let (status, beat) = worker.heartbeat(&claimed).await;
    assert_eq!((status, beat["action"].as_str()), (200, Some("continue")));
    assert_eq!(job(&app, &user, id).await.progress, 500);

    let (status, done) = worker.complete(&claimed, png(96, 64)).await;
    assert_eq!(
        (status, done["outcome"].as_str()),
        (200, Some("succeeded")),
        "{done}"
    );
    let finished = job(&app, &user, id).await;
    assert_eq!(finished.status, JobStatus::Succeeded);
    assert_ledger_invariants(&app, &user).await;
    let balance = crate::accounts::user_by_email(&app, "pixelforge", "once@pixelforge.example")
        .await
        .balance;
    assert_eq!(balance.get(), 4, "charged exactly once");

    // The same report again, a failure after it, a heartbeat: all find no lease.
    let (status, again) = worker.complete(&claimed, png(96, 64)).await;
    assert_eq!(
        (status, again["error"]["code"].as_str()),
        (409, Some("lease_lost"))
    );
    let (status, _) = worker.fail(&claimed, true).await;
    assert_eq!(status, 409);
    let (status, beat) = worker.heartbeat(&claimed).await;
    assert_eq!(
        (status, beat["error"]["code"].as_str()),
        (409, Some("lease_lost"))
    );
    let after = job(&app, &user, id).await;
    assert_eq!(
        (after.status, after.image_id),
        (JobStatus::Succeeded, finished.image_id)
    );
    assert_ledger_invariants(&app, &user).await;
    // The fleet knows what it did.
    let record = app
        .state
        .store
        .worker_by_token(&atelier_domain::hash_token(&worker.token))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the worker"));
    assert_eq!(
        (record.jobs_done, record.jobs_failed, record.current_job),
        (1, 0, None)
    );
    assert_eq!(record.models, ["demo-abstract"]);
    assert_eq!(record.version, "test");
}

async fn uploads_that_are_not_the_image_asked_for_leave_the_job_to_its_worker(db: Db) {
    let app = TestApp::start_with(
        db,
        "[jobs]\nembedded_workers = 0\nworker_upload_bytes = 4096\n",
    )
    .await;
    let user = user_of(&app, "pixelforge", "uploads@pixelforge.example", 5).await;
    let id = queue_job(&app, &user, "demo-abstract", 64, 64).await;
    let worker = WorkerClient {
        app: &app,
        token: worker_token(&app, None, "gpu-01").await,
        host: "pixelforge.test",
    };
    let claimed = worker.claim().await;
    // Not a PNG; a PNG of the wrong size; a body over the cap.
    let (status, answer) = worker
        .complete(&claimed, b"GIF89a not a png".to_vec())
        .await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (422, Some("bad_image")),
        "{answer}"
    );
    let (status, answer) = worker.complete(&claimed, png(32, 64)).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (422, Some("bad_image")),
        "{answer}"
    );
    assert!(
        answer["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("64")),
        "{answer}"
    );
    let noisy: Vec<u8> = (0..64 * 64 * 3)
        .map(|i: u32| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    let big = atelier_media::encode_png(64, 64, noisy).unwrap_or_else(|e| panic!("{e}"));
    assert!(big.len() > 4096, "the test image must be over the cap");
    let (status, _) = worker.complete(&claimed, big).await;
    assert_eq!(status, 413);
    // Nothing changed: still this worker's, nothing charged.
    let held = job(&app, &user, id).await;
    assert_eq!((held.status, held.image_id), (JobStatus::Running, None));
    assert_ledger_invariants(&app, &user).await;
    // The worker gives up on it: queued again, and another worker takes it.
    let (status, answer) = worker.fail(&claimed, true).await;
    assert_eq!((status, answer["status"].as_str()), (200, Some("queued")));
    let other = WorkerClient {
        app: &app,
        token: worker_token(&app, None, "gpu-02").await,
        host: "pixelforge.test",
    };
    let again = other.claim().await;
    assert_eq!(again["id"], id.to_string());
    let (status, _) = other.complete(&again, png(64, 64)).await;
    assert_eq!(status, 200);
    assert_eq!(job(&app, &user, id).await.status, JobStatus::Succeeded);
    assert_ledger_invariants(&app, &user).await;
}

async fn a_cancel_reaches_the_remote_worker(db: Db) {
    let app = TestApp::start_with(db, NO_EMBEDDED).await;
    let user = user_of(&app, "pixelforge", "cancel@pixelforge.example", 5).await;
    let id = queue_job(&app, &user, "demo-abstract", 64, 64).await;
    let worker = WorkerClient {
        app: &app,
        token: worker_token(&app, None, "gpu-01").await,
        host: "pixelforge.test",
    };
    let claimed = worker.claim().await;
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("tenant"));
    app.state
        .store
        .cancel_job(tenant, user.id, id, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let (status, beat) = worker.heartbeat(&claimed).await;
    assert_eq!(
        (status, beat["action"].as_str(), beat["reason"].as_str()),
        (200, Some("stop"), Some("canceled"))
    );
    let path = format!("jobs/{id}/fail");
    let (status, answer) = worker
        .post(
            &path,
            serde_json::json!({ "lease_token": claimed["lease_token"], "reason": "Canceled by its owner." }),
        )
        .await;
    assert_eq!((status, answer["status"].as_str()), (200, Some("canceled")));
    assert_eq!(answer["paused"], false);
    assert_eq!(job(&app, &user, id).await.status, JobStatus::Canceled);
    assert_ledger_invariants(&app, &user).await;
    let balance = crate::accounts::user_by_email(&app, "pixelforge", "cancel@pixelforge.example")
        .await
        .balance;
    assert_eq!(balance.get(), 5, "a canceled job costs nothing");
}

async fn a_worker_whose_jobs_keep_failing_is_paused_until_it_is_well(db: Db) {
    let app = TestApp::start_with(db, NO_EMBEDDED).await;
    let user = user_of(&app, "pixelforge", "failing@pixelforge.example", 10).await;
    let worker = WorkerClient {
        app: &app,
        token: worker_token(&app, None, "gpu-flaky").await,
        host: "pixelforge.test",
    };
    // Three failures in a row (the default) pause it.
    for n in 0..3 {
        queue_job(&app, &user, "demo-abstract", 64, 64).await;
        let claimed = worker.claim().await;
        assert!(!claimed.is_null(), "failure {n}: nothing claimed");
        let (status, answer) = worker.fail(&claimed, true).await;
        assert_eq!(status, 200);
        assert_eq!(answer["paused"], n == 2, "after failure {n}: {answer}");
    }
    let (status, answer) = worker
        .post(
            "claim",
            serde_json::json!({ "backend": "demo", "wait_secs": 0 }),
        )
        .await;
    assert_eq!((status, answer["paused"].as_bool()), (200, Some(true)));
    assert!(
        answer["reason"]
            .as_str()
            .is_some_and(|r| r.contains("in a row")),
        "{answer}"
    );
    // Its own check passing right away does not resume it; a minute later it does.
    let (_, answer) = worker
        .post("health", serde_json::json!({ "ok": true }))
        .await;
    assert_eq!(answer["paused"], true);
    app.clock.advance_millis(61_000);
    let (_, answer) = worker
        .post(
            "health",
            serde_json::json!({ "ok": false, "detail": "ComfyUI down" }),
        )
        .await;
    assert_eq!(answer["paused"], true, "a failed check resumes nothing");
    let (_, answer) = worker
        .post("health", serde_json::json!({ "ok": true }))
        .await;
    assert_eq!(answer["paused"], false);
    assert!(
        !worker.claim().await.is_null(),
        "resumed, it takes jobs again"
    );

    // An admin's pause waits for an admin: the worker's own check does not undo it.
    let record = app
        .state
        .store
        .worker_by_token(&atelier_domain::hash_token(&worker.token))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the worker"));
    let actor = super::admin_actor(&app).await;
    assert!(app
        .state
        .store
        .pause_worker(None, record.id, "maintenance", &actor, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}")));
    app.clock.advance_millis(120_000);
    let (_, answer) = worker
        .post("health", serde_json::json!({ "ok": true }))
        .await;
    assert_eq!(
        answer["paused"], true,
        "a passing check undid an admin's pause"
    );
    assert!(app
        .state
        .store
        .resume_worker(None, record.id, Some(&actor), app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}")));
    // A backend that would not stop a render whose job has ended is reported on its own.
    let unwell =
        serde_json::json!({ "ok": false, "unhealthy": true, "detail": "ComfyUI kept rendering" });
    let (_, answer) = worker.post("health", unwell).await;
    assert_eq!(answer["paused"], true);
    let (_, answer) = worker
        .post(
            "claim",
            serde_json::json!({ "backend": "demo", "wait_secs": 0 }),
        )
        .await;
    assert_eq!(answer["paused"], true);
    assert_eq!(answer["reason"], "ComfyUI kept rendering");
    app.clock.advance_millis(61_000);
    let (_, answer) = worker
        .post("health", serde_json::json!({ "ok": true }))
        .await;
    assert_eq!(answer["paused"], false);

    // A backend that would not stop when told pauses its worker at once.
    let claimed = worker.claim().await;
    let claimed = if claimed.is_null() {
        queue_job(&app, &user, "demo-abstract", 64, 64).await;
        worker.claim().await
    } else {
        claimed
    };
    let path = format!("jobs/{}/fail", claimed["id"].as_str().unwrap_or_default());
    let (status, answer) = worker
        .post(
            &path,
            serde_json::json!({
                "lease_token": claimed["lease_token"],
                "reason": "ComfyUI did not stop when interrupted",
                "unhealthy": true,
            }),
        )
        .await;
    assert_eq!(
        (status, answer["paused"].as_bool()),
        (200, Some(true)),
        "{answer}"
    );
    assert_eq!(
        answer["status"], "queued",
        "an unhealthy worker's job is retried elsewhere"
    );
}

async fn only_the_worker_holding_a_job_may_report_on_it(db: Db) {
    let app = TestApp::start_with(db, NO_EMBEDDED).await;
    let user = user_of(&app, "pixelforge", "held@pixelforge.example", 5).await;
    let id = queue_job(&app, &user, "demo-abstract", 64, 64).await;
    let holder = WorkerClient {
        app: &app,
        token: worker_token(&app, None, "holder").await,
        host: "pixelforge.test",
    };
    let claimed = holder.claim().await;
    // Another worker of the same pool, and one of another site's pool, with the right
    // lease token in hand (leaked, say): every report is refused and changes nothing.
    let nocturne = tenant_id(&app, "nocturne").await;
    for other in [
        worker_token(&app, None, "neighbour").await,
        worker_token(&app, Some(nocturne), "stranger").await,
    ] {
        let other = WorkerClient {
            app: &app,
            token: other,
            host: "pixelforge.test",
        };
        assert_eq!(other.heartbeat(&claimed).await.0, 409);
        assert_eq!(other.fail(&claimed, true).await.0, 409);
        assert_eq!(other.complete(&claimed, png(64, 64)).await.0, 409);
        let release = format!("jobs/{id}/release");
        let body = serde_json::json!({ "lease_token": claimed["lease_token"] });
        assert_eq!(other.post(&release, body).await.0, 409);
    }
    let still = job(&app, &user, id).await;
    assert_eq!((still.status, still.attempts), (JobStatus::Running, 1));
    // An upload without its lease header is refused with a clear code.
    let path = format!("jobs/{id}/complete");
    let (status, answer) = holder.send(&path, "image/png", png(64, 64)).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (400, Some("lease_missing"))
    );
    // Past its deadline, the heartbeat tells the holder to stop.
    app.clock.advance_millis(3_600_001);
    let (status, beat) = holder.heartbeat(&claimed).await;
    assert_eq!(
        (status, beat["action"].as_str(), beat["reason"].as_str()),
        (200, Some("stop"), Some("deadline"))
    );
}
