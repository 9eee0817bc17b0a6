//! Finding payments on the desk over HTTP: search, the state and day filters (India's
//! days), and keyset pages that list every row once while requests keep arriving.

use std::collections::HashSet;

use atelier_domain::{PaymentId, Timestamp};

use super::{admin, decide, listed, make_pack, make_request, member, start, unescape};
use crate::common::{Db, Page};
use crate::on_both_databases;

const HOST: &str = "pixelforge.test";
const HOUR: i64 = 3_600_000;

on_both_databases!(
    search_finds_a_utr_a_reference_or_the_start_of_an_email,
    states_and_india_days_filter_the_list,
    keyset_pages_list_every_row_once_while_requests_arrive,
);

fn ids(list: &[PaymentId]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

/// The page's Next link, read back from the HTML.
fn next_link(page: &Page) -> Option<String> {
    let before = page.body.split("rel=\"next\"").next()?;
    if before.len() == page.body.len() {
        return None;
    }
    let href = before.rsplit("href=\"").next()?.split('"').next()?;
    Some(unescape(href))
}

async fn search_finds_a_utr_a_reference_or_the_start_of_an_email(db: Db) {
    let app = start(db, "").await;
    let (mut desk, _) = admin(&app, HOST, "admin@pixelforge.example").await;
    let (_, asha) = member(&app, HOST, "asha@pixelforge.example").await;
    let (_, ashok) = member(&app, HOST, "ashok@pixelforge.example").await;
    let pack = make_pack(&app, &asha, 50, 14_900).await;
    let (a, a_reference) = make_request(&app, &asha, pack, "432187650912").await;
    let (b, _) = make_request(&app, &ashok, pack, "555566667777").await;

    let search = |q: &str| format!("/admin/payments?state=all&q={}", urlencode(q));
    let cases: [(&str, Vec<String>); 7] = [
        ("432187650912", ids(&[a])),
        // Spaces pasted from a UPI app do not matter; a part of a UTR is no match.
        ("4321 8765 0912", ids(&[a])),
        ("43218765", vec![]),
        (&a_reference.to_lowercase(), ids(&[a])),
        // Emails match from their start, newest first.
        ("ash", ids(&[b, a])),
        ("ASHA@", ids(&[a])),
        ("sha", vec![]),
    ];
    for (q, expected) in cases {
        let page = desk.get(&search(q)).await;
        assert_eq!(page.status, 200, "{q}: {}", page.body);
        assert_eq!(listed(&page), expected, "searching {q:?}");
        if expected.is_empty() {
            page.assert_contains("No payments match these filters");
        }
    }
}

fn urlencode(q: &str) -> String {
    url::form_urlencoded::byte_serialize(q.as_bytes()).collect()
}

async fn states_and_india_days_filter_the_list(db: Db) {
    let app = start(db, "").await;
    let (mut desk, _) = admin(&app, HOST, "admin@pixelforge.example").await;
    let (_, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    // TEST_EPOCH is 27 Nov 2026, 15:30 in India; its day ends at 18:30 UTC.
    let end_of_27th = Timestamp(1_795_804_200_000);
    let (early, _) = make_request(&app, &buyer, pack, "100000000001").await;
    app.clock.set(end_of_27th.plus_millis(-1));
    let (last_minute, _) = make_request(&app, &buyer, pack, "100000000002").await;
    app.clock.set(end_of_27th);
    let (midnight, _) = make_request(&app, &buyer, pack, "100000000003").await;
    app.clock.set(end_of_27th.plus_millis(30 * HOUR));
    let (late, _) = make_request(&app, &buyer, pack, "100000000004").await;
    assert_eq!(decide(&mut desk, early, None).await.status, 303);
    assert_eq!(
        decide(&mut desk, late, Some("No such credit in our statement."))
            .await
            .status,
        303
    );

    let cases: [(&str, Vec<String>); 8] = [
        ("", ids(&[last_minute, midnight])),
        ("state=pending", ids(&[last_minute, midnight])),
        ("state=approved", ids(&[early])),
        ("state=rejected", ids(&[late])),
        ("state=all", ids(&[late, midnight, last_minute, early])),
        (
            "state=all&from=2026-11-27&to=2026-11-27",
            ids(&[last_minute, early]),
        ),
        ("state=all&from=2026-11-28", ids(&[late, midnight])),
        (
            "state=all&to=2026-11-28",
            ids(&[midnight, last_minute, early]),
        ),
    ];
    for (query, expected) in cases {
        let page = desk.get(&format!("/admin/payments?{query}")).await;
        assert_eq!(page.status, 200, "{query}: {}", page.body);
        assert_eq!(listed(&page), expected, "?{query}");
    }
    // Times show in India time.
    let day = desk
        .get("/admin/payments?from=2026-11-27&to=2026-11-27")
        .await;
    day.assert_contains("27 Nov 2026, 23:59");
    day.assert_contains("India time (IST, UTC+05:30)");

    // A value that does not read is answered beside its field, never with a server error.
    let refusals = [
        ("from=2026-13-01", "filter-from-error", "has no month 13"),
        ("to=27-11-2026", "filter-to-error", "YYYY-MM-DD"),
        (
            "from=2026-11-28&to=2026-11-27",
            "filter-to-error",
            "before the first",
        ),
        (
            "state=maybe",
            "filter-state-error",
            "Choose waiting, approved, rejected or all.",
        ),
    ];
    for (query, field, message) in refusals {
        let page = desk.get(&format!("/admin/payments?{query}")).await;
        assert_eq!(page.status, 422, "{query}: {}", page.body);
        page.assert_contains(&format!("id=\"{field}\""));
        page.assert_contains(message);
        assert!(listed(&page).is_empty());
    }
}

async fn keyset_pages_list_every_row_once_while_requests_arrive(db: Db) {
    let app = start(db, "").await;
    let (mut desk, _) = admin(&app, HOST, "admin@pixelforge.example").await;
    let (_, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    let mut made = Vec::new();
    for n in 0..30_i64 {
        // Ten requests share each millisecond, so the id breaks the ties.
        if n % 10 == 0 {
            app.clock.advance_millis(1000);
        }
        made.push(
            make_request(&app, &buyer, pack, &format!("2000{n:08}"))
                .await
                .0,
        );
    }

    // The waiting queue, oldest first: while the admin reads page one, two of its rows are
    // decided and three new requests arrive; page two still starts where page one ended.
    let first = desk.get("/admin/payments").await;
    let page_one = listed(&first);
    assert_eq!(page_one, ids(&made[..25]));
    let next = next_link(&first).unwrap_or_else(|| panic!("no Next link"));
    assert!(next.contains("after=") && !next.contains("page="), "{next}");
    assert_eq!(decide(&mut desk, made[0], None).await.status, 303);
    assert_eq!(decide(&mut desk, made[1], None).await.status, 303);
    app.clock.advance_millis(1000);
    let mut arrived = Vec::new();
    for n in 0..3_i64 {
        arrived.push(
            make_request(&app, &buyer, pack, &format!("3000{n:08}"))
                .await
                .0,
        );
    }
    let second = desk.get(&next).await;
    assert_eq!(second.status, 200);
    let page_two = listed(&second);
    assert_eq!(page_two, [ids(&made[25..]), ids(&arrived)].concat());
    assert_eq!(next_link(&second), None, "the last page has no Next");

    // Every request, newest first, while more arrive between the pages: none twice, none
    // missed (new ones are at the top, where page one was).
    // Creation order is (submitted, id) order: ids are UUIDv7.
    let expected: Vec<String> = [ids(&made), ids(&arrived)]
        .concat()
        .into_iter()
        .rev()
        .collect();
    let mut seen = Vec::new();
    let mut url = "/admin/payments?state=all".to_owned();
    for round in 0.. {
        assert!(round < 5, "the pages never ended");
        let page = desk.get(&url).await;
        seen.extend(listed(&page));
        app.clock.advance_millis(1000);
        make_request(&app, &buyer, pack, &format!("4000{round:08}")).await;
        match next_link(&page) {
            Some(next) => url = next,
            None => break,
        }
    }
    assert_eq!(seen, expected, "every request exactly once, newest first");
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
}
