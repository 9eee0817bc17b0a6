//! The role matrix: every protected route against every kind of visitor. Routes added by
//! later work join the tables below.

use atelier_domain::{Clock, Email, NewPassword, Role};
use atelier_store::NewUser;

use crate::accounts::user_by_email;
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

const PASSWORD: &str = "violet kettle under moonlight";

on_both_databases!(every_protected_route_answers_each_role_as_the_policy_says);

pub async fn create_super_admin(app: &TestApp, email: &str) {
    let password = NewPassword::parse(PASSWORD, &[]).unwrap_or_else(|e| panic!("{e}"));
    let hash = atelier_domain::hash_password(&password).unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .create_user(
            &NewUser {
                tenant_id: None,
                email: Email::parse(email).unwrap_or_else(|e| panic!("{e}")),
                name: "Root".into(),
                password_hash: hash,
                role: Role::SuperAdmin,
                signup_bonus: 0,
                bonus_now: false,
                signup_ip: String::new(),
            },
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

async fn make_admin(app: &TestApp, slug: &str, email: &str) {
    let user = user_by_email(app, slug, email).await;
    app.state
        .store
        .set_user_role(
            user.tenant_id.unwrap_or_else(|| panic!("tenant")),
            user.id,
            Role::TenantAdmin,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

/// What a visitor should get: a status, or a redirect to sign in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Ok,
    /// 303 to somewhere other than the sign-in page (a form's success, or "already in").
    Done,
    Login,
    Forbidden,
    NotFound,
}
use Expect::{Done, Forbidden, Login, NotFound, Ok};

fn classify(page: &crate::common::Page) -> Expect {
    match page.status {
        200 => Ok,
        303 | 302 | 307 if page.header("location").starts_with("/login") => Login,
        303 | 302 | 307 => Done,
        403 => Forbidden,
        404 => NotFound,
        other => panic!(
            "unexpected status {other}: {}",
            &page.body[..page.body.len().min(500)]
        ),
    }
}

async fn every_protected_route_answers_each_role_as_the_policy_says(db: Db) {
    let app = TestApp::start(db).await;
    // The cast: on pixelforge a user and an admin; on nocturne the same two; a super-admin.
    let mut user = Browser::new(&app, "pixelforge.test");
    user.register("user@pixelforge.example", PASSWORD).await;
    let mut admin = Browser::new(&app, "pixelforge.test");
    admin.register("admin@pixelforge.example", PASSWORD).await;
    make_admin(&app, "pixelforge", "admin@pixelforge.example").await;
    let mut other_user = Browser::new(&app, "nocturne.test");
    other_user.register("user@nocturne.example", PASSWORD).await;
    let mut other_admin = Browser::new(&app, "nocturne.test");
    other_admin
        .register("admin@nocturne.example", PASSWORD)
        .await;
    make_admin(&app, "nocturne", "admin@nocturne.example").await;
    create_super_admin(&app, "root@example.com").await;
    let mut root = Browser::new(&app, "pixelforge.test");
    assert_eq!(root.login("root@example.com", PASSWORD).await.status, 303);
    let mut root_platform = Browser::new(&app, "platform.localhost");
    assert_eq!(
        root_platform
            .login("root@example.com", PASSWORD)
            .await
            .status,
        303
    );

    let pix_user = user_by_email(&app, "pixelforge", "user@pixelforge.example").await;
    let noc_user = user_by_email(&app, "nocturne", "user@nocturne.example").await;

    // Visitors on pixelforge.test: the other tenant's people present their own cookies here,
    // which this site does not know.
    let other_user_cookie = other_user.cookie.clone();
    let other_admin_cookie = other_admin.cookie.clone();
    let on_pixelforge = |cookie: Option<String>| {
        let mut b = Browser::new(&app, "pixelforge.test");
        b.cookie = cookie;
        b
    };
    let mut visitors: Vec<(&str, Browser<'_>)> = vec![
        ("anonymous", Browser::new(&app, "pixelforge.test")),
        ("user", on_pixelforge(user.cookie.clone())),
        ("user of another tenant", on_pixelforge(other_user_cookie)),
        ("tenant admin", on_pixelforge(admin.cookie.clone())),
        ("admin of another tenant", on_pixelforge(other_admin_cookie)),
        ("super-admin", on_pixelforge(root.cookie.clone())),
    ];

    //                                   anon   user   o-user admin  o-admin super
    let get_routes: &[(&str, [Expect; 6])] = &[
        ("/", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/faq", [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/login", [Ok, Done, Ok, Done, Ok, Done]),
        ("/register", [Ok, Done, Ok, Done, Ok, Done]),
        ("/account", [Login, Ok, Login, Ok, Login, Ok]),
        ("/admin", [Login, Forbidden, Login, Done, Login, Done]),
        ("/admin/users", [Login, Forbidden, Login, Ok, Login, Ok]),
        (
            "/platform",
            [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound],
        ),
    ];
    for (path, expected) in get_routes {
        for ((who, browser), want) in visitors.iter_mut().zip(expected) {
            let got = classify(&browser.get(path).await);
            assert_eq!(got, *want, "GET {path} as {who}");
        }
    }

    // State-changing admin routes, each with a fresh, valid form token of the visitor.
    // Pixelforge's own user is the target; nocturne's user is another tenant's object.
    let own = format!("/admin/users/{}/enable", pix_user.id);
    let foreign = format!("/admin/users/{}/enable", noc_user.id);
    let role = format!("/admin/users/{}/role", pix_user.id);
    let post_routes: Vec<(String, [Expect; 6])> = vec![
        (own, [Login, Forbidden, Login, Done, Login, Done]),
        (
            foreign,
            [Login, Forbidden, Login, NotFound, Login, NotFound],
        ),
        (role, [Login, Forbidden, Login, Done, Login, Done]),
    ];
    for (path, expected) in &post_routes {
        for ((who, browser), want) in visitors.iter_mut().zip(expected) {
            // Signed-in pages carry the token in the sign-out form; others in the sign-in form.
            let form = if browser.get("/").await.body.contains("name=\"csrf_token\"") {
                "/"
            } else {
                "/login"
            };
            let page = browser.submit(form, path, &[("role", "user")]).await;
            let got = classify(&page);
            assert_eq!(got, *want, "POST {path} as {who}");
        }
    }

    // The platform host: only the super-admin's own platform session gets in.
    let on_platform = |cookie: Option<String>| {
        let mut b = Browser::new(&app, "platform.localhost");
        b.cookie = cookie;
        b
    };
    let platform_visitors = [
        ("anonymous", on_platform(None), Login),
        (
            "tenant admin's cookie",
            on_platform(admin.cookie.clone()),
            Login,
        ),
        ("super-admin", on_platform(root_platform.cookie.clone()), Ok),
    ];
    for (who, mut browser, want) in platform_visitors {
        assert_eq!(
            classify(&browser.get("/platform").await),
            want,
            "GET /platform as {who}"
        );
        assert_eq!(
            classify(&browser.get("/account").await),
            NotFound,
            "GET /account on platform as {who}"
        );
    }
    let added = root_platform
        .submit(
            "/platform",
            "/platform/tenants/pixelforge/admins",
            &[("email", "user@pixelforge.example")],
        )
        .await;
    assert_eq!(classify(&added), Done, "{}", added.body);
    assert_eq!(
        user_by_email(&app, "pixelforge", "user@pixelforge.example")
            .await
            .role,
        Role::TenantAdmin
    );
}

#[test]
fn every_page_route_of_the_router_is_in_the_policy() {
    let policy = std::fs::read_to_string(crate::common::repo_root().join("config/rbac_policy.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    for route in [
        "/",
        "/faq",
        "/privacy",
        "/terms",
        "/register",
        "/login",
        "/logout",
        "/forgot-password",
        "/reset-password",
        "/verify-email",
        "/account",
        "/account/password",
        "/account/verification",
        "/admin",
        "/admin/users",
        "/admin/users/{id}/*",
        "/platform",
        "/platform/*",
        "/generate",
        "/history",
        "/jobs/{id}",
        "/jobs/{id}/events",
        "/jobs/{id}/cancel",
        "/images/{id}",
        "/images/{id}/thumb",
        "/account/tokens",
        "/account/tokens/{id}/revoke",
        "/api/v1/*",
    ] {
        assert!(
            policy
                .lines()
                .any(|l| l.split(',').nth(3).map(str::trim) == Some(route)),
            "{route} has no policy line"
        );
    }
}
