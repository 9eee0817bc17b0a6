//! A user buys credits: picks a pack, pays by UPI (the QR code must scan to the right
//! payment), confirms with the UTR, and follows the request on its own page.

use atelier_domain::{PackId, PaymentId};
use atelier_store::Decision;

use super::{
    checkout_field, clear_upi_id, confirm_on, confirm_payment, edit_checkout, input_value,
    open_checkout, payment_id_of, post_confirm, record_decision, reference_on, sell_pack,
    signed_up, stop_selling, take_off_sale,
};
use crate::accounts::{make_tenant_admin, set_tenant, user_by_email};
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_qr_code_pays_the_chosen_pack_to_the_tenants_upi_id,
    a_utr_is_twelve_digits_and_each_mistake_is_named,
    a_utr_counts_once_per_tenant,
    a_pack_off_sale_cannot_be_opened_but_a_checkout_shown_before_is_honoured,
    waiting_requests_per_user_are_capped,
    a_payment_page_shows_only_to_its_owner,
    an_approved_payment_is_a_receipt_and_a_rejected_one_says_why,
    buy_links_show_only_where_credits_are_sold,
);

const PIXELFORGE: &str = "pixelforge.test";
const NOCTURNE: &str = "nocturne.test";

/// What the QR code on `page` says, read as a phone's camera would: the inline SVG's
/// modules drawn into a greyscale picture, then found and decoded.
pub(super) fn scan_qr_code(page: &Page) -> String {
    let svg = page
        .body
        .split("<svg class=\"qr-code\"")
        .nth(1)
        .and_then(|rest| rest.split("</svg>").next())
        .unwrap_or_else(|| panic!("no QR code on the page:\n{}", page.body));
    let attribute = |name: &str| {
        svg.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("the QR code has no {name}: {svg}"))
    };
    let size: Vec<usize> = attribute("viewBox")
        .split(' ')
        .map(|n| n.parse().unwrap_or_else(|e| panic!("viewBox: {e}")))
        .collect();
    let (width, height) = (size[2], size[3]);
    // The path is a run of dark rectangles, each "M{left} {top}h{width}v{height}H..V..".
    let mut dark = vec![vec![false; width]; height];
    let path = svg
        .split("<path")
        .nth(1)
        .map(|p| format!(" {p}"))
        .unwrap_or_else(|| panic!("the QR code has no path: {svg}"));
    let d = path
        .split(" d=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("the QR code's path has no d"));
    for rect in d.split('M').filter(|r| !r.is_empty()) {
        let number =
            |text: &str| -> usize { text.parse().unwrap_or_else(|e| panic!("{rect}: {e}")) };
        let (origin, rest) = rect.split_once('h').unwrap_or_else(|| panic!("{rect}"));
        let (left, top) = origin.split_once(' ').unwrap_or_else(|| panic!("{rect}"));
        let (w, rest) = rest.split_once('v').unwrap_or_else(|| panic!("{rect}"));
        let (h, _) = rest.split_once('H').unwrap_or_else(|| panic!("{rect}"));
        let (left, top, w, h) = (number(left), number(top), number(w), number(h));
        for row in &mut dark[top..top + h] {
            row[left..left + w].fill(true);
        }
    }
    let scale = 6;
    let mut picture =
        rqrr::PreparedImage::prepare_from_greyscale(width * scale, height * scale, |x, y| {
            if dark[y / scale][x / scale] {
                0
            } else {
                255
            }
        });
    let grids = picture.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the page");
    let (_, content) = grids[0]
        .decode()
        .unwrap_or_else(|e| panic!("the QR code does not decode: {e:?}"));
    content
}

/// Signs up `email` on pixelforge and opens the page that pays for `pack`.
pub(super) async fn checkout_as<'a>(
    app: &'a TestApp,
    email: &str,
    pack: PackId,
) -> (crate::common::browser::Browser<'a>, Page) {
    let mut browser = signed_up(app, PIXELFORGE, email).await;
    let checkout = open_checkout(&mut browser, pack).await;
    assert_eq!(checkout.status, 200, "{}", checkout.body);
    (browser, checkout)
}

async fn the_qr_code_pays_the_chosen_pack_to_the_tenants_upi_id(db: Db) {
    let app = TestApp::start(db).await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let mut browser = signed_up(&app, PIXELFORGE, "buyer@example.com").await;

    let shop = browser.get("/buy").await;
    assert_eq!(shop.status, 200);
    for shown in ["50", "Sparks", "₹149.00", "₹2.98 per image"] {
        shop.assert_contains(shown);
    }
    shop.assert_contains(&format!("href=\"/buy?pack={pack}\""));

    let checkout = open_checkout(&mut browser, pack).await;
    assert_eq!(checkout.status, 200);
    let reference = reference_on(&checkout);
    assert!(
        reference.starts_with("AT") && reference.len() == 10,
        "{reference}"
    );
    let link = format!(
        "upi://pay?pa=pixelforge@okaxis&pn=PixelForge%20Creative&am=149.00&cu=INR&tn={reference}"
    );
    assert_eq!(scan_qr_code(&checkout), link);
    // The phone's button opens the same payment; the UPI ID and amount are there to type.
    checkout.assert_contains(&format!("href=\"{}\"", link.replace('&', "&amp;")));
    for shown in [
        "pixelforge@okaxis",
        "₹149.00",
        "Confirm my payment",
        "data-copy=",
    ] {
        checkout.assert_contains(shown);
    }
    checkout.assert_contains("/static/default/js/payment.js");
    // Each visit makes a new reference, so no two payments share a note by accident.
    let again = open_checkout(&mut browser, pack).await;
    assert_ne!(reference_on(&again), reference);
}

async fn a_utr_is_twelve_digits_and_each_mistake_is_named(db: Db) {
    let app = TestApp::start(db).await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let (mut browser, checkout) = checkout_as(&app, "buyer@example.com", pack).await;

    for (typed, message) in [
        ("", "Enter the 12-digit UTR"),
        ("12345678901", "exactly 12 digits; you entered 11"),
        ("1234567890123", "exactly 12 digits; you entered 13"),
        ("CICAgMC2qrWXLA", "your app&#x27;s own transaction id"),
        ("UTR43218765", "your app&#x27;s own transaction id"),
        ("4321/8765/0912", "no letters or symbols"),
    ] {
        let page = confirm_on(&mut browser, &checkout, typed).await;
        assert_eq!(page.status, 422, "{typed:?}");
        page.assert_contains(message);
        page.assert_contains("id=\"utr-error\"");
        // What was typed comes back, with the same checkout (pack, price, reference).
        assert_eq!(input_value(&page, "utr").as_deref(), Some(typed));
        assert_eq!(checkout_field(&page), checkout_field(&checkout));
    }

    // Spaces and dashes pasted with the number do not matter.
    let page = confirm_on(&mut browser, &checkout, " 4321 8765-0912 ").await;
    assert_eq!(page.status, 303, "{}", page.body);
    let mine = browser.get(page.header("location")).await;
    assert_eq!(mine.status, 200);
    mine.assert_contains("432187650912");
    mine.assert_contains(&reference_on(&checkout));
}

async fn a_utr_counts_once_per_tenant(db: Db) {
    let app = TestApp::start(db).await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let elsewhere = sell_pack(&app, "nocturne", 40, 19_900).await;
    let utr = "432187650912";

    let mut first = signed_up(&app, PIXELFORGE, "first@example.com").await;
    assert_eq!(confirm_payment(&mut first, pack, utr).await.status, 303);

    // Whoever sends it again on the same site is told, and where to turn.
    let (mut second, checkout) = checkout_as(&app, "second@example.com", pack).await;
    let refused = confirm_on(&mut second, &checkout, utr).await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("This UTR was already submitted on PixelForge");
    refused.assert_contains("contact support");
    assert_eq!(input_value(&refused, "utr").as_deref(), Some(utr));
    // Spaces do not make it another UTR.
    let spaced = confirm_on(&mut second, &checkout, "4321 8765 0912").await;
    assert_eq!(spaced.status, 422);

    // Another tenant's buyers have their own UTRs.
    let mut other = signed_up(&app, NOCTURNE, "other@example.com").await;
    assert_eq!(
        confirm_payment(&mut other, elsewhere, utr).await.status,
        303
    );
}

async fn a_pack_off_sale_cannot_be_opened_but_a_checkout_shown_before_is_honoured(db: Db) {
    let app = TestApp::start(db).await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let other = sell_pack(&app, "pixelforge", 120, 29_900).await;
    let nocturnes = sell_pack(&app, "nocturne", 40, 19_900).await;
    let (mut browser, checkout) = checkout_as(&app, "buyer@example.com", pack).await;
    let admin = make_tenant_admin(&app, "pixelforge", "buyer@example.com").await;
    let tenant = admin.tenant_id.unwrap_or_else(|| panic!("tenant"));

    // Taken off sale while the buyer was paying: they may well have paid already, so the
    // page they paid from is still confirmed, as it showed the pack.
    take_off_sale(&app, "pixelforge", pack, &admin).await;
    let honoured = confirm_on(&mut browser, &checkout, "432187650912").await;
    assert_eq!(honoured.status, 303, "{}", honoured.body);
    let id = payment_id_of(&honoured);
    let recorded = app
        .state
        .store
        .find_payment(tenant, Some(admin.id), id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no request {id}"));
    assert_eq!(recorded.pack_id, pack);
    assert_eq!(
        (recorded.credits.get(), recorded.amount.get()),
        (50, 14_900)
    );
    // But it is sold no more: an old link to it says so, with the packs still sold.
    let stale = open_checkout(&mut browser, pack).await;
    assert_eq!(stale.status, 200);
    stale.assert_contains("That pack is no longer sold. Pick one of the packs below.");
    stale.assert_contains(&format!("href=\"/buy?pack={other}\""));
    stale.assert_lacks(&format!("href=\"/buy?pack={pack}\""));
    stale.assert_lacks("Confirm my payment");
    // Another tenant's pack is no pack here, nor is text that is no pack at all.
    for foreign in [nocturnes.to_string(), "not-a-pack".to_owned()] {
        let page = browser.get(&format!("/buy?pack={foreign}")).await;
        page.assert_contains("That pack is no longer sold.");
    }
    // Nor does a checkout edited to name another tenant's pack buy it.
    let forged = edit_checkout(
        &checkout_field(&checkout),
        &pack.to_string(),
        &nocturnes.to_string(),
    );
    let refused = post_confirm(&mut browser, &checkout, &forged, "432187650913").await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("This checkout page is out of date or not yours");
    let made = app
        .state
        .store
        .user_payments(tenant, admin.id, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(made.len(), 1, "only the honoured checkout was recorded");
}

async fn waiting_requests_per_user_are_capped(db: Db) {
    let app = TestApp::start_with(db, "[limits]\npending_payments_per_user = 2\n").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let mut browser = signed_up(&app, PIXELFORGE, "buyer@example.com").await;
    for utr in ["100000000001", "100000000002"] {
        assert_eq!(confirm_payment(&mut browser, pack, utr).await.status, 303);
    }
    let third = confirm_payment(&mut browser, pack, "100000000003").await;
    assert_eq!(third.status, 422);
    third.assert_contains("You already have 2 payments waiting for approval");
    third.assert_contains("href=\"/account#payments\"");
    assert_eq!(input_value(&third, "utr").as_deref(), Some("100000000003"));
    // The buy page tells them what is waiting, so they do not confirm again.
    browser
        .get("/buy")
        .await
        .assert_contains("2 payments of yours are waiting for approval");

    // Once one is decided, the next may come.
    let admin = make_tenant_admin(&app, "pixelforge", "buyer@example.com").await;
    let first = app
        .state
        .store
        .user_payments(
            admin.tenant_id.unwrap_or_else(|| panic!("tenant")),
            admin.id,
            None,
            10,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .pop()
        .unwrap_or_else(|| panic!("no payments"));
    let reason = Decision::Reject {
        reason: "No such credit in our statement.".to_owned(),
    };
    record_decision(&app, "pixelforge", first.id, reason, &admin).await;
    let fourth = confirm_payment(&mut browser, pack, "100000000003").await;
    assert_eq!(fourth.status, 303, "{}", fourth.body);
}

async fn a_payment_page_shows_only_to_its_owner(db: Db) {
    let app = TestApp::start(db).await;
    set_tenant(&app, "pixelforge", |s| s.signup_limit_per_ip = 10).await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let mut owner = signed_up(&app, PIXELFORGE, "owner@example.com").await;
    let confirmed = confirm_payment(&mut owner, pack, "432187650912").await;
    let id = payment_id_of(&confirmed);
    let path = format!("/payments/{id}");

    let page = owner.get(&path).await;
    assert_eq!(page.status, 200);
    for shown in [
        // The catalogue's text is escaped like any other value put into the page.
        "Thanks, we&#x27;re checking your payment",
        "Waiting for approval",
        "432187650912",
        "₹149.00",
        "50 Sparks",
        "you get an email when it is decided",
    ] {
        page.assert_contains(shown);
    }
    page.assert_lacks("Print receipt");
    // Listed on the account page, linking here.
    let account = owner.get("/account").await;
    account.assert_contains(&format!("href=\"{path}\""));
    account.assert_contains("Waiting for approval");

    let mut neighbour = signed_up(&app, PIXELFORGE, "neighbour@example.com").await;
    assert_eq!(neighbour.get(&path).await.status, 404);
    neighbour
        .get("/account")
        .await
        .assert_contains("No payments yet");
    make_tenant_admin(&app, "pixelforge", "neighbour@example.com").await;
    assert_eq!(
        neighbour.get(&path).await.status,
        404,
        "admins use the desk"
    );
    let mut stranger = signed_up(&app, NOCTURNE, "owner@example.com").await;
    assert_eq!(stranger.get(&path).await.status, 404);
    let made_up = PaymentId(uuid::Uuid::now_v7());
    assert_eq!(owner.get(&format!("/payments/{made_up}")).await.status, 404);
    assert_eq!(owner.get("/payments/not-an-id").await.status, 404);
}

async fn an_approved_payment_is_a_receipt_and_a_rejected_one_says_why(db: Db) {
    let app = TestApp::start(db).await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    let mut buyer = signed_up(&app, PIXELFORGE, "buyer@example.com").await;
    let approved = payment_id_of(&confirm_payment(&mut buyer, pack, "432187650912").await);
    let rejected = payment_id_of(&confirm_payment(&mut buyer, pack, "432187650913").await);
    let admin = make_tenant_admin(&app, "pixelforge", "buyer@example.com").await;
    record_decision(&app, "pixelforge", approved, Decision::Approve, &admin).await;
    let reason = "No payment with this UTR reached our account.";
    let rejection = Decision::Reject {
        reason: reason.to_owned(),
    };
    record_decision(&app, "pixelforge", rejected, rejection, &admin).await;

    let receipt = buyer.get(&format!("/payments/{approved}")).await;
    assert_eq!(receipt.status, 200);
    for shown in [
        "Receipt",
        "PixelForge",
        "PixelForge Creative LLP",
        "27 Nov 2026",
        "432187650912",
        "50 Sparks",
        "₹149.00",
        "UPI to <span class=\"mono break-anywhere\">pixelforge@okaxis</span>",
        "data-print",
        "/static/default/js/payment.js",
    ] {
        receipt.assert_contains(shown);
    }
    let user = user_by_email(&app, "pixelforge", "buyer@example.com").await;
    assert_eq!(
        user.balance.get(),
        20 + 50,
        "the sign-up bonus and the pack"
    );

    let refusal = buyer.get(&format!("/payments/{rejected}")).await;
    assert_eq!(refusal.status, 200);
    refusal.assert_contains("Payment not approved");
    refusal.assert_contains(reason);
    refusal.assert_lacks("data-print");

    let account = buyer.get("/account").await;
    for shown in ["Approved", "Rejected", reason, "432187650913"] {
        account.assert_contains(shown);
    }
}

/// The pages of `browser`'s site that may offer "Buy" links, and whether any does.
async fn offers_to_sell(browser: &mut crate::common::browser::Browser<'_>) -> Vec<(String, bool)> {
    let mut seen = Vec::new();
    for path in ["/", "/faq", "/terms", "/account", "/generate", "/history"] {
        let page = browser.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        seen.push((path.to_owned(), page.text().contains("href=\"/buy")));
    }
    seen
}

async fn buy_links_show_only_where_credits_are_sold(db: Db) {
    let app = TestApp::start(db).await;
    let mut buyer = signed_up(&app, PIXELFORGE, "buyer@example.com").await;
    let admin = make_tenant_admin(&app, "pixelforge", "buyer@example.com").await;
    stop_selling(&app, "pixelforge", &admin).await;

    // A UPI ID but no pack: no links, and /buy says so kindly.
    for (path, offers) in offers_to_sell(&mut buyer).await {
        assert!(!offers, "{path} offers to sell with no pack on sale");
    }
    let closed = buyer.get("/buy").await;
    assert_eq!(closed.status, 200);
    closed.assert_contains("No Sparks on sale right now");
    closed.assert_contains("mailto:help@pixelforge.test");

    // A pack on sale: every page offers it.
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    for (path, offers) in offers_to_sell(&mut buyer).await {
        assert!(offers, "{path} has no link to /buy");
    }

    // No UPI ID: nowhere to pay, so nothing is sold, whatever packs there are.
    clear_upi_id(&app, "pixelforge").await;
    for (path, offers) in offers_to_sell(&mut buyer).await {
        assert!(!offers, "{path} offers to sell with no UPI ID");
    }
    buyer
        .get("/buy")
        .await
        .assert_contains("No Sparks on sale right now");
    let stale = open_checkout(&mut buyer, pack).await;
    stale.assert_lacks("Confirm my payment");

    // The other theme follows the same rule.
    let mut night = signed_up(&app, NOCTURNE, "night@example.com").await;
    let night_admin = make_tenant_admin(&app, "nocturne", "night@example.com").await;
    stop_selling(&app, "nocturne", &night_admin).await;
    assert!(!night.get("/").await.text().contains("href=\"/buy"));
    sell_pack(&app, "nocturne", 40, 19_900).await;
    for path in ["/", "/account"] {
        let page = night.get(path).await;
        assert!(page.text().contains("href=\"/buy\""), "{path} on nocturne");
    }
    let shop = night.get("/buy").await;
    shop.assert_contains("40");
    shop.assert_contains("₹199.00");
}
