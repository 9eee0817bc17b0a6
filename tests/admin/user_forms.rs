//! The users pages' forms against what browsers really send: a search holding invisible
//! control characters is refused beside the box (PostgreSQL refuses a NUL outright), and
//! the credits form posted twice at once (a double-click, a retry) adjusts once, and the
//! same form posted again with another amount or reason is refused, not dropped quietly.

use crate::accounts::{assert_ledger_invariants, user_by_email, PASSWORD};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

use super::user_admins::{admin, SAME_ORIGIN};

on_both_databases!(
    a_search_with_control_characters_is_refused_beside_the_box,
    a_credits_form_posted_twice_at_once_adjusts_once,
    a_credits_form_posted_again_with_another_amount_or_reason_is_refused,
);

async fn a_search_with_control_characters_is_refused_beside_the_box(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, _) = admin(&app, "boss@pixelforge.example").await;
    // A NUL, one inside a word, an escape, and a right-to-left override.
    for q in ["%00", "a%00b", "%1B%5B31m", "a%E2%80%AEb"] {
        let page = boss.get(&format!("/admin/users?q={q}")).await;
        assert_eq!(page.status, 422, "{q}: {}", page.body);
        page.assert_contains("id=\"users-q-error\"");
        page.assert_contains("Remove the invisible control characters");
        // Everyone is listed instead.
        page.assert_contains("boss@pixelforge.example");
    }
}

/// The value of the hidden field `name` on a page.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} field"))
        + marker.len();
    let end = body[start..].find('"').unwrap_or(0) + start;
    body[start..end].to_owned()
}

async fn a_credits_form_posted_twice_at_once_adjusts_once(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, _) = admin(&app, "boss@pixelforge.example").await;
    let mut maker = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        maker
            .register("maker@pixelforge.example", PASSWORD)
            .await
            .status,
        303
    );
    let before = user_by_email(&app, "pixelforge", "maker@pixelforge.example").await;
    let tenant = before
        .tenant_id
        .unwrap_or_else(|| panic!("a tenant's account"));
    let profile = format!("/admin/users/{}", before.id);
    let form = boss.get(&profile).await;
    let token = csrf_token(&form).unwrap_or_else(|| panic!("no form token"));
    let once = hidden(&form.body, "adjustment_id");
    // The same session in a second connection, as a double-click sends it.
    let mut again = Browser::new(&app, "pixelforge.test");
    again.cookie = boss.cookie.clone();
    again.form_cookie = boss.form_cookie.clone();
    again.device_cookie = boss.device_cookie.clone();
    let fields = [
        ("csrf_token", token.as_str()),
        ("adjustment_id", once.as_str()),
        ("delta", "100"),
        ("reason", "Refund for ticket 9"),
    ];
    let action = format!("{profile}/credits");
    let (one, two) = tokio::join!(
        boss.post_raw(&action, &fields, SAME_ORIGIN),
        again.post_raw(&action, &fields, SAME_ORIGIN),
    );
    // Both are answered as the first was.
    for page in [&one, &two] {
        assert_eq!(page.status, 303, "{}", page.body);
        assert_eq!(page.header("location"), format!("{profile}?done=credits"));
    }
    // And once more, later: a retry after a slow answer.
    let retry = boss.post_raw(&action, &fields, SAME_ORIGIN).await;
    assert_eq!(retry.status, 303, "{}", retry.body);

    let after = user_by_email(&app, "pixelforge", "maker@pixelforge.example").await;
    assert_eq!(after.balance.get(), before.balance.get() + 100);
    let ledger = app
        .state
        .store
        .admin_ledger_page(tenant, before.id, None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let adjustments = ledger
        .iter()
        .filter(|row| row.entry.reference == "Refund for ticket 9")
        .count();
    assert_eq!(adjustments, 1);
    assert_ledger_invariants(&app, &after).await;
    let audited = app
        .state
        .store
        .audit_page(Some(tenant), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .filter(|r| r.action == "user.credits")
        .count();
    assert_eq!(audited, 1);

    // A new page is a new form: its post is an adjustment of its own.
    let next = boss
        .submit(&profile, &action, &[("delta", "5"), ("reason", "Another")])
        .await;
    assert_eq!(next.status, 303, "{}", next.body);
    let fresh = hidden(&boss.get(&profile).await.body, "adjustment_id");
    assert_ne!(fresh, once);
}

async fn a_credits_form_posted_again_with_another_amount_or_reason_is_refused(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, _) = admin(&app, "boss@pixelforge.example").await;
    let mut maker = Browser::new(&app, "pixelforge.test");
    const MAKER: &str = "maker@pixelforge.example";
    assert_eq!(maker.register(MAKER, PASSWORD).await.status, 303);
    let before = user_by_email(&app, "pixelforge", MAKER).await;
    let tenant = before
        .tenant_id
        .unwrap_or_else(|| panic!("a tenant's account"));
    let profile = format!("/admin/users/{}", before.id);
    let form = boss.get(&profile).await;
    let token = csrf_token(&form).unwrap_or_else(|| panic!("no form token"));
    let once = hidden(&form.body, "adjustment_id");
    let action = format!("{profile}/credits");
    let post = |delta: &'static str, reason: &'static str| {
        [
            ("csrf_token", token.clone()),
            ("adjustment_id", once.clone()),
            ("delta", delta.to_owned()),
            ("reason", reason.to_owned()),
        ]
    };
    let send = async |boss: &mut Browser<'_>, fields: [(&str, String); 4]| {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        boss.post_raw(&action, &fields, SAME_ORIGIN).await
    };
    let first = send(&mut boss, post("100", "Refund for ticket 9")).await;
    assert_eq!(first.status, 303, "{}", first.body);

    // The form edited (or replayed) with another amount, then another reason.
    for (delta, reason) in [("500", "Refund for ticket 9"), ("100", "Goodwill gift")] {
        let edited = send(&mut boss, post(delta, reason)).await;
        assert_eq!(edited.status, 409, "{delta} {reason}: {}", edited.body);
        edited.assert_contains("already used for another adjustment");
        // The page is drawn again with a form of its own.
        assert_ne!(hidden(&edited.body, "adjustment_id"), once);
    }
    // The same post again is still the quiet success a double-click gets.
    let repeat = send(&mut boss, post("100", "Refund for ticket 9")).await;
    assert_eq!(repeat.status, 303, "{}", repeat.body);
    assert_eq!(repeat.header("location"), format!("{profile}?done=credits"));

    let after = user_by_email(&app, "pixelforge", MAKER).await;
    assert_eq!(after.balance.get(), before.balance.get() + 100);
    assert_ledger_invariants(&app, &after).await;
    let audited = app
        .state
        .store
        .audit_page(Some(tenant), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .filter(|r| r.action == "user.credits")
        .count();
    assert_eq!(audited, 1);
}
