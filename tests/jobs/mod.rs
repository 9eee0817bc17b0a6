//! The core loop over HTTP: submit, queue, render, capture, and every way a job can end,
//! on both databases, with DESIGN.md's credit invariants checked after each test.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use atelier_domain::{
    Clock, Email, ImageSize, JobId, JobStatus, NewJob, Prompt, Role, User, UserId,
};
use atelier_store::{NewUser, QueueRules};
use atelier_worker::{Backend, DemoBackend, Progress, RenderError, RenderFuture, RenderSpec};

use crate::accounts::{assert_ledger_invariants, user_by_email};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

mod fencing;
mod queue_places;

const PASSWORD: &str = "violet kettle under moonlight";

on_both_databases!(
    three_jobs_succeed_and_each_costs_one_credit,
    a_failing_backend_retries_twice_then_fails_at_no_cost,
    a_job_past_its_deadline_fails_at_no_cost,
    a_worker_that_dies_mid_job_is_replaced_and_the_job_charged_once,
    fifty_concurrent_submissions_with_three_credits_accept_exactly_three,
    a_submission_the_database_refuses_fails_alone,
    the_cap_on_active_jobs_holds_under_concurrent_submissions,
    a_busy_worker_reports_and_claims_in_one_trip,
    a_report_and_a_submission_of_one_user_settle_together,
    the_store_closes_after_the_queue_has_run,
    a_worker_claims_only_the_models_it_serves,
    other_people_get_404_for_jobs_and_images,
    one_busy_tenant_cannot_starve_another,
    users_take_turns_however_many_are_idle,
    claims_made_together_go_round_tenants_and_users,
    the_jobs_in_flight_are_the_queued_and_running_ones_oldest_first,
    canceled_jobs_cost_nothing,
    live_status_streams_until_the_job_ends,
    the_generate_page_keeps_values_and_explains_mistakes,
    without_javascript_a_reload_shows_the_state_and_history_lists_everything,
);

fn demo() -> Arc<dyn Backend> {
    Arc::new(DemoBackend::default())
}

/// A backend that always fails, counting its attempts.
struct Broken(Arc<AtomicU32>);

impl Backend for Broken {
    fn render<'a>(&'a self, _: &'a RenderSpec, _: Progress<'a>) -> RenderFuture<'a> {
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
async fn tenant_id(app: &TestApp, slug: &str) -> atelier_domain::TenantId {
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

/// A worker serving other models leaves the job queued; one serving its model takes it, on
/// its own and in the same trip as a report.
async fn a_worker_claims_only_the_models_it_serves(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nactive_per_user = 100").await;
    let (_, user) = sign_up(&app, "models@example.com").await;
    let first = queue(&app, &user, "first", rules(100)).await;
    let second = queue(&app, &user, "second", rules(100)).await;
    let store = &app.state.store;
    let now = app.clock.now();
    let other = ["flux-dev".to_owned()];
    let demo = ["flux-dev".to_owned(), "demo-abstract".to_owned()];
    let none = store.claim_next_job("w", Some(&other), 60_000, now).await;
    assert!(none.unwrap_or_else(|e| panic!("{e}")).is_none());
    let nothing: [String; 0] = [];
    let none = store.claim_next_job("w", Some(&nothing), 60_000, now).await;
    assert!(none.unwrap_or_else(|e| panic!("{e}")).is_none());
    let claimed = store
        .claim_next_job("w", Some(&demo), 60_000, now)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the demo worker claimed nothing"));
    assert_eq!(claimed.job.id, first);
    let next = atelier_store::NextClaim {
        worker_id: "w",
        models: Some(&demo),
        lease_ms: 60_000,
    };
    let (done, then) = store
        .complete_and_claim(first, &claimed.lease_token, image(1), now, Some(next))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(done, atelier_store::Completion::Succeeded);
    assert_eq!(then.map(|c| c.job.id), Some(second));
    assert_invariants(&app, &user).await;
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

/// Submits through the generate form; returns the job id from the redirect.
async fn submit(
    browser: &mut Browser<'_>,
    prompt: &str,
    width: u32,
    height: u32,
) -> crate::common::Page {
    let (w, h) = (width.to_string(), height.to_string());
    browser
        .submit(
            "/account",
            "/generate",
            &[
                ("prompt", prompt),
                ("negative_prompt", ""),
                ("model", "demo-abstract"),
                ("width", &w),
                ("height", &h),
                ("seed", ""),
            ],
        )
        .await
}

fn job_id_of(page: &crate::common::Page) -> String {
    page.header("location")
        .strip_prefix("/generate?job=")
        .unwrap_or_else(|| {
            panic!(
                "not a job redirect: {} {}",
                page.status,
                page.header("location")
            )
        })
        .to_owned()
}

async fn job_json(browser: &mut Browser<'_>, id: &str) -> serde_json::Value {
    let page = browser.get(&format!("/jobs/{id}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body))
}

async fn three_jobs_succeed_and_each_costs_one_credit(db: Db) {
    let app = TestApp::start(db).await;
    let worker = app.worker(demo());
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("maya@example.com", PASSWORD).await;
    let sizes = [(64, 64), (128, 96), (96, 136)];
    let mut ids = Vec::new();
    for (i, (w, h)) in sizes.iter().enumerate() {
        let page = submit(&mut browser, &format!("a quiet harbour, take {i}"), *w, *h).await;
        assert_eq!(page.status, 303, "{}", page.body);
        ids.push(job_id_of(&page));
    }
    let queued = job_json(&mut browser, &ids[2]).await;
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
    let (ledger, _) = app
        .state
        .store
        .ledger_page(user.id, 0, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let generations = ledger
        .iter()
        .filter(|e| e.reason == atelier_domain::LedgerReason::Generation)
        .count();
    assert_eq!(generations, 3);
    assert_invariants(&app, &user).await;

    for (id, (w, h)) in ids.iter().zip(sizes) {
        let job = job_json(&mut browser, id).await;
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
    let json = job_json(&mut browser, &ids[0]).await.to_string();
    assert!(!json.contains("data/") && !json.contains(".png"), "{json}");
}

async fn a_failing_backend_retries_twice_then_fails_at_no_cost(db: Db) {
    let app = TestApp::start(db).await;
    let attempts = Arc::new(AtomicU32::new(0));
    let worker = app.worker(Arc::new(Broken(attempts.clone())));
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("fail@example.com", PASSWORD).await;
    let id = job_id_of(&submit(&mut browser, "a storm", 64, 64).await);
    for _ in 0..3 {
        assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    }
    assert!(!worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(
        attempts.load(Ordering::SeqCst),
        3,
        "the first attempt and two retries"
    );
    let job = job_json(&mut browser, &id).await;
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
    let id = job_id_of(&submit(&mut browser, "a slow sunrise", 64, 64).await);
    app.clock.advance_millis(5 * 60 * 1000 + 1);
    assert_eq!(app.reap().await.failed, 1);
    assert!(
        !worker.run_once().await.unwrap_or_else(|e| panic!("{e}")),
        "nothing left to run"
    );
    let job = job_json(&mut browser, &id).await;
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
    let id = job_id_of(&submit(&mut browser, "a phoenix", 64, 64).await);
    // A worker claims the job and then dies: no heartbeat, no report.
    let claimed = app
        .state
        .store
        .claim_next_job("doomed-worker", None, 30_000, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nothing to claim"));
    assert_eq!(claimed.job.id.to_string(), id);
    assert_eq!(job_json(&mut browser, &id).await["status"], "running");
    // Its lease runs out; another worker takes the job back and finishes it.
    app.clock.advance_millis(30_001);
    assert_eq!(app.reap().await.requeued, 1);
    let worker = app.worker(demo());
    assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    let job = job_json(&mut browser, &id).await;
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

async fn fifty_concurrent_submissions_with_three_credits_accept_exactly_three(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nactive_per_user = 100").await;
    crate::accounts::set_tenant(&app, "pixelforge", |s| s.signup_bonus = 3).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("rush@example.com", PASSWORD).await;
    let token =
        crate::common::browser::csrf_token(&browser.get("/account").await).unwrap_or_default();
    let cookie = browser.cookie.clone().unwrap_or_default();
    let requests: Vec<_> = (0..50)
        .map(|i| {
            let request = app
                .client
                .post(app.url("/generate"))
                .header("host", "pixelforge.test")
                .header("cookie", &cookie)
                .header("sec-fetch-site", "same-origin")
                .form(&[
                    ("csrf_token", token.clone()),
                    ("prompt", format!("rush {i}")),
                    ("model", "demo-abstract".to_owned()),
                    ("width", "64".to_owned()),
                    ("height", "64".to_owned()),
                ]);
            tokio::spawn(async move { request.send().await.map(|r| r.status().as_u16()) })
        })
        .collect();
    let mut statuses = Vec::new();
    for r in requests {
        statuses.push(
            r.await
                .unwrap_or_else(|e| panic!("{e}"))
                .unwrap_or_else(|e| panic!("{e}")),
        );
    }
    let accepted = statuses.iter().filter(|s| **s == 303).count();
    let refused = statuses.iter().filter(|s| **s == 402).count();
    assert_eq!((accepted, refused), (3, 47), "{statuses:?}");
    let user = user_by_email(&app, "pixelforge", "rush@example.com").await;
    assert_eq!((user.balance.get(), user.held.get()), (3, 3));
    assert_invariants(&app, &user).await;
    // The refusal says why, and where to get more.
    let page = submit(&mut browser, "one more", 64, 64).await;
    assert_eq!(page.status, 402);
    page.assert_contains("Not enough Sparks");
    page.assert_contains("href=\"/buy\"");
}

/// Submits `jobs` through the store all at once, for `users` in turn; the outcomes in order.
async fn submit_at_once(
    app: &TestApp,
    users: &[User],
    jobs: Vec<NewJob>,
    rules: QueueRules,
) -> Vec<Result<atelier_domain::Job, atelier_store::StoreError>> {
    let submissions: Vec<_> = jobs
        .into_iter()
        .zip(users.iter().cycle())
        .map(|(job, user)| {
            let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
            let (store, user) = (app.state.store.clone(), user.id);
            tokio::spawn(async move {
                store
                    .submit_job(
                        tenant,
                        user,
                        &job,
                        COST,
                        rules,
                        atelier_domain::Timestamp(1_000),
                    )
                    .await
            })
        })
        .collect();
    let mut outcomes = Vec::new();
    for s in submissions {
        outcomes.push(s.await.unwrap_or_else(|e| panic!("{e}")));
    }
    outcomes
}

/// Submissions arriving together share a transaction (SQLite's group commit, PostgreSQL's
/// rounds, which take one submission per user); one that breaks a rule of the schema must
/// fail by itself and leave the others queued and held.
async fn a_submission_the_database_refuses_fails_alone(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nactive_per_user = 100").await;
    crate::accounts::set_tenant(&app, "pixelforge", |s| {
        s.signup_bonus = 40;
        s.signup_limit_per_ip = 10;
    })
    .await;
    let mut users = Vec::new();
    for n in 0..4 {
        users.push(sign_up(&app, &format!("batch{n}@example.com")).await.1);
    }
    // Job 15 (user 3's fourth) asks for a width the schema refuses (not a multiple of 8);
    // the form never lets that through, which is why the schema is the one to catch it here.
    let jobs = (0..32)
        .map(|i| new_job(&format!("batch {i}"), if i == 15 { 65 } else { 64 }))
        .collect();
    let outcomes = submit_at_once(&app, &users, jobs, rules(100)).await;
    assert!(outcomes[15].is_err(), "the bad submission was accepted");
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 31);
    for (n, held) in [(0, 8), (1, 8), (2, 8), (3, 7)] {
        let fresh = user_by_email(&app, "pixelforge", &format!("batch{n}@example.com")).await;
        assert_eq!(
            (fresh.balance.get(), fresh.held.get()),
            (40, held),
            "user {n}"
        );
        assert_invariants(&app, &fresh).await;
    }
}

/// The cap on active jobs (4 by default) is checked on the user's row, which concurrent
/// submissions take in turns: 20 at once queue exactly 4, and a job that ends makes room.
async fn the_cap_on_active_jobs_holds_under_concurrent_submissions(db: Db) {
    let app = TestApp::start(db).await;
    let (mut browser, user) = sign_up(&app, "eager@example.com").await;
    let jobs = (0..20)
        .map(|i| new_job(&format!("eager {i}"), 64))
        .collect();
    let mut accepted = Vec::new();
    let mut capped = 0;
    for outcome in submit_at_once(&app, std::slice::from_ref(&user), jobs, rules(4)).await {
        match outcome {
            Ok(job) => accepted.push(job),
            Err(atelier_store::StoreError::TooManyActiveJobs { cap: 4 }) => capped += 1,
            Err(e) => panic!("unexpected refusal: {e}"),
        }
    }
    assert_eq!((accepted.len(), capped), (4, 16));
    let fresh = user_by_email(&app, "pixelforge", "eager@example.com").await;
    assert_eq!((fresh.balance.get(), fresh.held.get()), (20, 4));
    assert_invariants(&app, &fresh).await;
    // The form says why.
    let page = submit(&mut browser, "a fifth", 64, 64).await;
    page.assert_contains("You already have 4 images in progress");
    // Canceling one makes room for exactly one more.
    let canceled = browser
        .submit("/account", &format!("/jobs/{}/cancel", accepted[0].id), &[])
        .await;
    assert_eq!(canceled.status, 303);
    assert_eq!(submit(&mut browser, "a fifth", 64, 64).await.status, 303);
    assert_eq!(submit(&mut browser, "a sixth", 64, 64).await.status, 429);
    let fresh = user_by_email(&app, "pixelforge", "eager@example.com").await;
    assert_eq!((fresh.balance.get(), fresh.held.get()), (20, 4));
    assert_invariants(&app, &fresh).await;
}

/// A worker reporting a success gets its next job in the same trip; each job is still
/// charged exactly once, and a completion that comes too late claims nothing twice.
async fn a_busy_worker_reports_and_claims_in_one_trip(db: Db) {
    let app = TestApp::start(db).await;
    let (_, user) = sign_up(&app, "busy@example.com").await;
    let store = &app.state.store;
    let submitted = [
        queue(&app, &user, "busy 0", rules(4)).await,
        queue(&app, &user, "busy 1", rules(4)).await,
    ];
    let first = claim(&app).await;
    assert_eq!(first.job.id, submitted[0]);
    // Reports `claimed` done with image `n`, asking for the next job.
    let report = |claimed: &atelier_store::ClaimedJob, n: u128| {
        let (job, token, now) = (claimed.job.id, claimed.lease_token.clone(), app.clock.now());
        async move {
            let next = atelier_store::NextClaim {
                worker_id: "w",
                models: None,
                lease_ms: 60_000,
            };
            store
                .complete_and_claim(job, &token, image(n), now, Some(next))
                .await
                .unwrap_or_else(|e| panic!("{e}"))
        }
    };
    let (done, second) = report(&first, 1).await;
    assert_eq!(done, atelier_store::Completion::Succeeded);
    let second = second.unwrap_or_else(|| panic!("no next job"));
    assert_eq!(second.job.id, submitted[1]);
    assert_eq!(second.job.status, JobStatus::Running);
    // Reporting the first again changes nothing and claims nothing (the queue is empty).
    let (again, none) = report(&first, 2).await;
    assert_eq!(
        (again, none.is_none()),
        (atelier_store::Completion::LeaseLost, true)
    );
    let (last, _) = report(&second, 3).await;
    assert_eq!(last, atelier_store::Completion::Succeeded);
    let fresh = user_by_email(&app, "pixelforge", "busy@example.com").await;
    assert_eq!(
        (fresh.balance.get(), fresh.held.get()),
        (user.balance.get() - 2, 0)
    );
    assert_invariants(&app, &fresh).await;
}

/// A worker's report and its owner's next submission sent at the same moment usually share a
/// round on PostgreSQL, where one statement changes the user's row for both (it caught two
/// separate updates of the row losing one), and a group commit on SQLite: the capture and the
/// new hold must both land, every time.
async fn a_report_and_a_submission_of_one_user_settle_together(db: Db) {
    let app = TestApp::start(db).await;
    let (_, user) = sign_up(&app, "together@example.com").await;
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    let store = &app.state.store;
    queue(&app, &user, "together 0", rules(4)).await;
    for n in 1..=5 {
        let claimed = claim(&app).await;
        app.clock.advance_millis(1);
        let now = app.clock.now();
        let job = new_job(&format!("together {n}"), 64);
        let (done, queued) = tokio::join!(
            store.complete_job(claimed.job.id, &claimed.lease_token, image(n), now),
            store.submit_job(tenant, user.id, &job, COST, rules(4), now),
        );
        assert_eq!(
            done.unwrap_or_else(|e| panic!("{e}")),
            atelier_store::Completion::Succeeded
        );
        assert_eq!(
            queued.unwrap_or_else(|e| panic!("{e}")).status,
            JobStatus::Queued
        );
        let fresh = user_by_email(&app, "pixelforge", "together@example.com").await;
        let charged = i64::try_from(n).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (fresh.balance.get(), fresh.held.get()),
            (user.balance.get() - charged, 1)
        );
        assert_invariants(&app, &fresh).await;
    }
}

/// An orderly shutdown closes the store, and closing must not wait for ever on a connection
/// the queue keeps (PostgreSQL's rounds hold one from round to round).
async fn the_store_closes_after_the_queue_has_run(db: Db) {
    let app = TestApp::start(db).await;
    let (_, user) = sign_up(&app, "closing@example.com").await;
    queue(&app, &user, "before closing", rules(4)).await;
    claim(&app).await;
    let closed =
        tokio::time::timeout(std::time::Duration::from_secs(10), app.state.store.close()).await;
    assert!(closed.is_ok(), "closing the store took over 10 s");
}

async fn other_people_get_404_for_jobs_and_images(db: Db) {
    let app = TestApp::start(db).await;
    let worker = app.worker(demo());
    let mut owner = Browser::new(&app, "pixelforge.test");
    owner.register("owner@example.com", PASSWORD).await;
    let id = job_id_of(&submit(&mut owner, "a private garden", 64, 64).await);
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    let image = job_json(&mut owner, &id).await["image_url"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    assert!(image.starts_with("/images/"));

    let mut neighbour = Browser::new(&app, "pixelforge.test");
    neighbour.register("neighbour@example.com", PASSWORD).await;
    let mut stranger = Browser::new(&app, "nocturne.test");
    stranger.register("stranger@example.com", PASSWORD).await;
    for browser in [&mut neighbour, &mut stranger] {
        for path in [
            format!("/jobs/{id}"),
            format!("/jobs/{id}/events"),
            image.clone(),
            format!("{image}/thumb"),
            format!("{image}?download=1"),
        ] {
            let page = browser.get(&path).await;
            assert_eq!(page.status, 404, "{} GET {path}", browser.host);
            assert_ne!(page.header("content-type"), "image/png");
        }
        let cancel = browser
            .submit("/account", &format!("/jobs/{id}/cancel"), &[])
            .await;
        assert_eq!(cancel.status, 404);
    }
    // The tenant's admins and super-admins may look.
    let neighbour_user = user_by_email(&app, "pixelforge", "neighbour@example.com").await;
    app.state
        .store
        .set_user_role(
            neighbour_user.tenant_id.unwrap_or_else(|| panic!("tenant")),
            neighbour_user.id,
            Role::TenantAdmin,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(neighbour.get(&image).await.status, 200);
    // Signed out: sent to sign in, the image never shown.
    let anonymous = Browser::new(&app, "pixelforge.test").get(&image).await;
    assert_eq!(anonymous.status, 303);
}

/// Claims that arrive together (one round on PostgreSQL, one group commit on SQLite) share
/// out jobs as the same claims one after another would: the quiet tenant's job, and each of
/// the busy tenant's users' oldest, before anyone's second.
async fn claims_made_together_go_round_tenants_and_users(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nactive_per_user = 100").await;
    crate::accounts::set_tenant(&app, "pixelforge", |s| s.signup_limit_per_ip = 10).await;
    let (_, ada) = sign_up(&app, "ada@example.com").await;
    let (_, bo) = sign_up(&app, "bo@example.com").await;
    let mut quiet = Browser::new(&app, "nocturne.test");
    quiet.register("quiet@example.com", PASSWORD).await;
    let quiet = user_by_email(&app, "nocturne", "quiet@example.com").await;
    // Ada's jobs are all older than Bo's, and the quiet tenant's is the newest of all.
    let mut adas = Vec::new();
    for n in 0..6 {
        adas.push(queue(&app, &ada, &format!("ada {n}"), rules(100)).await);
    }
    let mut bos = Vec::new();
    for n in 0..6 {
        bos.push(queue(&app, &bo, &format!("bo {n}"), rules(100)).await);
    }
    let lone = queue(&app, &quiet, "quiet 0", rules(100)).await;
    let now = app.clock.now();
    let claims: Vec<_> = (0..4)
        .map(|n| {
            let store = app.state.store.clone();
            tokio::spawn(async move {
                store
                    .claim_next_job(&format!("w{n}"), None, 60_000, now)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"))
                    .unwrap_or_else(|| panic!("claim {n} found nothing"))
                    .job
                    .id
            })
        })
        .collect();
    let mut claimed = Vec::new();
    for c in claims {
        claimed.push(c.await.unwrap_or_else(|e| panic!("{e}")));
    }
    let distinct: std::collections::HashSet<_> = claimed.iter().collect();
    assert_eq!(distinct.len(), 4, "a job went to two claims: {claimed:?}");
    for (what, id) in [
        ("the quiet tenant's job", lone),
        ("Ada's oldest", adas[0]),
        ("Bo's oldest", bos[0]),
    ] {
        assert!(claimed.contains(&id), "{what} was passed over: {claimed:?}");
    }
    assert!(
        claimed.contains(&adas[1]) || claimed.contains(&bos[1]),
        "the fourth went past both users' second jobs: {claimed:?}"
    );
    for user in [&ada, &bo, &quiet] {
        assert_invariants(&app, user).await;
    }
}

async fn one_busy_tenant_cannot_starve_another(db: Db) {
    let app = TestApp::start(db).await;
    let store = &app.state.store;
    let now = app.clock.now();
    let tenant = |slug: &str| {
        let slug = atelier_domain::Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
        async move {
            store
                .find_tenant_by_slug(&slug)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .unwrap_or_else(|| panic!("no tenant"))
                .id
        }
    };
    let (busy, quiet) = (tenant("pixelforge").await, tenant("nocturne").await);
    let heavy = store
        .create_user(&new_user(busy, "bulk@example.com", 600), now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let light = store
        .create_user(&new_user(quiet, "one@example.com", 5), now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    for n in 0..500 {
        queue(&app, &heavy, &format!("bulk {n}"), rules(1000)).await;
    }
    let lone = queue(&app, &light, "bulk 0", rules(1000)).await;
    let mut order = Vec::new();
    for _ in 0..3 {
        app.clock.advance_millis(1);
        order.push(claim(&app).await.job.id);
    }
    let position = order.iter().position(|id| *id == lone);
    assert!(
        position.is_some_and(|p| p <= 1),
        "the lone job waited behind the bulk: {position:?}"
    );
    // A suspended tenant's jobs are not claimed at all.
    app.state
        .tenants
        .set_status(busy, atelier_domain::TenantStatus::Suspended)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let next = store
        .claim_next_job("w", None, 60_000, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(next.is_none(), "a suspended tenant's job was claimed");
}

/// Users who signed up and never generated stand first in line (never served), yet claims
/// go round the users with queued work, each user's oldest job first, in the same order
/// every time round.
async fn users_take_turns_however_many_are_idle(db: Db) {
    let app = TestApp::start(db).await;
    let store = &app.state.store;
    let slug = atelier_domain::Slug::parse("pixelforge").unwrap_or_else(|e| panic!("{e}"));
    let tenant = store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant"))
        .id;
    let mut active = Vec::new();
    for n in 0..43 {
        let email = format!("user{n}@example.com");
        let user = store
            .create_user(&new_user(tenant, &email, 10), app.clock.now())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        // Three in the middle of the sign-ups have work; the other forty stay idle.
        if n % 10 == 5 && active.len() < 3 {
            active.push(user);
        }
    }
    let mut jobs = std::collections::HashMap::new();
    for round in 0..2 {
        for user in &active {
            let id = queue(&app, user, &format!("round {round}"), rules(10)).await;
            jobs.entry(user.id).or_insert_with(Vec::new).push(id);
        }
    }
    let mut owners = Vec::new();
    for n in 0..6 {
        app.clock.advance_millis(1);
        let claimed = claim(&app).await;
        let owner = claimed.job.user_id;
        assert_eq!(
            jobs[&owner][n / 3],
            claimed.job.id,
            "claim {n} did not take the user's oldest queued job"
        );
        owners.push(owner);
    }
    let first: std::collections::HashSet<_> = owners[..3].iter().collect();
    assert_eq!(
        first.len(),
        3,
        "a user came round twice before another once: {owners:?}"
    );
    assert_eq!(
        owners[..3],
        owners[3..],
        "the second round went in another order"
    );
    for user in &active {
        assert_invariants(&app, user).await;
    }
}

async fn the_jobs_in_flight_are_the_queued_and_running_ones_oldest_first(db: Db) {
    let app = TestApp::start(db).await;
    let store = &app.state.store;
    let (_, ada) = sign_up(&app, "ada@example.com").await;
    let (_, bo) = sign_up(&app, "bo@example.com").await;
    let tenant = ada.tenant_id.unwrap_or_else(|| panic!("tenant"));
    let theirs = queue(&app, &bo, "in flight 0", rules(10)).await;
    let mut mine = Vec::new();
    for n in 1..=4 {
        mine.push(queue(&app, &ada, &format!("in flight {n}"), rules(10)).await);
    }
    let in_flight = |user: UserId| async move {
        store
            .active_jobs(user)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .map(|j| (j.id, j.status))
            .collect::<Vec<_>>()
    };
    // Two claims: one of Bo's and Ada's oldest, in the order the turns say.
    let claimed = [claim(&app).await, claim(&app).await];
    let ids: Vec<JobId> = claimed.iter().map(|c| c.job.id).collect();
    assert!(ids.contains(&theirs) && ids.contains(&mine[0]), "{ids:?}");
    // One of Ada's queued jobs is canceled, so it is no longer in flight.
    store
        .cancel_job(tenant, ada.id, mine[2], app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        in_flight(ada.id).await,
        vec![
            (mine[0], JobStatus::Running),
            (mine[1], JobStatus::Queued),
            (mine[3], JobStatus::Queued),
        ],
        "running and queued, oldest first, without the canceled one or anyone else's"
    );
    assert_eq!(in_flight(bo.id).await, vec![(theirs, JobStatus::Running)]);
    // Once the running one succeeds, only the queued ones remain.
    let ada_job = claimed
        .iter()
        .find(|c| c.job.id == mine[0])
        .unwrap_or_else(|| panic!("claimed"));
    let done = store
        .complete_job(
            ada_job.job.id,
            &ada_job.lease_token,
            image(1),
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(done, atelier_store::Completion::Succeeded);
    assert_eq!(
        in_flight(ada.id).await,
        vec![(mine[1], JobStatus::Queued), (mine[3], JobStatus::Queued)]
    );
}

async fn canceled_jobs_cost_nothing(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("undo@example.com", PASSWORD).await;
    // Queued: canceled at once.
    let queued = job_id_of(&submit(&mut browser, "never mind", 64, 64).await);
    let done = browser
        .submit("/account", &format!("/jobs/{queued}/cancel"), &[])
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(job_json(&mut browser, &queued).await["status"], "canceled");
    // Running: the worker is told at its next heartbeat, and stops.
    let running = job_id_of(&submit(&mut browser, "stop halfway", 64, 64).await);
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

async fn live_status_streams_until_the_job_ends(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("watch@example.com", PASSWORD).await;
    let id = job_id_of(&submit(&mut browser, "a kite", 64, 64).await);
    let mut response = app
        .client
        .get(app.url(&format!("/jobs/{id}/events")))
        .header("host", "pixelforge.test")
        .header("cookie", browser.cookie.clone().unwrap_or_default())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap_or("")
        .starts_with("text/event-stream"));
    // Each read is bounded: a stream that stops sending fails here, naming what it did not
    // say, instead of holding the test until the suite's cap.
    let chunk_within = std::time::Duration::from_secs(20);
    let mut seen = String::new();
    while !seen.contains("\"queued\"") {
        let chunk = crate::common::within(
            chunk_within,
            format!("waiting for the live status to say the job is queued; it said {seen:?}"),
            response.chunk(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("stream ended early"));
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(seen.contains("event: job"), "{seen}");
    let worker = app.worker(demo());
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    // The stream reports success and then ends by itself.
    while let Some(chunk) = crate::common::within(
        chunk_within,
        format!(
            "waiting for the live status to report the end of the job and close; it said {seen:?}"
        ),
        response.chunk(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    {
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(seen.contains("\"succeeded\""), "{seen}");
    assert!(seen.contains("\"image_url\":\"/images/"), "{seen}");
}

async fn the_generate_page_keeps_values_and_explains_mistakes(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "nocturne.test");
    browser.register("form@example.com", PASSWORD).await;
    let page = browser.get("/generate").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-template=\"default/generate\"");
    page.assert_contains("name=\"prompt\"");
    page.assert_contains("Abstract studio");
    page.assert_contains("badge-demo");
    // One model on offer: no menu to choose from.
    page.assert_lacks("<select");
    page.assert_contains("max=\"1536\"");
    let refused = browser
        .submit(
            "/generate",
            "/generate",
            &[
                ("prompt", "a neon koi pond"),
                ("model", "demo-abstract"),
                ("width", "500"),
                ("height", "4096"),
                ("seed", "-4"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("a neon koi pond");
    refused.assert_contains("Use a multiple of 8, such as 496 or 504.");
    refused.assert_contains("Choose between 64 and 1536 pixels.");
    refused.assert_contains("Use a whole number from 0 upwards");
    let empty = browser
        .submit(
            "/generate",
            "/generate",
            &[
                ("prompt", "  "),
                ("model", "demo-abstract"),
                ("width", "64"),
                ("height", "64"),
            ],
        )
        .await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("Describe the image you want.");
    let user = user_by_email(&app, "nocturne", "form@example.com").await;
    assert_eq!(
        (user.balance.get(), user.held.get()),
        (10, 0),
        "nothing was held for refused forms"
    );
}

async fn without_javascript_a_reload_shows_the_state_and_history_lists_everything(db: Db) {
    let app = TestApp::start(db).await;
    let worker = app.worker(demo());
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("nojs@example.com", PASSWORD).await;
    let done = submit(&mut browser, "a paper crane", 64, 64).await;
    let id = job_id_of(&done);
    let waiting = browser.get(&format!("/generate?job={id}")).await;
    assert_eq!(waiting.status, 200);
    waiting.assert_contains(&format!("data-job-id=\"{id}\""));
    waiting.assert_contains("Waiting in the queue");
    waiting.assert_contains(&format!("/jobs/{id}/cancel"));
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    let ready = browser.get(&format!("/generate?job={id}")).await;
    ready.assert_contains("Download image");
    ready.assert_contains("?download=1");
    ready.assert_lacks(&format!("/jobs/{id}/cancel"));

    let failing = app.worker(Arc::new(Broken(Arc::new(AtomicU32::new(0)))));
    let failed = job_id_of(&submit(&mut browser, "a doomed render", 64, 64).await);
    for _ in 0..3 {
        failing.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    }
    let history = browser.get("/history").await;
    assert_eq!(history.status, 200);
    history.assert_contains("data-template=\"default/history\"");
    history.assert_contains("a paper crane");
    history.assert_contains("a doomed render");
    history.assert_contains("ComfyUI ran out of GPU memory");
    history.assert_contains("Nothing was charged");
    history.assert_contains(&format!("data-job-id=\"{failed}\""));
    history.assert_contains("/thumb");
}

#[tokio::test]
async fn long_histories_are_paginated() {
    let app = TestApp::start(Db::Sqlite).await;
    crate::accounts::set_tenant(&app, "pixelforge", |s| s.signup_bonus = 100).await;
    let (mut browser, user) = sign_up(&app, "many@example.com").await;
    for n in 0..30 {
        queue(&app, &user, &format!("page test {n}"), rules(100)).await;
    }
    let first = browser.get("/history").await;
    first.assert_contains("Page 1 of 2");
    first.assert_contains("href=\"/history?page=2\" rel=\"next\"");
    first.assert_contains("page test 29");
    first.assert_lacks("page test 5<");
    let second = browser.get("/history?page=2").await;
    second.assert_contains("Page 2 of 2");
    second.assert_contains("href=\"/history?page=1\" rel=\"prev\"");
    second.assert_contains("page test 0");
    // Past the end: the last page, not an empty one.
    browser
        .get("/history?page=9")
        .await
        .assert_contains("Page 2 of 2");
}
