//! `/platform/usage`: each tenant's people, images of the last 30 days and sales (30 days
//! and all time), counted from that tenant's own rows only, with the platform's totals.

use std::sync::Arc;

use atelier_domain::Clock;
use atelier_store::Decision;
use atelier_worker::DemoBackend;

use crate::accounts::{make_tenant_admin, user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, Page};
use crate::on_both_databases;
use crate::payments::{make_request, record_decision, sell_pack, start};

on_both_databases!(the_platform_sees_each_tenants_usage_and_revenue);

const DAY_MS: i64 = 86_400_000;

/// The table row of `slug` on the usage page.
fn row_of(page: &Page, slug: &str) -> String {
    let text = page.text();
    let (_, rest) = text
        .split_once(&format!("data-tenant=\"{slug}\""))
        .unwrap_or_else(|| panic!("no row for {slug}:\n{text}"));
    rest.split("</tr>").next().unwrap_or_default().to_owned()
}

fn assert_has(row: &str, needles: &[&str]) {
    for needle in needles {
        assert!(row.contains(needle), "expected {needle:?} in {row}");
    }
}

async fn the_platform_sees_each_tenants_usage_and_revenue(db: Db) {
    let app = start(db, "").await;
    let mut people = Vec::new();
    for (host, email) in [
        ("pixelforge.test", "boss@pixelforge.example"),
        ("pixelforge.test", "asha@pixelforge.example"),
        ("pixelforge.test", "ravi@pixelforge.example"),
        ("nocturne.test", "night@nocturne.example"),
    ] {
        let mut browser = Browser::new(&app, host);
        assert_eq!(browser.register(email, PASSWORD).await.status, 303);
        people.push(browser);
    }
    let boss = make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;
    let night_admin = make_tenant_admin(&app, "nocturne", "night@nocturne.example").await;

    // Images: three made for real, then a failure and an image of 40 days ago.
    people[1].queue_job("a quiet harbour").await;
    people[1].queue_job("a red kite").await;
    people[3].queue_job("a moonlit lane").await;
    let worker = app.worker(Arc::new(DemoBackend::default()));
    for _ in 0..3 {
        assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    }
    people[2].queue_job("a paper lantern").await;
    people[2].queue_job("a brass compass").await;
    app.execute_sql("update jobs set status = 'failed' where prompt = 'a paper lantern'")
        .await;
    app.execute_sql(&format!(
        "update jobs set status = 'succeeded', created_at = created_at - {} \
         where prompt = 'a brass compass'",
        40 * DAY_MS
    ))
    .await;

    // Sales: approved now and 40 days ago count; waiting and rejected ones do not.
    let big = sell_pack(&app, "pixelforge", 5_000, 7_499_950).await;
    let small = sell_pack(&app, "nocturne", 60, 17_900).await;
    let asha = user_by_email(&app, "pixelforge", "asha@pixelforge.example").await;
    let ravi = user_by_email(&app, "pixelforge", "ravi@pixelforge.example").await;
    let night = user_by_email(&app, "nocturne", "night@nocturne.example").await;
    let (now, _) = make_request(&app, &asha, big, "400000000001").await;
    let (then, _) = make_request(&app, &ravi, big, "400000000002").await;
    make_request(&app, &asha, big, "400000000003").await;
    let (rejected, _) = make_request(&app, &ravi, big, "400000000004").await;
    let (theirs, _) = make_request(&app, &night, small, "500000000001").await;
    record_decision(&app, "pixelforge", now, Decision::Approve, &boss).await;
    record_decision(&app, "pixelforge", then, Decision::Approve, &boss).await;
    let reason = "No such credit in our statement.".to_owned();
    record_decision(
        &app,
        "pixelforge",
        rejected,
        Decision::Reject { reason },
        &boss,
    )
    .await;
    record_decision(&app, "nocturne", theirs, Decision::Approve, &night_admin).await;
    app.execute_sql(&format!(
        "update payment_requests set created_at = created_at - {} where utr = '400000000002'",
        40 * DAY_MS
    ))
    .await;

    crate::access::create_super_admin(&app, "root@example.com").await;
    let mut root = Browser::new(&app, "platform.localhost");
    assert_eq!(root.login("root@example.com", PASSWORD).await.status, 303);
    let page = root.get("/platform/usage").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let pixelforge = row_of(&page, "pixelforge");
    assert_has(
        &pixelforge,
        &[
            "data-users>3<",
            ">2 made<",
            ">1 failed<",
            ">₹74,999.50<",
            ">5,000 credits<",
            ">₹1,49,999.00<",
            ">10,000 credits<",
        ],
    );
    let nocturne = row_of(&page, "nocturne");
    assert_has(
        &nocturne,
        &[
            "data-users>1<",
            ">1 made<",
            ">0 failed<",
            ">₹179.00<",
            ">60 credits<",
        ],
    );
    let total = page
        .text()
        .split_once("data-total")
        .map(|(_, rest)| rest.to_owned())
        .unwrap_or_default();
    assert_has(
        &total,
        &[
            ">3 made<",
            ">₹75,178.50<",
            ">₹1,50,178.00<",
            ">10,060 credits<",
        ],
    );

    // The figures come from grouped reads of each tenant's own rows.
    let since = atelier_domain::Timestamp(app.clock.now().millis() - 30 * DAY_MS);
    let usage = app
        .state
        .store
        .platform_usage(since)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let of = |tenant| usage.iter().find(|u| Some(u.tenant) == tenant);
    let pf = of(asha.tenant_id).unwrap_or_else(|| panic!("no pixelforge"));
    assert_eq!(
        (
            pf.succeeded,
            pf.failed,
            pf.credits_sold,
            pf.revenue_paise_all
        ),
        (2, 1, 5_000, 14_999_900)
    );

    // In Hindi, with Indian grouping kept.
    root.submit(
        "/platform/usage",
        "/language",
        &[("language", "hi"), ("next", "/platform/usage")],
    )
    .await;
    let hindi = root.get("/platform/usage").await;
    hindi.assert_contains("उपयोग और आमदनी");
    hindi.assert_contains("₹1,49,999.00");
}
