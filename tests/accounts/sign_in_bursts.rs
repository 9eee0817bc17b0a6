//! What a burst of sign-ins gets: password hashing runs a few at a time, and a request that
//! finds no turn within the wait is asked, on the site's own error page, to come back in a
//! few seconds, having changed nothing. Every form that hashes or checks a password is
//! bound, the sign-in of an unknown address too (it is checked against a decoy, so it costs
//! what a wrong password costs).

use super::{user_count, OTHER_PASSWORD, PASSWORD};
use crate::common::browser::Browser;
use crate::common::smtp::SmtpServer;
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(every_password_form_waits_its_turn_then_is_asked_to_come_back);

fn assert_asked_to_come_back(page: &Page, what: &str) {
    assert_eq!(page.status, 503, "{what}: {}", page.body);
    assert_eq!(page.header("retry-after"), "5", "{what}");
    page.assert_contains("data-template=\"default/error\"");
    page.assert_contains("Many people are signing in right now");
    page.assert_contains("please try again in a few seconds");
}

async fn every_password_form_waits_its_turn_then_is_asked_to_come_back(db: Db) {
    let smtp = SmtpServer::start().await;
    let app = TestApp::start_with(
        db,
        &format!(
            "smtp_url = {:?}\n[limits]\npassword_hashes_at_once = 1\npassword_hash_wait_ms = 200",
            smtp.url()
        ),
    )
    .await;
    let mut lata = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        lata.register("lata@example.com", PASSWORD).await.status,
        303
    );
    let mut phone = Browser::new(&app, "pixelforge.test");
    let asked = phone
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "lata@example.com")],
        )
        .await;
    assert_eq!(asked.status, 200);
    app.state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let link = smtp
        .messages()
        .into_iter()
        .rev()
        .find_map(|m| m.link("http://pixelforge.test:8080/reset-password?token="))
        .unwrap_or_else(|| panic!("no reset link was mailed"));
    let reset_path = link["http://pixelforge.test:8080".len()..].to_owned();
    let token = reset_path.split("token=").nth(1).unwrap_or_default();

    // The only turn is taken, as by a sign-in that is still hashing.
    let held = app
        .state
        .password_work
        .turn()
        .await
        .unwrap_or_else(|e| panic!("the free turn was refused: {e}"));
    let mut visitor = Browser::new(&app, "pixelforge.test");
    let known = visitor.login("lata@example.com", PASSWORD).await;
    assert_asked_to_come_back(&known, "sign-in");
    let unknown = visitor.login("nobody@example.com", PASSWORD).await;
    assert_asked_to_come_back(&unknown, "sign-in of an unknown address");
    let sign_up = visitor.register("ravi@example.com", PASSWORD).await;
    assert_asked_to_come_back(&sign_up, "sign-up");
    assert_eq!(
        user_count(&app, "pixelforge").await,
        1,
        "no account was made"
    );
    let change = lata
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", OTHER_PASSWORD),
            ],
        )
        .await;
    assert_asked_to_come_back(&change, "password change");
    let (api_token, _) = lata.make_api_token("laptop", PASSWORD).await;
    assert_asked_to_come_back(&api_token, "API token (which asks for the password)");
    let reset = phone
        .submit(
            &reset_path,
            "/reset-password",
            &[("token", token), ("password", OTHER_PASSWORD)],
        )
        .await;
    assert_asked_to_come_back(&reset, "password reset");
    // As many sign-ins turned away busy as the account and the address may try in their
    // hour: none of them counted, since none was checked.
    for _ in 0..10 {
        let again = visitor.login("lata@example.com", PASSWORD).await;
        assert_asked_to_come_back(&again, "sign-in tried again while busy");
    }

    // Once the turn is free, the same requests go through: the reset link was not used up,
    // and the old password still worked until it.
    drop(held);
    assert_eq!(
        visitor.login("lata@example.com", PASSWORD).await.status,
        303
    );
    let reset = phone
        .submit(
            &reset_path,
            "/reset-password",
            &[("token", token), ("password", OTHER_PASSWORD)],
        )
        .await;
    assert_eq!(reset.status, 303, "{}", reset.body);
    assert_eq!(
        phone.login("lata@example.com", OTHER_PASSWORD).await.status,
        303
    );
}
