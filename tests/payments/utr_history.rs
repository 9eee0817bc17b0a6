//! A UTR rejected once can be confirmed again at once, by anyone. The admin deciding the new
//! request sees what became of the old one (rejected when, by whom, why) on the desk's row
//! and in a bank statement's preview, and rows with no history say nothing.

use atelier_domain::{Clock, IndiaDate};

use super::statement::{hdfc_credit, hdfc_statement, section, upload};
use super::{admin, decide, listed, make_pack, make_request, member, start};
use crate::common::{Db, Page};
use crate::on_both_databases;

const HOST: &str = "pixelforge.test";
const UTR: &str = "331512345611";
const REASON: &str = "No credit with this UTR in our statement.";

on_both_databases!(a_utr_rejected_before_says_so_on_the_desk_and_in_the_statement_preview,);

/// The desk row of request `id`, from its opening tag to the next row.
fn row<'a>(page: &'a Page, id: &str) -> &'a str {
    let start = page
        .body
        .find(&format!("data-payment=\"{id}\""))
        .unwrap_or_else(|| panic!("no row for {id}"));
    let rest = &page.body[start..];
    &rest[..rest.find("</tr>").unwrap_or(rest.len())]
}

async fn a_utr_rejected_before_says_so_on_the_desk_and_in_the_statement_preview(db: Db) {
    let app = start(db, "").await;
    let (mut boss, _) = admin(&app, HOST, "boss@pixelforge.example").await;
    let (_, asha) = member(&app, HOST, "asha@example.com").await;
    let (_, ravi) = member(&app, HOST, "ravi@example.com").await;
    let pack = make_pack(&app, &asha, 100, 14_900).await;
    let (first, first_reference) = make_request(&app, &asha, pack, UTR).await;
    let (other, _) = make_request(&app, &asha, pack, "331512345612").await;
    let rejected = decide(&mut boss, first, Some(REASON)).await;
    assert_eq!(rejected.status, 303, "{}", rejected.body);

    // Someone confirms the rejected UTR again, at once.
    let (again, _) = make_request(&app, &ravi, pack, UTR).await;
    let today = IndiaDate::of(app.clock.now()).display();
    let note = format!(
        "This UTR was rejected on {today} by boss@pixelforge.example: \u{201c}{REASON}\u{201d} \
         (asha@example.com, reference {first_reference})."
    );

    let desk = boss.get("/admin/payments").await;
    assert_eq!(desk.status, 200, "{}", desk.body);
    assert_eq!(listed(&desk), [other.to_string(), again.to_string()]);
    let again_row = row(&desk, &again.to_string());
    assert!(again_row.contains(&note), "{again_row}");
    assert_eq!(again_row.matches("data-earlier").count(), 1);
    assert!(
        !row(&desk, &other.to_string()).contains("data-earlier"),
        "a UTR with no history says nothing"
    );
    // Listing every state, the rejected request does not tell of itself.
    let all = boss.get("/admin/payments?state=all").await;
    assert!(row(&all, &again.to_string()).contains(&note));
    assert!(!row(&all, &first.to_string()).contains("data-earlier"));

    // The statement's match for the new request says so too, still ticked: the bank's
    // credit is the proof the first request lacked.
    let file = hdfc_statement(&[&hdfc_credit("27/11/26", "RAVI", UTR, "149.00")]);
    let preview = upload(&app, &mut boss, &[("bank", "hdfc")], &file).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    let matched = section(&preview, "matched").unwrap_or_else(|| panic!("no matches"));
    assert!(matched.contains(&again.to_string()), "{matched}");
    assert!(matched.contains(&note), "{matched}");
}
