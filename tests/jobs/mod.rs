//! The core loop over HTTP: submit, queue, render, capture, and every way a job can end,
//! on both databases, with DESIGN.md's credit invariants checked after each test.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use atelier_domain::{
    Clock, Email, ImageSize, JobId, JobStatus, NewJob, Prompt, Role, User, UserId,
};
use atelier_store::{NewUser, QueueRules};
use atelier_worker::{Backend, DemoBackend, RenderContext, RenderError, RenderFuture, RenderSpec};

use crate::accounts::{assert_ledger_invariants, user_by_email};
use crate::common::browser::{job_id_of, Browser};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

mod claims;
mod endings;
mod fencing;
mod live;
mod pages;
mod queue_places;
mod shutdown;
mod submissions;

const PASSWORD: &str = "violet kettle under moonlight";

fn demo() -> Arc<dyn Backend> {
    Arc::new(DemoBackend::default())
}

/// A backend that always fails, counting its attempts.
struct Broken(Arc<AtomicU32>);

impl Backend for Broken {
    fn render<'a>(&'a self, _: &'a RenderSpec, _: RenderContext<'a>) -> RenderFuture<'a> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Box::pin(async { Err(RenderError::retryable("ComfyUI ran out of GPU memory")) })
    }
}

/// Everything DESIGN.md promises about a user's credits: balance = Σ ledger,
/// held = Σ cost of queued and running jobs, 0 ≤ held ≤ balance; and the count of active
/// jobs the cap is checked against matches the jobs.
async fn assert_invariants(app: &TestApp, user: &User) {
    assert_ledger_invariants(app, user).await;
    let totals = app
        .state
        .store
        .active_totals(user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        totals.held, totals.held_by_jobs,
        "held must equal the cost of active jobs"
    );
    assert_eq!(
        totals.active_jobs, totals.counted,
        "active_jobs must equal the jobs queued or running"
    );
}

/// A new account on pixelforge, signed in in the returned browser.
async fn sign_up<'a>(app: &'a TestApp, email: &str) -> (Browser<'a>, User) {
    let mut browser = Browser::new(app, "pixelforge.test");
    browser.register(email, PASSWORD).await;
    let user = user_by_email(app, "pixelforge", email).await;
    (browser, user)
}

/// A user of `tenant` made straight in the store, with `credits` to spend.
fn new_user(tenant: atelier_domain::TenantId, email: &str, credits: i64) -> NewUser {
    NewUser {
        tenant_id: Some(tenant),
        email: Email::parse(email).unwrap_or_else(|e| panic!("{e}")),
        name: String::new(),
        password_hash: "x".into(),
        role: Role::User,
        signup_bonus: credits,
        bonus_now: true,
        signup_ip: String::new(),
        language: None,
    }
}

/// A demo-model job of `width` × 64 with this prompt, for submitting through the store.
fn new_job(prompt: &str, width: i64) -> NewJob {
    NewJob {
        prompt: Prompt::parse("prompt", prompt, true).unwrap_or_else(|e| panic!("{e}")),
        negative_prompt: Prompt::parse("negative_prompt", "", false)
            .unwrap_or_else(|e| panic!("{e}")),
        model: "demo-abstract".into(),
        size: ImageSize { width, height: 64 },
        seed: 1,
    }
}

/// The id of the tenant `slug`.
pub async fn tenant_id(app: &TestApp, slug: &str) -> atelier_domain::TenantId {
    let slug = atelier_domain::Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant {slug:?}"))
        .id
}

/// What a job costs in store-level tests.
const COST: atelier_domain::Credits = atelier_domain::Credits::new(1);

/// Queue rules for store-level tests: an hour to run, `active_cap`.
fn rules(active_cap: i64) -> QueueRules {
    QueueRules {
        max_attempts: 3,
        deadline_ms: 3_600_000,
        active_cap,
    }
}

/// Queues `prompt` for `user` through the store, a millisecond after the job before.
async fn queue(app: &TestApp, user: &User, prompt: &str, rules: QueueRules) -> JobId {
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    app.clock.advance_millis(1);
    app.state
        .store
        .submit_job(
            tenant,
            user.id,
            &new_job(prompt, 64),
            COST,
            rules,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .id
}

/// The next job, claimed as worker "w" with a one-minute lease; there must be one.
async fn claim(app: &TestApp) -> atelier_store::ClaimedJob {
    app.state
        .store
        .claim_next_job("w", None, 60_000, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nothing to claim"))
}

/// The record of a stored 64×64 image with id `n`, for reporting a job done.
fn image(n: u128) -> atelier_store::NewImage {
    atelier_store::NewImage {
        id: atelier_domain::ImageId(uuid::Uuid::from_u128(n)),
        width: 64,
        height: 64,
        bytes: 100,
    }
}
