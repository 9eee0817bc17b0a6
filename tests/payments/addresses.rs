//! Damaged addresses on the consoles' and the users' pages: a query string that does not read (a field given
//! twice, say) gets the site's themed error page with words a person can act on, never
//! axum's plain-text rejection; and a decision posted from a page link whose cursor is
//! damaged goes through and leads back to the desk, not to an error.

use super::{admin, make_pack, make_request, member, start};
use crate::accounts::PASSWORD;
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, Page};
use crate::on_both_databases;

const HOST: &str = "pixelforge.test";
const DAMAGED: &str = "This page&#x27;s address has a damaged or repeated part";

on_both_databases!(
    query_strings_that_do_not_read_get_the_themed_error_page,
    a_decision_from_a_damaged_page_link_still_leads_back_to_the_desk,
);

#[track_caller]
fn assert_themed_bad_request(page: &Page, path: &str) {
    assert_eq!(page.status, 400, "{path}: {}", page.body);
    assert!(
        page.header("content-type").starts_with("text/html"),
        "{path}: {}",
        page.header("content-type")
    );
    assert!(page.body.contains(DAMAGED), "{path}: {}", page.body);
    assert!(
        page.body.contains("data-template="),
        "{path}: not the themed page"
    );
}

async fn query_strings_that_do_not_read_get_the_themed_error_page(db: Db) {
    let app = start(db, "").await;
    let (mut desk, _) = admin(&app, HOST, "boss@pixelforge.example").await;
    for path in [
        "/admin/payments?state=pending&state=all",
        "/admin/payments/export?from=2026-11-01&from=2026-11-02&to=2026-11-30",
        "/admin/audit?before=a&before=b",
        "/admin/packs?done=payee&done=moved",
        "/admin/users?after=a&after=b",
    ] {
        assert_themed_bad_request(&desk.get(path).await, path);
    }
    // The same pages still read a query string given once, each with one section menu.
    assert_eq!(desk.get("/admin/payments?state=all").await.status, 200);
    for path in [
        "/admin/users",
        "/admin/payments",
        "/admin/packs",
        "/admin/audit",
        "/admin/payments/statement",
    ] {
        let page = desk.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(
            page.body.matches("aria-label=\"Admin sections\"").count(),
            1,
            "{path}: one section menu"
        );
    }

    crate::access::create_super_admin(&app, "root@example.com").await;
    let mut root = Browser::new(&app, "platform.localhost");
    assert_eq!(root.login("root@example.com", PASSWORD).await.status, 303);
    let path = "/platform/payments?state=pending&state=approved";
    assert_themed_bad_request(&root.get(path).await, path);
    assert_eq!(
        root.get("/platform/payments?state=pending").await.status,
        200
    );

    // The buyer's pages and the other pages of a signed-in user, and the sign-in pages.
    let (mut buyer, _) = member(&app, HOST, "buyer@pixelforge.example").await;
    for path in [
        "/buy?pack=a&pack=b",
        "/account?history_after=a&history_after=b",
        "/account?payments_after=1&payments_after=2",
        "/history?after=a&after=b",
        "/generate?job=a&job=b",
    ] {
        assert_themed_bad_request(&buyer.get(path).await, path);
    }
    let mut visitor = Browser::new(&app, HOST);
    for path in [
        "/login?next=a&next=b",
        "/reset-password?token=a&token=b",
        "/verify-email?token=a&token=b",
    ] {
        assert_themed_bad_request(&visitor.get(path).await, path);
    }
}

async fn a_decision_from_a_damaged_page_link_still_leads_back_to_the_desk(db: Db) {
    let app = start(db, "").await;
    let (mut desk, _) = admin(&app, HOST, "boss@pixelforge.example").await;
    let (_, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    let (approved, _) = make_request(&app, &buyer, pack, "432187650931").await;
    let (rejected, _) = make_request(&app, &buyer, pack, "432187650932").await;
    let token = csrf_token(&desk.get("/admin/payments").await).unwrap_or_else(|| panic!("no form"));
    let same_origin = [("sec-fetch-site", "same-origin")];

    let page = desk
        .post_raw(
            &format!("/admin/payments/{approved}/approve?state=all&after=garbage"),
            &[("csrf_token", &token)],
            &same_origin,
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let back = page.header("location").to_owned();
    assert_eq!(
        back,
        format!("/admin/payments?state=all&decided={approved}")
    );
    let shown = desk.get(&back).await;
    assert_eq!(shown.status, 200, "{}", shown.body);
    shown.assert_contains("Approved ₹149.00 from buyer@pixelforge.example");

    // A reason too short, from the same damaged link: the desk again with the message.
    let short = desk
        .post_raw(
            &format!("/admin/payments/{rejected}/reject?after=garbage"),
            &[("csrf_token", &token), ("reason", "no")],
            &same_origin,
        )
        .await;
    assert_eq!(short.status, 422, "{}", short.body);
    short.assert_contains("Say why, in a few words");
}
