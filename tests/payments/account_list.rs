//! The account page lists a user's payments a page at a time, newest first, and every
//! request (so every receipt) is reachable through its "Older payments" links.

use atelier_store::Decision;

use super::{admin, make_request, member, record_decision, sell_pack, unescape};
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(
    every_payment_stays_reachable_from_the_account_page,
    the_credit_history_pages_by_keyset_and_shows_every_entry_once,
);

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

/// The references of the credit history's entries on `page`, in its order.
fn ledger_references(page: &Page) -> Vec<String> {
    let text = page.text();
    let history = text
        .split_once("id=\"history\"")
        .and_then(|(_, rest)| rest.split("</section>").next())
        .unwrap_or_else(|| panic!("no credit history on the page"));
    history
        .split("Ref. <span class=\"mono\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next().map(str::to_owned))
        .collect()
}

/// Approves a new request of `user` for `pack`: one purchase in the credit history, whose
/// reference (the request's id) it returns.
async fn purchase(
    app: &TestApp,
    user: &atelier_domain::User,
    pack: atelier_domain::PackId,
    boss: &atelier_domain::User,
    utr: &str,
) -> String {
    let (id, _) = make_request(app, user, pack, utr).await;
    record_decision(app, "pixelforge", id, Decision::Approve, boss).await;
    id.to_string()
}

async fn the_credit_history_pages_by_keyset_and_shows_every_entry_once(db: Db) {
    let app = TestApp::start(db).await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (_, boss) = admin(&app, PIXELFORGE, "boss@example.com").await;
    let (mut buyer, user) = member(&app, PIXELFORGE, "buyer@example.com").await;
    let mut made = Vec::new();
    for n in 0..25 {
        // Purchases 3 to 6 share one millisecond and straddle the end of the first page
        // (20 entries): the cursor holds the id as well as the time.
        if !(4..=6).contains(&n) {
            app.clock.advance_millis(60_000);
        }
        made.push(purchase(&app, &user, pack, &boss, &format!("2000000000{n:02}")).await);
    }

    let newest = buyer.get("/account").await;
    assert_eq!(newest.status, 200);
    let first = ledger_references(&newest);
    assert_eq!(first.len(), 20, "a page of entries");
    let newest_first: Vec<String> = made.iter().rev().cloned().collect();
    assert_eq!(first[..19], newest_first[..19], "newest first");
    assert!(newest.link_to("← Newest entries").is_none());
    let older = newest
        .link_to("Older entries")
        .unwrap_or_else(|| panic!("no link to older entries"));
    assert!(older.starts_with("/account?history_after="), "{older}");

    // A purchase approved between the pages does not push an old entry onto the next page
    // twice.
    app.clock.advance_millis(60_000);
    let later = purchase(&app, &user, pack, &boss, "200000000099").await;
    let page = buyer.get(&older).await;
    assert_eq!(page.status, 200);
    let second = ledger_references(&page);
    assert!(page.link_to("Older entries").is_none());
    assert_eq!(
        page.link_to("← Newest entries").as_deref(),
        Some("/account#history")
    );
    let mut seen: Vec<String> = first.into_iter().chain(second).collect();
    seen.sort();
    let mut all = made.clone();
    all.sort();
    assert_eq!(seen, all, "every entry once");
    assert_eq!(ledger_references(&buyer.get("/account").await)[0], later);

    let damaged = buyer.get("/account?history_after=12.not-a-uuid").await;
    assert_eq!(damaged.status, 400);
    damaged.assert_contains("This link to older history entries is damaged");
    damaged.assert_contains("data-template=");
}
