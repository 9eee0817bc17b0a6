//! Accounts over HTTP: sign-up with the bonus, sessions, CSRF, throttling, password reset
//! by mail (through a real SMTP conversation), verification and disabling.

use atelier_domain::{Clock, Email, Slug, TenantSettings, User};

use crate::common::browser::{csrf_token, Browser};
use crate::common::smtp::SmtpServer;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

const PASSWORD: &str = "violet kettle under moonlight";
const OTHER_PASSWORD: &str = "saffron harbour at noon";

on_both_databases!(
    sign_up_shows_the_bonus_and_writes_one_ledger_row,
    an_email_registers_once_per_tenant_but_on_every_tenant,
    a_wrong_password_and_an_unknown_email_get_the_same_answer,
    the_session_cookie_is_http_only_lax_and_rotated_at_sign_in,
    signing_out_ends_the_session,
    a_missing_or_wrong_form_token_changes_nothing,
    cross_site_posts_are_refused,
    sign_in_and_reset_are_throttled,
    a_reset_link_works_once_expires_after_an_hour_and_ends_other_sessions,
    forgot_password_answers_the_same_for_unknown_addresses,
    mail_waits_in_the_outbox_through_an_smtp_outage,
    changing_the_password_signs_out_other_devices,
    sign_ups_per_address_are_capped,
    the_bonus_can_wait_for_a_verified_address,
    disabling_an_account_ends_all_its_sessions,
    sessions_end_after_a_week_idle_or_a_month_in_all,
);

pub async fn user_by_email(app: &TestApp, slug: &str, email: &str) -> User {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    let tenant = app
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant {slug}"));
    let email = Email::parse(email).unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .find_credentials(Some(tenant.id), &email)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no account {email} on {slug}"))
        .0
}

pub async fn set_tenant(
    app: &TestApp,
    slug: &str,
    change: impl FnOnce(&mut atelier_domain::TenantSettingsInput),
) {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    let tenant = app
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant"));
    let mut input = tenant.settings.to_input();
    change(&mut input);
    let settings = TenantSettings::parse(&input).unwrap_or_else(|e| panic!("{e:?}"));
    app.state
        .tenants
        .update_settings(tenant.id, &settings)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

async fn user_count(app: &TestApp, slug: &str) -> i64 {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    let tenant = app
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant"));
    app.state
        .store
        .list_users(tenant.id, 0, 1)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .total
}

/// The invariants of DESIGN.md that hold for accounts: balance = Σ ledger, 0 ≤ held ≤ balance.
pub async fn assert_ledger_invariants(app: &TestApp, user: &User) {
    let fresh = app
        .state
        .store
        .find_user(user.tenant_id, user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("user gone"));
    let sum = app
        .state
        .store
        .ledger_sum(user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fresh.balance, sum, "balance must equal the ledger's sum");
    assert!(0 <= fresh.held.get() && fresh.held <= fresh.balance);
}

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
    let (ledger, total) = app
        .state
        .store
        .ledger_page(user.id, 0, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(total, 1);
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

async fn a_wrong_password_and_an_unknown_email_get_the_same_answer(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("meera@example.com", PASSWORD).await;
    browser.logout().await;
    let wrong = browser
        .login("meera@example.com", "not her password at all")
        .await;
    let unknown = browser
        .login("nobody@example.com", "not her password at all")
        .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(unknown.status, 401);
    let message = |p: &crate::common::Page| {
        p.body
            .split("role=\"alert\"")
            .nth(1)
            .map(|rest| rest[..rest.find("</").unwrap_or(rest.len())].to_owned())
    };
    assert!(message(&wrong).is_some(), "no alert on the page");
    assert_eq!(message(&wrong), message(&unknown));
    assert!(browser.cookie.is_some());
    let ok = browser.login("meera@example.com", PASSWORD).await;
    assert_eq!(ok.status, 303);
    assert_eq!(ok.header("location"), "/account");
}

async fn the_session_cookie_is_http_only_lax_and_rotated_at_sign_in(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    let form = browser.get("/login").await;
    let set_cookie = form.header("set-cookie").to_owned();
    assert!(set_cookie.starts_with("atelier_session="), "{set_cookie}");
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set_cookie.contains(flag), "{flag} missing: {set_cookie}");
    }
    assert!(
        !set_cookie.contains("Secure"),
        "plain-http development keeps cookies usable"
    );
    assert!(!set_cookie.contains("Domain"), "host-only cookie");
    let anonymous = browser.cookie.clone();

    browser.register("kiran@example.com", PASSWORD).await;
    let signed_in = browser.cookie.clone();
    assert_ne!(
        anonymous, signed_in,
        "the session id must change at sign-in"
    );
    // The id from before sign-in is worthless now.
    let mut planted = Browser::new(&app, "pixelforge.test");
    planted.cookie = anonymous;
    assert_eq!(planted.get("/account").await.status, 303);

    // Over https the cookie is Secure and carries the __Host- prefix.
    let secure = TestApp::start_with(Db::Sqlite, "public_scheme = \"https\"").await;
    let page = Browser::new(&secure, "pixelforge.test").get("/login").await;
    let set_cookie = page.header("set-cookie");
    assert!(
        set_cookie.starts_with("__Host-atelier_session="),
        "{set_cookie}"
    );
    assert!(set_cookie.contains("Secure"), "{set_cookie}");
}

async fn signing_out_ends_the_session(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("dev@example.com", PASSWORD).await;
    let cookie = browser.cookie.clone();
    assert_eq!(browser.get("/account").await.status, 200);
    let out = browser.logout().await;
    assert_eq!(out.status, 303);
    assert_eq!(browser.get("/account").await.status, 303);
    let mut replay = Browser::new(&app, "pixelforge.test");
    replay.cookie = cookie;
    let page = replay.get("/account").await;
    assert_eq!(page.status, 303);
    assert!(page.header("location").starts_with("/login"));
}

async fn a_missing_or_wrong_form_token_changes_nothing(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.get("/register").await; // a session with a token exists
    let fields = [("email", "mallory@example.com"), ("password", PASSWORD)];
    let missing = browser.post_raw("/register", &fields, &[]).await;
    assert_eq!(missing.status, 403);
    missing.assert_contains("This form has expired");
    let wrong = browser
        .post_raw(
            "/register",
            &[("csrf_token", "0000"), fields[0], fields[1]],
            &[],
        )
        .await;
    assert_eq!(wrong.status, 403);
    // A token from another session does not fit this one.
    let mut other = Browser::new(&app, "pixelforge.test");
    let token = csrf_token(&other.get("/register").await).unwrap_or_default();
    let foreign = browser
        .post_raw(
            "/register",
            &[("csrf_token", token.as_str()), fields[0], fields[1]],
            &[],
        )
        .await;
    assert_eq!(foreign.status, 403);
    assert_eq!(user_count(&app, "pixelforge").await, 0);

    // Signed in, a forged sign-out or password change does nothing either.
    browser.register("asha@example.com", PASSWORD).await;
    let forged = browser
        .post_raw(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", OTHER_PASSWORD),
            ],
            &[],
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(browser.post_raw("/logout", &[], &[]).await.status, 403);
    assert_eq!(browser.get("/account").await.status, 200);
    browser.logout().await;
    assert_eq!(
        browser.login("asha@example.com", PASSWORD).await.status,
        303
    );
}

async fn cross_site_posts_are_refused(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    let token = csrf_token(&browser.get("/register").await).unwrap_or_default();
    let fields = [
        ("csrf_token", token.as_str()),
        ("email", "eve@example.com"),
        ("password", PASSWORD),
    ];
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        // Another tenant under the same base domain is same-site, and still refused.
        vec![("sec-fetch-site", "same-site")],
        vec![("origin", "http://evil.example")],
        vec![("origin", "http://nocturne.test")],
        vec![("origin", "null")],
    ] {
        let page = browser.post_raw("/register", &fields, &headers).await;
        assert_eq!(page.status, 403, "{headers:?}");
    }
    assert_eq!(user_count(&app, "pixelforge").await, 0);
    // The same form from the site itself goes through.
    let page = browser
        .post_raw(
            "/register",
            &fields,
            &[("origin", "http://pixelforge.test")],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
}

async fn sign_in_and_reset_are_throttled(db: Db) {
    let app = TestApp::start_with(
        db,
        "[limits]\nlogin_per_ip_per_minute = 3\nreset_per_account_per_hour = 2",
    )
    .await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    for _ in 0..3 {
        assert_eq!(
            browser
                .login("who@example.com", "wrong password here")
                .await
                .status,
            401
        );
    }
    let limited = browser
        .login("who@example.com", "wrong password here")
        .await;
    assert_eq!(limited.status, 429);
    limited.assert_contains("Too many attempts");
    assert!(limited
        .header("retry-after")
        .parse::<u64>()
        .is_ok_and(|s| s >= 1));

    for _ in 0..2 {
        let page = browser
            .submit(
                "/forgot-password",
                "/forgot-password",
                &[("email", "who@example.com")],
            )
            .await;
        assert_eq!(page.status, 200);
    }
    let limited = browser
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "who@example.com")],
        )
        .await;
    assert_eq!(limited.status, 429);
}

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

    // Asked from the www host with a port; the link is built from the configured domain.
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
        .link("http://pixelforge.test:8080/reset-password?token=")
        .unwrap_or_else(|| panic!("no link from the configured domain in:\n{}", mail.text()));
    let path = &link["http://pixelforge.test:8080".len()..];

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
        .and_then(|m| m.link("http://pixelforge.test:8080/reset-password?token="))
        .unwrap_or_default();
    assert_ne!(newest, link);
    let newest_path = &newest["http://pixelforge.test:8080".len()..];
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

async fn disabling_an_account_ends_all_its_sessions(db: Db) {
    let app = TestApp::start(db).await;
    let mut admin = Browser::new(&app, "pixelforge.test");
    admin.register("boss@example.com", PASSWORD).await;
    let boss = user_by_email(&app, "pixelforge", "boss@example.com").await;
    let tenant = boss.tenant_id.unwrap_or_else(|| panic!("tenant"));
    app.state
        .store
        .set_user_role(
            tenant,
            boss.id,
            atelier_domain::Role::TenantAdmin,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_hashing_leaves_the_site_responsive() {
    let app = TestApp::start(Db::Sqlite).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("busy@example.com", PASSWORD).await;
    browser.logout().await;
    let token = csrf_token(&browser.get("/login").await).unwrap_or_default();
    let cookie = browser.cookie.clone().unwrap_or_default();
    // Eight sign-ins hash at once (more than the runtime has worker threads) …
    let logins: Vec<_> = (0..8)
        .map(|_| {
            let request = app
                .client
                .post(app.url("/login"))
                .header("host", "pixelforge.test")
                .header("cookie", &cookie)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("email", "busy@example.com"),
                    ("password", "wrong guess number one"),
                ]);
            tokio::spawn(async move { request.send().await.map(|r| r.status().as_u16()) })
        })
        .collect();
    // … and a page still answers before they have all finished.
    let page = app.get("pixelforge.test", "/faq").await;
    assert_eq!(page.status, 200);
    let finished_before_page = logins.iter().filter(|h| h.is_finished()).count();
    assert!(
        finished_before_page < logins.len(),
        "the page waited for every hash"
    );
    for login in logins {
        let status = login
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(status == 401 || status == 429, "{status}");
    }
}

#[tokio::test]
async fn a_super_admin_signs_in_on_the_platform_host_and_on_any_site() {
    let app = TestApp::start(Db::Sqlite).await;
    crate::access::create_super_admin(&app, "root@example.com").await;
    let mut platform = Browser::new(&app, "platform.localhost");
    let done = platform.login("root@example.com", PASSWORD).await;
    assert_eq!(done.status, 303);
    assert_eq!(done.header("location"), "/platform");
    let console = platform.get("/platform").await;
    assert_eq!(console.status, 200);
    console.assert_contains("pixelforge");
    console.assert_contains("nocturne");
    let mut tenant = Browser::new(&app, "pixelforge.test");
    assert_eq!(tenant.login("root@example.com", PASSWORD).await.status, 303);
    assert_eq!(tenant.get("/admin/users").await.status, 200);
}

async fn sessions_end_after_a_week_idle_or_a_month_in_all(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("ida@example.com", PASSWORD).await;
    let day = 24 * 3_600_000;
    // Six idle days: still signed in, and the visit counts as activity.
    app.clock.advance_millis(6 * day);
    assert_eq!(browser.get("/account").await.status, 200);
    // Active every six days, yet thirty days after sign-in the session ends.
    for _ in 0..3 {
        app.clock.advance_millis(6 * day);
        assert_eq!(browser.get("/account").await.status, 200);
    }
    app.clock.advance_millis(6 * day + 1);
    assert_eq!(browser.get("/account").await.status, 303);
    // Idle for more than a week ends a session too.
    browser.login("ida@example.com", PASSWORD).await;
    assert_eq!(browser.get("/account").await.status, 200);
    app.clock.advance_millis(7 * day + 1);
    assert_eq!(browser.get("/account").await.status, 303);
}
