//! The platform's own accounts: a super-admin is added by invitation, and removed by
//! another, never by themselves, and never the last one.

use atelier_domain::{Clock, Email};
use atelier_store::{Actor, AdminRemoval};

use super::{audit_actions, signed_in_root, PLATFORM};
use crate::accounts::PASSWORD;
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;
use crate::security_tokens::written_link;

on_both_databases!(super_admins_are_invited_and_never_removed_by_themselves_or_to_none);

async fn platform_account(app: &TestApp, email: &str) -> atelier_domain::User {
    app.state
        .store
        .find_credentials(None, &Email::parse(email).unwrap_or_else(|e| panic!("{e}")))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no platform account {email}"))
        .0
}

async fn super_admins_are_invited_and_never_removed_by_themselves_or_to_none(db: Db) {
    let app = TestApp::start(db).await;
    // The platform host has no reset page, and its sign-in page links to none.
    let sign_in = Browser::new(&app, PLATFORM).get("/login").await;
    sign_in.assert_lacks("href=\"/forgot-password\"");
    sign_in.assert_contains("atelier admin password");
    // Nor does the platform's footer price images, as a site's does.
    sign_in.assert_lacks("class=\"credit-line\"");
    let mut root = signed_in_root(&app, "root@example.com").await;

    let bad = root
        .submit(
            "/platform/admins",
            "/platform/admins",
            &[("email", "not an address")],
        )
        .await;
    assert_eq!(bad.status, 422);
    let added = root
        .submit(
            "/platform/admins",
            "/platform/admins",
            &[("email", "second@example.com")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let list = root.get(added.header("location")).await;
    list.assert_contains("An invitation was sent to second@example.com.");
    list.assert_contains("Invited");
    let again = root
        .submit(
            "/platform/admins",
            "/platform/admins",
            &[("email", "second@example.com")],
        )
        .await;
    assert_eq!(again.status, 422);
    again.assert_contains("second@example.com is already a super-admin.");

    // The invitation opens on the platform host only.
    let link = written_link(&app, &format!("http://{PLATFORM}:8080/welcome?token=")).await;
    let token = link.split("token=").nth(1).unwrap_or_default().to_owned();
    assert_eq!(
        Browser::new(&app, "pixelforge.test")
            .get(&link)
            .await
            .status,
        404
    );
    let mut second = Browser::new(&app, PLATFORM);
    let set = second
        .submit(
            &link,
            "/welcome",
            &[("token", &token), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        (set.status, set.header("location")),
        (303, "/login?welcome=1")
    );
    assert_eq!(
        second.login("second@example.com", PASSWORD).await.status,
        303
    );
    assert_eq!(second.get("/platform").await.status, 200);

    // Nobody removes themselves.
    let me = platform_account(&app, "root@example.com").await;
    let own = root
        .submit(
            "/platform/admins",
            &format!("/platform/admins/{}/remove", me.id),
            &[],
        )
        .await;
    assert_eq!(own.status, 409);
    own.assert_contains("You cannot remove yourself.");
    // Another can; the removed one's session ends with the account.
    let removed = second
        .submit(
            "/platform/admins",
            &format!("/platform/admins/{}/remove", me.id),
            &[],
        )
        .await;
    assert_eq!(removed.status, 303, "{}", removed.body);
    let gone = root.get("/platform").await;
    assert!(
        gone.header("location").starts_with("/login"),
        "the removed super-admin still reaches the console ({})",
        gone.status
    );
    // The last one stays, whoever asks.
    let last = platform_account(&app, "second@example.com").await;
    let stranger = Actor {
        id: me.id,
        email: "root@example.com".to_owned(),
        address: "127.0.0.1".to_owned(),
    };
    assert_eq!(
        app.state
            .store
            .remove_super_admin(last.id, &stranger, app.clock.now())
            .await
            .unwrap_or_else(|e| panic!("{e}")),
        AdminRemoval::LastOne
    );
    assert_eq!(
        audit_actions(&app, None).await,
        ["platform.admin.remove", "platform.admin.add"]
    );
    // The platform's own entries are read on its audit log, named as the platform's.
    let mut reader = super::signed_in_root(&app, "reader@example.com").await;
    let log = reader.get("/platform/audit").await;
    assert_eq!(log.status, 200);
    log.assert_contains("Invited a super-admin");
    log.assert_contains("The platform");
}
