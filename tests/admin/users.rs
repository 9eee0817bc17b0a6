//! The tenant admin's users pages: the search, a profile, adjusting credits with a reason,
//! deleting an account; each action in the audit log, and nothing of another site's.

use std::sync::Arc;

use atelier_domain::{Clock, LedgerReason};
use atelier_worker::DemoBackend;

use crate::accounts::{
    assert_ledger_invariants, make_tenant_admin, set_tenant, user_by_email, PASSWORD,
};
use crate::common::browser::{job_id_of, Browser};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_list_finds_people_by_the_start_of_their_email_or_name,
    an_admin_adjusts_credits_with_a_reason_through_the_ledger,
    an_admin_deletes_an_account_as_its_owner_could,
    another_sites_admin_finds_none_of_this_sites_accounts,
    a_role_change_is_audited_with_the_roles_before_and_after,
);

const BOSS: &str = "boss@pixelforge.example";

async fn sign_up(app: &TestApp, host: &str, email: &str, name: &str) {
    let mut browser = Browser::new(app, host);
    let page = browser
        .submit(
            "/register",
            "/register",
            &[("name", name), ("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
}

/// The site's admin, signed in.
async fn boss(app: &TestApp) -> Browser<'_> {
    let mut boss = Browser::new(app, "pixelforge.test");
    assert_eq!(boss.register(BOSS, PASSWORD).await.status, 303);
    make_tenant_admin(app, "pixelforge", BOSS).await;
    boss
}

async fn the_list_finds_people_by_the_start_of_their_email_or_name(db: Db) {
    let app = TestApp::start(db).await;
    // Everyone here signs up from the same address.
    set_tenant(&app, "pixelforge", |s| s.signup_limit_per_ip = 0).await;
    let mut boss = boss(&app).await;
    sign_up(
        &app,
        "pixelforge.test",
        "asha.rao@pixelforge.example",
        "Asha Rao",
    )
    .await;
    sign_up(
        &app,
        "pixelforge.test",
        "ravi@pixelforge.example",
        "Ravi Kumar",
    )
    .await;
    sign_up(
        &app,
        "pixelforge.test",
        "zed@pixelforge.example",
        "Ashwin Iyer",
    )
    .await;
    sign_up(&app, "nocturne.test", "asha@nocturne.example", "Asha Night").await;

    // Capitals don't matter; the start of an email address.
    let found = boss.get("/admin/users?q=ASHA.R").await;
    assert_eq!(found.status, 200);
    found.assert_contains("asha.rao@pixelforge.example");
    found.assert_lacks("ravi@pixelforge.example");
    found.assert_lacks("asha@nocturne.example");
    // The start of a name; another site's Asha is not found.
    let by_name = boss.get("/admin/users?q=ash").await;
    by_name.assert_contains("asha.rao@pixelforge.example");
    by_name.assert_contains("zed@pixelforge.example");
    by_name.assert_lacks("ravi@pixelforge.example");
    by_name.assert_lacks("asha@nocturne.example");
    // The page says what a search matches on.
    by_name.assert_contains("Type the start of an email address or of a name");
    // A name matches from its first letter, not from its middle.
    let none = boss.get("/admin/users?q=kumar").await;
    assert_eq!(none.status, 200);
    none.assert_contains("Nobody matches");
    none.assert_lacks("ravi@pixelforge.example");
    // Without a search, everyone, with a link to each profile.
    let all = boss.get("/admin/users").await;
    all.assert_contains("ravi@pixelforge.example");
    let ravi = user_by_email(&app, "pixelforge", "ravi@pixelforge.example").await;
    all.assert_contains(&format!("href=\"/admin/users/{}\"", ravi.id));
}

async fn an_admin_adjusts_credits_with_a_reason_through_the_ledger(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = boss(&app).await;
    sign_up(&app, "pixelforge.test", "maker@pixelforge.example", "Maker").await;
    let maker = user_by_email(&app, "pixelforge", "maker@pixelforge.example").await;
    let admin = user_by_email(&app, "pixelforge", BOSS).await;
    let tenant = maker.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    let profile = format!("/admin/users/{}", maker.id);
    let action = format!("{profile}/credits");
    let start = maker.balance.get();

    let added = boss
        .submit(
            &profile,
            &action,
            &[("delta", "+50"), ("reason", "Refund for ticket 7")],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    assert_eq!(added.header("location"), format!("{profile}?done=credits"));
    let page = boss.get(&format!("{profile}?done=credits")).await;
    assert_eq!(page.status, 200);
    page.assert_contains("The credits were adjusted");
    page.assert_contains("Refund for ticket 7");
    page.assert_contains(BOSS);
    page.assert_contains("/admin/jobs?user=maker%40pixelforge.example");

    let ledger = app
        .state
        .store
        .admin_ledger_page(tenant, maker.id, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let newest = &ledger[0];
    assert_eq!(newest.entry.delta, 50);
    assert_eq!(newest.entry.reason, LedgerReason::AdminAdjustment);
    assert_eq!(newest.entry.reference, "Refund for ticket 7");
    assert_eq!(newest.actor_email.as_deref(), Some(BOSS));
    let audit = app
        .state
        .store
        .audit_page(Some(tenant), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let row = audit
        .iter()
        .find(|r| r.action == "user.credits")
        .unwrap_or_else(|| panic!("no audit row"));
    assert_eq!(row.subject, maker.id.to_string());
    assert_eq!(
        (row.before.as_str(), row.after.as_str()),
        (
            start.to_string().as_str(),
            (start + 50).to_string().as_str()
        )
    );
    assert_eq!(row.actor_email, admin.email.as_str());

    // More than the balance cannot be taken; nothing is written.
    let too_much = format!("-{}", start + 51);
    let refused = boss
        .submit(
            &profile,
            &action,
            &[("delta", too_much.as_str()), ("reason", "Clawback")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("You can take away at most");
    // A reason is required.
    let no_reason = boss
        .submit(&profile, &action, &[("delta", "5"), ("reason", "")])
        .await;
    assert_eq!(no_reason.status, 422);
    no_reason.assert_contains("Write a reason of at least 3 characters");
    let zero = boss
        .submit(&profile, &action, &[("delta", "0"), ("reason", "nothing")])
        .await;
    assert_eq!(zero.status, 422);

    // A deduction within the balance goes through.
    let taken = boss
        .submit(
            &profile,
            &action,
            &[("delta", "-20"), ("reason", "Duplicate")],
        )
        .await;
    assert_eq!(taken.status, 303);
    let after = user_by_email(&app, "pixelforge", "maker@pixelforge.example").await;
    assert_eq!(after.balance.get(), start + 30);
    assert_ledger_invariants(&app, &after).await;
    // The person reads the reason in their own history.
    let mut maker_browser = Browser::new(&app, "pixelforge.test");
    maker_browser
        .login("maker@pixelforge.example", PASSWORD)
        .await;
    maker_browser
        .get("/account")
        .await
        .assert_contains("Refund for ticket 7");
}

async fn an_admin_deletes_an_account_as_its_owner_could(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    let worker = app.worker(Arc::new(DemoBackend::default()));
    let mut boss = boss(&app).await;
    const EMAIL: &str = "leaving@pixelforge.example";
    let mut person = Browser::new(&app, "pixelforge.test");
    person.register(EMAIL, PASSWORD).await;
    // They read the site in Hindi: the mail telling them comes in Hindi.
    person
        .submit(
            "/account",
            "/language",
            &[("language", "hi"), ("next", "/")],
        )
        .await;
    let done = job_id_of(&person.generate("my secret garden", 64, 64).await);
    assert!(matches!(worker.run_once().await, Ok(true)));
    let user = user_by_email(&app, "pixelforge", EMAIL).await;
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    let job = atelier_domain::JobId(uuid::Uuid::parse_str(&done).unwrap_or_else(|e| panic!("{e}")));
    let image = app
        .state
        .find_job(tenant, None, job)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .and_then(|j| j.image_id)
        .unwrap_or_else(|| panic!("an image"));
    let file = app.state.storage.image_path(tenant, image);
    assert!(file.exists());
    let profile = format!("/admin/users/{}", user.id);
    let action = format!("{profile}/delete");

    // Without the address typed, or with another, nothing is deleted.
    let wrong = boss
        .submit(
            &profile,
            &action,
            &[("confirm_email", "someone@else.example")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    wrong.assert_contains("not this account");
    // Not while an image is in progress.
    person.generate("one more", 64, 64).await;
    let busy = boss
        .submit(&profile, &action, &[("confirm_email", EMAIL)])
        .await;
    assert_eq!(busy.status, 422);
    busy.assert_contains("images in progress");
    assert!(matches!(worker.run_once().await, Ok(true)));
    // Not the admin's own account.
    let me = user_by_email(&app, "pixelforge", BOSS).await;
    let mine = format!("/admin/users/{}", me.id);
    let own = boss
        .submit(&mine, &format!("{mine}/delete"), &[("confirm_email", BOSS)])
        .await;
    assert_eq!(own.status, 422);
    own.assert_contains("cannot delete your own account here");

    let deleted = boss
        .submit(
            &profile,
            &action,
            &[("confirm_email", " Leaving@Pixelforge.example ")],
        )
        .await;
    assert_eq!(deleted.status, 303, "{}", deleted.body);
    assert_eq!(deleted.header("location"), "/admin/users?done=deleted");

    // Signed out, and nobody signs in with the old address and password.
    assert_eq!(person.get("/account").await.status, 303);
    let mut again = Browser::new(&app, "pixelforge.test");
    assert_ne!(again.login(EMAIL, PASSWORD).await.status, 303);
    crate::common::within(
        std::time::Duration::from_secs(10),
        "the image file going",
        async {
            while file.exists() {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        },
    )
    .await;
    // The books stay, detached from the person.
    let row = app
        .state
        .store
        .find_user(Some(tenant), user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the row the ledger needs"));
    assert!(row.email.as_str().ends_with("@deleted.invalid"));
    assert_ledger_invariants(&app, &row).await;
    let ledger = app
        .state
        .store
        .admin_ledger_page(tenant, user.id, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(ledger.len() >= 2, "the bonus and the charges stay");
    // The audit log says who deleted which account.
    let audit = app
        .state
        .store
        .audit_page(Some(tenant), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let entry = audit
        .iter()
        .find(|r| r.action == "user.delete")
        .unwrap_or_else(|| panic!("no audit row"));
    assert_eq!(entry.subject, user.id.to_string());
    assert_eq!(entry.actor_email, BOSS);
    // Deleted once: the row left for the books is not found by any change.
    let twice = boss
        .submit("/admin/users", &action, &[("confirm_email", EMAIL)])
        .await;
    assert_eq!(twice.status, 404);
    // The mail to the old address, in Hindi, says the site deleted it.
    let mails = app
        .state
        .store
        .claim_due_mail(app.clock.now(), 60_000, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let told = mails
        .iter()
        .find(|m| m.to_address == EMAIL)
        .unwrap_or_else(|| panic!("no mail to {EMAIL}"));
    assert!(
        told.body_text.contains("साइट की टीम ने हटा दिया"),
        "{}",
        told.body_text
    );
}

async fn another_sites_admin_finds_none_of_this_sites_accounts(db: Db) {
    let app = TestApp::start(db).await;
    let _ = boss(&app).await;
    sign_up(&app, "pixelforge.test", "maker@pixelforge.example", "Maker").await;
    let maker = user_by_email(&app, "pixelforge", "maker@pixelforge.example").await;
    let mut night = Browser::new(&app, "nocturne.test");
    night.register("night@nocturne.example", PASSWORD).await;
    make_tenant_admin(&app, "nocturne", "night@nocturne.example").await;
    let profile = format!("/admin/users/{}", maker.id);
    assert_eq!(night.get(&profile).await.status, 404);
    for (action, fields) in [
        ("credits", vec![("delta", "500"), ("reason", "a gift")]),
        (
            "delete",
            vec![("confirm_email", "maker@pixelforge.example")],
        ),
        ("disable", vec![]),
        ("enable", vec![]),
    ] {
        let page = night
            .submit("/admin/users", &format!("{profile}/{action}"), &fields)
            .await;
        assert_eq!(page.status, 404, "{action}");
    }
    let untouched = user_by_email(&app, "pixelforge", "maker@pixelforge.example").await;
    assert_eq!(untouched.balance, maker.balance);
    assert!(!untouched.disabled);
}

async fn a_role_change_is_audited_with_the_roles_before_and_after(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = boss(&app).await;
    sign_up(
        &app,
        "pixelforge.test",
        "helper@pixelforge.example",
        "Helper",
    )
    .await;
    let helper = user_by_email(&app, "pixelforge", "helper@pixelforge.example").await;
    let done = boss
        .submit(
            "/admin/users",
            &format!("/admin/users/{}/role", helper.id),
            &[("role", "tenant_admin")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let tenant = helper.tenant_id.unwrap_or_else(|| panic!("no tenant"));
    let audit = app
        .state
        .store
        .audit_page(Some(tenant), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let row = audit
        .iter()
        .find(|r| r.action == "user.role")
        .unwrap_or_else(|| panic!("no audit row for the role change"));
    assert_eq!(
        (
            row.subject.as_str(),
            row.before.as_str(),
            row.after.as_str()
        ),
        (helper.id.to_string().as_str(), "user", "tenant_admin")
    );
    assert_eq!(row.actor_email, BOSS);
    boss.get("/admin/audit")
        .await
        .assert_contains("Changed an account’s role");
}
