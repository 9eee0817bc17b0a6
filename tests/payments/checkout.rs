//! The signed checkout: a confirmation records what the buyer's own checkout page showed
//! (pack, credits, price, UPI ID, reference), so another user's page, an edited form, a
//! price change in between or a page left open for days cannot make it record anything
//! else; and confirmations at the same moment keep the pending cap and the one-UTR rule.

use atelier_domain::{Clock, PaymentId, Timestamp};
use atelier_store::Decision;
use futures_util::future::join_all;

use super::buying::{checkout_as, scan_qr_code};
use super::{
    admin, checkout_field, checkout_terms, confirm_on, edit_checkout, input_value, open_checkout,
    payment_id_of, post_confirm, record_decision, reference_on, sell_pack, signed_up, start,
    tenant_id,
};
use crate::accounts::{set_tenant, user_by_email};
use crate::common::browser::Browser;
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(
    another_users_checkout_is_refused_and_nothing_is_recorded,
    an_edited_checkout_is_refused,
    a_price_change_after_the_qr_code_records_the_price_it_showed,
    the_receipt_names_the_upi_id_the_buyer_paid,
    a_checkout_older_than_a_day_is_refused,
    parallel_confirmations_by_one_user_keep_the_pending_cap,
    one_utr_confirmed_by_eight_users_at_once_is_recorded_once,
    a_payment_at_half_past_midnight_in_india_is_dated_that_day,
    the_contracts_pack_and_utr_alone_confirm_the_pack_as_sold_now,
);

const PIXELFORGE: &str = "pixelforge.test";
const NOT_YOURS: &str = "This checkout page is out of date or not yours; open the pack again.";

/// How many requests the tenant `slug` has, in any state.
async fn requests_of(app: &TestApp, slug: &str) -> usize {
    let tenant = tenant_id(app, slug).await;
    app.state
        .store
        .payment_desk(
            Some(tenant),
            &atelier_store::DeskFilter::default(),
            atelier_store::DeskOrder::NewestFirst,
            None,
            1_000,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .len()
}

/// The request `id` of tenant `slug`, as stored.
async fn stored(app: &TestApp, slug: &str, id: PaymentId) -> atelier_store::PaymentRecord {
    let tenant = tenant_id(app, slug).await;
    app.state
        .store
        .find_payment(tenant, None, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no request {id}"))
}

/// A refused confirmation that shows a new checkout of the same pack, with `message`.
fn assert_fresh_checkout(refused: &Page, old: &Page, message: &str) {
    assert_eq!(refused.status, 422, "{}", refused.body);
    refused.assert_contains(message);
    refused.assert_contains("Confirm my payment");
    assert_ne!(
        reference_on(refused),
        reference_on(old),
        "a new reference, so no payment note is reused"
    );
    assert_eq!(
        checkout_terms(&checkout_field(refused))["pack"],
        checkout_terms(&checkout_field(old))["pack"],
        "the same pack, opened again"
    );
    assert_eq!(input_value(refused, "utr").as_deref(), Some(""));
}

async fn another_users_checkout_is_refused_and_nothing_is_recorded(db: Db) {
    let app = start(db, "").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (_first, firsts) = checkout_as(&app, "first@example.com", pack).await;
    let (mut second, seconds) = checkout_as(&app, "second@example.com", pack).await;

    // The second user sends the first user's checkout with their own session and form
    // token: it was signed for someone else.
    let stolen = checkout_field(&firsts);
    let refused = post_confirm(&mut second, &seconds, &stolen, "432187650912").await;
    assert_fresh_checkout(&refused, &firsts, NOT_YOURS);
    assert_eq!(requests_of(&app, "pixelforge").await, 0);

    // A checkout made up from nothing, or cut short, is no better.
    for made_up in [
        String::new(),
        "0123abcd.00".to_owned(),
        stolen[..stolen.len() - 2].to_owned(),
    ] {
        let refused = post_confirm(&mut second, &seconds, &made_up, "432187650912").await;
        assert_eq!(refused.status, 422, "{made_up:?}");
        refused.assert_contains("This checkout page is out of date or not yours");
    }
    assert_eq!(requests_of(&app, "pixelforge").await, 0);

    // The page it answers with is the second user's own, and confirms.
    let confirmed = confirm_on(&mut second, &refused, "432187650912").await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
    let made = stored(&app, "pixelforge", payment_id_of(&confirmed)).await;
    assert_eq!(made.user_email, "second@example.com");
    assert_eq!(made.reference, reference_on(&refused));
}

async fn an_edited_checkout_is_refused(db: Db) {
    let app = start(db, "").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let dearer = sell_pack(&app, "pixelforge", 500, 99_900).await;
    let (mut buyer, checkout) = checkout_as(&app, "buyer@example.com", pack).await;
    let signed = checkout_field(&checkout);
    let reference = reference_on(&checkout);

    for (what, from, to) in [
        ("price", "\"price_paise\":14900", "\"price_paise\":100"),
        ("credits", "\"credits\":50", "\"credits\":5000"),
        ("pack", &pack.to_string(), &dearer.to_string()),
        ("reference", &reference, "AT23456789"),
        ("UPI ID", "pixelforge@okaxis", "someone@okaxis"),
    ] {
        let edited = edit_checkout(&signed, from, to);
        let refused = post_confirm(&mut buyer, &checkout, &edited, "432187650912").await;
        assert_eq!(refused.status, 422, "edited {what}: {}", refused.body);
        refused.assert_contains(NOT_YOURS);
        refused.assert_contains("Confirm my payment");
    }
    assert_eq!(requests_of(&app, "pixelforge").await, 0);

    // The page as it was still confirms.
    let confirmed = confirm_on(&mut buyer, &checkout, "432187650912").await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
}

async fn a_price_change_after_the_qr_code_records_the_price_it_showed(db: Db) {
    let app = start(db, "").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (mut boss, boss_user) = admin(&app, PIXELFORGE, "boss@example.com").await;
    let (mut buyer, checkout) = checkout_as(&app, "buyer@example.com", pack).await;
    let asked = scan_qr_code(&checkout);
    assert!(asked.contains("&am=149.00&"), "{asked}");

    // The admin changes the pack while the buyer pays.
    let changed = boss
        .submit(
            "/admin/packs",
            &format!("/admin/packs/{pack}"),
            &[("credits", "60"), ("price", "199")],
        )
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);

    // A mistyped UTR brings back the page as the buyer saw it, QR code and all.
    let again = confirm_on(&mut buyer, &checkout, "4321").await;
    assert_eq!(again.status, 422);
    assert_eq!(scan_qr_code(&again), asked);
    again.assert_contains("Pay ₹149.00 for 50 Sparks");

    let confirmed = confirm_on(&mut buyer, &again, "432187650912").await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
    let id = payment_id_of(&confirmed);
    let made = stored(&app, "pixelforge", id).await;
    let am = asked
        .split("&am=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .unwrap_or_else(|| panic!("no amount in {asked}"));
    assert_eq!(
        made.amount.decimal(),
        am,
        "the amount the QR code asked for"
    );
    assert_eq!(made.credits.get(), 50, "the credits the page promised");

    // Approved, it grants what was shown.
    record_decision(&app, "pixelforge", id, Decision::Approve, &boss_user).await;
    let user = user_by_email(&app, "pixelforge", "buyer@example.com").await;
    assert_eq!(
        user.balance.get(),
        20 + 50,
        "the sign-up bonus and the pack"
    );
    // A new visit shows the new terms.
    let now = open_checkout(&mut buyer, pack).await;
    now.assert_contains("Pay ₹199.00 for 60 Sparks");
}

async fn the_receipt_names_the_upi_id_the_buyer_paid(db: Db) {
    let app = start(db, "").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (_, boss) = admin(&app, PIXELFORGE, "boss@example.com").await;
    let (mut buyer, checkout) = checkout_as(&app, "buyer@example.com", pack).await;
    let confirmed = confirm_on(&mut buyer, &checkout, "432187650912").await;
    let id = payment_id_of(&confirmed);

    set_tenant(&app, "pixelforge", |s| {
        s.upi_vpa = "newbank@okicici".to_owned();
        s.upi_payee = "PixelForge Studio".to_owned();
    })
    .await;
    record_decision(&app, "pixelforge", id, Decision::Approve, &boss).await;

    let receipt = buyer.get(&format!("/payments/{id}")).await;
    assert_eq!(receipt.status, 200);
    receipt.assert_contains("UPI to <span class=\"mono break-anywhere\">pixelforge@okaxis</span>");
    receipt.assert_contains("<dt>Payee</dt><dd>PixelForge Creative</dd>");
    receipt.assert_lacks("newbank@okicici");
    receipt.assert_lacks("PixelForge Studio");
    // New checkouts pay the new UPI ID.
    open_checkout(&mut buyer, pack)
        .await
        .assert_contains("newbank@okicici");
}

async fn a_checkout_older_than_a_day_is_refused(db: Db) {
    let app = start(db, "").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (mut buyer, checkout) = checkout_as(&app, "buyer@example.com", pack).await;

    app.clock.advance_millis(25 * 3_600_000);
    let refused = confirm_on(&mut buyer, &checkout, "432187650912").await;
    assert_fresh_checkout(
        &refused,
        &checkout,
        "This checkout page was opened more than 24 hours ago, so it can no longer be \
         confirmed; open the pack again.",
    );
    assert_eq!(requests_of(&app, "pixelforge").await, 0);

    // The page opened again is good for another day.
    let confirmed = confirm_on(&mut buyer, &refused, "432187650912").await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
}

async fn parallel_confirmations_by_one_user_keep_the_pending_cap(db: Db) {
    let app = start(db, "[limits]\npending_payments_per_user = 2\n").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (buyer, checkout) = checkout_as(&app, "buyer@example.com", pack).await;
    let signed = checkout_field(&checkout);

    // Ten tabs of one session confirm ten payments at the same moment.
    let utrs: Vec<String> = (1..=10).map(|n| format!("1000000000{n:02}")).collect();
    let answers = join_all(utrs.iter().map(|utr| {
        let mut tab = Browser::new(&app, PIXELFORGE);
        tab.cookie = buyer.cookie.clone();
        let (checkout, signed) = (&checkout, &signed);
        async move { post_confirm(&mut tab, checkout, signed, utr).await }
    }))
    .await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        2,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 422).count(),
        8,
        "{statuses:?}"
    );
    for refused in answers.iter().filter(|a| a.status == 422) {
        refused.assert_contains("You already have 2 payments waiting for approval");
    }
    assert_eq!(requests_of(&app, "pixelforge").await, 2);
}

async fn one_utr_confirmed_by_eight_users_at_once_is_recorded_once(db: Db) {
    let app = start(db, "").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let mut buyers = Vec::new();
    for n in 1..=8 {
        buyers.push(checkout_as(&app, &format!("buyer{n}@example.com"), pack).await);
    }

    let answers = join_all(buyers.iter_mut().map(|(browser, checkout)| async move {
        let signed = checkout_field(checkout);
        post_confirm(browser, checkout, &signed, "432187650912").await
    }))
    .await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 422).count(),
        7,
        "{statuses:?}"
    );
    for refused in answers.iter().filter(|a| a.status == 422) {
        refused.assert_contains("This UTR was already submitted on PixelForge");
    }
    assert_eq!(requests_of(&app, "pixelforge").await, 1);
}

async fn a_payment_at_half_past_midnight_in_india_is_dated_that_day(db: Db) {
    let app = start(db, "").await;
    // 2 December 2026, 00:30 in India: still 1 December (19:00) in UTC.
    let half_past_midnight = Timestamp(1_796_151_600_000);
    assert_eq!(half_past_midnight.rfc3339(), "2026-12-01T19:00:00.000Z");
    app.clock.set(half_past_midnight);
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (_, boss) = admin(&app, PIXELFORGE, "boss@example.com").await;
    let mut buyer = signed_up(&app, PIXELFORGE, "buyer@example.com").await;
    let checkout = open_checkout(&mut buyer, pack).await;
    let confirmed = confirm_on(&mut buyer, &checkout, "432187650912").await;
    let id = payment_id_of(&confirmed);
    assert_eq!(app.clock.now(), half_past_midnight);
    record_decision(&app, "pixelforge", id, Decision::Approve, &boss).await;

    let receipt = buyer.get(&format!("/payments/{id}")).await;
    assert_eq!(receipt.status, 200);
    receipt.assert_contains("<dt>Date</dt><dd>2 Dec 2026</dd>");
    receipt.assert_contains("2 Dec 2026, 00:30");
    receipt.assert_lacks("1 Dec 2026");
    let account = buyer.get("/account").await;
    account.assert_contains("Submitted 2 Dec 2026, 00:30");
    account.assert_lacks("Submitted 1 Dec 2026");
}

/// The contract's form (`pack`, `utr`) without a checkout page: a script, or a form from
/// before checkouts were signed. The pack is recorded as it is sold now, with a reference
/// made here; a `pack` that contradicts a signed checkout is an edited form.
async fn the_contracts_pack_and_utr_alone_confirm_the_pack_as_sold_now(db: Db) {
    let app = start(db, "").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let other = sell_pack(&app, "pixelforge", 120, 29_900).await;
    let (mut buyer, checkout) = checkout_as(&app, "buyer@example.com", pack).await;
    let token = crate::common::browser::csrf_token(&checkout).unwrap_or_else(|| panic!("token"));
    let form_pack = input_value(&checkout, "pack");
    assert_eq!(form_pack, Some(pack.to_string()), "the form names its pack");

    // The signed checkout with another pack named beside it.
    let other_text = other.to_string();
    let signed = checkout_field(&checkout);
    let contradicted = buyer
        .post_raw(
            "/buy/confirm",
            &[
                ("csrf_token", token.as_str()),
                ("checkout", signed.as_str()),
                ("pack", other_text.as_str()),
                ("utr", "432187650912"),
            ],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(contradicted.status, 422, "{}", contradicted.body);
    contradicted.assert_contains(NOT_YOURS);
    assert_eq!(requests_of(&app, "pixelforge").await, 0);

    // Only the contract's fields.
    let pack_text = pack.to_string();
    let confirmed = buyer
        .post_raw(
            "/buy/confirm",
            &[
                ("csrf_token", token.as_str()),
                ("pack", pack_text.as_str()),
                ("utr", "4321 8765 0912"),
            ],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
    let record = stored(&app, "pixelforge", payment_id_of(&confirmed)).await;
    assert_eq!(record.amount.get(), 14_900);
    assert_eq!(record.credits.get(), 50);
    assert_eq!(record.utr, "432187650912");
    assert_eq!(record.payee_vpa, "pixelforge@okaxis");
    assert!(
        atelier_domain::PaymentReference::parse(&record.reference).is_some(),
        "a reference made here: {}",
        record.reference
    );

    // A pack that is not sold here is refused with the shop.
    let unknown = uuid::Uuid::now_v7().to_string();
    let refused = buyer
        .post_raw(
            "/buy/confirm",
            &[
                ("csrf_token", token.as_str()),
                ("pack", unknown.as_str()),
                ("utr", "432187650999"),
            ],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    refused.assert_contains("no longer sold");
    assert_eq!(requests_of(&app, "pixelforge").await, 1);
}
