//! The dashboard counts the site's own people and images, day by day in India's calendar,
//! and draws the last 30 days without a script.

use std::sync::Arc;

use atelier_domain::Clock;
use atelier_worker::DemoBackend;

use crate::accounts::{make_tenant_admin, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_dashboard_counts_this_sites_people_and_images,
    a_render_time_reads_the_same_on_the_dashboard_and_the_jobs_list
);

async fn the_dashboard_counts_this_sites_people_and_images(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        boss.register("boss@example.com", PASSWORD).await.status,
        303
    );
    make_tenant_admin(&app, "pixelforge", "boss@example.com").await;

    let empty = boss.get("/admin").await;
    assert_eq!(empty.status, 200);
    // Nothing has ended yet: no rate is made up.
    empty.assert_contains("Success rate</dt><dd>—</dd>");

    let mut user = Browser::new(&app, "pixelforge.test");
    user.register("maker@example.com", PASSWORD).await;
    user.generate("a quiet harbour", 64, 64).await;
    user.generate("a red kite", 64, 64).await;
    let worker = app.worker(Arc::new(DemoBackend::default()));
    assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    // Another site's people and images are not this site's.
    let mut stranger = Browser::new(&app, "nocturne.test");
    stranger.register("night@example.com", PASSWORD).await;
    stranger.generate("a moonlit lane", 64, 64).await;
    // One image asked for 10 days ago, as if then.
    let ten_days = 10 * 86_400_000_i64;
    app.execute_sql(&format!(
        "update jobs set created_at = created_at - {ten_days} \
         where prompt = 'a red kite'"
    ))
    .await;

    let page = boss.get("/admin").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Users</dt><dd>2</dd>");
    page.assert_contains("Images today</dt><dd>1</dd>");
    page.assert_contains("1 in the last 7 days");
    page.assert_contains("Success rate</dt><dd>100%</dd>");
    // The red kite waits; the other site's image is not counted.
    page.assert_contains("Waiting in the queue</dt><dd>1</dd>");
    // The charts: 30 days, a bar titled with each busy day; no script on the page.
    page.assert_contains("2 in all, 1 on the busiest day");
    let today = atelier_domain::IndiaDate::of(app.clock.now()).display();
    let then = atelier_domain::IndiaDate::of(atelier_domain::Timestamp(
        app.clock.now().millis() - ten_days,
    ))
    .display();
    page.assert_contains(&format!("<title>{today}: 1</title>"));
    page.assert_contains(&format!("<title>{then}: 1</title>"));
    page.assert_lacks("<script>");

    // In Hindi too, with Indian digit grouping left to the catalogue.
    boss.submit(
        "/admin",
        "/language",
        &[("language", "hi"), ("next", "/admin")],
    )
    .await;
    let hindi = boss.get("/admin").await;
    hindi.assert_contains("डैशबोर्ड");
}

async fn a_render_time_reads_the_same_on_the_dashboard_and_the_jobs_list(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = Browser::new(&app, "pixelforge.test");
    boss.register("boss@example.com", PASSWORD).await;
    make_tenant_admin(&app, "pixelforge", "boss@example.com").await;
    let mut user = Browser::new(&app, "pixelforge.test");
    user.register("maker@example.com", PASSWORD).await;
    user.generate("a quiet harbour", 64, 64).await;
    let worker = app.worker(Arc::new(DemoBackend::default()));
    assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    // 1 999 ms: rounded, both pages say 2.0 s (the dashboard once cut it to 1.9 s).
    app.execute_sql("update jobs set finished_at = started_at + 1999 where status = 'succeeded'")
        .await;

    let dashboard = boss.get("/admin").await;
    dashboard.assert_contains("2.0 s");
    dashboard.assert_lacks("1.9 s");
    let jobs = boss.get("/admin/jobs").await;
    jobs.assert_contains("Rendered in 2.0 s");
}
