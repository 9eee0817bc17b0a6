//! Disabling an account: every session ends at once, sign-in is refused, and enabling it
//! again lets it back in.

use super::{user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(disabling_an_account_ends_all_its_sessions,);

async fn disabling_an_account_ends_all_its_sessions(db: Db) {
    let app = TestApp::start(db).await;
    let mut admin = Browser::new(&app, "pixelforge.test");
    admin.register("boss@example.com", PASSWORD).await;
    super::make_tenant_admin(&app, "pixelforge", "boss@example.com").await;

    let mut laptop = Browser::new(&app, "pixelforge.test");
    laptop.register("sam@example.com", PASSWORD).await;
    let mut phone = Browser::new(&app, "pixelforge.test");
    phone.login("sam@example.com", PASSWORD).await;
    let sam = user_by_email(&app, "pixelforge", "sam@example.com").await;
    assert_eq!(app.state.store.count_sessions(sam.id).await.unwrap_or(0), 2);

    let list = admin.get("/admin/users").await;
    assert_eq!(list.status, 200);
    list.assert_contains("sam@example.com");
    let done = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{}/disable", sam.id),
            &[],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        app.state.store.count_sessions(sam.id).await.unwrap_or(-1),
        0
    );
    assert_eq!(laptop.get("/account").await.status, 303);
    assert_eq!(phone.get("/account").await.status, 303);
    let refused = phone.login("sam@example.com", PASSWORD).await;
    assert_eq!(refused.status, 403);
    refused.assert_contains("disabled");

    admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{}/enable", sam.id),
            &[],
        )
        .await;
    assert_eq!(phone.login("sam@example.com", PASSWORD).await.status, 303);
}
