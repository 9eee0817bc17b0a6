//! `/platform/settings`: the size cap, the deadline and the retries, changed by a super-admin
//! and in force at once: every site's pages and forms follow, a job queued afterwards keeps
//! the rules of its queuing, and a job queued before keeps its own.

use atelier_domain::{Job, JobId, JobStatus};

use super::signed_in_root;
use crate::accounts::{make_tenant_admin, user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_platforms_rules_change_from_the_console_and_apply_at_once,
    a_deadline_the_file_set_in_seconds_survives_a_save_that_leaves_it_alone
);

async fn job(app: &TestApp, email: &str, id: &str) -> Job {
    let user = user_by_email(app, "pixelforge", email).await;
    let id = JobId(id.parse().unwrap_or_else(|e| panic!("{id}: {e}")));
    app.state
        .store
        .find_job(
            user.tenant_id.unwrap_or_else(|| panic!("no tenant")),
            None,
            id,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no job {id}"))
}

async fn save<'a>(
    root: &mut Browser<'a>,
    cap: &str,
    deadline: &str,
    retries: &str,
) -> crate::common::Page {
    root.submit(
        "/platform/settings",
        "/platform/settings",
        &[
            ("size_cap", cap),
            ("deadline_minutes", deadline),
            ("retries", retries),
        ],
    )
    .await
}

async fn the_platforms_rules_change_from_the_console_and_apply_at_once(db: Db) {
    let app = TestApp::start_with(
        db,
        "[jobs]\ndeadline_secs = 300\nmax_attempts = 3\nembedded_workers = 0\n",
    )
    .await;
    let mut root = signed_in_root(&app, "root@example.com").await;
    let page = root.get("/platform/settings").await;
    assert_eq!(page.status, 200);
    page.assert_contains("come from the server’s settings file");
    page.assert_contains("value=\"4096\"");
    page.assert_contains("value=\"5\"");
    page.assert_contains("value=\"2\"");

    // Bad values: each refused beside its field, and nothing saved.
    let bad = save(&mut root, "2050", "0", "12").await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("Largest image side (pixels) must be a multiple of 8 between 64 and 4096.");
    bad.assert_contains(
        "Time to finish an image (minutes) must be a whole number of minutes from 1 to 1,440.",
    );
    bad.assert_contains("Retries must be a whole number between 0 and 9.");
    bad.assert_contains("value=\"2050\"");
    assert!(app
        .state
        .store
        .saved_platform_rules()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .is_none());

    // A person on a site queues a job under the file's rules.
    let mut maker = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        maker.register("maker@example.com", PASSWORD).await.status,
        303
    );
    let before = maker.queue_job("a quiet harbour").await;

    let saved = save(&mut root, "512", "10", "0").await;
    assert_eq!(
        (saved.status, saved.header("location")),
        (303, "/platform/settings?done=saved")
    );
    let page = root.get("/platform/settings?done=saved").await;
    page.assert_contains("Images queued from now on follow these rules");
    page.assert_contains("Saved in this console");
    page.assert_contains("value=\"512\"");
    let entries = app
        .state
        .store
        .audit_page(None, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let entry = entries
        .iter()
        .find(|e| e.action == "platform.settings")
        .unwrap_or_else(|| panic!("no audit row"));
    assert_eq!(entry.tenant_id, None);
    assert_eq!(entry.actor_email, "root@example.com");
    assert_eq!(entry.before, "size cap 4096; deadline 300 s; 3 attempts");
    assert_eq!(entry.after, "size cap 512; deadline 600 s; 1 attempts");
    root.get("/platform/audit")
        .await
        .assert_contains("Changed the platform’s rules");

    // A job queued now keeps the new deadline and no retry; the earlier one keeps its own.
    let after = maker.queue_job("a red kite").await;
    let (old, new) = (
        job(&app, "maker@example.com", &before).await,
        job(&app, "maker@example.com", &after).await,
    );
    assert_eq!(
        (
            old.max_attempts,
            old.deadline_at.millis() - old.created_at.millis()
        ),
        (3, 300_000)
    );
    assert_eq!(
        (
            new.max_attempts,
            new.deadline_at.millis() - new.created_at.millis()
        ),
        (1, 600_000)
    );
    let faq = maker.get("/faq").await;
    faq.assert_contains("within 10 minutes");
    // No retry now: the pages say so, and the landing page's "Automatic retries" goes.
    faq.assert_contains("A failed render is not tried again");
    faq.assert_lacks("retry the job up to 0");
    let landing = Browser::new(&app, "pixelforge.test").get("/").await;
    landing.assert_contains("Live progress");
    landing.assert_lacks("Automatic retries");
    landing.assert_lacks("We retry automatically");
    // Past the first job's deadline only: it fails, saying its own five minutes.
    app.clock.advance_millis(300_001);
    assert_eq!(app.reap().await.failed, 1);
    let old = job(&app, "maker@example.com", &before).await;
    assert_eq!(old.status, JobStatus::Failed);
    let reason = maker.job_json(&before).await["error"].to_string();
    assert!(reason.contains("within 5 minutes"), "{reason}");
    assert_eq!(
        job(&app, "maker@example.com", &after).await.status,
        JobStatus::Queued
    );

    // The cap holds the site (1024 of its own) to 512: the form, and its admin's limits.
    let big = maker.generate("a wide field", 1024, 512).await;
    assert_eq!(big.status, 422, "{}", big.body);
    big.assert_contains("Choose between 64 and 512 pixels.");
    let mut boss = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        boss.register("boss@example.com", PASSWORD).await.status,
        303
    );
    make_tenant_admin(&app, "pixelforge", "boss@example.com").await;
    let limits = boss.get("/admin/limits").await;
    limits.assert_contains("at most 512.");
    let over = boss
        .submit(
            "/admin/limits",
            "/admin/limits",
            &[
                ("max_image_side", "1024"),
                ("signup_bonus", "10"),
                ("active_jobs_per_user", "0"),
                ("models", "demo-abstract"),
            ],
        )
        .await;
    assert_eq!(over.status, 422, "{}", over.body);
    over.assert_contains("can be at most 512, the platform’s largest image side");

    // Raised again, the site's own 1024 is back: its stored maximum was never rewritten.
    assert_eq!(save(&mut root, "4096", "10", "0").await.status, 303);
    let wide = maker.generate("a wide field", 1024, 512).await;
    assert_eq!(wide.status, 303, "{}", wide.body);

    // A tenant's own page of the console is no place for these rules.
    assert_eq!(boss.get("/platform/settings").await.status, 404);
}

async fn a_deadline_the_file_set_in_seconds_survives_a_save_that_leaves_it_alone(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\ndeadline_secs = 90\n").await;
    let mut root = signed_in_root(&app, "root@example.com").await;
    // Shown rounded up to whole minutes...
    root.get("/platform/settings")
        .await
        .assert_contains("value=\"2\"");
    // ...and saved with only the size cap changed, it stays 90 seconds, not 120.
    assert_eq!(save(&mut root, "2048", "2", "2").await.status, 303);
    let saved = app
        .state
        .store
        .saved_platform_rules()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nothing saved"));
    assert_eq!((saved.size_cap, saved.deadline_secs), (2048, 90));
    // Changed on purpose, it takes the minutes given.
    assert_eq!(save(&mut root, "2048", "3", "2").await.status, 303);
    assert_eq!(app.state.tenants.rules().deadline_secs, 180);
}
