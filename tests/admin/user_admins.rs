//! A site keeps an admin however its admins change each other's accounts: two admins
//! demoting or disabling each other at the same moment leave one of them an admin, the last
//! enabled admin cannot be demoted or disabled, and a change to what an account already is
//! writes nothing, not even an audit row.

use atelier_domain::{Clock, CreditAdjustment, Role, TenantId, User};
use atelier_store::{
    AccountChangeRefusal, Actor, AdjustRefusal, AdminDeleteRefusal, NewMail, StoreError,
};

use crate::access::create_super_admin;
use crate::accounts::{make_tenant_admin, user_by_email, PASSWORD};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    two_admins_demoting_each_other_at_once_leave_one_admin,
    two_admins_disabling_each_other_at_once_leave_one_admin,
    the_sites_last_enabled_admin_is_neither_demoted_nor_disabled,
    a_change_to_what_an_account_already_is_writes_nothing,
    an_admin_disabled_or_demoted_meanwhile_neither_deletes_nor_moves_credits,
);

pub(super) const SAME_ORIGIN: &[(&str, &str)] = &[("sec-fetch-site", "same-origin")];

const BOSS: &str = "boss@pixelforge.example";
const BOSS2: &str = "boss2@pixelforge.example";

/// An admin of pixelforge, signed in, with the form token of the users list.
pub(super) async fn admin<'a>(app: &'a TestApp, email: &str) -> (Browser<'a>, String) {
    let mut browser = Browser::new(app, "pixelforge.test");
    assert_eq!(browser.register(email, PASSWORD).await.status, 303);
    make_tenant_admin(app, "pixelforge", email).await;
    let token = csrf_token(&browser.get("/admin/users").await)
        .unwrap_or_else(|| panic!("no form token on the users list"));
    (browser, token)
}

async fn account(app: &TestApp, email: &str) -> User {
    user_by_email(app, "pixelforge", email).await
}

fn tenant_of(user: &User) -> TenantId {
    user.tenant_id
        .unwrap_or_else(|| panic!("a tenant's account"))
}

/// How many of the two are admins who can still sign in.
async fn enabled_admins(app: &TestApp) -> usize {
    let mut n = 0;
    for email in [BOSS, BOSS2] {
        let user = account(app, email).await;
        n += usize::from(user.role == Role::TenantAdmin && !user.disabled);
    }
    n
}

async fn audit_actions(app: &TestApp, tenant: TenantId) -> Vec<String> {
    app.state
        .store
        .audit_page(Some(tenant), None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|r| r.action)
        .collect()
}

/// Races run: one pair of requests may happen to run one after the other; of several,
/// some overlap on either database.
const ROUNDS: usize = 4;

/// `email` (an account of pixelforge) signed in afresh, with the list's form token.
async fn signed_in<'a>(app: &'a TestApp, email: &str) -> (Browser<'a>, String) {
    let mut browser = Browser::new(app, "pixelforge.test");
    assert_eq!(browser.login(email, PASSWORD).await.status, 303);
    let token = csrf_token(&browser.get("/admin/users").await)
        .unwrap_or_else(|| panic!("no form token on the users list"));
    (browser, token)
}

/// Boss and boss2, admins again and signed in, each post `action` (with `fields`) on the
/// other's account at the same moment; their answers.
async fn at_once(
    app: &TestApp,
    action: &str,
    fields: &[(&str, &str)],
) -> (crate::common::Page, crate::common::Page) {
    for email in [BOSS, BOSS2] {
        let user = make_tenant_admin(app, "pixelforge", email).await;
        app.state
            .store
            .set_user_disabled(tenant_of(&user), user.id, false, app.clock.now())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let (mut boss, boss_token) = signed_in(app, BOSS).await;
    let (mut boss2, boss2_token) = signed_in(app, BOSS2).await;
    let (boss_id, boss2_id) = (account(app, BOSS).await.id, account(app, BOSS2).await.id);
    let (at_boss2, at_boss) = (
        format!("/admin/users/{boss2_id}/{action}"),
        format!("/admin/users/{boss_id}/{action}"),
    );
    let mut by_boss = vec![("csrf_token", boss_token.as_str())];
    by_boss.extend_from_slice(fields);
    let mut by_boss2 = vec![("csrf_token", boss2_token.as_str())];
    by_boss2.extend_from_slice(fields);
    tokio::join!(
        boss.post_raw(&at_boss2, &by_boss, SAME_ORIGIN),
        boss2.post_raw(&at_boss, &by_boss2, SAME_ORIGIN),
    )
}

async fn two_admins_demoting_each_other_at_once_leave_one_admin(db: Db) {
    let app = TestApp::start(db).await;
    admin(&app, BOSS).await;
    admin(&app, BOSS2).await;
    for _ in 0..ROUNDS {
        let (one, two) = at_once(&app, "role", &[("role", "user")]).await;
        let mut statuses = [one.status, two.status];
        statuses.sort_unstable();
        // The second is decided after the first: its admin is an admin no more.
        assert_eq!(statuses, [303, 403], "{}\n{}", one.body, two.body);
        assert_eq!(enabled_admins(&app).await, 1);
    }
    // One demotion a round (making them admins again is the command line's, unaudited).
    let tenant = tenant_of(&account(&app, BOSS).await);
    let roles = audit_actions(&app, tenant).await;
    assert_eq!(roles.iter().filter(|a| *a == "user.role").count(), ROUNDS);
}

async fn two_admins_disabling_each_other_at_once_leave_one_admin(db: Db) {
    let app = TestApp::start(db).await;
    admin(&app, BOSS).await;
    admin(&app, BOSS2).await;
    for _ in 0..ROUNDS {
        let (one, two) = at_once(&app, "disable", &[]).await;
        // One is done; the other is refused (403), or, had it come after the first's
        // commit, finds its session ended and is sent to sign in.
        let done = [&one, &two]
            .iter()
            .filter(|p| p.status == 303 && p.header("location") == "/admin/users?done=disabled")
            .count();
        assert_eq!(
            done, 1,
            "{}: {}\n{}: {}",
            one.status, one.body, two.status, two.body
        );
        assert_eq!(enabled_admins(&app).await, 1);
    }
}

async fn the_sites_last_enabled_admin_is_neither_demoted_nor_disabled(db: Db) {
    let app = TestApp::start(db).await;
    let (_boss, _) = admin(&app, BOSS).await;
    let boss = account(&app, BOSS).await;
    let tenant = tenant_of(&boss);
    let store = &app.state.store;
    let now = app.clock.now();
    // A super-admin may act on any site, but not leave it without an admin.
    let root = create_super_admin(&app, "root@example.com").await;
    let as_root = Actor {
        id: root.id,
        email: root.email.to_string(),
        address: "127.0.0.1".to_owned(),
    };
    let demoted = store
        .admin_set_user_role(tenant, boss.id, Role::User, &as_root, now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(demoted, Err(AccountChangeRefusal::LastAdmin));
    let disabled = store
        .admin_set_user_disabled(tenant, boss.id, true, &as_root, now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(disabled.err(), Some(AccountChangeRefusal::LastAdmin));
    // Nor may the command line.
    assert!(matches!(
        store.set_user_disabled(tenant, boss.id, true, now).await,
        Err(StoreError::Conflict(_))
    ));
    // A disabled admin is no admin to act, nor one who keeps the site.
    let mut second = Browser::new(&app, "pixelforge.test");
    assert_eq!(second.register(BOSS2, PASSWORD).await.status, 303);
    let boss2 = make_tenant_admin(&app, "pixelforge", BOSS2).await;
    let as_boss2 = Actor {
        id: boss2.id,
        email: BOSS2.to_owned(),
        address: "127.0.0.1".to_owned(),
    };
    let off = store
        .admin_set_user_disabled(tenant, boss2.id, true, &as_root, now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(off.is_ok());
    let by_disabled = store
        .admin_set_user_role(tenant, boss.id, Role::User, &as_boss2, now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(by_disabled, Err(AccountChangeRefusal::NotAnAdmin));
    let still = account(&app, BOSS).await;
    assert_eq!((still.role, still.disabled), (Role::TenantAdmin, false));
}

async fn a_change_to_what_an_account_already_is_writes_nothing(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, token) = admin(&app, BOSS).await;
    let mut helper = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        helper
            .register("helper@pixelforge.example", PASSWORD)
            .await
            .status,
        303
    );
    let id = account(&app, "helper@pixelforge.example").await.id;
    let tenant = tenant_of(&account(&app, BOSS).await);
    let mut post = async |action: &str, fields: &[(&str, &str)]| {
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        let page = boss
            .post_raw(&format!("/admin/users/{id}/{action}"), &all, SAME_ORIGIN)
            .await;
        assert_eq!(page.status, 303, "{action}: {}", page.body);
    };
    // Each twice, as a double-click sends it; a plain user made a plain user once.
    post("role", &[("role", "user")]).await;
    post("disable", &[]).await;
    post("disable", &[]).await;
    post("enable", &[]).await;
    post("enable", &[]).await;
    post("role", &[("role", "tenant_admin")]).await;
    post("role", &[("role", "tenant_admin")]).await;
    let mut actions = audit_actions(&app, tenant).await;
    actions.reverse();
    assert_eq!(actions, ["user.disable", "user.enable", "user.role"]);
    // A super-admin's "make admin" pressed twice on the platform's console is one change too.
    let root = create_super_admin(&app, "root@example.com").await;
    let as_root = Actor {
        id: root.id,
        email: root.email.to_string(),
        address: "127.0.0.1".to_owned(),
    };
    app.state
        .store
        .set_user_role(
            tenant,
            id,
            Role::TenantAdmin,
            Some(&as_root),
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(audit_actions(&app, tenant).await.len(), 3);
}

/// What a request that passed the handler's guard carries into the store when its admin
/// was disabled or demoted while it waited for the site's lock: the store itself refuses
/// it (the handler's guard, which reads the account before, is not what stops it), and
/// nothing is written. Its session's later posts are refused too.
async fn an_admin_disabled_or_demoted_meanwhile_neither_deletes_nor_moves_credits(db: Db) {
    let app = TestApp::start(db).await;
    admin(&app, BOSS).await;
    let (mut boss2, boss2_token) = admin(&app, BOSS2).await;
    let mut person = Browser::new(&app, "pixelforge.test");
    const PERSON: &str = "person@pixelforge.example";
    assert_eq!(person.register(PERSON, PASSWORD).await.status, 303);
    let boss = account(&app, BOSS).await;
    let tenant = tenant_of(&boss);
    let target = account(&app, PERSON).await;
    let store = &app.state.store;
    let now = app.clock.now();
    let as_boss = Actor {
        id: boss.id,
        email: BOSS.to_owned(),
        address: "127.0.0.1".to_owned(),
    };
    let as_boss2 = Actor {
        id: account(&app, BOSS2).await.id,
        email: BOSS2.to_owned(),
        address: "127.0.0.1".to_owned(),
    };
    let adjustment = CreditAdjustment::parse("500", "Goodwill").unwrap_or_else(|e| panic!("{e:?}"));
    let farewell = NewMail {
        tenant_id: Some(tenant),
        to: PERSON.to_owned(),
        from_name: "PixelForge".to_owned(),
        subject: "Your account was deleted".to_owned(),
        body_text: "Deleted.".to_owned(),
        body_html: "<p>Deleted.</p>".to_owned(),
    };
    let audited = audit_actions(&app, tenant).await.len();

    for taken_away in ["disabled", "demoted"] {
        // Boss takes boss2's power away first, as another admin's request would.
        let done = if taken_away == "disabled" {
            store
                .admin_set_user_disabled(tenant, as_boss2.id, true, &as_boss, now)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .map(|_| ())
        } else {
            store
                .admin_set_user_disabled(tenant, as_boss2.id, false, &as_boss, now)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .map(|_| ())
                .and(
                    store
                        .admin_set_user_role(tenant, as_boss2.id, Role::User, &as_boss, now)
                        .await
                        .unwrap_or_else(|e| panic!("{e}")),
                )
        };
        assert_eq!(done, Ok(()), "{taken_away}");
        let adjusted = store
            .adjust_credits(
                tenant,
                target.id,
                uuid::Uuid::new_v4(),
                &adjustment,
                &as_boss2,
                now,
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(adjusted, Err(AdjustRefusal::NotAnAdmin), "{taken_away}");
        let deleted = store
            .admin_delete_account(tenant, target.id, &farewell, &as_boss2, now)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(deleted, Err(AdminDeleteRefusal::NotAnAdmin), "{taken_away}");
    }
    // And the session boss2 signed in with before gets nowhere either.
    let profile = format!("/admin/users/{}", target.id);
    for (action, fields) in [
        (
            "credits",
            vec![
                ("csrf_token", boss2_token.as_str()),
                ("delta", "500"),
                ("reason", "Goodwill"),
            ],
        ),
        (
            "delete",
            vec![
                ("csrf_token", boss2_token.as_str()),
                ("confirm_email", PERSON),
            ],
        ),
    ] {
        let page = boss2
            .post_raw(&format!("{profile}/{action}"), &fields, SAME_ORIGIN)
            .await;
        // Disabling ended the session: it is sent to sign in.
        assert_eq!(page.status, 303, "{action}: {}", page.body);
        assert!(
            page.header("location").starts_with("/login"),
            "{action}: {}",
            page.header("location")
        );
    }

    let after = account(&app, PERSON).await;
    assert!(!after.deleted);
    assert_eq!(after.balance, target.balance);
    let actions = audit_actions(&app, tenant).await;
    // Only boss's own changes to boss2 were written: disable, enable, demote.
    assert_eq!(actions.len(), audited + 3, "{actions:?}");
    assert!(!actions
        .iter()
        .any(|a| a == "user.credits" || a == "user.delete"));
}
