//! A site's own words as its admin types them (a Hindi name and credit name, a Devanagari
//! block-list entry, a price per model) and as the console and the audit log give them back:
//! as written, and each problem beside the box it is about.

use crate::accounts::{make_tenant_admin, user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    hindi_names_read_as_written_in_the_log_and_keep_their_own_plural,
    a_price_problem_is_shown_beside_that_models_price
);

/// Pixelforge with `boss@example.com` as its admin, signed in.
async fn admin(app: &TestApp) -> Browser<'_> {
    let mut boss = Browser::new(app, "pixelforge.test");
    assert_eq!(
        boss.register("boss@example.com", PASSWORD).await.status,
        303
    );
    make_tenant_admin(app, "pixelforge", "boss@example.com").await;
    boss
}

fn limits_fields<'a>(cost: &'a str, blocked: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("max_image_side", "1024"),
        ("signup_bonus", "20"),
        ("active_jobs_per_user", "0"),
        ("models", "demo-abstract"),
        ("cost_demo-abstract", cost),
        ("support_email", ""),
        ("support_whatsapp", ""),
        ("prompt_blocklist", blocked),
    ]
}

async fn hindi_names_read_as_written_in_the_log_and_keep_their_own_plural(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = admin(&app).await;
    let saved = boss
        .submit(
            "/admin/branding",
            "/admin/branding",
            &[
                ("name", "पिक्सेल"),
                ("tagline", ""),
                ("legal_name", ""),
                ("theme", "default"),
                ("color_primary", "#6d28d9"),
                ("color_accent", "#f59e0b"),
                ("credit_name", "चिंगारी"),
                // No plural: a Hindi name keeps its singular, with no English "s".
                ("credit_name_plural", ""),
                ("intent", "save"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let limits = boss
        .submit("/admin/limits", "/admin/limits", &limits_fields("", "ख़ून"))
        .await;
    assert_eq!(limits.status, 303, "{}", limits.body);

    let mut visitor = Browser::new(&app, "pixelforge.test");
    visitor.register("maker@example.com", PASSWORD).await;
    let account = visitor.get("/account").await;
    account.assert_contains("चिंगारी");
    account.assert_lacks("चिंगारीs");

    // The log holds the words as typed: no `\u{94d}` escapes of the vowel signs and viramas.
    let tenant = user_by_email(&app, "pixelforge", "boss@example.com")
        .await
        .tenant_id
        .unwrap_or_else(|| panic!("no tenant"));
    let rows = app
        .state
        .store
        .audit_page(Some(tenant), None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let after = |action: &str| {
        rows.iter()
            .find(|r| r.action == action)
            .map(|r| r.after.clone())
            .unwrap_or_else(|| panic!("no {action} row"))
    };
    let branding = after("tenant.branding");
    assert!(branding.contains("name=\"पिक्सेल\""), "{branding}");
    assert!(
        branding.contains("credit=\"चिंगारी\"/\"चिंगारी\""),
        "{branding}"
    );
    let blocked = after("tenant.limits");
    assert!(blocked.contains("blocked=\"ख़ून\""), "{blocked}");
    let log = boss.get("/admin/audit").await;
    log.assert_contains("&quot;पिक्सेल&quot;");
    log.assert_contains("ख़ून");
    log.assert_lacks("\\u{");
}

async fn a_price_problem_is_shown_beside_that_models_price(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = admin(&app).await;
    let beside = "<p class=\"field-error\" id=\"cost-demo-abstract-error\">";

    let out_of_range = boss
        .submit("/admin/limits", "/admin/limits", &limits_fields("0", ""))
        .await;
    assert_eq!(out_of_range.status, 422);
    out_of_range.assert_contains(&format!("{beside}Enter a price from 1 to 1,000 Sparks, or"));
    out_of_range.assert_contains("id=\"cost-demo-abstract\" name=\"cost_demo-abstract\"");
    out_of_range.assert_contains("aria-describedby=\"cost-demo-abstract-error cost-demo-abstract-hint\" aria-invalid=\"true\"");

    let not_a_number = boss
        .submit("/admin/limits", "/admin/limits", &limits_fields("1,5", ""))
        .await;
    assert_eq!(not_a_number.status, 422);
    not_a_number.assert_contains(&format!(
        "{beside}Enter the price as a whole number, or leave it empty"
    ));
    // What was typed comes back in its box; nothing was saved.
    not_a_number.assert_contains("value=\"1,5\"");
    let form = boss.get("/admin/limits").await;
    form.assert_lacks(beside);
    form.assert_contains("name=\"cost_demo-abstract\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"\"");

    let saved = boss
        .submit("/admin/limits", "/admin/limits", &limits_fields("7", ""))
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    boss.get("/admin/limits")
        .await
        .assert_contains("value=\"7\"");
}
