//! The desk's CSV export over HTTP: the range's rows in India time, quoting, formulas made
//! inert, refused ranges answered on the desk, and a file longer than one page of the store.

use std::collections::HashSet;

use atelier_domain::Clock;

use super::{admin, decide, make_pack, make_request, make_request_as, member, start};
use crate::common::{Db, TEST_EPOCH};
use crate::on_both_databases;

const HOST: &str = "pixelforge.test";
const HOUR: i64 = 3_600_000;

on_both_databases!(
    the_export_is_a_csv_of_the_range_with_formulas_made_inert,
    a_long_export_arrives_whole,
);

async fn the_export_is_a_csv_of_the_range_with_formulas_made_inert(db: Db) {
    let app = start(db, "").await;
    let (mut desk, _) = admin(&app, HOST, "admin@pixelforge.example").await;
    // An address a spreadsheet would run as a formula; the email syntax allows it.
    let (_, schemer) = member(&app, HOST, "=2+3@pixelforge.example").await;
    let (_, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    let (approved, approved_reference) = make_request(&app, &schemer, pack, "432187650912").await;
    app.clock.advance_millis(HOUR);
    let (rejected, _) = make_request(&app, &buyer, pack, "432187650913").await;
    let (waiting, _) = make_request_as(
        &app,
        &buyer,
        "@home@pixelforge.example",
        pack,
        "432187650914",
    )
    .await;
    // December is outside the range.
    app.clock.set(TEST_EPOCH.plus_millis(5 * 24 * HOUR));
    make_request(&app, &buyer, pack, "432187650915").await;
    assert_eq!(decide(&mut desk, approved, None).await.status, 303);
    let reason = "+91 said \"paid twice\", call back";
    assert_eq!(decide(&mut desk, rejected, Some(reason)).await.status, 303);

    let file = desk
        .get("/admin/payments/export?from=2026-11-01&to=2026-11-30")
        .await;
    assert_eq!(file.status, 200, "{}", file.body);
    assert_eq!(file.header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(
        file.header("content-disposition"),
        "attachment; filename=\"payments-pixelforge-2026-11-01-to-2026-11-30.csv\""
    );
    // The reason's quotes are doubled inside a quoted cell, after the formula guard.
    assert!(
        file.body
            .contains("\"'+91 said \"\"paid twice\"\", call back\""),
        "{}",
        file.body
    );
    let rows = read_csv(&file.body);
    assert_eq!(
        rows[0],
        [
            "id",
            "submitted",
            "email",
            "credits",
            "amount_inr",
            "reference",
            "utr",
            "state",
            "decided_at",
            "decided_by",
            "reason"
        ]
    );
    assert_eq!(rows.len(), 4, "three requests in November, oldest first");
    let decided_at = app.clock.now().india_iso();
    assert_eq!(
        rows[1],
        [
            approved.to_string(),
            "2026-11-27T15:30:00+05:30".to_owned(),
            "'=2+3@pixelforge.example".to_owned(),
            "50".to_owned(),
            "149.00".to_owned(),
            approved_reference,
            "432187650912".to_owned(),
            "approved".to_owned(),
            decided_at.clone(),
            "admin@pixelforge.example".to_owned(),
            String::new(),
        ]
    );
    assert_eq!(rows[2][0], rejected.to_string());
    assert_eq!(rows[2][1], "2026-11-27T16:30:00+05:30");
    assert_eq!(rows[2][7], "rejected");
    assert_eq!(rows[2][10], format!("'{reason}"));
    assert_eq!(rows[3][0], waiting.to_string());
    assert_eq!(rows[3][2], "'@home@pixelforge.example");
    assert_eq!(rows[3][8], "", "not decided yet");

    let approved_only = desk
        .get("/admin/payments/export?from=2026-11-01&to=2026-11-30&state=approved")
        .await;
    let rows = read_csv(&approved_only.body);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], approved.to_string());

    // Ranges that cannot be exported are answered beside the export's fields.
    for (query, field, message) in [
        (
            "from=2025-11-01&to=2026-11-30",
            "export-to-error",
            "at most 366 days",
        ),
        (
            "to=2026-11-30",
            "export-from-error",
            "Choose the first day to export.",
        ),
        (
            "from=2026-11-01&to=2026-11-31",
            "export-to-error",
            "not a day of the calendar",
        ),
    ] {
        let page = desk.get(&format!("/admin/payments/export?{query}")).await;
        assert_eq!(page.status, 422, "{query}: {}", page.body);
        assert!(page.header("content-type").starts_with("text/html"));
        page.assert_contains(&format!("id=\"{field}\""));
        page.assert_contains(message);
    }
    // A leap year's 366 days fit in one file.
    let leap = desk
        .get("/admin/payments/export?from=2028-01-01&to=2028-12-31")
        .await;
    assert_eq!(leap.status, 200);
}

fn read_csv(body: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{e}: {body}"))
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

async fn a_long_export_arrives_whole(db: Db) {
    let app = start(db, "").await;
    let (mut desk, _) = admin(&app, HOST, "admin@pixelforge.example").await;
    let (_, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    // More than one page of the store's (1000 rows), several sharing each millisecond.
    let mut made = HashSet::new();
    for n in 0..1_003_i64 {
        if n % 7 == 0 {
            app.clock.advance_millis(1);
        }
        made.insert(
            make_request(&app, &buyer, pack, &format!("5000{n:08}"))
                .await
                .0
                .to_string(),
        );
    }
    let file = desk
        .get("/admin/payments/export?from=2026-11-27&to=2026-11-27&state=pending")
        .await;
    assert_eq!(file.status, 200);
    let rows = read_csv(&file.body);
    assert_eq!(rows.len(), 1 + 1_003, "the header and every request");
    let exported: HashSet<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(exported, made, "each request exactly once");
}
