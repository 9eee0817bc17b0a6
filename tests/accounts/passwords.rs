//! Passwords: a reset by mail (through a real SMTP conversation) that works once and expires,
//! the same answer for unknown addresses, mail that waits out an SMTP outage, and a change
//! that signs out other devices.

use super::{OTHER_PASSWORD, PASSWORD};
use crate::common::browser::Browser;
use crate::common::smtp::SmtpServer;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_reset_link_works_once_expires_after_an_hour_and_ends_other_sessions,
    forgot_password_answers_the_same_for_unknown_addresses,
    mail_waits_in_the_outbox_through_an_smtp_outage,
    changing_the_password_signs_out_other_devices,
);

async fn a_reset_link_works_once_expires_after_an_hour_and_ends_other_sessions(db: Db) {
    let smtp = SmtpServer::start().await;
    let app = TestApp::start_with(db, &format!("smtp_url = {:?}", smtp.url())).await;
    let mut laptop = Browser::new(&app, "pixelforge.test");
    laptop.register("lata@example.com", PASSWORD).await;
    app.state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    // Asked from the www host with a port: the link goes back to that host of the site (it
    // works for the person already), with the configured port, not the one the Host header
    // named. A host that is no site of ours never gets this far.
    let mut phone = Browser::new(&app, "www.pixelforge.test:1234");
    let sent = phone
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "lata@example.com")],
        )
        .await;
    assert_eq!(sent.status, 200);
    let report = app
        .state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.sent, 1);
    let mail = smtp
        .messages()
        .into_iter()
        .rfind(|m| m.text().contains("reset-password"))
        .unwrap_or_else(|| panic!("no reset mail"));
    assert_eq!(mail.to, ["lata@example.com"]);
    assert!(
        mail.text().contains("PixelForge"),
        "sender or body names the tenant"
    );
    let link = mail
        .link("http://www.pixelforge.test:8080/reset-password?token=")
        .unwrap_or_else(|| panic!("no link to the host asked from in:\n{}", mail.text()));
    let path = &link["http://www.pixelforge.test:8080".len()..];

    let form = phone.get(path).await;
    assert_eq!(form.status, 200);
    let token = path.split("token=").nth(1).unwrap_or_default();
    let done = phone
        .submit(
            path,
            "/reset-password",
            &[("token", token), ("password", OTHER_PASSWORD)],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    // The laptop's session ended with the reset.
    assert_eq!(laptop.get("/account").await.status, 303);
    // The new password works, the old one does not.
    assert_eq!(phone.login("lata@example.com", PASSWORD).await.status, 401);
    assert_eq!(
        phone.login("lata@example.com", OTHER_PASSWORD).await.status,
        303
    );
    // A used link is refused with a clear page.
    let again = phone.get(path).await;
    assert_eq!(again.status, 410);
    again.assert_contains("data-template=\"default/reset_password\"");

    // A fresh link is refused an hour later.
    phone.logout().await;
    phone
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "lata@example.com")],
        )
        .await;
    app.state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let newest = smtp
        .messages()
        .into_iter()
        .rfind(|m| m.text().contains("reset-password"))
        .and_then(|m| m.link("http://www.pixelforge.test:8080/reset-password?token="))
        .unwrap_or_default();
    assert_ne!(newest, link);
    let newest_path = &newest["http://www.pixelforge.test:8080".len()..];
    app.clock.advance_millis(61 * 60 * 1000);
    let expired = phone.get(newest_path).await;
    assert_eq!(expired.status, 410);
    let token = newest_path.split("token=").nth(1).unwrap_or_default();
    // The expired page has no form; post as a stale tab would, with a valid form token.
    let refused = phone
        .submit(
            "/forgot-password",
            "/reset-password",
            &[
                ("token", token),
                ("password", "a brand new passphrase here"),
            ],
        )
        .await;
    assert_eq!(refused.status, 410);
    assert_eq!(
        phone.login("lata@example.com", OTHER_PASSWORD).await.status,
        303
    );
}

async fn forgot_password_answers_the_same_for_unknown_addresses(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("known@example.com", PASSWORD).await;
    browser.logout().await;
    let known = browser
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "known@example.com")],
        )
        .await;
    let unknown = browser
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "unknown@example.com")],
        )
        .await;
    assert_eq!(known.status, unknown.status);
    let strip = |p: &crate::common::Page, email: &str| {
        let body = p.body.replace(email, "EMAIL");
        // The form token differs per page; compare what a person reads.
        body.split("csrf_token").next().unwrap_or("").to_owned()
    };
    assert_eq!(
        strip(&known, "known@example.com"),
        strip(&unknown, "unknown@example.com")
    );
    // Only the real account got mail.
    let counts = app
        .state
        .store
        .outbox_counts()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(counts.pending, 2, "verification at sign-up and one reset");
}

async fn mail_waits_in_the_outbox_through_an_smtp_outage(db: Db) {
    // A port with nothing listening: the SMTP server is down.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let addr = probe.local_addr().unwrap_or_else(|e| panic!("{e}"));
    drop(probe);
    let app = TestApp::start_with(db, &format!("smtp_url = \"smtp://{addr}\"")).await;
    let mut browser = Browser::new(&app, "nocturne.test");
    browser.register("noor@example.com", PASSWORD).await;
    let report = app
        .state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((report.sent, report.retried, report.failed), (0, 1, 0));
    let counts = app
        .state
        .store
        .outbox_counts()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(counts.pending, 1);
    // Not yet due: nothing is tried again before the backoff.
    let report = app
        .state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report, atelier_mail::DeliveryReport::default());

    // The server comes back on the same address; after the backoff the mail goes out.
    let smtp = SmtpServer::start_on(addr).await;
    app.clock.advance_millis(atelier_mail::backoff_ms(0) + 1);
    let report = app
        .state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.sent, 1);
    let messages = smtp.messages();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].to, ["noor@example.com"]);
    assert!(messages[0].text().contains("Nocturne Gallery"));
    let counts = app
        .state
        .store
        .outbox_counts()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((counts.pending, counts.sent), (0, 1));
}

async fn changing_the_password_signs_out_other_devices(db: Db) {
    let app = TestApp::start(db).await;
    let mut laptop = Browser::new(&app, "pixelforge.test");
    laptop.register("omar@example.com", PASSWORD).await;
    let mut phone = Browser::new(&app, "pixelforge.test");
    assert_eq!(phone.login("omar@example.com", PASSWORD).await.status, 303);

    let wrong = laptop
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", "not it at all"),
                ("new_password", OTHER_PASSWORD),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    wrong.assert_contains("not your current password");
    let weak = laptop
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "password1"),
            ],
        )
        .await;
    assert_eq!(weak.status, 422);
    let done = laptop
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", OTHER_PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(
        laptop.get("/account").await.status,
        200,
        "this device stays signed in"
    );
    assert_eq!(
        phone.get("/account").await.status,
        303,
        "the other device is signed out"
    );
}
