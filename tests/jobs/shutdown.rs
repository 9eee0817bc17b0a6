//! A worker told to stop claims nothing more, finishes what it can and hands back what it
//! cannot; and a report that committed is never mistaken for one that failed.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use tokio::sync::Notify;

use super::*;

on_both_databases!(
    a_worker_claims_nothing_new_once_shutdown_is_asked,
    a_render_that_outlasts_shutdown_is_handed_back_with_its_attempt,
    a_failed_next_claim_does_not_hide_a_committed_report,
);

/// Renders like the demo backend, except that the first render waits for `go` (and says
/// when it started); with `forever`, it never ends.
struct Gated {
    first: AtomicBool,
    started: Arc<Notify>,
    go: Arc<Notify>,
}

impl Backend for Gated {
    fn render<'a>(&'a self, spec: &'a RenderSpec, cx: RenderContext<'a>) -> RenderFuture<'a> {
        let gated = !self.first.swap(true, Ordering::SeqCst);
        Box::pin(async move {
            if gated {
                self.started.notify_one();
                self.go.notified().await;
            }
            DemoBackend::default().render(spec, cx).await
        })
    }
}

fn gated() -> (Arc<Gated>, Arc<Notify>, Arc<Notify>) {
    let (started, go) = (Arc::new(Notify::new()), Arc::new(Notify::new()));
    let backend = Arc::new(Gated {
        first: AtomicBool::new(false),
        started: started.clone(),
        go: go.clone(),
    });
    (backend, started, go)
}

async fn job_of(app: &TestApp, user: &User, id: JobId) -> atelier_domain::Job {
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    app.state
        .store
        .find_job(tenant, None, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("job {id} gone"))
}

/// Shutdown is asked for while the first job renders: that job is finished and charged, and
/// the second stays queued for a worker that is not stopping.
async fn a_worker_claims_nothing_new_once_shutdown_is_asked(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let (_, user) = sign_up(&app, "stop@example.com").await;
    let first = queue(&app, &user, "one", rules(10)).await;
    let second = queue(&app, &user, "two", rules(10)).await;
    let (backend, started, go) = gated();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let run = tokio::spawn(app.worker(backend).run(stopped));
    crate::common::within(
        Duration::from_secs(10),
        "the first render",
        started.notified(),
    )
    .await;
    stop.send_replace(true);
    go.notify_one();
    crate::common::within(Duration::from_secs(20), "the worker to stop", run)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        job_of(&app, &user, first).await.status,
        JobStatus::Succeeded
    );
    let left = job_of(&app, &user, second).await;
    assert_eq!((left.status, left.attempts), (JobStatus::Queued, 0));
    let fresh = user_by_email(&app, "pixelforge", "stop@example.com").await;
    assert_eq!((fresh.balance.get(), fresh.held.get()), (19, 1));
    assert_invariants(&app, &fresh).await;
}

/// A render that has not ended a while after shutdown was asked for goes back to the queue
/// at once, its attempt not spent and its credits still held, instead of waiting out its
/// lease on a worker that is gone.
async fn a_render_that_outlasts_shutdown_is_handed_back_with_its_attempt(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let (_, user) = sign_up(&app, "handback@example.com").await;
    let id = queue(&app, &user, "a long night", rules(10)).await;
    let (backend, started, _never) = gated();
    let mut worker = app.worker(backend);
    worker.settings.hand_back_after = Duration::from_millis(50);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let run = tokio::spawn(worker.run(stopped));
    crate::common::within(Duration::from_secs(10), "the render", started.notified()).await;
    assert_eq!(job_of(&app, &user, id).await.status, JobStatus::Running);
    stop.send_replace(true);
    crate::common::within(Duration::from_secs(20), "the worker to hand back", run)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let back = job_of(&app, &user, id).await;
    assert_eq!((back.status, back.attempts), (JobStatus::Queued, 0));
    let fresh = user_by_email(&app, "pixelforge", "handback@example.com").await;
    assert_eq!((fresh.balance.get(), fresh.held.get()), (20, 1));
    assert_invariants(&app, &fresh).await;
    // Another worker takes it and finishes it.
    assert!(app
        .worker(demo())
        .run_once()
        .await
        .unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(job_of(&app, &user, id).await.status, JobStatus::Succeeded);
}

/// The claim after a report can fail on its own (here its turn table is taken away). When
/// the report committed, the call must not say it failed: the worker would throw away an
/// image that was paid for.
async fn a_failed_next_claim_does_not_hide_a_committed_report(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let (_, user) = sign_up(&app, "claimfails@example.com").await;
    let first = queue(&app, &user, "one", rules(4)).await;
    queue(&app, &user, "two", rules(4)).await;
    let claimed = claim(&app).await;
    assert_eq!(claimed.job.id, first);
    app.execute_sql("alter table user_turns rename to user_turns_gone")
        .await;
    let next = atelier_store::NextClaim {
        worker_id: "w",
        models: None,
        lease_ms: 60_000,
        pool: None,
    };
    let result = app
        .state
        .store
        .complete_and_claim(
            first,
            &claimed.lease_token,
            image(1),
            app.clock.now(),
            Some(next),
        )
        .await;
    let job = job_of(&app, &user, first).await;
    match result {
        // PostgreSQL: the report is its own transaction; the claim after it found nothing.
        Ok((completion, next)) => {
            assert_eq!(completion, atelier_store::Completion::Succeeded);
            assert!(next.is_none());
            assert_eq!(job.status, JobStatus::Succeeded);
        }
        // SQLite: the claim shares the report's transaction, so both rolled back.
        Err(_) => assert_eq!(
            job.status,
            JobStatus::Running,
            "an error, yet the job moved on"
        ),
    }
    app.execute_sql("alter table user_turns_gone rename to user_turns")
        .await;
    let fresh = user_by_email(&app, "pixelforge", "claimfails@example.com").await;
    assert_invariants(&app, &fresh).await;
}
