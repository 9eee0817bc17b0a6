//! The admin's list of the site's jobs: each filter alone and together, keyset pages that
//! neither skip nor repeat while jobs arrive, and an admin's cancel (the hold released, the
//! audit row written, back to the list as it was); another site's admin sees none of it.

use std::sync::Arc;

use atelier_domain::{Clock, IndiaDate, JobId, JobStatus, Timestamp};
use atelier_store::{Heartbeat, JobFilter};
use atelier_worker::DemoBackend;

use crate::accounts::PASSWORD;
use crate::accounts::{assert_ledger_invariants, make_tenant_admin, set_tenant, user_by_email};
use crate::common::browser::Browser;
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;
use crate::payments::tenant_id;

on_both_databases!(
    the_jobs_list_filters_by_state_person_model_and_day,
    the_jobs_list_pages_by_keyset_while_jobs_arrive,
    an_admin_cancels_a_job_through_the_owners_cancel_and_it_is_audited,
);

const DAY_MS: i64 = 86_400_000;

/// The site with room for many sign-ups from one address, credits and active jobs to spare.
async fn start(db: Db) -> TestApp {
    let app = TestApp::start_with(db, "[jobs]\nactive_per_user = 60\n").await;
    for slug in ["pixelforge", "nocturne"] {
        set_tenant(&app, slug, |s| {
            s.signup_limit_per_ip = 50;
            s.signup_bonus = 100;
        })
        .await;
    }
    app
}

/// Someone signed up on `host`, with their browser.
async fn member<'a>(app: &'a TestApp, host: &str, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app, host);
    let page = browser.register(email, PASSWORD).await;
    assert_eq!(page.status, 303, "{}", page.body);
    browser
}

/// The jobs a list page shows, in order.
fn listed(page: &Page) -> Vec<String> {
    page.attribute_values("data-job", None)
}

/// The list at `path`, which must answer 200.
async fn list(browser: &mut Browser<'_>, path: &str) -> Vec<String> {
    let page = browser.get(path).await;
    assert_eq!(
        page.status,
        200,
        "{path}: {}",
        &page.body[..page.body.len().min(3000)]
    );
    listed(&page)
}

async fn the_jobs_list_filters_by_state_person_model_and_day(db: Db) {
    let app = start(db).await;
    let mut boss = member(&app, "pixelforge.test", "boss@pixelforge.example").await;
    make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;
    let mut asha = member(&app, "pixelforge.test", "asha@pixelforge.example").await;
    let mut ravi = member(&app, "pixelforge.test", "ravi@pixelforge.example").await;

    // One image made for real, so its row has a worker, a render time and a thumbnail.
    let harbour = asha.queue_job("a quiet harbour").await;
    let worker = app.worker(Arc::new(DemoBackend::default()));
    assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    app.clock.advance_millis(1);
    let kite = asha.queue_job("a red kite").await;
    app.clock.advance_millis(1);
    let lantern = asha.queue_job("a paper lantern").await;
    app.clock.advance_millis(1);
    let lane = ravi.queue_job("a moonlit lane").await;
    app.clock.advance_millis(1);
    let compass = ravi.queue_job("a brass compass").await;
    // The other states, and a model since taken out of the catalogue, written as if so.
    app.execute_sql(
        "update jobs set status = 'failed', attempts = 3, \
         error = 'the GPU ran out of memory', started_at = created_at, \
         finished_at = created_at + 2500 where prompt = 'a red kite'",
    )
    .await;
    app.execute_sql("update jobs set model = 'sdxl-retired' where prompt = 'a moonlit lane'")
        .await;
    app.execute_sql(&format!(
        "update jobs set status = 'canceled', created_at = created_at - {} \
         where prompt = 'a brass compass'",
        10 * DAY_MS
    ))
    .await;

    let all = list(&mut boss, "/admin/jobs").await;
    assert_eq!(
        all,
        [
            lane.as_str(),
            lantern.as_str(),
            kite.as_str(),
            harbour.as_str(),
            compass.as_str()
        ]
    );
    let page = boss.get("/admin/jobs").await;
    let asha_id = user_by_email(&app, "pixelforge", "asha@pixelforge.example")
        .await
        .id;
    page.assert_contains(&format!(
        "href=\"/admin/users/{asha_id}\">asha@pixelforge.example"
    ));
    page.assert_contains("Abstract studio");
    page.assert_contains("sdxl-retired");
    page.assert_contains("64 × 64");
    page.assert_contains("the GPU ran out of memory");
    page.assert_contains("Attempt 3 of 3");
    page.assert_contains("Rendered in 2.5 s");
    page.assert_contains("Not picked up yet");
    let image = app
        .state
        .store
        .find_job(tenant_id(&app, "pixelforge").await, None, job_id(&harbour))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .and_then(|job| job.image_id)
        .unwrap_or_else(|| panic!("the harbour has no image"));
    page.assert_contains(&format!(
        "href=\"/images/{image}\"><img src=\"/images/{image}/thumb\""
    ));
    // Cancel only where something can still be stopped.
    assert_eq!(
        page.attribute_values("action", Some("<table"))
            .iter()
            .filter(|a| a.ends_with("/cancel"))
            .count(),
        2
    );

    // Each filter alone.
    assert_eq!(
        list(&mut boss, "/admin/jobs?state=failed").await,
        [kite.as_str()]
    );
    assert_eq!(
        list(&mut boss, "/admin/jobs?state=queued").await,
        [lane.as_str(), lantern.as_str()]
    );
    assert_eq!(
        list(&mut boss, "/admin/jobs?state=succeeded").await,
        [harbour.as_str()]
    );
    assert_eq!(
        list(&mut boss, "/admin/jobs?state=canceled").await,
        [compass.as_str()]
    );
    assert!(list(&mut boss, "/admin/jobs?state=running")
        .await
        .is_empty());
    assert_eq!(
        list(&mut boss, "/admin/jobs?user=ravi%40pixelforge.example").await,
        [lane.as_str(), compass.as_str()]
    );
    // An address is read as an address: case and spaces do not matter.
    assert_eq!(
        list(&mut boss, "/admin/jobs?user=+RAVI%40pixelforge.example+").await,
        [lane.as_str(), compass.as_str()]
    );
    assert_eq!(
        list(&mut boss, "/admin/jobs?model=sdxl-retired").await,
        [lane.as_str()]
    );
    assert_eq!(
        list(&mut boss, "/admin/jobs?model=demo-abstract").await,
        [
            lantern.as_str(),
            kite.as_str(),
            harbour.as_str(),
            compass.as_str()
        ]
    );
    let today = IndiaDate::of(app.clock.now());
    let then = IndiaDate::of(Timestamp(app.clock.now().millis() - 10 * DAY_MS));
    let day = |d: IndiaDate| d.to_string();
    assert_eq!(
        list(
            &mut boss,
            &format!("/admin/jobs?from={}&to={}", day(then), day(then))
        )
        .await,
        [compass.as_str()]
    );
    assert_eq!(
        list(&mut boss, &format!("/admin/jobs?from={}", day(today))).await,
        [
            lane.as_str(),
            lantern.as_str(),
            kite.as_str(),
            harbour.as_str()
        ]
    );
    assert_eq!(
        list(&mut boss, &format!("/admin/jobs?to={}", day(then))).await,
        [compass.as_str()]
    );

    // Together.
    assert_eq!(
        list(
            &mut boss,
            "/admin/jobs?state=queued&user=asha%40pixelforge.example"
        )
        .await,
        [lantern.as_str()]
    );
    assert_eq!(
        list(
            &mut boss,
            &format!(
                "/admin/jobs?user=ravi%40pixelforge.example&from={}",
                day(today)
            )
        )
        .await,
        [lane.as_str()]
    );
    assert_eq!(
        list(
            &mut boss,
            &format!(
                "/admin/jobs?state=canceled&model=demo-abstract&user=ravi%40pixelforge.example&from={}&to={}",
                day(then),
                day(today)
            )
        )
        .await,
        [compass.as_str()]
    );
    let none = boss
        .get("/admin/jobs?state=failed&user=ravi%40pixelforge.example")
        .await;
    assert_eq!(none.status, 200);
    none.assert_contains("No jobs match");

    // What does not read is said beside its field, and nothing is listed.
    for (path, message) in [
        (
            "/admin/jobs?state=maybe",
            "Choose one of the states in the list.",
        ),
        (
            "/admin/jobs?user=nobody%40pixelforge.example",
            "No account on this site uses nobody@pixelforge.example.",
        ),
        ("/admin/jobs?user=not-an-address", "filter-user-error"),
        ("/admin/jobs?from=27%2F11%2F2026", "filter-from-error"),
        (
            "/admin/jobs?from=2026-11-28&to=2026-11-27",
            "filter-to-error",
        ),
    ] {
        let page = boss.get(path).await;
        assert_eq!(page.status, 422, "{path}");
        page.assert_contains(message);
        assert!(listed(&page).is_empty(), "{path}");
    }
    assert_eq!(boss.get("/admin/jobs?after=yesterday").await.status, 400);

    // In Hindi, with the model's name in Hindi where the catalogue has one.
    boss.submit(
        "/admin/jobs",
        "/language",
        &[("language", "hi"), ("next", "/admin/jobs")],
    )
    .await;
    let hindi = boss.get("/admin/jobs").await;
    assert_eq!(hindi.status, 200);
    hindi.assert_contains("सफल");
    hindi.assert_lacks("Succeeded");
}

fn job_id(raw: &str) -> JobId {
    JobId(uuid::Uuid::try_parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}")))
}

/// The next page's link on a list page, read back from its escapes.
fn older_link(page: &Page) -> Option<String> {
    page.text()
        .replace("&amp;", "&")
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.contains("after="))
        .map(str::to_owned)
}

async fn the_jobs_list_pages_by_keyset_while_jobs_arrive(db: Db) {
    let app = start(db).await;
    let mut boss = member(&app, "pixelforge.test", "boss@pixelforge.example").await;
    make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;
    let mut asha = member(&app, "pixelforge.test", "asha@pixelforge.example").await;
    for i in 0..30 {
        // Several jobs share a millisecond: the cursor's id settles their order.
        if i % 3 == 0 {
            app.clock.advance_millis(1);
        }
        asha.queue_job(&format!("a lantern, number {i}")).await;
    }
    let tenant = tenant_id(&app, "pixelforge").await;
    let everything: Vec<String> = app
        .state
        .store
        .admin_jobs(tenant, &JobFilter::default(), None, 1_000)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|j| j.job.id.to_string())
        .collect();
    assert_eq!(everything.len(), 30);

    let first = boss.get("/admin/jobs?user=asha%40pixelforge.example").await;
    assert_eq!(first.status, 200);
    let mut seen = listed(&first);
    assert_eq!(seen.len(), 25);
    let older = older_link(&first).unwrap_or_else(|| panic!("no link to older jobs"));
    // The page's link keeps the filter.
    assert!(older.contains("user=asha%40pixelforge.example"), "{older}");

    // Jobs asked for while the admin reads: the next page is unmoved by them.
    app.clock.advance_millis(1);
    let mut fresh = Vec::new();
    for i in 0..3 {
        fresh.push(asha.queue_job(&format!("a late kite, number {i}")).await);
    }
    let second = boss.get(&older).await;
    assert_eq!(second.status, 200);
    seen.extend(listed(&second));
    assert_eq!(seen, everything, "every job once, newest first");
    assert_eq!(older_link(&second), None);
    second.assert_contains("Newest jobs");

    // The first page again: the newcomers on top.
    let again = list(&mut boss, "/admin/jobs").await;
    fresh.reverse();
    assert_eq!(again[..3], fresh[..]);
    assert_eq!(again[3..], everything[..22]);
}

async fn an_admin_cancels_a_job_through_the_owners_cancel_and_it_is_audited(db: Db) {
    let app = start(db).await;
    let mut boss = member(&app, "pixelforge.test", "boss@pixelforge.example").await;
    make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;
    let mut asha = member(&app, "pixelforge.test", "asha@pixelforge.example").await;
    let running = asha.queue_job("a quiet harbour").await;
    let store = &app.state.store;
    let demo = vec!["demo-abstract".to_owned()];
    let claimed = store
        .claim_next_job("gpu-1", Some(&demo), 60_000, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nothing to claim"));
    assert_eq!(claimed.job.id.to_string(), running);
    app.clock.advance_millis(1);
    let queued = asha.queue_job("a red kite").await;
    let asha_user = user_by_email(&app, "pixelforge", "asha@pixelforge.example").await;
    let tenant = tenant_id(&app, "pixelforge").await;
    let held = |app: &TestApp| {
        let store = app.state.store.clone();
        let user = asha_user.id;
        async move {
            store
                .active_totals(user)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
        }
    };
    assert_eq!(held(&app).await.held, 2);

    // Another site's admin finds none of these jobs, and cannot cancel one.
    let mut night = member(&app, "nocturne.test", "night@nocturne.example").await;
    make_tenant_admin(&app, "nocturne", "night@nocturne.example").await;
    night.queue_job("a moonlit lane").await;
    let theirs = night.get("/admin/jobs").await;
    assert_eq!(listed(&theirs).len(), 1);
    theirs.assert_lacks(&queued);
    theirs.assert_lacks("asha@pixelforge.example");
    let nobody = night
        .get("/admin/jobs?user=asha%40pixelforge.example")
        .await;
    assert_eq!(nobody.status, 422);
    let refused = night
        .submit("/admin/jobs", &format!("/admin/jobs/{queued}/cancel"), &[])
        .await;
    assert_eq!(refused.status, 404);
    let job = |id: &str| {
        let store = app.state.store.clone();
        let id = job_id(id);
        async move {
            store
                .find_job(tenant, None, id)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .unwrap_or_else(|| panic!("job gone"))
        }
    };
    assert_eq!(job(&queued).await.status, JobStatus::Queued);

    // The queued one ends at once, its hold released; back to the list as it was.
    let done = boss
        .submit(
            "/admin/jobs?state=queued",
            &format!("/admin/jobs/{queued}/cancel"),
            &[("state", "queued"), ("user", "asha@pixelforge.example")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let back = done.header("location").to_owned();
    assert_eq!(
        back,
        "/admin/jobs?state=queued&user=asha%40pixelforge.example&done=canceled"
    );
    let page = boss.get(&back).await;
    page.assert_contains("The job was canceled and its credits were released.");
    assert!(listed(&page).is_empty());
    assert_eq!(job(&queued).await.status, JobStatus::Canceled);
    let totals = held(&app).await;
    assert_eq!((totals.held, totals.held_by_jobs), (1, 1));
    assert_ledger_invariants(&app, &asha_user).await;

    // The running one is told to stop at its next heartbeat, then releases its hold.
    let stopping = boss
        .submit("/admin/jobs", &format!("/admin/jobs/{running}/cancel"), &[])
        .await;
    assert_eq!(stopping.header("location"), "/admin/jobs?done=stopping");
    let listed_now = boss.get("/admin/jobs").await;
    listed_now.assert_contains("Stopping");
    let beat = store
        .heartbeat_job(
            claimed.job.id,
            &claimed.lease_token,
            500,
            60_000,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(beat, Heartbeat::Cancel);

    // A job already over stays as it ended, and the log has nothing more to say.
    let over = boss
        .submit("/admin/jobs", &format!("/admin/jobs/{queued}/cancel"), &[])
        .await;
    assert_eq!(over.header("location"), "/admin/jobs?done=over");

    let audit = store
        .audit_page(Some(tenant), None, 50)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let cancels: Vec<_> = audit.iter().filter(|r| r.action == "job.cancel").collect();
    assert_eq!(cancels.len(), 2, "{audit:?}");
    assert_eq!(cancels[1].subject, queued);
    assert_eq!(
        (cancels[1].before.as_str(), cancels[1].after.as_str()),
        ("queued", "canceled")
    );
    assert_eq!(cancels[1].actor_email, "boss@pixelforge.example");
    assert_eq!(cancels[0].subject, running);
    assert_eq!(cancels[0].before, "running");
    let log = boss.get("/admin/audit").await;
    log.assert_contains("A job canceled by an admin");
}
