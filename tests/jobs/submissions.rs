//! Submitting: the hold and the cap on active jobs hold under concurrent submissions, and a
//! refused submission leaves nothing behind.

use super::*;

on_both_databases!(
    fifty_concurrent_submissions_with_three_credits_accept_exactly_three,
    a_submission_the_database_refuses_fails_alone,
    the_cap_on_active_jobs_holds_under_concurrent_submissions,
    a_report_and_a_submission_of_one_user_settle_together,
);

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
    crate::payments::sell_pack(&app, "pixelforge", 50, 14_900).await;
    let page = browser.generate("one more", 64, 64).await;
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

/// Submissions arriving together each run in a transaction of their own: one that breaks a
/// rule of the schema fails by itself and leaves the others queued and held.
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
    let page = browser.generate("a fifth", 64, 64).await;
    page.assert_contains("You already have 4 images in progress");
    // Canceling one makes room for exactly one more.
    let canceled = browser
        .submit("/account", &format!("/jobs/{}/cancel", accepted[0].id), &[])
        .await;
    assert_eq!(canceled.status, 303);
    assert_eq!(browser.generate("a fifth", 64, 64).await.status, 303);
    assert_eq!(browser.generate("a sixth", 64, 64).await.status, 429);
    let fresh = user_by_email(&app, "pixelforge", "eager@example.com").await;
    assert_eq!((fresh.balance.get(), fresh.held.get()), (20, 4));
    assert_invariants(&app, &fresh).await;
}

/// A worker's report and its owner's next submission sent at the same moment both change the
/// user's row: the capture and the new hold must both land, every time.
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
