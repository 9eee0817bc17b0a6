//! Every write after a claim names the lease token and the status it expects. These tests
//! interleave the reaper with a worker's late reports through the test clock, so each order
//! of events is the one the test names, on both databases.

use atelier_domain::{Clock, JobStatus, User};
use atelier_store::{ClaimedJob, Completion, Heartbeat};

use super::{assert_invariants, image, new_user, queue, rules, tenant_id};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_late_report_after_the_reaper_took_the_lease_back_changes_nothing,
    a_late_report_after_the_deadline_changes_nothing,
    a_report_that_lands_before_the_reaper_wins,
    two_reapers_at_once_take_each_lease_back_once,
);

/// The lease every claim here takes: 30 s.
const LEASE_MS: i64 = 30_000;

async fn user_with_credits(app: &TestApp, email: &str) -> User {
    let tenant = tenant_id(app, "pixelforge").await;
    app.state
        .store
        .create_user(&new_user(tenant, email, 20), app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn claim_as(app: &TestApp, worker: &str) -> ClaimedJob {
    app.state
        .store
        .claim_next_job(worker, None, LEASE_MS, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nothing to claim"))
}

async fn fresh(app: &TestApp, user: &User) -> User {
    app.state
        .store
        .find_user(user.tenant_id, user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("user gone"))
}

async fn status_of(app: &TestApp, claimed: &ClaimedJob) -> JobStatus {
    app.state
        .store
        .find_job(claimed.job.tenant_id, None, claimed.job.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("job gone"))
        .status
}

/// The first worker's lease runs out, the reaper queues the job again and a second worker
/// takes it. Everything the first worker says afterwards (heartbeat, failure, success) finds
/// another lease and changes nothing; the second worker's success is charged once.
async fn a_late_report_after_the_reaper_took_the_lease_back_changes_nothing(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let user = user_with_credits(&app, "late@example.com").await;
    queue(&app, &user, "a lighthouse", rules(4)).await;
    let first = claim_as(&app, "first").await;
    app.clock.advance_millis(LEASE_MS + 1);
    assert_eq!(app.reap().await.requeued, 1);
    let second = claim_as(&app, "second").await;
    assert_eq!(second.job.id, first.job.id);
    assert_ne!(second.lease_token, first.lease_token);

    let store = &app.state.store;
    let now = app.clock.now();
    let (id, token) = (first.job.id, first.lease_token.as_str());
    let beat = store.heartbeat_job(id, token, 500, LEASE_MS, now).await;
    assert_eq!(beat.unwrap_or_else(|e| panic!("{e}")), Heartbeat::Lost);
    let failed = store.fail_job_attempt(id, token, "late", true, now).await;
    assert_eq!(failed.unwrap_or_else(|e| panic!("{e}")), None);
    let failed = store.fail_job_attempt(id, token, "late", false, now).await;
    assert_eq!(failed.unwrap_or_else(|e| panic!("{e}")), None);
    let done = store.complete_job(id, token, image(1), now).await;
    assert_eq!(
        done.unwrap_or_else(|e| panic!("{e}")),
        Completion::LeaseLost
    );
    assert_eq!(status_of(&app, &second).await, JobStatus::Running);
    let held = fresh(&app, &user).await;
    assert_eq!((held.balance.get(), held.held.get()), (20, 1));

    let done = store
        .complete_job(id, &second.lease_token, image(2), now)
        .await;
    assert_eq!(
        done.unwrap_or_else(|e| panic!("{e}")),
        Completion::Succeeded
    );
    let job = store
        .find_job(second.job.tenant_id, None, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("job gone"));
    assert_eq!(job.image_id, Some(image(2).id), "the second worker's image");
    let after = fresh(&app, &user).await;
    assert_eq!((after.balance.get(), after.held.get()), (19, 0));
    assert_invariants(&app, &after).await;
}

/// The reaper fails a running job at its deadline and releases the hold. The worker's late
/// retryable failure must not queue it again (it would run with no credits held), and its
/// late success must not charge for it.
async fn a_late_report_after_the_deadline_changes_nothing(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let user = user_with_credits(&app, "deadline@example.com").await;
    let mut short = rules(4);
    short.deadline_ms = 10_000;
    queue(&app, &user, "a glacier", short).await;
    let claimed = claim_as(&app, "slow").await;
    app.clock.advance_millis(10_001);
    assert_eq!(app.reap().await.failed, 1);
    let released = fresh(&app, &user).await;
    assert_eq!((released.balance.get(), released.held.get()), (20, 0));

    let store = &app.state.store;
    let now = app.clock.now();
    let (id, token) = (claimed.job.id, claimed.lease_token.as_str());
    let failed = store
        .fail_job_attempt(id, token, "GPU busy", true, now)
        .await;
    assert_eq!(failed.unwrap_or_else(|e| panic!("{e}")), None);
    let done = store.complete_job(id, token, image(3), now).await;
    assert_eq!(
        done.unwrap_or_else(|e| panic!("{e}")),
        Completion::LeaseLost
    );
    assert_eq!(status_of(&app, &claimed).await, JobStatus::Failed);
    let after = fresh(&app, &user).await;
    assert_eq!((after.balance.get(), after.held.get()), (20, 0));
    assert_invariants(&app, &after).await;
}

/// A lease that ran out but was not yet taken back still belongs to its worker: its success
/// lands, and the reaper that comes after finds nothing to do.
async fn a_report_that_lands_before_the_reaper_wins(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let user = user_with_credits(&app, "first@example.com").await;
    queue(&app, &user, "a comet", rules(4)).await;
    let claimed = claim_as(&app, "tardy").await;
    app.clock.advance_millis(LEASE_MS + 1);
    let done = app
        .state
        .store
        .complete_job(
            claimed.job.id,
            &claimed.lease_token,
            image(4),
            app.clock.now(),
        )
        .await;
    assert_eq!(
        done.unwrap_or_else(|e| panic!("{e}")),
        Completion::Succeeded
    );
    assert_eq!(app.reap().await, atelier_store::ReapReport::default());
    assert_eq!(status_of(&app, &claimed).await, JobStatus::Succeeded);
    let after = fresh(&app, &user).await;
    assert_eq!((after.balance.get(), after.held.get()), (19, 0));
    assert_invariants(&app, &after).await;
}

/// Every node runs a reaper. Two passes at the same moment, over the same expired leases,
/// queue each job again exactly once and leave the holds as they were.
async fn two_reapers_at_once_take_each_lease_back_once(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let user = user_with_credits(&app, "twice@example.com").await;
    for n in 0..4 {
        queue(&app, &user, &format!("a dune {n}"), rules(4)).await;
    }
    for n in 0..4 {
        claim_as(&app, &format!("w{n}")).await;
    }
    app.clock.advance_millis(LEASE_MS + 1);
    let (one, other) = tokio::join!(app.reap(), app.reap());
    assert_eq!(one.requeued + other.requeued, 4, "{one:?} {other:?}");
    let after = fresh(&app, &user).await;
    assert_eq!((after.balance.get(), after.held.get()), (20, 4));
    assert_invariants(&app, &after).await;
}
