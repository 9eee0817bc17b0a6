//! The account page lists a user's payments a page at a time, newest first, and every
//! request (so every receipt) is reachable through its "Older payments" links.

use super::{make_request, member, sell_pack, unescape};
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(every_payment_stays_reachable_from_the_account_page);

const PIXELFORGE: &str = "pixelforge.test";

/// The payment pages `page` links to, in its order.
fn payment_links(page: &Page) -> Vec<String> {
    unescape(&page.body)
        .split("href=\"/payments/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect()
}

async fn every_payment_stays_reachable_from_the_account_page(db: Db) {
    let app = TestApp::start(db).await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (mut buyer, user) = member(&app, PIXELFORGE, "buyer@example.com").await;
    let mut made = Vec::new();
    for n in 0..25 {
        // Three requests in one millisecond straddle the end of the first page: the cursor
        // holds the id as well as the time, so none is skipped or shown twice.
        if !(4..=6).contains(&n) {
            app.clock.advance_millis(60_000);
        }
        let (id, _) = make_request(&app, &user, pack, &format!("1000000000{n:02}")).await;
        made.push(id.to_string());
    }

    let newest = buyer.get("/account").await;
    assert_eq!(newest.status, 200);
    let first = payment_links(&newest);
    assert_eq!(first.len(), 20, "a page of payments");
    let newest_first: Vec<String> = made.iter().rev().cloned().collect();
    assert_eq!(first[..17], newest_first[..17], "newest first");
    newest.assert_lacks("Newest payments");
    let body = unescape(&newest.body);
    let older_link = body
        .split("\" rel=\"next\">Older payments")
        .next()
        .and_then(|before| before.rsplit("href=\"").next())
        .filter(|href| href.starts_with("/account?payments_after="))
        .unwrap_or_else(|| panic!("no link to older payments:\n{body}"));

    let older = buyer.get(older_link).await;
    assert_eq!(older.status, 200);
    let second = payment_links(&older);
    assert_eq!(second.len(), 5, "the rest");
    older.assert_lacks("Older payments");
    assert!(unescape(&older.body).contains("href=\"/account#payments\">← Newest payments"));
    let mut seen: Vec<String> = first.into_iter().chain(second).collect();
    seen.sort();
    let mut all = made.clone();
    all.sort();
    assert_eq!(seen, all, "every payment once");

    let damaged = buyer.get("/account?payments_after=yesterday").await;
    assert_eq!(damaged.status, 400);
    damaged.assert_contains("This link to older payments is damaged");
}
