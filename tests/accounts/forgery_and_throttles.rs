//! What a forged or hammering request gets: no form token or a foreign one, a cross-site
//! origin, and too many sign-in or reset attempts.

use super::{user_count, OTHER_PASSWORD, PASSWORD};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_missing_or_wrong_form_token_changes_nothing,
    cross_site_posts_are_refused,
    pages_holding_a_mailed_token_keep_it_here_and_their_forms_still_say_where_they_are,
    sign_in_and_reset_are_throttled,
);

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

/// A reset, invitation or confirmation link's page keeps its token from other sites, yet
/// must not hide where its own form comes from: with `no-referrer`, a browser that sends no
/// `Sec-Fetch-Site` (plain HTTP, older Safari) posts `Origin: null`, which is refused above,
/// and the person could never choose their password.
async fn pages_holding_a_mailed_token_keep_it_here_and_their_forms_still_say_where_they_are(
    db: Db,
) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    for path in [
        "/reset-password?token=abc",
        "/welcome?token=abc",
        "/verify-email?token=abc",
    ] {
        let page = browser.get(path).await;
        page.assert_contains("<meta name=\"referrer\" content=\"same-origin\">");
        page.assert_lacks("no-referrer");
    }
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
    // Three a minute: one more try in 20 s by the app's clock, however long the test took.
    assert_eq!(limited.header("retry-after"), "20");
    app.clock.advance_millis(20_000);
    assert_eq!(
        browser
            .login("who@example.com", "wrong password here")
            .await
            .status,
        401,
        "a client that waited as told is heard again"
    );

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
