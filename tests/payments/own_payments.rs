//! An admin who buys credits on their own site is a buyer like any other: their request
//! waits for another admin. Neither the desk's buttons nor a bank statement lets them
//! approve (or reject) it themselves, which would grant credits for a payment nobody else
//! checked.

use atelier_domain::{PaymentState, TenantId};

use super::statement::{approve, checkbox, hdfc_credit, hdfc_statement, section, upload};
use super::{
    admin, balance, decide, listed, make_pack, make_request, member, start, state_of, tenant_id,
};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

const HOST: &str = "pixelforge.test";
const REFUSAL: &str = "another admin must decide your own payment";

on_both_databases!(
    an_admin_cannot_decide_their_own_payment_but_another_admin_can,
    a_statement_does_not_approve_the_admins_own_payment,
);

async fn audit_rows(app: &TestApp, tenant: TenantId) -> usize {
    app.state
        .store
        .audit_page(Some(tenant), None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .filter(|row| row.action.starts_with("payment."))
        .count()
}

async fn an_admin_cannot_decide_their_own_payment_but_another_admin_can(db: Db) {
    let app = start(db, "").await;
    let (mut boss, boss_user) = admin(&app, HOST, "boss@pixelforge.example").await;
    let (mut colleague, _) = admin(&app, HOST, "colleague@pixelforge.example").await;
    let pack = make_pack(&app, &boss_user, 50, 14_900).await;
    let (own, _) = make_request(&app, &boss_user, pack, "432187650921").await;
    let tenant = tenant_id(&app, "pixelforge").await;
    let before = balance(&app, &boss_user).await;

    // The boss's desk lists their request with a note where the buttons would be.
    let desk = boss.get("/admin/payments").await;
    assert_eq!(desk.status, 200, "{}", desk.body);
    assert_eq!(listed(&desk), [own.to_string()]);
    desk.assert_contains("data-own-payment");
    desk.assert_contains("Another admin must decide your own payment.");
    desk.assert_lacks(&format!("/admin/payments/{own}/approve"));
    desk.assert_lacks(&format!("/admin/payments/{own}/reject"));
    // A colleague's desk offers both.
    let theirs = colleague.get("/admin/payments").await;
    theirs.assert_contains(&format!("/admin/payments/{own}/approve"));
    theirs.assert_lacks("data-own-payment");

    // Posting the forms anyway changes nothing, and says why.
    let approved = decide(&mut boss, own, None).await;
    assert_eq!(approved.status, 409, "{}", approved.body);
    approved.assert_contains(REFUSAL);
    approved.assert_contains("so nothing was changed");
    let rejected = decide(&mut boss, own, Some("Testing the desk on myself.")).await;
    assert_eq!(rejected.status, 409, "{}", rejected.body);
    rejected.assert_contains(REFUSAL);
    assert_eq!(state_of(&app, tenant, own).await, PaymentState::Pending);
    assert_eq!(balance(&app, &boss_user).await, before, "no credits minted");
    assert_eq!(audit_rows(&app, tenant).await, 0, "no decision recorded");

    // Another admin decides it as any other.
    let by_colleague = decide(&mut colleague, own, None).await;
    assert_eq!(by_colleague.status, 303, "{}", by_colleague.body);
    assert_eq!(state_of(&app, tenant, own).await, PaymentState::Approved);
    assert_eq!(balance(&app, &boss_user).await, before + 50);
}

async fn a_statement_does_not_approve_the_admins_own_payment(db: Db) {
    let app = start(db, "").await;
    let (mut boss, boss_user) = admin(&app, HOST, "boss@pixelforge.example").await;
    let (_, asha) = member(&app, HOST, "asha@example.com").await;
    let pack = make_pack(&app, &boss_user, 100, 14_900).await;
    let (own, _) = make_request(&app, &boss_user, pack, "331512345601").await;
    let (ashas, _) = make_request(&app, &asha, pack, "331512345602").await;
    let tenant = tenant_id(&app, "pixelforge").await;

    let file = hdfc_statement(&[
        &hdfc_credit("27/11/26", "BOSS", "331512345601", "149.00"),
        &hdfc_credit("27/11/26", "ASHA", "331512345602", "149.00"),
    ]);
    let preview = upload(&app, &mut boss, &[("bank", "hdfc")], &file).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    let matched = section(&preview, "matched").unwrap_or_else(|| panic!("no matches"));
    assert!(
        matched.contains("Another admin must decide your own payment."),
        "{matched}"
    );
    assert_eq!(
        checkbox(&preview, own),
        None,
        "no box to tick for one's own"
    );
    assert_eq!(checkbox(&preview, ashas), Some(true));

    // Even with its id posted, only Asha's is approved; the page says why.
    let done = approve(&mut boss, &preview, &[own, ashas]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    done.assert_contains("Approved 1, 1 your own.");
    let refused = section(&done, "own").unwrap_or_else(|| panic!("no own payments listed"));
    assert!(
        refused.contains(REFUSAL) && refused.contains("331512345601"),
        "{refused}"
    );
    assert_eq!(state_of(&app, tenant, own).await, PaymentState::Pending);
    assert_eq!(state_of(&app, tenant, ashas).await, PaymentState::Approved);
}
