//! One rule for a UPI ID and payee name, wherever they are set: a tenant file or form cannot
//! store a UPI ID the buy page would then quietly refuse. One stored under older, looser
//! rules neither takes the site down nor lets the packs page say "Selling" while /buy is
//! closed.

use super::{admin, start};
use crate::common::Db;
use crate::on_both_databases;

const HOST: &str = "pixelforge.test";

on_both_databases!(
    a_stored_upi_id_the_buy_page_refuses_neither_sells_nor_breaks_the_site,
    a_tenant_file_with_a_upi_id_the_buy_page_refuses_is_refused_by_field,
);

async fn a_stored_upi_id_the_buy_page_refuses_neither_sells_nor_breaks_the_site(db: Db) {
    let app = start(db, "").await;
    let (mut boss, me) = admin(&app, HOST, "boss@pixelforge.example").await;
    let tenant = me.tenant_id.unwrap_or_else(|| panic!("no tenant"));
    // The file's packs are on sale and its UPI ID reads: the site sells.
    let selling = boss.get("/admin/packs").await;
    selling.assert_contains("data-selling=\"yes\"");

    // What the looser rules let a form store before: `a@b`, and a payee name of 70.
    app.execute_sql(&format!(
        "update tenant_settings set upi_vpa = 'a@b', upi_payee = '{}' \
         where tenant_id = (select id from tenants where slug = 'pixelforge')",
        "P".repeat(70),
    ))
    .await;
    app.state.tenants.forget_tenant(tenant).await;

    let home = boss.get("/").await;
    assert_eq!(home.status, 200, "the site still loads: {}", home.body);
    let packs = boss.get("/admin/packs").await;
    assert_eq!(packs.status, 200, "{}", packs.body);
    packs.assert_contains("data-selling=\"no\"");
    packs.assert_lacks("a@b");
    let buy = boss.get("/buy").await;
    assert_eq!(buy.status, 200, "{}", buy.body);
    buy.assert_contains("No Sparks on sale right now");
}

async fn a_tenant_file_with_a_upi_id_the_buy_page_refuses_is_refused_by_field(db: Db) {
    let app = start(db, "").await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (vpa, payee, field) in [
        ("shop@ok.axis", "Shop", "settings.upi_vpa"),
        ("a@b", "Shop", "settings.upi_vpa"),
        ("..@okaxis", "Shop", "settings.upi_vpa"),
        ("shop@okaxis", &"P".repeat(61), "settings.upi_payee"),
    ] {
        let path = dir.path().join("shop.toml");
        std::fs::write(
            &path,
            format!(
                "slug = \"shop\"\n[settings]\nname = \"Shop\"\nupi_vpa = \"{vpa}\"\n\
                 upi_payee = \"{payee}\"\n"
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let refused = atelier::provision::read_tenant_file(&path, &app.state.themes)
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_else(|| panic!("{vpa} / {payee} was accepted"));
        assert!(refused.contains(field), "{vpa}: {refused}");
    }
}
