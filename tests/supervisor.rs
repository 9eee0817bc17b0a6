//! Supervised background work: a task that fails is restarted and /readyz says so meanwhile;
//! the reaper runs on a node without embedded workers; shutdown ends live-status streams
//! and finishes within its deadline.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use atelier::{Backoff, Supervisor, STOP_WITHIN};
use atelier_web::Shutdown;
use tokio::sync::Notify;

use crate::accounts::{assert_ledger_invariants, user_by_email};
use crate::common::browser::Browser;
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

const PASSWORD: &str = "violet kettle under moonlight";

on_both_databases!(
    a_task_that_panics_is_restarted_and_readyz_names_it_meanwhile,
    without_embedded_workers_the_reaper_fails_an_overdue_job_and_releases_its_hold,
    shutdown_ends_open_live_status_streams_and_finishes_in_time,
);

/// Asks /readyz until `wanted` holds, for at most `within`.
async fn readyz_until(app: &TestApp, within: Duration, wanted: impl Fn(&Page) -> bool) -> Page {
    let poll = async {
        loop {
            let page = app.get("localhost", "/readyz").await;
            if wanted(&page) {
                return page;
            }
            // Pacing only: what the test waits for is the answer above.
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    tokio::time::timeout(within, poll)
        .await
        .unwrap_or_else(|_| panic!("/readyz did not answer as expected within {within:?}"))
}

async fn a_task_that_panics_is_restarted_and_readyz_names_it_meanwhile(db: Db) {
    let app = TestApp::start(db).await;
    // Quick restarts keep the test short; the doubling is the unit test's business.
    let mut supervisor = Supervisor::new(app.state.tasks.clone(), Shutdown::default())
        .with_backoff(Backoff {
            first: Duration::from_millis(50),
            max: Duration::from_millis(400),
            reset_after: Duration::from_secs(60),
        });
    let runs = Arc::new(AtomicU32::new(0));
    let break_now = Arc::new(Notify::new());
    // Until the test has seen /readyz fail, every restart panics again, so the failure is
    // there to be seen however slowly the test looks; the first run after it is mended
    // says so.
    let mended = Arc::new(AtomicBool::new(false));
    let running_well = Arc::new(Notify::new());
    supervisor.spawn("flaky", {
        let (runs, break_now) = (runs.clone(), break_now.clone());
        let (mended, running_well) = (mended.clone(), running_well.clone());
        move |mut stop: tokio::sync::watch::Receiver<bool>| {
            let (runs, break_now) = (runs.clone(), break_now.clone());
            let (mended, running_well) = (mended.clone(), running_well.clone());
            async move {
                if runs.fetch_add(1, Ordering::SeqCst) == 0 {
                    break_now.notified().await;
                }
                if !mended.load(Ordering::SeqCst) {
                    panic!("the flaky task broke");
                }
                running_well.notify_one();
                let _ = stop.wait_for(|stopping| *stopping).await;
                Ok::<(), String>(())
            }
        }
    });
    let ready = app.get("localhost", "/readyz").await;
    assert_eq!(ready.status, 200, "{}", ready.body);
    ready.assert_contains("flaky: running");

    break_now.notify_one();
    let failing = readyz_until(&app, Duration::from_secs(10), |page| page.status == 503).await;
    failing.assert_contains("not ready: a background task is failing");
    failing.assert_contains("flaky: failing");
    failing.assert_contains("panicked: the flaky task broke");

    mended.store(true, Ordering::SeqCst);
    tokio::time::timeout(Duration::from_secs(10), running_well.notified())
        .await
        .unwrap_or_else(|_| panic!("the task was not restarted"));
    let ready = app.get("localhost", "/readyz").await;
    assert_eq!(ready.status, 200, "{}", ready.body);
    ready.assert_contains("flaky: running");
    assert!(runs.load(Ordering::SeqCst) >= 2, "restarted");

    tokio::time::timeout(
        Duration::from_secs(10),
        supervisor.stop(Duration::from_secs(5)),
    )
    .await
    .unwrap_or_else(|_| panic!("the supervisor did not stop"));
    let after = app.get("localhost", "/readyz").await;
    assert_eq!(after.status, 200, "{}", after.body);
    after.assert_lacks("flaky");
}

/// Registers `email` on pixelforge and submits one 64×64 demo job through the form;
/// returns the browser and the job's id.
async fn sign_up_and_submit<'a>(app: &'a TestApp, email: &str) -> (Browser<'a>, String) {
    let mut browser = Browser::new(app, "pixelforge.test");
    browser.register(email, PASSWORD).await;
    let id = browser.queue_job("a lighthouse in fog").await;
    (browser, id)
}

async fn without_embedded_workers_the_reaper_fails_an_overdue_job_and_releases_its_hold(db: Db) {
    let (app, serving) = TestApp::serve_with(db, "[jobs]\nembedded_workers = 0").await;
    let ready = app.get("localhost", "/readyz").await;
    assert_eq!(ready.status, 200, "{}", ready.body);
    for task in [
        "reaper",
        "mailer",
        "clean-up",
        "memory",
        "models",
        "tenant-changes",
    ] {
        ready.assert_contains(&format!("{task}: running"));
    }
    ready.assert_lacks("embedded-");

    let (mut browser, id) = sign_up_and_submit(&app, "overdue@example.com").await;
    let user = user_by_email(&app, "pixelforge", "overdue@example.com").await;
    assert_eq!(
        (user.balance.get(), user.held.get()),
        (20, 1),
        "one credit held"
    );
    assert_eq!(browser.job_json(&id).await["status"], "queued");

    app.clock.advance_millis(5 * 60 * 1000 + 1);
    let wait = async {
        loop {
            let job = browser.job_json(&id).await;
            if job["status"] != "queued" {
                return job;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    let job = tokio::time::timeout(Duration::from_secs(10), wait)
        .await
        .unwrap_or_else(|_| panic!("the overdue job was not failed within 10 s"));
    assert_eq!(job["status"], "failed", "{job}");
    assert!(
        job["error"].as_str().unwrap_or("").contains("5 minutes"),
        "{job}"
    );
    let user = user_by_email(&app, "pixelforge", "overdue@example.com").await;
    assert_eq!(
        (user.balance.get(), user.held.get()),
        (20, 0),
        "the hold is released"
    );
    assert_ledger_invariants(&app, &user).await;
    serving.shut_down_within(Duration::from_secs(5)).await;
}

async fn shutdown_ends_open_live_status_streams_and_finishes_in_time(db: Db) {
    // No embedded worker: the job stays queued, so its stream would stay open.
    let (app, serving) = TestApp::serve_with(db, "[jobs]\nembedded_workers = 0").await;
    let (browser, id) = sign_up_and_submit(&app, "stream@example.com").await;
    let mut stream = browser.job_events(&id).await;
    assert_eq!(stream.status().as_u16(), 200);
    let mut seen = String::new();
    let first = async {
        while !seen.contains("\"queued\"") {
            let chunk = stream
                .chunk()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .unwrap_or_else(|| panic!("the stream ended early"));
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    };
    tokio::time::timeout(Duration::from_secs(10), first)
        .await
        .unwrap_or_else(|_| panic!("no first event within 10 s"));

    // Well inside the deadline for open requests, so an open stream that held the drain
    // until the deadline would fail here.
    let within = Duration::from_secs(5);
    assert!(within < STOP_WITHIN);
    serving.shut_down_within(within).await;
    let rest = async {
        while stream
            .chunk()
            .await
            .unwrap_or_else(|e| panic!("the stream was cut instead of ended: {e}"))
            .is_some()
        {}
    };
    tokio::time::timeout(Duration::from_secs(5), rest)
        .await
        .unwrap_or_else(|_| panic!("the stream is still open after shutdown"));
}
