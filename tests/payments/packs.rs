//! Packs and payee over HTTP: what a tenant sells (`/admin/packs`), where its buyers pay
//! (`/admin/packs/payee`), every tenant's payments for the platform (`/platform/payments`),
//! and the packs tenant files provision.

use atelier_domain::{Clock, PackId, Paise, TenantId, User};

use super::admin;
use crate::accounts::{user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    admins_add_change_reorder_and_take_packs_off_sale_with_an_audit_trail,
    a_bought_pack_is_never_deleted_only_taken_off_sale,
    the_upi_id_is_checked_and_stopping_payments_takes_its_own_button,
    plain_users_are_refused_and_other_tenants_packs_are_not_found,
);

pub(super) fn users_tenant(user: &User) -> TenantId {
    user.tenant_id
        .unwrap_or_else(|| panic!("{} has no tenant", user.email))
}

/// The tenant's packs as (credits, price in paise, on sale), in their order.
pub(super) async fn packs(app: &TestApp, tenant: TenantId) -> Vec<(PackId, i64, i64, bool)> {
    app.state
        .store
        .list_packs(tenant, false)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|p| (p.id, p.terms.credits.get(), p.terms.price.get(), p.active))
        .collect()
}

/// `user` says they paid for `pack` with `utr`.
pub(super) async fn pay(app: &TestApp, user: &User, pack: PackId, utr: &str) {
    let made = app
        .state
        .store
        .create_payment_request(
            &super::new_payment(app, user, user.email.as_str(), pack, utr).await,
            1_000,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(made.is_ok(), "refused: {made:?}");
}

/// The audit log's actions for a tenant, oldest first.
async fn audit_actions(app: &TestApp, tenant: TenantId) -> Vec<(String, String, String)> {
    let mut rows = app
        .state
        .store
        .audit_page(Some(tenant), None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    rows.reverse();
    rows.into_iter()
        .map(|r| {
            assert!(!r.address.is_empty(), "no address in {r:?}");
            (r.action, r.before, r.after)
        })
        .collect()
}

async fn admins_add_change_reorder_and_take_packs_off_sale_with_an_audit_trail(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, me) = admin(&app, "pixelforge.test", "boss@example.com").await;
    let tenant = users_tenant(&me);

    // The provisioned packs, in order, each with its price per image; the console's
    // sections link to each other.
    let page = boss.get("/admin/packs").await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("₹149.00");
    page.assert_contains("₹2.98");
    page.assert_contains("href=\"/admin/users\"");
    page.assert_contains("Packs &amp; UPI");
    page.assert_contains("data-selling=\"yes\"");
    let before = packs(&app, tenant).await;
    assert_eq!(page.attribute_values("data-pack", None).len(), before.len());
    assert!(boss
        .get("/admin/users")
        .await
        .text()
        .contains("href=\"/admin/packs\""));

    // Wrong values come back next to their fields, as typed, with 422.
    let refused = boss
        .submit(
            "/admin/packs",
            "/admin/packs",
            &[("credits", "lots"), ("price", "12.345")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("is not a whole number of Sparks");
    refused.assert_contains("at most two decimals");
    refused.assert_contains("value=\"12.345\"");
    refused.assert_contains("aria-invalid=\"true\"");
    let out_of_bounds = boss
        .submit(
            "/admin/packs",
            "/admin/packs",
            &[("credits", "0"), ("price", "0.50")],
        )
        .await;
    assert_eq!(out_of_bounds.status, 422);
    out_of_bounds.assert_contains("A pack holds between 1 and 100000 credits.");
    out_of_bounds.assert_contains("A pack costs between ₹1.00 and ₹1,00,000.00.");
    assert_eq!(packs(&app, tenant).await, before);

    // A good one goes at the end, on sale.
    let added = boss
        .submit(
            "/admin/packs",
            "/admin/packs",
            &[("credits", "1,000"), ("price", "₹1,999")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let after_add = packs(&app, tenant).await;
    assert_eq!(after_add.len(), before.len() + 1);
    let (new_id, credits, price, active) = after_add[after_add.len() - 1];
    assert_eq!((credits, price, active), (1000, 199_900, true));
    boss.get("/admin/packs?done=created")
        .await
        .assert_contains("₹1,999.00");

    // Editing: a wrong price is shown in that pack's own form, which stays open.
    let edit = format!("/admin/packs/{new_id}");
    let refused = boss
        .submit(
            "/admin/packs",
            &edit,
            &[("credits", "900"), ("price", "free")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("is not an amount in rupees");
    refused.assert_contains(&format!("id=\"edit-{new_id}-price-error\""));
    refused.assert_contains("value=\"free\"");
    refused.assert_contains("Requests already made keep");
    let changed = boss
        .submit(
            "/admin/packs",
            &edit,
            &[("credits", "900"), ("price", "1799.50")],
        )
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    let (_, credits, price, _) = packs(&app, tenant).await[before.len()];
    assert_eq!((credits, price), (900, 179_950));

    // Off sale and on again.
    let off = boss
        .submit("/admin/packs", &format!("{edit}/deactivate"), &[])
        .await;
    assert_eq!(off.status, 303);
    assert!(!packs(&app, tenant).await[before.len()].3);
    boss.get("/admin/packs").await.assert_contains("Off sale");
    boss.submit("/admin/packs", &format!("{edit}/activate"), &[])
        .await;
    assert!(packs(&app, tenant).await[before.len()].3);

    // Up twice, then down once: from last to second to last.
    for step in ["up", "up", "down"] {
        let moved = boss
            .submit("/admin/packs", &format!("{edit}/{step}"), &[])
            .await;
        assert_eq!(moved.status, 303, "{step}");
    }
    let order: Vec<PackId> = packs(&app, tenant).await.iter().map(|p| p.0).collect();
    assert_eq!(
        order.iter().position(|id| *id == new_id),
        Some(order.len() - 2)
    );
    let page = boss.get("/admin/packs").await;
    let shown: Vec<String> = page.attribute_values("data-pack", None);
    let expected: Vec<String> = order.iter().map(ToString::to_string).collect();
    assert_eq!(shown, expected, "the page lists the packs in their order");
    // The first cannot go further up; nothing breaks.
    let first = order[0];
    let stay = boss
        .submit("/admin/packs", &format!("/admin/packs/{first}/up"), &[])
        .await;
    assert_eq!(stay.status, 303);
    assert_eq!(packs(&app, tenant).await[0].0, first);

    // Never bought, so it can go.
    let gone = boss
        .submit("/admin/packs", &format!("{edit}/delete"), &[])
        .await;
    assert_eq!(gone.status, 303, "{}", gone.body);
    assert_eq!(packs(&app, tenant).await.len(), before.len());

    let audit = audit_actions(&app, tenant).await;
    let actions: Vec<&str> = audit.iter().map(|(a, _, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        [
            "pack.create",
            "pack.update",
            "pack.status",
            "pack.status",
            "pack.move",
            "pack.move",
            "pack.move",
            "pack.delete"
        ]
    );
    let moves: Vec<(&str, &str)> = audit[4..7]
        .iter()
        .map(|(_, before, after)| (before.as_str(), after.as_str()))
        .collect();
    let last = order.len();
    assert_eq!(
        moves,
        [
            (format!("place {last}"), format!("place {}", last - 1)),
            (format!("place {}", last - 1), format!("place {}", last - 2)),
            (format!("place {}", last - 2), format!("place {}", last - 1)),
        ]
        .iter()
        .map(|(b, a)| (b.as_str(), a.as_str()))
        .collect::<Vec<_>>(),
        "each move is recorded with the places it went between; a move that changes nothing is not"
    );
    assert_eq!(audit[0].2, "1000 credits for ₹1,999.00");
    assert_eq!(
        (audit[1].1.as_str(), audit[1].2.as_str()),
        ("1000 credits for ₹1,999.00", "900 credits for ₹1,799.50")
    );
}

async fn a_bought_pack_is_never_deleted_only_taken_off_sale(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, me) = admin(&app, "pixelforge.test", "boss@example.com").await;
    let tenant = users_tenant(&me);
    let mut buyer = Browser::new(&app, "pixelforge.test");
    buyer.register("buyer@example.com", PASSWORD).await;
    let buyer = user_by_email(&app, "pixelforge", "buyer@example.com").await;
    let (bought, ..) = packs(&app, tenant).await[0];
    pay(&app, &buyer, bought, "412345678901").await;

    let page = boss.get("/admin/packs").await;
    page.assert_contains("Bought");
    page.assert_lacks(&format!("action=\"/admin/packs/{bought}/delete\""));
    let (unbought, ..) = packs(&app, tenant).await[1];
    page.assert_contains(&format!("action=\"/admin/packs/{unbought}/delete\""));

    let refused = boss
        .submit(
            "/admin/packs",
            &format!("/admin/packs/{bought}/delete"),
            &[],
        )
        .await;
    assert_eq!(refused.status, 409);
    refused.assert_contains("has been bought");
    refused.assert_contains("Deactivate it instead");
    assert_eq!(packs(&app, tenant).await[0].0, bought);

    // Off sale is the way: it stays on record, still bought.
    let off = boss
        .submit(
            "/admin/packs",
            &format!("/admin/packs/{bought}/deactivate"),
            &[],
        )
        .await;
    assert_eq!(off.status, 303);
    let pack = app
        .state
        .store
        .find_pack(tenant, bought)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the bought pack was deleted"));
    assert!(!pack.active && pack.bought);

    // A price change leaves the request at the price it was made at.
    boss.submit(
        "/admin/packs",
        &format!("/admin/packs/{bought}"),
        &[("credits", "55"), ("price", "199")],
    )
    .await;
    let requests = app
        .state
        .store
        .user_payments(tenant, buyer.id, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (requests[0].credits.get(), requests[0].amount),
        (50, Paise::new(14_900))
    );
    let actions: Vec<String> = audit_actions(&app, tenant)
        .await
        .into_iter()
        .map(|(a, _, _)| a)
        .collect();
    assert_eq!(
        actions,
        ["pack.status", "pack.update"],
        "a refused delete leaves no row"
    );
}

async fn the_upi_id_is_checked_and_stopping_payments_takes_its_own_button(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, me) = admin(&app, "pixelforge.test", "boss@example.com").await;
    let tenant = users_tenant(&me);
    let host = atelier_domain::HostName::parse("pixelforge.test").unwrap_or_else(|e| panic!("{e}"));
    let vpa_now = || async {
        match app.state.tenants.resolve(&host).await {
            Ok(atelier_web::Resolution::Tenant(site)) => site.tenant.settings.upi_vpa.clone(),
            other => panic!("pixelforge.test resolved to {other:?}"),
        }
    };
    // The site is cached now, with the file's UPI ID.
    assert_eq!(vpa_now().await, "pixelforge@okaxis");

    let refused = boss
        .submit(
            "/admin/packs",
            "/admin/packs/payee",
            &[
                ("upi_vpa", "pixel forge"),
                ("upi_payee", "PixelForge Studio"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("A UPI ID looks like name@bank");
    refused.assert_contains("id=\"upi-vpa-error\"");
    refused.assert_contains("value=\"pixel forge\"");
    refused.assert_contains("value=\"PixelForge Studio\"");
    let empty = boss
        .submit(
            "/admin/packs",
            "/admin/packs/payee",
            &[("upi_vpa", " "), ("upi_payee", "PixelForge Studio")],
        )
        .await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("To stop taking payments");
    let no_payee = boss
        .submit(
            "/admin/packs",
            "/admin/packs/payee",
            &[("upi_vpa", "studio@oksbi"), ("upi_payee", "")],
        )
        .await;
    assert_eq!(no_payee.status, 422);
    no_payee.assert_contains("Enter the name UPI apps should show as the payee.");
    assert_eq!(
        vpa_now().await,
        "pixelforge@okaxis",
        "nothing refused was saved"
    );

    let saved = boss
        .submit(
            "/admin/packs",
            "/admin/packs/payee",
            &[
                ("upi_vpa", " Studio@OKSBI "),
                ("upi_payee", "PixelForge Studio"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    // At once on this node, without waiting for the cache to expire.
    assert_eq!(vpa_now().await, "studio@oksbi");
    let page = boss.get("/admin/packs?done=payee").await;
    page.assert_contains("value=\"studio@oksbi\"");
    page.assert_contains("data-selling=\"yes\"");

    let stopped = boss
        .submit("/admin/packs", "/admin/packs/payee", &[("intent", "stop")])
        .await;
    assert_eq!(stopped.status, 303);
    assert_eq!(vpa_now().await, "");
    let page = boss.get("/admin/packs?done=stopped").await;
    page.assert_contains("data-selling=\"no\"");
    page.assert_contains("enter your UPI ID below");
    page.assert_lacks("Stop taking payments</button>");
    page.assert_contains("value=\"PixelForge Studio\"");

    let audit = audit_actions(&app, tenant).await;
    assert_eq!(
        audit,
        [
            (
                "tenant.payee".to_owned(),
                "pixelforge@okaxis (PixelForge Creative)".to_owned(),
                "studio@oksbi (PixelForge Studio)".to_owned()
            ),
            (
                "tenant.payee".to_owned(),
                "studio@oksbi (PixelForge Studio)".to_owned(),
                "no UPI ID (not taking payments) (PixelForge Studio)".to_owned()
            ),
        ]
    );
}

async fn plain_users_are_refused_and_other_tenants_packs_are_not_found(db: Db) {
    let app = TestApp::start(db).await;
    let mut user = Browser::new(&app, "pixelforge.test");
    user.register("sam@example.com", PASSWORD).await;
    assert_eq!(user.get("/admin/packs").await.status, 403);
    let sam = user_by_email(&app, "pixelforge", "sam@example.com").await;
    let pixelforge = users_tenant(&sam);
    let before = packs(&app, pixelforge).await;
    let (pack, ..) = before[0];
    let refused = user
        .submit("/account", &format!("/admin/packs/{pack}/deactivate"), &[])
        .await;
    assert_eq!(refused.status, 403);
    let refused = user
        .submit(
            "/account",
            "/admin/packs",
            &[("credits", "5"), ("price", "10")],
        )
        .await;
    assert_eq!(refused.status, 403);

    // Nocturne's admin, on nocturne's site, names pixelforge's pack: there is no such pack.
    let (mut other, _) = admin(&app, "nocturne.test", "owner@nocturne.example").await;
    for action in ["deactivate", "up", "delete"] {
        let page = other
            .submit(
                "/admin/packs",
                &format!("/admin/packs/{pack}/{action}"),
                &[],
            )
            .await;
        assert_eq!(page.status, 404, "{action}");
    }
    let page = other
        .submit(
            "/admin/packs",
            &format!("/admin/packs/{pack}"),
            &[("credits", "1"), ("price", "1")],
        )
        .await;
    assert_eq!(page.status, 404);
    assert_eq!(packs(&app, pixelforge).await, before);
    other
        .get("/admin/packs")
        .await
        .assert_lacks(&pack.to_string());
}
