//! Signing up: the bonus and its ledger row, one account per address and tenant, the cap
//! per network, and a bonus that waits for a verified address.

use super::{
    assert_ledger_invariants, set_tenant, user_by_email, user_count, OTHER_PASSWORD, PASSWORD,
};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    sign_up_shows_the_bonus_and_writes_one_ledger_row,
    an_email_registers_once_per_tenant_but_on_every_tenant,
    sign_ups_per_address_are_capped,
    the_bonus_can_wait_for_a_verified_address,
);

async fn sign_up_shows_the_bonus_and_writes_one_ledger_row(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    let done = browser.register("asha@example.com", PASSWORD).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.header("location"), "/account?welcome=1");
    let account = browser.get("/account?welcome=1").await;
    assert_eq!(account.status, 200);
    account.assert_contains("20 Sparks have been added");
    account.assert_contains("asha@example.com");
    account.assert_contains("Welcome bonus");

    let user = user_by_email(&app, "pixelforge", "asha@example.com").await;
    assert_eq!(user.balance, 20);
    let ledger = app
        .state
        .store
        .ledger_page(user.id, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].delta, 20);
    assert_eq!(ledger[0].reason, atelier_domain::LedgerReason::SignupBonus);
    assert_ledger_invariants(&app, &user).await;
}

async fn an_email_registers_once_per_tenant_but_on_every_tenant(db: Db) {
    let app = TestApp::start(db).await;
    let mut first = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        first.register("ravi@example.com", PASSWORD).await.status,
        303
    );
    let mut again = Browser::new(&app, "pixelforge.test");
    let refused = again.register("Ravi@Example.com", OTHER_PASSWORD).await;
    assert_eq!(refused.status, 409);
    refused.assert_contains("already exists");
    assert_eq!(user_count(&app, "pixelforge").await, 1);
    let mut elsewhere = Browser::new(&app, "nocturne.test");
    assert_eq!(
        elsewhere
            .register("ravi@example.com", OTHER_PASSWORD)
            .await
            .status,
        303
    );
    assert_eq!(user_count(&app, "nocturne").await, 1);
}

async fn sign_ups_per_address_are_capped(db: Db) {
    let app = TestApp::start(db).await;
    set_tenant(&app, "pixelforge", |s| s.signup_limit_per_ip = 2).await;
    for i in 0..2 {
        let mut b = Browser::new(&app, "pixelforge.test");
        assert_eq!(
            b.register(&format!("u{i}@example.com"), PASSWORD)
                .await
                .status,
            303
        );
    }
    let mut b = Browser::new(&app, "pixelforge.test");
    let capped = b.register("u3@example.com", PASSWORD).await;
    assert_eq!(capped.status, 429);
    capped.assert_contains("Too many accounts were created from your network today");
    assert_eq!(user_count(&app, "pixelforge").await, 2);
    // Another tenant counts its own sign-ups.
    assert_eq!(
        Browser::new(&app, "nocturne.test")
            .register("u3@example.com", PASSWORD)
            .await
            .status,
        303
    );
    // A day later the address may sign up again.
    app.clock.advance_millis(24 * 3_600_000 + 1);
    assert_eq!(b.register("u3@example.com", PASSWORD).await.status, 303);
}

async fn the_bonus_can_wait_for_a_verified_address(db: Db) {
    let app = TestApp::start(db).await;
    set_tenant(&app, "pixelforge", |s| {
        s.bonus_requires_verified_email = true
    })
    .await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    let signup = browser.get("/register").await;
    signup.assert_contains("confirm");
    browser.register("vera@example.com", PASSWORD).await;
    let user = user_by_email(&app, "pixelforge", "vera@example.com").await;
    assert_eq!((user.balance.get(), user.bonus_pending), (0, true));
    browser
        .get("/account?welcome=1")
        .await
        .assert_contains("Confirm your email");

    app.state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mail = std::fs::read_dir(app.database.dir.path().join("data/mail"))
        .unwrap_or_else(|e| panic!("no .eml files were written: {e}"))
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .map(|data| crate::common::smtp::ReceivedMail {
            from: String::new(),
            to: vec![],
            data,
        })
        .inspect(|m| {
            // A day, said as a day, not as 1440 minutes.
            assert!(m.data.contains("expires in 24 hours"), "{}", m.data);
        })
        .find_map(|m| m.link("http://pixelforge.test:8080/verify-email?token="))
        .unwrap_or_else(|| panic!("no verification link in the written mail"));
    let path = &mail["http://pixelforge.test:8080".len()..];
    let verified = browser.get(path).await;
    assert_eq!(verified.status, 200);
    verified.assert_contains("20");
    let user = user_by_email(&app, "pixelforge", "vera@example.com").await;
    assert_eq!(
        (user.balance.get(), user.bonus_pending, user.email_verified),
        (20, false, true)
    );
    assert_ledger_invariants(&app, &user).await;
    // Twice is not a second bonus.
    assert_eq!(browser.get(path).await.status, 410);
    let user = user_by_email(&app, "pixelforge", "vera@example.com").await;
    assert_eq!(user.balance, 20);
}
