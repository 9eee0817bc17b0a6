//! Limits found by the security probe (issue 14): control characters in text fields,
//! signed-out visitors who cost no session row, and mail that cannot be sent in floods.

use crate::accounts::{user_count, PASSWORD};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(
    control_characters_are_refused_in_every_text_field,
    signed_out_visitors_get_form_tokens_without_a_session_row,
    the_clean_up_deletes_idle_and_expired_sessions,
    mail_asked_for_is_limited_per_account,
    mail_asked_for_is_limited_per_client_address,
    sign_up_with_a_taken_address_is_throttled_like_sign_in,
    a_super_admins_sign_in_limit_is_one_across_all_sites,
    a_hammered_account_still_signs_in_from_its_own_browser,
    a_known_browser_has_a_guess_limit_of_its_own,
    mail_to_one_address_is_limited_across_sites,
    checking_the_current_password_is_limited,
);

const CONTROL: &str = "Remove the invisible control characters";

fn register_fields<'a>(
    name: &'a str,
    email: &'a str,
    password: &'a str,
) -> [(&'a str, &'a str); 3] {
    [("name", name), ("email", email), ("password", password)]
}

/// How many session rows the database holds (an update that changes nothing counts them).
async fn session_rows(app: &TestApp) -> u64 {
    app.execute_sql("update sessions set last_seen_at = last_seen_at")
        .await
}

async fn control_characters_are_refused_in_every_text_field(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    let refused = |page: &Page, field: &str| {
        assert_eq!(page.status, 422, "{field}: {}", page.body);
        page.assert_contains(CONTROL);
    };
    for (field, fields) in [
        (
            "name",
            register_fields("Asha\0Rao", "asha@example.com", PASSWORD),
        ),
        (
            "name",
            register_fields("Asha\u{1b}[2J", "asha@example.com", PASSWORD),
        ),
        (
            "email",
            register_fields("Asha", "asha\0@example.com", PASSWORD),
        ),
        (
            "password",
            register_fields("Asha", "asha@example.com", "violet kettle\0under moonlight"),
        ),
    ] {
        let page = browser.submit("/register", "/register", &fields).await;
        refused(&page, field);
    }
    assert_eq!(user_count(&app, "pixelforge").await, 0);

    assert_eq!(
        browser.register("asha@example.com", PASSWORD).await.status,
        303
    );
    let token = browser
        .submit("/account", "/account/tokens", &[("name", "laptop\0script")])
        .await;
    refused(&token, "token name");
    let prompt = browser.generate("a lighthouse\0at dusk", 64, 64).await;
    refused(&prompt, "prompt");
    // Line breaks and tabs are fine where a field has several lines.
    let multi_line = browser.generate("a lighthouse\n\tat dusk", 64, 64).await;
    assert_eq!(multi_line.status, 303, "{}", multi_line.body);
}

async fn signed_out_visitors_get_form_tokens_without_a_session_row(db: Db) {
    let app = TestApp::start(db).await;
    for _ in 0..50 {
        let page = app.get("pixelforge.test", "/login").await;
        assert_eq!(page.status, 200);
        assert!(csrf_token(&page).is_some(), "the form still has a token");
    }
    assert_eq!(session_rows(&app).await, 0, "a row per cookieless GET");

    // The token is in a cookie of its own, not a session.
    let mut visitor = Browser::new(&app, "pixelforge.test");
    let form = visitor.get("/register").await;
    let set_cookie = form.header("set-cookie");
    assert!(set_cookie.starts_with("atelier_form="), "{set_cookie}");
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set_cookie.contains(flag), "{flag} missing: {set_cookie}");
    }
    assert!(visitor.cookie.is_none());
    let token = csrf_token(&form).unwrap_or_default();
    let fields = [("email", "mallory@example.com"), ("password", PASSWORD)];

    // Without the token, or with another visitor's, nothing happens.
    let missing = visitor.post_raw("/register", &fields, &[]).await;
    assert_eq!(missing.status, 403);
    let mut other = Browser::new(&app, "pixelforge.test");
    let other_token = csrf_token(&other.get("/register").await).unwrap_or_default();
    assert_ne!(other_token, token);
    let foreign = visitor
        .post_raw(
            "/register",
            &[("csrf_token", other_token.as_str()), fields[0], fields[1]],
            &[],
        )
        .await;
    assert_eq!(foreign.status, 403);
    // The token without its cookie: refused too.
    let mut cookieless = Browser::new(&app, "pixelforge.test");
    let bare = cookieless
        .post_raw(
            "/register",
            &[("csrf_token", token.as_str()), fields[0], fields[1]],
            &[],
        )
        .await;
    assert_eq!(bare.status, 403);
    // Another site's token does not fit this one.
    let mut elsewhere = Browser::new(&app, "nocturne.test");
    elsewhere.get("/register").await;
    elsewhere.form_cookie = visitor.form_cookie.clone();
    let crossed = elsewhere
        .post_raw(
            "/register",
            &[("csrf_token", token.as_str()), fields[0], fields[1]],
            &[],
        )
        .await;
    assert_eq!(crossed.status, 403);
    assert_eq!(user_count(&app, "pixelforge").await, 0);
    assert_eq!(session_rows(&app).await, 0);

    // With its own token, sign-up, sign-out and sign-in work; only signing in makes a row.
    let done = visitor.register("mallory@example.com", PASSWORD).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(session_rows(&app).await, 1);
    assert_eq!(visitor.logout().await.status, 303);
    assert_eq!(session_rows(&app).await, 0);
    let again = visitor.login("mallory@example.com", PASSWORD).await;
    assert_eq!(again.status, 303, "{}", again.body);
    assert_eq!(visitor.get("/account").await.status, 200);

    // A form token lasts as long as a signed-out session did (12 hours), no longer.
    let mut late = Browser::new(&app, "pixelforge.test");
    let late_token = csrf_token(&late.get("/login").await).unwrap_or_default();
    app.clock.advance_millis(12 * 3_600_000);
    let expired = late
        .post_raw(
            "/login",
            &[
                ("csrf_token", late_token.as_str()),
                ("email", "mallory@example.com"),
                ("password", PASSWORD),
            ],
            &[],
        )
        .await;
    assert_eq!(expired.status, 403);
}

async fn the_clean_up_deletes_idle_and_expired_sessions(db: Db) {
    let app = TestApp::start(db).await;
    let day = 24 * 3_600_000;
    let mut idle = Browser::new(&app, "pixelforge.test");
    idle.register("idle@example.com", PASSWORD).await;
    let mut busy = Browser::new(&app, "pixelforge.test");
    busy.register("busy@example.com", PASSWORD).await;
    assert_eq!(session_rows(&app).await, 2);
    // Six days on, both are kept; the busy one is used every six days.
    app.clock.advance_millis(6 * day);
    atelier::clean_up_once(&app.state).await;
    assert_eq!(session_rows(&app).await, 2);
    assert_eq!(busy.get("/account").await.status, 200);
    // Idle for over a week: deleted.
    app.clock.advance_millis(day + 1);
    atelier::clean_up_once(&app.state).await;
    assert_eq!(session_rows(&app).await, 1);
    // Used all along, yet thirty days after sign-in: deleted.
    for _ in 0..4 {
        app.clock.advance_millis(6 * day);
        busy.get("/account").await;
        atelier::clean_up_once(&app.state).await;
    }
    assert_eq!(session_rows(&app).await, 0);
}

/// Every mail in the outbox, sent or not.
async fn mails(app: &TestApp) -> i64 {
    let counts = app
        .state
        .store
        .outbox_counts()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    counts.pending + counts.sent + counts.failed
}

async fn resend_confirmation(browser: &mut Browser<'_>) -> Page {
    browser
        .submit("/account", "/account/verification", &[])
        .await
}

async fn mail_asked_for_is_limited_per_account(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("flood@example.com", PASSWORD).await;
    assert_eq!(mails(&app).await, 1, "the confirmation at sign-up");
    // Five mails an hour per account: the sign-up's and four more.
    for _ in 0..4 {
        let sent = resend_confirmation(&mut browser).await;
        assert_eq!(sent.status, 303, "{}", sent.body);
    }
    assert_eq!(mails(&app).await, 5);
    let refused = resend_confirmation(&mut browser).await;
    assert_eq!(refused.status, 429);
    refused.assert_contains("Too many emails");
    refused.assert_contains("Check your inbox");
    assert!(!refused.header("retry-after").is_empty());
    // Reset links to the same account count too.
    let reset = browser
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "flood@example.com")],
        )
        .await;
    assert_eq!(reset.status, 429);
    assert_eq!(mails(&app).await, 5);
    // One more an hour later (one every twelve minutes).
    app.clock.advance_millis(12 * 60_000);
    assert_eq!(resend_confirmation(&mut browser).await.status, 303);
    assert_eq!(resend_confirmation(&mut browser).await.status, 429);
    assert_eq!(mails(&app).await, 6);
}

async fn mail_asked_for_is_limited_per_client_address(db: Db) {
    let app = TestApp::start_with(db, "[limits]\nmail_per_ip_per_hour = 3").await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("one@example.com", PASSWORD).await;
    for n in 0..2 {
        let page = browser
            .submit(
                "/forgot-password",
                "/forgot-password",
                &[("email", &format!("someone{n}@example.com"))],
            )
            .await;
        assert_eq!(page.status, 200);
    }
    // A fourth mail from one network, to yet another address: refused.
    let refused = browser
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "victim@example.com")],
        )
        .await;
    assert_eq!(refused.status, 429);
    refused.assert_contains("Too many emails");
    let mut newcomer = Browser::new(&app, "pixelforge.test");
    let signup = newcomer.register("two@example.com", PASSWORD).await;
    assert_eq!(signup.status, 429);
    assert_eq!(user_count(&app, "pixelforge").await, 1, "nothing made");
}

async fn sign_up_with_a_taken_address_is_throttled_like_sign_in(db: Db) {
    let app = TestApp::start_with(db, "[limits]\nlogin_per_ip_per_minute = 1000").await;
    let mut owner = Browser::new(&app, "pixelforge.test");
    owner.register("taken@example.com", PASSWORD).await;
    // Ten tries an hour per account, whether signing in or signing up.
    let mut guesser = Browser::new(&app, "pixelforge.test");
    for _ in 0..8 {
        let page = guesser
            .register("taken@example.com", "amber lantern over the bay")
            .await;
        assert_eq!(page.status, 409);
    }
    assert_eq!(
        guesser
            .login("taken@example.com", "wrong password entirely")
            .await
            .status,
        401
    );
    let limited = guesser
        .register("taken@example.com", "amber lantern over the bay")
        .await;
    assert_eq!(limited.status, 429);
    limited.assert_contains("Too many attempts");
    assert_eq!(mails(&app).await, 1, "no mail for a taken address");
}

async fn a_super_admins_sign_in_limit_is_one_across_all_sites(db: Db) {
    let app = TestApp::start_with(db, "[limits]\nlogin_per_ip_per_minute = 1000").await;
    crate::access::create_super_admin(&app, "root@example.com").await;
    // Ten wrong tries an hour in all, wherever they are made.
    for (host, tries) in [
        ("pixelforge.test", 4),
        ("nocturne.test", 3),
        ("platform.localhost", 3),
    ] {
        let mut browser = Browser::new(&app, host);
        for _ in 0..tries {
            let page = browser
                .login("root@example.com", "not the password at all")
                .await;
            assert_eq!(page.status, 401, "{host}");
        }
    }
    for host in ["pixelforge.test", "nocturne.test", "platform.localhost"] {
        let mut browser = Browser::new(&app, host);
        let page = browser
            .login("root@example.com", "not the password at all")
            .await;
        assert_eq!(page.status, 429, "{host}");
    }
    // A tenant's own account of the same address is another account, with its own limit.
    let mut user = Browser::new(&app, "pixelforge.test");
    // (Signing up counts one try for pixelforge's root@example.com.)
    assert_eq!(
        user.register("root@example.com", PASSWORD).await.status,
        303
    );
    user.logout().await;
    assert_eq!(user.login("root@example.com", PASSWORD).await.status, 303);
}

async fn a_hammered_account_still_signs_in_from_its_own_browser(db: Db) {
    let app = TestApp::start_with(db, "[limits]\nlogin_per_ip_per_minute = 1000").await;
    let mut laptop = Browser::new(&app, "pixelforge.test");
    laptop.register("owner@example.com", PASSWORD).await;
    laptop.logout().await;
    assert_eq!(
        laptop.login("owner@example.com", PASSWORD).await.status,
        303
    );
    assert!(
        laptop.device_cookie.is_some(),
        "signing in marks the browser"
    );
    laptop.logout().await;
    // Someone else uses up the account's ten tries an hour (sign-up and sign-in took two).
    let mut attacker = Browser::new(&app, "pixelforge.test");
    for _ in 0..8 {
        let page = attacker.login("owner@example.com", "a guess at it").await;
        assert_eq!(page.status, 401);
    }
    assert_eq!(
        attacker
            .login("owner@example.com", "a guess at it")
            .await
            .status,
        429
    );
    // A browser the account has never seen waits, even with the right password...
    let mut stranger = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        stranger.login("owner@example.com", PASSWORD).await.status,
        429
    );
    // ...and a cookie made up or taken from another account does not help.
    stranger.device_cookie = Some("atelier_device=0000".to_owned());
    assert_eq!(
        stranger.login("owner@example.com", PASSWORD).await.status,
        429
    );
    let mut other = Browser::new(&app, "pixelforge.test");
    other.register("other@example.com", PASSWORD).await;
    other.logout().await;
    other.login("other@example.com", PASSWORD).await;
    other.logout().await;
    assert_eq!(other.login("owner@example.com", PASSWORD).await.status, 429);
    // The owner's own browser is not locked out.
    let back = laptop.login("owner@example.com", PASSWORD).await;
    assert_eq!(back.status, 303, "{}", back.body);
}

/// The known-device cookie spares its browser the account's limit, not every limit: a copy of
/// it (a shared computer, a stolen cookie) gets the account's ten guesses an hour and no more.
async fn a_known_browser_has_a_guess_limit_of_its_own(db: Db) {
    let app = TestApp::start_with(db, "[limits]\nlogin_per_ip_per_minute = 1000").await;
    let mut laptop = Browser::new(&app, "pixelforge.test");
    laptop.register("copied@example.com", PASSWORD).await;
    laptop.logout().await;
    assert_eq!(
        laptop.login("copied@example.com", PASSWORD).await.status,
        303
    );
    laptop.logout().await;
    let mut thief = Browser::new(&app, "pixelforge.test");
    thief.device_cookie = laptop.device_cookie.clone();
    for _ in 0..10 {
        let page = thief.login("copied@example.com", "a guess at it").await;
        assert_eq!(page.status, 401);
    }
    let stopped = thief.login("copied@example.com", "a guess at it").await;
    assert_eq!(
        stopped.status, 429,
        "a copied cookie is no licence to guess"
    );
}

/// The same address signed up on two sites gets five mails an hour in all, not five a site.
async fn mail_to_one_address_is_limited_across_sites(db: Db) {
    let app = TestApp::start(db).await;
    let mut here = Browser::new(&app, "pixelforge.test");
    let mut there = Browser::new(&app, "nocturne.test");
    here.register("twice@example.com", PASSWORD).await;
    there.register("twice@example.com", PASSWORD).await;
    assert_eq!(mails(&app).await, 2);
    for _ in 0..2 {
        assert_eq!(resend_confirmation(&mut here).await.status, 303);
    }
    assert_eq!(resend_confirmation(&mut there).await.status, 303);
    assert_eq!(mails(&app).await, 5);
    let refused = resend_confirmation(&mut there).await;
    assert_eq!(
        refused.status, 429,
        "each account has sent only two or three"
    );
    refused.assert_contains("Too many emails");
    assert_eq!(mails(&app).await, 5);
}

/// A session left open on a shared computer: guessing its password through the token form
/// stops after ten tries an hour, right password or not.
async fn checking_the_current_password_is_limited(db: Db) {
    let app = TestApp::start(db).await;
    let mut open = Browser::new(&app, "pixelforge.test");
    open.register("left-open@example.com", PASSWORD).await;
    for n in 0..10 {
        let page = open
            .submit(
                "/account",
                "/account/tokens",
                &[
                    ("name", "probe"),
                    ("current_password", &format!("guess {n}")),
                ],
            )
            .await;
        assert_eq!(page.status, 422, "{}", page.body);
    }
    let stopped = open
        .submit(
            "/account",
            "/account/tokens",
            &[("name", "probe"), ("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(stopped.status, 429);
}
