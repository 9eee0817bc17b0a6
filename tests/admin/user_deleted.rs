//! A deleted account is kept for the books only: it is listed as deleted with nothing to
//! press, nothing an admin posts changes it (404), it counts neither as a person on the
//! dashboard nor as an admin who keeps the site, and its address leaves the audit log.

use super::user_admins::{admin, SAME_ORIGIN};
use crate::access::create_super_admin;
use crate::accounts::{make_tenant_admin, user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;
use crate::platform::invitations::lumen_with_invited_owner;
use atelier_domain::Clock;
use atelier_store::{Actor, AdminRemoval};

on_both_databases!(
    a_deleted_account_is_listed_as_deleted_and_nothing_changes_it,
    a_deleted_admin_keeps_no_site_from_losing_its_last_admin,
    a_deleted_persons_address_leaves_the_audit_log,
    a_deleted_account_leaves_the_platforms_rows_about_a_super_admin_of_its_address,
);

const HELPER: &str = "helper@pixelforge.example";

/// Boss (signed in, with the list's form token) and a helper made an admin, then deleted.
async fn boss_and_deleted_helper(app: &TestApp) -> (Browser<'_>, String, atelier_domain::User) {
    let (mut boss, token) = admin(app, "boss@pixelforge.example").await;
    let mut helper = Browser::new(app, "pixelforge.test");
    assert_eq!(helper.register(HELPER, PASSWORD).await.status, 303);
    let id = make_tenant_admin(app, "pixelforge", HELPER).await.id;
    let profile = format!("/admin/users/{id}");
    let deleted = boss
        .submit(
            &profile,
            &format!("{profile}/delete"),
            &[("confirm_email", HELPER)],
        )
        .await;
    assert_eq!(deleted.status, 303, "{}", deleted.body);
    let tenant = user_by_email(app, "pixelforge", "boss@pixelforge.example")
        .await
        .tenant_id;
    let row = app
        .state
        .store
        .find_user(tenant, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the row the books keep"));
    assert!(row.deleted);
    (boss, token, row)
}

async fn a_deleted_account_is_listed_as_deleted_and_nothing_changes_it(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, token, ghost) = boss_and_deleted_helper(&app).await;
    let id = ghost.id;
    for (action, fields) in [
        ("enable", vec![]),
        ("disable", vec![]),
        ("role", vec![("role", "user")]),
        ("role", vec![("role", "tenant_admin")]),
        ("credits", vec![("delta", "50"), ("reason", "A gift")]),
        ("invite", vec![]),
        ("delete", vec![("confirm_email", ghost.email.as_str())]),
    ] {
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend(fields);
        let page = boss
            .post_raw(&format!("/admin/users/{id}/{action}"), &all, SAME_ORIGIN)
            .await;
        assert_eq!(page.status, 404, "{action}: {}", page.body);
    }
    let after = user_by_email(&app, "pixelforge", ghost.email.as_str()).await;
    assert_eq!(after, ghost, "nothing changed the deleted row");

    // Listed, marked deleted, with no form for it; its profile reads, with none either.
    let list = boss.get("/admin/users").await;
    list.assert_contains("Deleted");
    for action in ["enable", "disable", "role"] {
        list.assert_lacks(&format!("/admin/users/{id}/{action}"));
    }
    let profile = boss.get(&format!("/admin/users/{id}")).await;
    assert_eq!(profile.status, 200);
    profile.assert_contains("This account was deleted.");
    for action in ["enable", "credits", "delete"] {
        profile.assert_lacks(&format!("/admin/users/{id}/{action}"));
    }
    // The dashboard counts the site's people: the boss alone.
    boss.get("/admin")
        .await
        .assert_contains("Users</dt><dd>1</dd>");
}

async fn a_deleted_admin_keeps_no_site_from_losing_its_last_admin(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, _, ghost) = boss_and_deleted_helper(&app).await;
    // A deleted admin an older version let be enabled again still holds the role.
    app.execute_sql(&format!(
        "update users set disabled_at = null where email = '{}'",
        ghost.email
    ))
    .await;
    let refused = boss
        .submit("/account", "/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    refused.assert_contains("only admin: make someone else an admin first");
    assert!(
        !user_by_email(&app, "pixelforge", "boss@pixelforge.example")
            .await
            .deleted
    );
}

async fn a_deleted_persons_address_leaves_the_audit_log(db: Db) {
    let app = TestApp::start(db).await;
    create_super_admin(&app, "root@example.com").await;
    let mut root = Browser::new(&app, "platform.localhost");
    assert_eq!(root.login("root@example.com", PASSWORD).await.status, 303);
    lumen_with_invited_owner(&mut root).await;
    const OWNER: &str = "owner@lumen.example";
    let owner = user_by_email(&app, "lumen", OWNER).await;
    let lumen = owner.tenant_id.unwrap_or_else(|| panic!("lumen's account"));
    app.clock.advance_millis(61_000);
    let resent = root
        .submit(
            "/platform/tenants/lumen",
            "/platform/tenants/lumen/invite",
            &[("user", &owner.id.to_string())],
        )
        .await;
    assert_eq!(resent.status, 303, "{}", resent.body);
    let store = &app.state.store;
    let every = async || {
        store
            .audit_page(None, None, 100)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let resend = every()
        .await
        .into_iter()
        .find(|r| r.action == "invitation.resend")
        .unwrap_or_else(|| panic!("no invitation.resend row"));
    assert_eq!(
        resend.subject,
        owner.id.to_string(),
        "the account, not its address"
    );

    // Another admin of lumen deletes the invited owner.
    let mut partner = Browser::new(&app, "lumen.example");
    assert_eq!(
        partner
            .register("partner@lumen.example", PASSWORD)
            .await
            .status,
        303
    );
    make_tenant_admin(&app, "lumen", "partner@lumen.example").await;
    let profile = format!("/admin/users/{}", owner.id);
    let deleted = partner
        .submit(
            &profile,
            &format!("{profile}/delete"),
            &[("confirm_email", OWNER)],
        )
        .await;
    assert_eq!(deleted.status, 303, "{}", deleted.body);

    let rows = every().await;
    for row in &rows {
        for text in [&row.subject, &row.before, &row.after, &row.actor_email] {
            assert!(!text.contains(OWNER), "{} still says {text}", row.action);
        }
    }
    let created = rows
        .iter()
        .find(|r| r.action == "tenant.create" && r.tenant_id == Some(lumen))
        .unwrap_or_else(|| panic!("no tenant.create row"));
    assert!(
        created.after.contains("first admin: deleted-"),
        "{}",
        created.after
    );
}

/// The platform's rows name super-admins, never a site's accounts: deleting a site's
/// account whose address is also a super-admin's (here one removed since, so no current
/// super-admin has it) leaves the platform's record of that super-admin as it was.
async fn a_deleted_account_leaves_the_platforms_rows_about_a_super_admin_of_its_address(db: Db) {
    let app = TestApp::start(db).await;
    const SAM: &str = "sam@example.com";
    let root = create_super_admin(&app, "root@example.com").await;
    let sam = create_super_admin(&app, SAM).await;
    let store = &app.state.store;
    let as_root = Actor {
        id: root.id,
        email: root.email.to_string(),
        address: "127.0.0.1".to_owned(),
    };
    let removed = store
        .remove_super_admin(sam.id, &as_root, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(removed, AdminRemoval::Removed));
    // Sam also has an account on pixelforge, which its admin deletes.
    let (mut boss, _) = admin(&app, "boss@pixelforge.example").await;
    let mut on_site = Browser::new(&app, "pixelforge.test");
    assert_eq!(on_site.register(SAM, PASSWORD).await.status, 303);
    let account = user_by_email(&app, "pixelforge", SAM).await;
    let profile = format!("/admin/users/{}", account.id);
    let deleted = boss
        .submit(
            &profile,
            &format!("{profile}/delete"),
            &[("confirm_email", SAM)],
        )
        .await;
    assert_eq!(deleted.status, 303, "{}", deleted.body);

    let rows = store
        .audit_page(None, None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let platform: Vec<_> = rows.iter().filter(|r| r.tenant_id.is_none()).collect();
    let removal = platform
        .iter()
        .find(|r| r.action == "platform.admin.remove")
        .unwrap_or_else(|| panic!("no platform.admin.remove row"));
    assert_eq!(removal.subject, SAM, "the platform's staff record");
    for row in &platform {
        for text in [&row.subject, &row.before, &row.after, &row.actor_email] {
            assert!(!text.contains("deleted"), "{} now says {text}", row.action);
        }
    }
    // The site's own rows keep no trace of the address.
    let site = account.tenant_id;
    for row in rows.iter().filter(|r| r.tenant_id == site) {
        for text in [&row.subject, &row.before, &row.after, &row.actor_email] {
            assert!(!text.contains(SAM), "{} still says {text}", row.action);
        }
    }
}
