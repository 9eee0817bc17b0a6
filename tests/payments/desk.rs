//! The approval desk's decisions over HTTP: exactly once when admins click at the same
//! moment, the buyer's mails over SMTP, the audit log, and who may decide at all.

use std::time::Duration;

use atelier_domain::{LedgerReason, PaymentId, PaymentState, TenantId, User};

use super::{
    admin, balance, decide, listed, make_pack, make_request, member, start, state_of, tenant_id,
};
use crate::accounts::assert_ledger_invariants;
use crate::common::browser::{csrf_token, Browser};
use crate::common::smtp::SmtpServer;
use crate::common::{within, Db, Page, TestApp};
use crate::on_both_databases;

const HOST: &str = "pixelforge.test";
/// How long two decisions racing may take before the test fails instead of hanging.
const RACE_WITHIN: Duration = Duration::from_secs(30);

on_both_databases!(
    two_admins_approving_at_once_credit_once,
    an_approval_and_a_rejection_at_once_leave_exactly_one_decision,
    decisions_mail_the_buyer_and_enter_the_audit_log,
    only_the_tenants_own_admins_reach_its_desk,
);

/// Two admins' browsers post `first` and `second` (path, fields) at the same moment, each
/// with the form token of the desk it has open.
async fn at_once(
    a: &mut Browser<'_>,
    b: &mut Browser<'_>,
    first: (&str, &[(&str, &str)]),
    second: (&str, &[(&str, &str)]),
) -> (Page, Page) {
    let token_a = csrf_token(&a.get("/admin/payments").await).unwrap_or_else(|| panic!("no form"));
    let token_b = csrf_token(&b.get("/admin/payments").await).unwrap_or_else(|| panic!("no form"));
    let mut pairs_a: Vec<(&str, &str)> = vec![("csrf_token", &token_a)];
    pairs_a.extend_from_slice(first.1);
    let mut pairs_b: Vec<(&str, &str)> = vec![("csrf_token", &token_b)];
    pairs_b.extend_from_slice(second.1);
    let same_origin = [("sec-fetch-site", "same-origin")];
    within(RACE_WITHIN, "two decisions at once", async {
        tokio::join!(
            a.post_raw(first.0, &pairs_a, &same_origin),
            b.post_raw(second.0, &pairs_b, &same_origin),
        )
    })
    .await
}

/// The ledger's purchase entries of `user`: (delta, reference).
async fn purchases(app: &TestApp, user: &User) -> Vec<(i64, String)> {
    let entries = app
        .state
        .store
        .ledger_page(user.id, None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    entries
        .into_iter()
        .filter(|e| e.reason == LedgerReason::Purchase)
        .map(|e| (e.delta, e.reference))
        .collect()
}

/// The audit rows of `tenant` that name request `id`.
async fn audit_rows_of(app: &TestApp, tenant: TenantId, id: PaymentId) -> usize {
    app.state
        .store
        .audit_page(Some(tenant), None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .filter(|r| r.subject.contains(&id.to_string()))
        .count()
}

async fn two_admins_approving_at_once_credit_once(db: Db) {
    let app = start(db, "").await;
    let (_, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let (mut first, _) = admin(&app, HOST, "first@pixelforge.example").await;
    let (mut second, _) = admin(&app, HOST, "second@pixelforge.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    let (id, _) = make_request(&app, &buyer, pack, "432187650912").await;
    let before = balance(&app, &buyer).await;

    let approve = format!("/admin/payments/{id}/approve");
    let (a, b) = at_once(&mut first, &mut second, (&approve, &[]), (&approve, &[])).await;

    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [303, 409],
        "one wins, one is told: {} / {}",
        a.body,
        b.body
    );
    let (winner, loser, winner_email) = if a.status == 303 {
        (&a, &b, "first@pixelforge.example")
    } else {
        (&b, &a, "second@pixelforge.example")
    };
    assert_eq!(
        winner.header("location"),
        format!("/admin/payments?decided={id}")
    );
    loser.assert_contains(&format!("was already approved by {winner_email}"));
    loser.assert_contains("so nothing was changed");
    assert_eq!(balance(&app, &buyer).await, before + 50, "credited once");
    assert_eq!(purchases(&app, &buyer).await, [(50, id.to_string())]);
    assert_ledger_invariants(&app, &buyer).await;
    let tenant = tenant_id(&app, "pixelforge").await;
    assert_eq!(
        audit_rows_of(&app, tenant, id).await,
        1,
        "one decision, one audit row"
    );
}

async fn an_approval_and_a_rejection_at_once_leave_exactly_one_decision(db: Db) {
    let app = start(db, "").await;
    let (_, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let (mut first, _) = admin(&app, HOST, "first@pixelforge.example").await;
    let (mut second, _) = admin(&app, HOST, "second@pixelforge.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    let (id, _) = make_request(&app, &buyer, pack, "432187650913").await;
    let before = balance(&app, &buyer).await;

    let approve = format!("/admin/payments/{id}/approve");
    let reject = format!("/admin/payments/{id}/reject");
    let reason = [("reason", "No payment with this UTR reached our account.")];
    let (a, b) = at_once(&mut first, &mut second, (&approve, &[]), (&reject, &reason)).await;

    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [303, 409],
        "exactly one wins: {} / {}",
        a.body,
        b.body
    );
    let tenant = tenant_id(&app, "pixelforge").await;
    let state = state_of(&app, tenant, id).await;
    if a.status == 303 {
        assert_eq!(state, PaymentState::Approved);
        b.assert_contains("was already approved by first@pixelforge.example");
        assert_eq!(balance(&app, &buyer).await, before + 50);
        assert_eq!(purchases(&app, &buyer).await.len(), 1);
    } else {
        assert_eq!(state, PaymentState::Rejected);
        a.assert_contains("was already rejected by second@pixelforge.example");
        assert_eq!(balance(&app, &buyer).await, before);
        assert!(purchases(&app, &buyer).await.is_empty());
    }
    assert_ledger_invariants(&app, &buyer).await;
    assert_eq!(audit_rows_of(&app, tenant, id).await, 1);
}

async fn decisions_mail_the_buyer_and_enter_the_audit_log(db: Db) {
    let smtp = SmtpServer::start().await;
    let app = start(db, &format!("smtp_url = {:?}", smtp.url())).await;
    let (_, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let (mut desk, _) = admin(&app, HOST, "admin@pixelforge.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    let (paid, paid_reference) = make_request(&app, &buyer, pack, "432187650914").await;
    let (unpaid, _) = make_request(&app, &buyer, pack, "432187650915").await;
    let tenant = tenant_id(&app, "pixelforge").await;

    // The waiting queue, oldest first, with the count in the heading.
    let queue = desk.get("/admin/payments").await;
    assert_eq!(queue.status, 200);
    assert_eq!(listed(&queue), [paid.to_string(), unpaid.to_string()]);
    queue.assert_contains("data-pending=\"2\"");
    queue.assert_contains("₹149.00");
    queue.assert_contains(&paid_reference);

    // A reason too short to send: the row's field says so, and nothing changes.
    let short = decide(&mut desk, unpaid, Some("no")).await;
    assert_eq!(short.status, 422, "{}", short.body);
    short.assert_contains(&format!("id=\"reason-{unpaid}-error\""));
    short.assert_contains("Say why, in a few words");
    assert_eq!(state_of(&app, tenant, unpaid).await, PaymentState::Pending);

    let approved = decide(&mut desk, paid, None).await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    let after = desk.get(approved.header("location")).await;
    after.assert_contains("Approved ₹149.00 from buyer@pixelforge.example: 50 ");
    assert_eq!(listed(&after), [unpaid.to_string()]);

    let reason = "No payment with UTR 432187650915 reached our account.";
    let rejected = decide(&mut desk, unpaid, Some(reason)).await;
    assert_eq!(rejected.status, 303, "{}", rejected.body);
    let empty = desk.get(rejected.header("location")).await;
    empty.assert_contains("Rejected ₹149.00 from buyer@pixelforge.example");
    empty.assert_contains("No payments waiting. New ones appear here as users confirm them.");
    empty.assert_contains("data-pending=\"0\"");

    // Both mails reach the buyer over SMTP.
    within(Duration::from_secs(20), "the outbox sending", async {
        app.state.mailer.deliver_due().await
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let to_buyer: Vec<_> = smtp
        .messages()
        .into_iter()
        .filter(|m| m.to == ["buyer@pixelforge.example"])
        .collect();
    let approval = to_buyer
        .iter()
        .find(|m| m.text().contains("432187650914"))
        .unwrap_or_else(|| panic!("no approval mail among {to_buyer:?}"));
    assert!(
        approval.text().contains("is confirmed"),
        "{}",
        approval.text()
    );
    assert!(approval.text().contains(&format!("/payments/{paid}")));
    let rejection = to_buyer
        .iter()
        .find(|m| m.text().contains("432187650915"))
        .unwrap_or_else(|| panic!("no rejection mail among {to_buyer:?}"));
    assert!(rejection.text().contains(reason), "{}", rejection.text());

    // The audit log names each decision, who made it and from where.
    let log = desk.get("/admin/audit").await;
    assert_eq!(log.status, 200);
    // One row for each decision (the test's own set-up of the site has rows of its own).
    let count = |words: &str| log.body.matches(words).count();
    assert_eq!(
        (count("Approved a payment"), count("Rejected a payment")),
        (1, 1),
        "{}",
        log.body
    );
    log.assert_contains("admin@pixelforge.example");
    log.assert_contains("127.0.0.1");
    log.assert_contains(&paid.to_string());
    log.assert_contains(reason);
    // Newest first.
    let text = log.text();
    let (rejected_at, approved_at) = (
        text.find("Rejected a payment").unwrap_or(usize::MAX),
        text.find("Approved a payment").unwrap_or(0),
    );
    assert!(rejected_at < approved_at, "the newest decision comes first");
}

async fn only_the_tenants_own_admins_reach_its_desk(db: Db) {
    let app = start(db, "").await;
    let (mut buyer_browser, buyer) = member(&app, HOST, "buyer@pixelforge.example").await;
    let (mut desk, _) = admin(&app, HOST, "admin@pixelforge.example").await;
    let (_, other_buyer) = member(&app, "nocturne.test", "buyer@nocturne.example").await;
    let pack = make_pack(&app, &buyer, 50, 14_900).await;
    let other_pack = make_pack(&app, &other_buyer, 10, 4_900).await;
    let (own, _) = make_request(&app, &buyer, pack, "432187650916").await;
    let (foreign, _) = make_request(&app, &other_buyer, other_pack, "432187650917").await;

    // Another tenant's request is nowhere on this desk, and deciding it finds nothing.
    let all = desk.get("/admin/payments?state=all").await;
    assert_eq!(listed(&all), [own.to_string()]);
    all.assert_lacks("432187650917");
    let search = desk.get("/admin/payments?state=all&q=432187650917").await;
    assert!(listed(&search).is_empty());
    assert_eq!(decide(&mut desk, foreign, None).await.status, 404);
    assert_eq!(
        decide(&mut desk, foreign, Some("Not a payment of ours."))
            .await
            .status,
        404
    );
    let nocturne = tenant_id(&app, "nocturne").await;
    assert_eq!(
        state_of(&app, nocturne, foreign).await,
        PaymentState::Pending
    );
    assert_eq!(audit_rows_of(&app, nocturne, foreign).await, 0);

    // A plain user reaches none of it, and their forms change nothing.
    for path in [
        "/admin/payments",
        "/admin/payments/export?from=2026-11-01&to=2026-11-30",
        "/admin/audit",
    ] {
        assert_eq!(buyer_browser.get(path).await.status, 403, "{path}");
    }
    let token = csrf_token(&buyer_browser.get("/account").await).unwrap_or_default();
    for action in ["approve", "reject"] {
        let page = buyer_browser
            .post_raw(
                &format!("/admin/payments/{own}/{action}"),
                &[
                    ("csrf_token", &token),
                    ("reason", "Rejecting my own payment."),
                ],
                &[("sec-fetch-site", "same-origin")],
            )
            .await;
        assert_eq!(page.status, 403, "{action}");
    }
    let pixelforge = tenant_id(&app, "pixelforge").await;
    assert_eq!(state_of(&app, pixelforge, own).await, PaymentState::Pending);
}
