//! Claiming: fair across tenants and users, by model, one job to one worker, and the next job
//! claimed in the same transaction as a report.

use super::*;

on_both_databases!(
    a_worker_claims_only_the_models_it_serves,
    a_busy_worker_reports_and_claims_in_one_trip,
    claims_made_together_go_round_tenants_and_users,
    one_busy_tenant_cannot_starve_another,
    users_take_turns_however_many_are_idle,
    the_jobs_in_flight_are_the_queued_and_running_ones_oldest_first,
    the_store_closes_after_the_queue_has_run,
);

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
        pool: None,
    };
    let (done, then) = store
        .complete_and_claim(first, &claimed.lease_token, image(1), now, Some(next))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(done, atelier_store::Completion::Succeeded);
    assert_eq!(then.map(|c| c.job.id), Some(second));
    assert_invariants(&app, &user).await;
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
                pool: None,
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

/// Claims that arrive together take turns (SQLite's one writer, PostgreSQL's advisory lock), so
/// they share out jobs as the same claims one after another would: the quiet tenant's job,
/// and each of the busy tenant's users' oldest, before anyone's second.
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
    crate::common::tenants::set_status(&app, busy, atelier_domain::TenantStatus::Suspended).await;
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

/// An orderly shutdown closes the store after the queue has run: no connection is left out of
/// the pool for closing to wait on.
async fn the_store_closes_after_the_queue_has_run(db: Db) {
    let app = TestApp::start(db).await;
    let (_, user) = sign_up(&app, "closing@example.com").await;
    queue(&app, &user, "before closing", rules(4)).await;
    claim(&app).await;
    let closed =
        tokio::time::timeout(std::time::Duration::from_secs(10), app.state.store.close()).await;
    assert!(closed.is_ok(), "closing the store took over 10 s");
}
