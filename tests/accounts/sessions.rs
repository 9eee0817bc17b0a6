//! Signing in and out: the same answer for a wrong password and an unknown address, the
//! session cookie, sign-out, idle and absolute expiry, and super-admins on every host.

use super::PASSWORD;
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_wrong_password_and_an_unknown_email_get_the_same_answer,
    the_session_cookie_is_http_only_lax_and_rotated_at_sign_in,
    signing_out_ends_the_session,
    sessions_end_after_a_week_idle_or_a_month_in_all,
);

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
    assert!(browser.form_cookie.is_some());
    let ok = browser.login("meera@example.com", PASSWORD).await;
    assert_eq!(ok.status, 303);
    assert_eq!(ok.header("location"), "/account");
}

async fn the_session_cookie_is_http_only_lax_and_rotated_at_sign_in(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    // A signed-out visitor's form token needs no session (see security_limits).
    let form = browser.get("/login").await;
    assert!(form.header("set-cookie").starts_with("atelier_form="));
    assert!(browser.cookie.is_none());

    let done = browser.register("kiran@example.com", PASSWORD).await;
    let set_cookie = done.header("set-cookie").to_owned();
    assert!(set_cookie.starts_with("atelier_session="), "{set_cookie}");
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set_cookie.contains(flag), "{flag} missing: {set_cookie}");
    }
    assert!(
        !set_cookie.contains("Secure"),
        "plain-http development keeps cookies usable"
    );
    assert!(!set_cookie.contains("Domain"), "host-only cookie");
    let first = browser.cookie.clone();
    assert!(first.is_some());
    // Each sign-in gets a new id, and the old one is worthless.
    browser.logout().await;
    browser.login("kiran@example.com", PASSWORD).await;
    assert!(browser.cookie.is_some());
    assert_ne!(
        first, browser.cookie,
        "the session id must change at sign-in"
    );
    let mut replay = Browser::new(&app, "pixelforge.test");
    replay.cookie = first;
    assert_eq!(replay.get("/account").await.status, 303);

    // Over https the cookies are Secure and carry the __Host- prefix.
    let secure = TestApp::start_with(Db::Sqlite, "public_scheme = \"https\"").await;
    let mut visitor = Browser::new(&secure, "pixelforge.test");
    let page = visitor.get("/login").await;
    let set_cookie = page.header("set-cookie");
    assert!(
        set_cookie.starts_with("__Host-atelier_form="),
        "{set_cookie}"
    );
    assert!(set_cookie.contains("Secure"), "{set_cookie}");
    let done = visitor.register("sana@example.com", PASSWORD).await;
    let set_cookie = done.header("set-cookie");
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
    // Every host a site answers on, the default site's loopback names too.
    console.assert_contains("<li class=\"mono\">pixelforge.localhost</li>");
    console.assert_contains("<li class=\"mono\">www.pixelforge.test</li>");
    console.assert_contains("<li class=\"mono\">127.0.0.1</li>");
    // Making an admin there: the notice names the site.
    let mut shopper = Browser::new(&app, "pixelforge.test");
    shopper
        .register("new-boss@pixelforge.example", PASSWORD)
        .await;
    let made = platform
        .submit(
            "/platform",
            "/platform/tenants/pixelforge/admins",
            &[("email", "new-boss@pixelforge.example")],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let after = platform.get(made.header("location")).await;
    after.assert_contains("new-boss@pixelforge.example is now an admin of PixelForge.");
    // The notice comes from the database, not from whatever a link's query string says.
    let forged = platform
        .get("/platform?added=Your+session+expired.+Sign+in+at+evil.example&site=x")
        .await;
    forged.assert_lacks("Your session expired");
    platform
        .get("/platform/admins?added=Sign+in+again+at+evil.example")
        .await
        .assert_lacks("Sign in again");
    // Nor does an address-shaped one: only this server's own redirects are believed.
    platform
        .get("/platform/admins?removed=root%40example.com")
        .await
        .assert_lacks("no longer a super-admin");
    platform
        .get("/platform/tenants/pixelforge?invited=x%40evil.example&n=00")
        .await
        .assert_lacks("x@evil.example");
    let mut tenant = Browser::new(&app, "pixelforge.test");
    assert_eq!(tenant.login("root@example.com", PASSWORD).await.status, 303);
    assert_eq!(tenant.get("/admin/users").await.status, 200);
}
