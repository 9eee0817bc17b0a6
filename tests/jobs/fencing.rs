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
    a_cancel_outlives_a_retry_and_a_lost_lease,
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

/// Every node runs a reaper. One reaper reads what is due, another does a whole pass over the
/// same expired leases, then the first writes what it read: its fenced writes find the jobs
/// moved on and change nothing, so each job is queued again exactly once.
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
    let store = &app.state.store;
    let now = app.clock.now();
    let read_first = store
        .jobs_due_for_reaping(now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!read_first.is_empty());
    assert_eq!(
        app.reap().await.requeued,
        4,
        "the other reaper's whole pass"
    );
    let late = store.reap_due_jobs(&read_first, now).await;
    assert_eq!(
        late,
        atelier_store::ReapReport::default(),
        "the late writes"
    );
    // Claimed again, and those leases ran out too: the late reaper's writes name the leases
    // it read, not these, so they still change nothing.
    for n in 0..4 {
        claim_as(&app, &format!("again{n}")).await;
    }
    app.clock.advance_millis(LEASE_MS + 1);
    let late = store.reap_due_jobs(&read_first, app.clock.now()).await;
    assert_eq!(late, atelier_store::ReapReport::default());
    let after = fresh(&app, &user).await;
    assert_eq!((after.balance.get(), after.held.get()), (20, 4));
    assert_invariants(&app, &after).await;
}

/// The owner cancels while a job runs. A retryable failure reported afterwards must end it
/// canceled rather than queue it again, and so must the reaper when the worker goes silent:
/// either way the hold comes back and nothing runs again.
async fn a_cancel_outlives_a_retry_and_a_lost_lease(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let user = user_with_credits(&app, "changed-mind@example.com").await;
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    let store = &app.state.store;
    for prompt in ["a retry", "a silence"] {
        queue(&app, &user, prompt, rules(4)).await;
    }
    let retried = claim_as(&app, "retrying").await;
    let silent = claim_as(&app, "silent").await;
    for job in [&retried, &silent] {
        let asked = store
            .cancel_job(tenant, user.id, job.job.id, app.clock.now())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            asked,
            Some(JobStatus::Running),
            "a running job is asked to stop"
        );
    }
    let failed = store
        .fail_job_attempt(
            retried.job.id,
            &retried.lease_token,
            "GPU busy",
            true,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(failed, Some(JobStatus::Canceled));
    app.clock.advance_millis(LEASE_MS + 1);
    let reaped = app.reap().await;
    assert_eq!((reaped.canceled, reaped.requeued), (1, 0));
    assert_eq!(status_of(&app, &silent).await, JobStatus::Canceled);
    let after = fresh(&app, &user).await;
    assert_eq!((after.balance.get(), after.held.get()), (20, 0));
    assert_invariants(&app, &after).await;
}
