//! The admin's list of accounts pages by keyset, newest first: every account is listed
//! exactly once however many sign up while the admin reads, and nothing counts the table.

use atelier_domain::{Clock, Email, Role};
use atelier_store::NewUser;

use super::{make_tenant_admin, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(the_users_list_pages_by_keyset_and_lists_everyone_once);

/// Makes the account `email` of pixelforge straight in the store, at the clock's present
/// millisecond.
async fn make_user(app: &TestApp, email: &str) {
    let tenant = super::user_by_email(app, "pixelforge", "boss@example.com")
        .await
        .tenant_id;
    let new = NewUser {
        tenant_id: tenant,
        email: Email::parse(email).unwrap_or_else(|e| panic!("{e}")),
        name: String::new(),
        password_hash: "x".into(),
        role: Role::User,
        signup_bonus: 0,
        bonus_now: true,
        signup_ip: String::new(),
        language: None,
    };
    app.state
        .store
        .create_user(&new, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The made accounts (`…@many.example`) listed on `page`, in its order.
fn listed(page: &Page) -> Vec<String> {
    page.text()
        .split("@many.example")
        .filter_map(|before| {
            let start = before.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))?;
            let local = &before[start + 1..];
            (!local.is_empty()).then(|| format!("{local}@many.example"))
        })
        .fold(Vec::new(), |mut seen, email| {
            if !seen.contains(&email) {
                seen.push(email);
            }
            seen
        })
}

async fn the_users_list_pages_by_keyset_and_lists_everyone_once(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        boss.register("boss@example.com", PASSWORD).await.status,
        303
    );
    make_tenant_admin(&app, "pixelforge", "boss@example.com").await;
    let mut made = Vec::new();
    for n in 0..30 {
        // Accounts 3 to 6 share one millisecond and straddle the end of the first page (25
        // accounts): the cursor holds the id as well as the time.
        if !(4..=6).contains(&n) {
            app.clock.advance_millis(1_000);
        }
        let email = format!("person-{n:02}@many.example");
        make_user(&app, &email).await;
        made.push(email);
    }

    let first = boss.get("/admin/users").await;
    assert_eq!(first.status, 200);
    first.assert_lacks("in total");
    let first_listed = listed(&first);
    assert_eq!(first_listed.len(), 25, "a page of accounts");
    let newest_first: Vec<String> = made.iter().rev().cloned().collect();
    assert_eq!(first_listed[..24], newest_first[..24], "newest first");
    let next = first
        .link_to("Next")
        .unwrap_or_else(|| panic!("no link to the next page"));
    assert!(next.starts_with("/admin/users?after="), "{next}");

    // Someone signing up between the pages pushes nobody onto the next page twice.
    app.clock.advance_millis(1_000);
    make_user(&app, "latecomer@many.example").await;
    let second = boss.get(&next).await;
    assert_eq!(second.status, 200);
    let second_listed = listed(&second);
    assert_eq!(second_listed.len(), 5, "the rest");
    second.assert_contains("boss@example.com");
    assert!(second.link_to("Next").is_none());
    assert_eq!(
        second.link_to("← First page").as_deref(),
        Some("/admin/users")
    );
    let mut seen: Vec<String> = first_listed.into_iter().chain(second_listed).collect();
    seen.sort();
    let mut all = made.clone();
    all.sort();
    assert_eq!(seen, all, "every account once");
    assert_eq!(
        listed(&boss.get("/admin/users").await)[0],
        "latecomer@many.example"
    );

    let damaged = boss.get("/admin/users?after=1.2.3").await;
    assert_eq!(damaged.status, 400);
    damaged.assert_contains("This link to the next page of users is damaged");
    damaged.assert_contains("data-template=");
}
