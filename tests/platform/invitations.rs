//! Sending an invitation again from the platform console: an invitee whose link expired
//! gets a new one from a super-admin (a tenant's first admin, or another super-admin; the
//! site's own admin's button is in tests/admin/invitations.rs); the new link sets a password, the old one stays dead, an account with
//! a password is refused, the button cannot flood a mailbox, another site's admin finds
//! nothing, and each one sent is audited.

use std::collections::HashSet;

use atelier_domain::Email;

use super::{audit_actions, signed_in_root, PLATFORM};
use crate::accounts::{user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::smtp::ReceivedMail;
use crate::common::{Db, TestApp};
use crate::jobs::tenant_id;
use crate::on_both_databases;

on_both_databases!(
    an_expired_invitation_is_sent_again_and_only_the_new_link_sets_a_password,
    a_super_admin_still_invited_is_sent_a_new_link_on_the_platform_host,
);

/// Three days and a minute: past an invitation link's life.
pub(crate) const PAST_EXPIRY_MILLIS: i64 = (72 * 60 + 1) * 60_000;

/// Every link starting with `prefix` in the mail delivered so far, as paths on its site.
pub(crate) async fn links(app: &TestApp, prefix: &str) -> HashSet<String> {
    app.state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let Ok(dir) = std::fs::read_dir(app.database.dir.path().join("data/mail")) else {
        return HashSet::new();
    };
    dir.flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .filter_map(|e| {
            let data = std::fs::read_to_string(e.path()).unwrap_or_default();
            ReceivedMail {
                from: String::new(),
                to: vec![],
                data,
            }
            .link(prefix)
        })
        .map(|link| {
            let path_at = link.find("/welcome").unwrap_or(0);
            link[path_at..].to_owned()
        })
        .collect()
}

/// The one link among `now` that `before` did not hold.
pub(crate) fn new_link(before: &HashSet<String>, now: &HashSet<String>) -> String {
    let fresh: Vec<&String> = now.difference(before).collect();
    assert_eq!(
        fresh.len(),
        1,
        "expected one new invitation link: {fresh:?}"
    );
    fresh[0].clone()
}

pub(crate) fn token_of(link: &str) -> String {
    link.split("token=").nth(1).unwrap_or_default().to_owned()
}

/// Creates lumen (lumen.example) from the console with `owner@lumen.example` invited.
pub(crate) async fn lumen_with_invited_owner(root: &mut Browser<'_>) {
    let created = root
        .submit(
            "/platform/tenants/new",
            "/platform/tenants",
            &[
                ("slug", "lumen"),
                ("name", "Lumen Studio"),
                ("domains", "lumen.example"),
                ("admin_email", "owner@lumen.example"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
}

async fn an_expired_invitation_is_sent_again_and_only_the_new_link_sets_a_password(db: Db) {
    let app = TestApp::start(db).await;
    let mut root = signed_in_root(&app, "root@example.com").await;
    lumen_with_invited_owner(&mut root).await;
    let prefix = "http://lumen.localhost:8080/welcome?token=";
    let first = links(&app, prefix).await;
    let old = new_link(&HashSet::new(), &first);

    // Three days on, the link has expired and says to ask for a new one.
    app.clock.advance_millis(PAST_EXPIRY_MILLIS);
    let mut owner = Browser::new(&app, "lumen.example");
    let expired = owner.get(&old).await;
    assert_eq!(expired.status, 410);
    expired.assert_contains("Ask whoever invited you to send a new one.");

    // The tenant's page lists who is still invited, with the link's state.
    let page = root.get("/platform/tenants/lumen").await;
    page.assert_contains("Still invited");
    page.assert_contains("owner@lumen.example");
    page.assert_contains("Link expired");
    let owner_id = user_by_email(&app, "lumen", "owner@lumen.example").await.id;
    let resent = root
        .submit(
            "/platform/tenants/lumen",
            "/platform/tenants/lumen/invite",
            &[("user", &owner_id.to_string())],
        )
        .await;
    assert_eq!(resent.status, 303, "{}", resent.body);
    let location = resent.header("location").to_owned();
    assert!(
        location.starts_with("/platform/tenants/lumen?invited=owner%40lumen.example&n="),
        "{location}"
    );
    root.get(&location)
        .await
        .assert_contains("A new invitation is on its way to owner@lumen.example");

    // At once again: refused, so the button cannot flood the mailbox; no mail is written.
    let again = root
        .submit(
            "/platform/tenants/lumen",
            "/platform/tenants/lumen/invite",
            &[("user", &owner_id.to_string())],
        )
        .await;
    assert_eq!(again.status, 429, "{}", again.body);
    again.assert_contains("wait 60 seconds before sending another");
    let second = links(&app, prefix).await;
    assert_eq!(second.len(), 2, "one new mail, not two");
    let new = new_link(&first, &second);

    // The old link names its replacement; the new one sets the password.
    let replaced = owner.get(&old).await;
    assert_eq!(replaced.status, 410);
    replaced.assert_contains("This invitation was replaced");
    let set_with_old = owner
        .submit(
            &new,
            "/welcome",
            &[("token", &token_of(&old)), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(set_with_old.status, 410, "the old link sets nothing");
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
    assert_eq!(owner.get("/admin").await.status, 200);
    assert_eq!(owner.get(&old).await.status, 410, "the old link stays dead");
    assert_eq!(owner.get(&new).await.status, 410, "the new one worked once");

    // With a password chosen, there is nothing to resend, however long one waits.
    app.clock.advance_millis(5 * 60_000);
    let refused = root
        .submit(
            "/platform/tenants/lumen",
            "/platform/tenants/lumen/invite",
            &[("user", &owner_id.to_string())],
        )
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    refused.assert_contains("owner@lumen.example has already chosen a password");
    root.get("/platform/tenants/lumen")
        .await
        .assert_lacks("Still invited");
    assert_eq!(links(&app, prefix).await.len(), 2);

    // One resend, audited on the tenant's log with what the link was before.
    let lumen = tenant_id(&app, "lumen").await;
    assert_eq!(
        audit_actions(&app, Some(lumen)).await,
        ["invitation.resend", "tenant.create"]
    );
    let rows = app
        .state
        .store
        .audit_page(Some(lumen), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (
            rows[0].subject.as_str(),
            rows[0].before.as_str(),
            rows[0].after.as_str(),
            rows[0].actor_email.as_str()
        ),
        (
            owner_id.to_string().as_str(),
            "link expired",
            "new link sent",
            "root@example.com"
        )
    );
    owner
        .get("/admin/audit")
        .await
        .assert_contains("Sent a new invitation");
}

async fn a_super_admin_still_invited_is_sent_a_new_link_on_the_platform_host(db: Db) {
    let app = TestApp::start(db).await;
    let mut root = signed_in_root(&app, "root@example.com").await;
    let added = root
        .submit(
            "/platform/admins",
            "/platform/admins",
            &[("email", "second@example.com")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let prefix = format!("http://{PLATFORM}:8080/welcome?token=");
    let first = links(&app, &prefix).await;
    let old = new_link(&HashSet::new(), &first);
    let second_id = app
        .state
        .store
        .find_credentials(
            None,
            &Email::parse("second@example.com").unwrap_or_else(|e| panic!("{e}")),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no account"))
        .0
        .id;
    let list = root.get("/platform/admins").await;
    list.assert_contains(&format!("/platform/admins/{second_id}/invite"));
    list.assert_contains("Send a new invitation");

    // Within the minute: refused with a clear message.
    let early = root
        .submit(
            "/platform/admins",
            &format!("/platform/admins/{second_id}/invite"),
            &[],
        )
        .await;
    assert_eq!(early.status, 429);
    early.assert_contains("An invitation was just sent to second@example.com.");

    // The link still works (the invitee lost the mail): a new one replaces it all the same.
    app.clock.advance_millis(2 * 60_000);
    let resent = root
        .submit(
            "/platform/admins",
            &format!("/platform/admins/{second_id}/invite"),
            &[],
        )
        .await;
    assert_eq!(resent.status, 303, "{}", resent.body);
    root.get(resent.header("location"))
        .await
        .assert_contains("A new invitation is on its way to second@example.com");
    let new = new_link(&first, &links(&app, &prefix).await);
    let mut second = Browser::new(&app, PLATFORM);
    assert_eq!(second.get(&old).await.status, 410);
    let set = second
        .submit(
            &new,
            "/welcome",
            &[("token", &token_of(&new)), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(set.status, 303, "{}", set.body);
    assert_eq!(
        second.login("second@example.com", PASSWORD).await.status,
        303
    );

    // The root signed in with a password: nothing to resend. A tenant's account is no
    // platform account.
    let root_id = app
        .state
        .store
        .find_credentials(
            None,
            &Email::parse("root@example.com").unwrap_or_else(|e| panic!("{e}")),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no account"))
        .0
        .id;
    let own = root
        .submit(
            "/platform/admins",
            &format!("/platform/admins/{root_id}/invite"),
            &[],
        )
        .await;
    assert_eq!(own.status, 409);
    let mut maker = Browser::new(&app, "pixelforge.test");
    maker.register("maker@example.com", PASSWORD).await;
    let maker_id = user_by_email(&app, "pixelforge", "maker@example.com")
        .await
        .id;
    let tenants = root
        .submit(
            "/platform/admins",
            &format!("/platform/admins/{maker_id}/invite"),
            &[],
        )
        .await;
    assert_eq!(tenants.status, 404);

    // The platform's own log, with no tenant.
    assert_eq!(
        audit_actions(&app, None).await,
        ["invitation.resend", "platform.admin.add"]
    );
    let rows = app
        .state
        .store
        .audit_page(None, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows[0].tenant_id, None);
    assert_eq!(rows[0].before, "link still valid");
}
