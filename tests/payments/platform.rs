//! The platform console's view of every tenant's payments: read-only, a page at a time.

use super::packs::{packs, pay, users_tenant};
use crate::accounts::{user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(the_platform_lists_every_tenants_payments_a_page_at_a_time);

async fn the_platform_lists_every_tenants_payments_a_page_at_a_time(db: Db) {
    let app = TestApp::start(db).await;
    let mut made = Vec::new();
    for (slug, digit) in [("pixelforge", '4'), ("nocturne", '5')] {
        let mut browser = Browser::new(&app, &format!("{slug}.test"));
        let email = format!("buyer@{slug}.example");
        browser.register(&email, PASSWORD).await;
        let buyer = user_by_email(&app, slug, &email).await;
        let (pack, ..) = packs(&app, users_tenant(&buyer)).await[0];
        for i in 0..30_u32 {
            // Several requests share a millisecond: the cursor's id settles their order.
            if i % 3 == 0 {
                app.clock.advance_millis(1);
            }
            pay(&app, &buyer, pack, &format!("{digit}{i:011}")).await;
            made.push(format!("{digit}{i:011}"));
        }
    }
    crate::access::create_super_admin(&app, "root@example.com").await;
    let mut root = Browser::new(&app, "platform.localhost");
    assert_eq!(root.login("root@example.com", PASSWORD).await.status, 303);

    let mut seen = Vec::new();
    let mut next = Some("/platform/payments".to_owned());
    let mut pages = 0;
    while let Some(path) = next.take() {
        pages += 1;
        assert!(pages <= 3, "the pages never end");
        let page = root.get(&path).await;
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        seen.extend(page.attribute_values("data-payment", None));
        next = page
            .text()
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .find(|href| href.contains("after="))
            .map(|href| href.replace("&amp;", "&"));
        if pages == 1 {
            page.assert_contains("pixelforge");
            page.assert_contains("nocturne");
            page.assert_contains("buyer@nocturne.example");
            page.assert_contains("₹129.00");
            page.assert_contains("Pending");
            page.assert_contains("Older");
        }
    }
    assert_eq!(pages, 2);
    // Every request exactly once, newest first.
    let all = app
        .state
        .store
        .payment_desk(
            None,
            &atelier_store::DeskFilter::default(),
            atelier_store::DeskOrder::NewestFirst,
            None,
            1_000,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.len(), 60);
    let expected: Vec<String> = all.iter().map(|r| r.id.to_string()).collect();
    assert_eq!(seen, expected);

    // One tenant, and a state with nothing in it.
    let nocturne = root.get("/platform/payments?tenant=nocturne").await;
    assert_eq!(nocturne.attribute_values("data-payment", None).len(), 30);
    nocturne.assert_lacks("buyer@pixelforge.example");
    nocturne.assert_lacks("after=");
    let approved = root.get("/platform/payments?state=approved").await;
    assert_eq!(approved.attribute_values("data-payment", None).len(), 0);
    approved.assert_contains("No payments match");
    assert_eq!(
        root.get("/platform/payments?after=yesterday").await.status,
        400
    );
    assert_eq!(
        root.get("/platform/payments?tenant=nobody").await.status,
        400
    );
}
