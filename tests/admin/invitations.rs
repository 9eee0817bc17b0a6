//! A site's admin sends a new invitation to an admin of their own site who has not chosen
//! a password yet (from the account's profile); another site's admin finds no such account,
//! and an account with a password is told there is nothing to resend.

use std::collections::HashSet;

use crate::access::create_super_admin;
use crate::accounts::{make_tenant_admin, user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::jobs::tenant_id;
use crate::on_both_databases;
use crate::platform::invitations::{
    links, lumen_with_invited_owner, new_link, token_of, PAST_EXPIRY_MILLIS,
};

on_both_databases!(
    a_sites_admin_sends_its_invited_admin_a_new_link_and_reaches_no_other_sites,
    an_invitee_who_reset_their_password_is_invited_no_more,
);

/// The audit log's actions for a tenant, newest first.
async fn audit_actions(app: &TestApp, tenant: atelier_domain::TenantId) -> Vec<String> {
    app.state
        .store
        .audit_page(Some(tenant), None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|r| r.action)
        .collect()
}

async fn a_sites_admin_sends_its_invited_admin_a_new_link_and_reaches_no_other_sites(db: Db) {
    let app = TestApp::start(db).await;
    create_super_admin(&app, "root@example.com").await;
    let mut root = Browser::new(&app, "platform.localhost");
    assert_eq!(root.login("root@example.com", PASSWORD).await.status, 303);
    lumen_with_invited_owner(&mut root).await;
    let prefix = "http://lumen.localhost:8080/welcome?token=";
    let first: HashSet<String> = links(&app, prefix).await;
    // A second admin of lumen, with a password of their own.
    let mut partner = Browser::new(&app, "lumen.example");
    assert_eq!(
        partner
            .register("partner@lumen.example", PASSWORD)
            .await
            .status,
        303
    );
    make_tenant_admin(&app, "lumen", "partner@lumen.example").await;
    let owner_id = user_by_email(&app, "lumen", "owner@lumen.example").await.id;
    let partner_id = user_by_email(&app, "lumen", "partner@lumen.example")
        .await
        .id;
    app.clock.advance_millis(PAST_EXPIRY_MILLIS);

    let profile = partner.get(&format!("/admin/users/{owner_id}")).await;
    assert_eq!(profile.status, 200);
    profile.assert_contains("its link has expired");
    profile.assert_contains(&format!("/admin/users/{owner_id}/invite"));
    partner
        .get(&format!("/admin/users/{partner_id}"))
        .await
        .assert_lacks("/invite\"");

    // Another site's admin, on their own site, finds no such account.
    let mut other = Browser::new(&app, "pixelforge.test");
    other.register("boss@example.com", PASSWORD).await;
    make_tenant_admin(&app, "pixelforge", "boss@example.com").await;
    let elsewhere = other
        .submit(
            "/admin/users",
            &format!("/admin/users/{owner_id}/invite"),
            &[],
        )
        .await;
    assert_eq!(elsewhere.status, 404);

    let resent = partner
        .submit(
            &format!("/admin/users/{owner_id}"),
            &format!("/admin/users/{owner_id}/invite"),
            &[],
        )
        .await;
    assert_eq!(resent.status, 303, "{}", resent.body);
    partner
        .get(resent.header("location"))
        .await
        .assert_contains("A new invitation is on its way");
    let new = new_link(&first, &links(&app, prefix).await);
    // An account that chose its password has nothing to resend, and is told so.
    let own = partner
        .submit(
            &format!("/admin/users/{partner_id}"),
            &format!("/admin/users/{partner_id}/invite"),
            &[],
        )
        .await;
    assert_eq!(own.status, 409);
    own.assert_contains("partner@lumen.example has already chosen a password");

    let mut owner = Browser::new(&app, "lumen.example");
    let set = owner
        .submit(
            &new,
            "/welcome",
            &[("token", &token_of(&new)), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(set.status, 303, "{}", set.body);
    assert_eq!(
        owner.login("owner@lumen.example", PASSWORD).await.status,
        303
    );
    let lumen = tenant_id(&app, "lumen").await;
    let rows = app
        .state
        .store
        .audit_page(Some(lumen), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let resends: Vec<&str> = rows
        .iter()
        .filter(|r| r.action == "invitation.resend")
        .map(|r| r.actor_email.as_str())
        .collect();
    assert_eq!(resends, ["partner@lumen.example"]);
    assert!(audit_actions(&app, tenant_id(&app, "pixelforge").await)
        .await
        .iter()
        .all(|a| a != "invitation.resend"));
}

async fn an_invitee_who_reset_their_password_is_invited_no_more(db: Db) {
    let app = TestApp::start(db).await;
    create_super_admin(&app, "root@example.com").await;
    let mut root = Browser::new(&app, "platform.localhost");
    assert_eq!(root.login("root@example.com", PASSWORD).await.status, 303);
    lumen_with_invited_owner(&mut root).await;
    let invitation = new_link(
        &HashSet::new(),
        &links(&app, "http://lumen.localhost:8080/welcome?token=").await,
    );
    // The owner finds "forgot your password" before the invitation mail, on the address the
    // site answers on at once; the reset link goes back there, not to its own domain (whose
    // DNS may not point here yet).
    let mut owner = Browser::new(&app, "lumen.localhost");
    let asked = owner
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "owner@lumen.example")],
        )
        .await;
    assert_eq!(asked.status, 200);
    app.state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let reset = crate::security_tokens::written_link(
        &app,
        "http://lumen.localhost:8080/reset-password?token=",
    )
    .await;
    let done = owner
        .submit(
            &reset,
            "/reset-password",
            &[("token", &token_of(&reset)), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);

    // The invitation can no longer set a password over the one chosen, and nobody can send
    // another.
    assert_eq!(owner.get(&invitation).await.status, 410);
    let owner_id = user_by_email(&app, "lumen", "owner@lumen.example").await.id;
    app.clock.advance_millis(2 * 60_000);
    let resend = root
        .submit(
            "/platform/tenants/lumen",
            "/platform/tenants/lumen/invite",
            &[("user", &owner_id.to_string())],
        )
        .await;
    assert_eq!(resend.status, 409, "{}", resend.body);
    root.get("/platform/tenants/lumen")
        .await
        .assert_lacks("Still invited");
}
