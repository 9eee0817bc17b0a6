//! Bank-statement matching over HTTP: an admin uploads the bank's CSV statement, the preview
//! shows what it matches, and only the requests the admin ticks are approved.

use atelier_domain::{
    Clock, LedgerReason, PackId, PackTerms, Paise, PaymentId, PaymentState, TenantId,
};

use crate::accounts::{assert_ledger_invariants, make_tenant_admin, set_tenant};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

use super::{balance, make_request, member, state_of, tenant_id};

on_both_databases!(
    a_statement_previews_its_matches_and_approves_only_the_ticked_ones,
    approvals_touch_only_this_tenants_requests_and_only_admins_upload,
    a_note_naming_another_persons_reference_is_flagged_and_not_ticked,
);

pub(super) const PIXELFORGE: &str = "pixelforge.test";
pub(super) const FORM: &str = "/admin/payments/statement";
pub(super) const APPROVE: &str = "/admin/payments/statement/approve";

pub(super) const ASHA_UTR: &str = "331512345678";
pub(super) const RAVI_UTR: &str = "331612345679";
pub(super) const MEERA_UTR: &str = "331712345670";
pub(super) const KIRAN_UTR: &str = "331812345671";

/// An HDFC export as the bank writes it (account details above the table, a row of stars
/// around it), with `rows` as its transactions; the first row is line 7.
pub(super) fn hdfc_statement(rows: &[&str]) -> String {
    let mut file = String::from(
        "HDFC BANK Ltd.,,,,,,Page No .: 1\n\
         MR SHOP OWNER,,,,Account Branch :,KORAMANGALA,\n\
         ,,,,,,\n\
         Statement of account,,,,,,\n\
         Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance\n\
         ********,**********,**********,********,**********,**********,**********\n",
    );
    for row in rows {
        file.push_str(row);
        file.push('\n');
    }
    file.push_str("********,**********,**********,********,**********,**********,**********\n");
    file
}

/// A UPI credit row of an HDFC statement.
pub(super) fn hdfc_credit(day: &str, name: &str, utr: &str, amount: &str) -> String {
    format!(
        "{day},UPI-{name}-{vpa}@OKSBI-SBIN0001234-{utr}-PAYMENT,0000{utr},{day},,{amount},10000.00",
        vpa = name.to_lowercase()
    )
}

pub(super) async fn pack(app: &TestApp, tenant: TenantId, credits: i64, paise: i64) -> PackId {
    let terms = PackTerms::new(credits, Paise::new(paise)).unwrap_or_else(|e| panic!("{e:?}"));
    app.state
        .store
        .create_pack(tenant, terms, None, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Uploads `file` with the mapping `fields` (and the form's token unless `token` is
/// given) as the form does.
pub(super) async fn upload_with_token(
    app: &TestApp,
    browser: &mut Browser<'_>,
    fields: &[(&str, &str)],
    file: Option<Vec<u8>>,
    token: Option<&str>,
) -> Page {
    let form_token = match token {
        Some(token) => token.to_owned(),
        None => csrf_token(&browser.get(FORM).await).unwrap_or_else(|| panic!("no token")),
    };
    let mut form = reqwest::multipart::Form::new().text("csrf_token", form_token);
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    let part = match file {
        Some(bytes) => reqwest::multipart::Part::bytes(bytes).file_name("statement.csv"),
        None => reqwest::multipart::Part::bytes(Vec::new()).file_name(""),
    };
    form = form.part("statement", part);
    let mut request = app
        .client
        .post(app.url(FORM))
        .header("host", browser.host.as_str())
        .header("sec-fetch-site", "same-origin")
        .multipart(form);
    if let Some(cookie) = browser.cookie_header() {
        request = request.header("cookie", cookie);
    }
    Page::read(request.send().await.unwrap_or_else(|e| panic!("{e}"))).await
}

pub(super) async fn upload(
    app: &TestApp,
    browser: &mut Browser<'_>,
    fields: &[(&str, &str)],
    file: &str,
) -> Page {
    upload_with_token(app, browser, fields, Some(file.as_bytes().to_vec()), None).await
}

/// Ticks `ids` in `preview` and confirms.
pub(super) async fn approve(browser: &mut Browser<'_>, preview: &Page, ids: &[PaymentId]) -> Page {
    let token = csrf_token(preview).unwrap_or_else(|| panic!("no token on the preview"));
    let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
    let mut fields = vec![("csrf_token", token.as_str())];
    fields.extend(ids.iter().map(|id| ("payment", id.as_str())));
    browser
        .post_raw(APPROVE, &fields, &[("sec-fetch-site", "same-origin")])
        .await
}

/// The part of `page` from `data-section="{name}"` to the end of its table or list.
pub(super) fn section(page: &Page, name: &str) -> Option<String> {
    let body = page.text();
    let start = body.find(&format!("data-section=\"{name}\""))?;
    let rest = &body[start..];
    let end = rest
        .find("</table>")
        .or_else(|| rest.find("</ul>"))
        .unwrap_or(rest.len());
    Some(rest[..end].to_owned())
}

/// The payments a section lists, in order.
pub(super) fn payments_in(section: &str) -> Vec<String> {
    section
        .split("data-payment=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// Whether `page` has a checkbox for `id`, and whether it is ticked.
pub(super) fn checkbox(page: &Page, id: PaymentId) -> Option<bool> {
    let body = page.text();
    let at = body.find(&format!("name=\"payment\" value=\"{id}\""))?;
    let tag = &body[at..at + body[at..].find('>')?];
    Some(tag.contains("checked"))
}

async fn a_statement_previews_its_matches_and_approves_only_the_ticked_ones(db: Db) {
    let app = TestApp::start(db).await;
    set_tenant(&app, "pixelforge", |s| s.signup_limit_per_ip = 50).await;
    let tenant = tenant_id(&app, "pixelforge").await;
    let (mut boss, _) = member(&app, PIXELFORGE, "boss@pixelforge.example").await;
    make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;
    let small = pack(&app, tenant, 100, 14_900).await;
    let large = pack(&app, tenant, 500, 49_900).await;
    let mut people = Vec::new();
    for email in [
        "asha@example.com",
        "ravi@example.com",
        "meera@example.com",
        "kiran@example.com",
    ] {
        people.push(member(&app, PIXELFORGE, email).await.1);
    }
    let [asha, ravi, meera, kiran] = [0, 1, 2, 3].map(|i| people[i].clone());
    let asha_pays = make_request(&app, &asha, small, ASHA_UTR).await.0;
    let ravi_pays = make_request(&app, &ravi, large, RAVI_UTR).await.0;
    let meera_pays = make_request(&app, &meera, small, MEERA_UTR).await.0;
    let kiran_pays = make_request(&app, &kiran, small, KIRAN_UTR).await.0;

    // Two credits that pay their requests, one for less than the pack costs, a debit, and
    // a line whose amount is no number (line 11).
    let statement = hdfc_statement(&[
        &hdfc_credit("27/11/26", "ASHA", ASHA_UTR, "149.00"),
        "27/11/26,UPI-SWIGGY-SWIGGY@ICICI-ICIC0000104-331698765432-ORDER,0000331698765432,27/11/26,450.00,,9550.00",
        &hdfc_credit("28/11/26", "RAVI", RAVI_UTR, "499.00"),
        &hdfc_credit("28/11/26", "MEERA", MEERA_UTR, "140.00"),
        &hdfc_credit("29/11/26", "KIRAN", "331912345672", "1O0.00"),
    ]);
    let preview = upload(&app, &mut boss, &[("bank", "hdfc")], &statement).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    preview.assert_contains("data-template=\"default/admin/statement_preview\"");
    preview.assert_contains("2 matches, 1 amount differs, 1 line unreadable.");

    let matched = section(&preview, "matched").unwrap_or_else(|| panic!("no matches shown"));
    assert_eq!(
        payments_in(&matched),
        [asha_pays.to_string(), ravi_pays.to_string()]
    );
    for (text, what) in [
        ("asha@example.com", "email"),
        ("100 Sparks", "pack"),
        ("₹149.00", "amount"),
        (ASHA_UTR, "UTR"),
        ("Line 7 · 27 Nov 2026", "statement line"),
        ("27 Nov 2026, 15:30", "submitted"),
    ] {
        assert!(
            matched.contains(text),
            "the match shows its {what}: {matched}"
        );
    }
    assert_eq!(checkbox(&preview, asha_pays), Some(true));
    assert_eq!(checkbox(&preview, ravi_pays), Some(true));

    let differs = section(&preview, "differs").unwrap_or_else(|| panic!("no mismatch shown"));
    assert_eq!(payments_in(&differs), [meera_pays.to_string()]);
    assert!(
        differs.contains("₹149.00") && differs.contains("₹140.00"),
        "{differs}"
    );
    assert_eq!(
        checkbox(&preview, meera_pays),
        None,
        "a mismatch cannot be ticked"
    );

    preview.assert_contains(
        "Line 11:</strong> the amount &quot;1O0.00&quot; in column &quot;Deposit Amt.&quot;",
    );
    preview.assert_lacks(&kiran_pays.to_string());
    assert!(section(&preview, "outside").is_none() && section(&preview, "unknown").is_none());
    assert_eq!(
        state_of(&app, tenant, asha_pays).await,
        PaymentState::Pending,
        "previewing approves nothing"
    );

    // The admin unticks Ravi's and confirms Asha's alone.
    let before = balance(&app, &asha).await;
    let done = approve(&mut boss, &preview, &[asha_pays]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    done.assert_contains("Approved 1 request");
    let approved = section(&done, "approved").unwrap_or_else(|| panic!("nothing approved"));
    assert!(approved.contains("asha@example.com") && !approved.contains("ravi@"));
    assert_eq!(balance(&app, &asha).await, before + 100);
    let ledger = app
        .state
        .store
        .ledger_page(asha.id, None, 1)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        ledger
            .first()
            .map(|e| (e.delta, e.reason, e.reference.clone())),
        Some((100, LedgerReason::Purchase, asha_pays.to_string()))
    );
    assert_ledger_invariants(&app, &asha).await;
    for (id, who) in [
        (ravi_pays, "unticked"),
        (meera_pays, "mismatch"),
        (kiran_pays, "absent"),
    ] {
        assert_eq!(
            state_of(&app, tenant, id).await,
            PaymentState::Pending,
            "{who}"
        );
    }
    let audit = app
        .state
        .store
        .audit_page(Some(tenant), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let approvals: Vec<_> = audit
        .iter()
        .filter(|a| a.action == "payment.approve")
        .collect();
    assert_eq!(approvals.len(), 1);
    assert_eq!(approvals[0].actor_email, "boss@pixelforge.example");
    assert!(approvals[0].subject.contains(ASHA_UTR));

    // The mapping is remembered for the next upload.
    let form = boss.get(FORM).await;
    assert_eq!(form.status, 200);
    form.assert_contains("value=\"hdfc\" id=\"bank-hdfc\" checked");

    // A later statement: Asha's UTR now names an approved request, and Ravi's credit was
    // booked too long after his request to be taken on trust.
    let later = hdfc_statement(&[
        &hdfc_credit("27/11/26", "ASHA", ASHA_UTR, "149.00"),
        &hdfc_credit("09/12/26", "RAVI", RAVI_UTR, "499.00"),
    ]);
    let second = upload(&app, &mut boss, &[("bank", "hdfc")], &later).await;
    assert_eq!(second.status, 200, "{}", second.body);
    second.assert_contains(
        "No matches, 1 payment outside the dates, 1 credit matches no pending request.",
    );
    let unknown = section(&second, "unknown").unwrap_or_else(|| panic!("no unknown credits"));
    assert!(
        unknown.contains(ASHA_UTR)
            && unknown.contains("This UTR was approved on 27 Nov 2026 by boss@pixelforge.example"),
        "{unknown}"
    );
    let outside = section(&second, "outside").unwrap_or_else(|| panic!("no late credit"));
    assert_eq!(payments_in(&outside), [ravi_pays.to_string()]);
    assert!(
        outside.contains("Booked 12 days after the request"),
        "{outside}"
    );
    assert_eq!(
        checkbox(&second, ravi_pays),
        Some(false),
        "not ticked unless the admin does"
    );

    // A preview confirmed twice reports what someone already decided.
    let again = approve(&mut boss, &preview, &[asha_pays, ravi_pays]).await;
    assert_eq!(again.status, 200, "{}", again.body);
    again.assert_contains("Approved 1, 1 already decided.");
    let already = section(&again, "already").unwrap_or_else(|| panic!("nothing already decided"));
    assert!(
        already.contains("asha@example.com")
            && already.contains("approved by boss@pixelforge.example")
    );
    assert_eq!(balance(&app, &asha).await, before + 100, "credited once");
    assert_eq!(
        state_of(&app, tenant, ravi_pays).await,
        PaymentState::Approved
    );
}

async fn approvals_touch_only_this_tenants_requests_and_only_admins_upload(db: Db) {
    let app = TestApp::start(db).await;
    let (mut boss, _) = member(&app, PIXELFORGE, "boss@pixelforge.example").await;
    make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;
    let (mut user_browser, _) = member(&app, PIXELFORGE, "plain@example.com").await;

    let nocturne = tenant_id(&app, "nocturne").await;
    let (_, stranger) = member(&app, "nocturne.test", "stranger@example.com").await;
    let their_pack = pack(&app, nocturne, 100, 14_900).await;
    let theirs = make_request(&app, &stranger, their_pack, ASHA_UTR).await.0;
    let before = balance(&app, &stranger).await;

    // The preview's form, with another tenant's request id and text that is no id.
    let form = boss.get(FORM).await;
    let token = csrf_token(&form).unwrap_or_else(|| panic!("no token"));
    let theirs_text = theirs.to_string();
    let page = boss
        .post_raw(
            APPROVE,
            &[
                ("csrf_token", token.as_str()),
                ("payment", theirs_text.as_str()),
                ("payment", "not-an-id"),
            ],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("Approved 0, 2 not found.");
    assert_eq!(
        state_of(&app, nocturne, theirs).await,
        PaymentState::Pending
    );
    assert_eq!(balance(&app, &stranger).await, before);

    // Nothing ticked: nothing to do.
    let page = boss
        .post_raw(
            APPROVE,
            &[("csrf_token", token.as_str())],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(page.status, 422);
    page.assert_contains("No request was ticked, so nothing was approved.");

    // A plain user can neither open the form nor upload nor approve.
    assert_eq!(user_browser.get(FORM).await.status, 403);
    let token = csrf_token(&user_browser.get("/account").await).unwrap_or_else(|| panic!("token"));
    let page = upload_with_token(
        &app,
        &mut user_browser,
        &[("bank", "hdfc")],
        Some(hdfc_statement(&[]).into_bytes()),
        Some(&token),
    )
    .await;
    assert_eq!(page.status, 403);
    let page = user_browser
        .post_raw(
            APPROVE,
            &[
                ("csrf_token", token.as_str()),
                ("payment", theirs_text.as_str()),
            ],
            &[("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(
        state_of(&app, nocturne, theirs).await,
        PaymentState::Pending
    );
}

/// What a credit's note says: this request's reference (ticked), a reference of another
/// person's request (someone may have confirmed that person's payment with its UTR: flagged,
/// not ticked), or a reference no request has, such as one from a checkout page opened again
/// or a payer's name that looks like one (said, still ticked).
async fn a_note_naming_another_persons_reference_is_flagged_and_not_ticked(db: Db) {
    let app = TestApp::start(db).await;
    set_tenant(&app, "pixelforge", |s| s.signup_limit_per_ip = 50).await;
    let tenant = tenant_id(&app, "pixelforge").await;
    let (mut boss, _) = member(&app, PIXELFORGE, "boss@pixelforge.example").await;
    make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;
    let small = pack(&app, tenant, 100, 14_900).await;
    let (_, asha) = member(&app, PIXELFORGE, "asha@example.com").await;
    let (_, ravi) = member(&app, PIXELFORGE, "ravi@example.com").await;
    let (_, thief) = member(&app, PIXELFORGE, "thief@example.com").await;
    let (_, meera) = member(&app, PIXELFORGE, "meera@example.com").await;
    let (asha_pays, asha_reference) = make_request(&app, &asha, small, ASHA_UTR).await;
    // Ravi paid with his reference in the note; the thief saw the UTR and confirmed it
    // first, so Ravi's own confirmation (another UTR he mistyped) is what holds his reference.
    let (_, ravis_reference) = make_request(&app, &ravi, small, "999912345678").await;
    let (thief_pays, _) = make_request(&app, &thief, small, RAVI_UTR).await;
    // Meera's note names a word shaped like a reference that no request has.
    let (meera_pays, _) = make_request(&app, &meera, small, MEERA_UTR).await;
    let statement = hdfc_statement(&[
        &format!(
            "27/11/26,UPI-ASHA-ASHA@OKSBI-SBIN0001234-{ASHA_UTR}-{asha_reference},0000{ASHA_UTR},27/11/26,,149.00,10149.00"
        ),
        &format!(
            "27/11/26,UPI-RAVI-RAVI@OKSBI-SBIN0001234-{RAVI_UTR}-{ravis_reference},0000{RAVI_UTR},27/11/26,,149.00,10298.00"
        ),
        &format!(
            "27/11/26,UPI-ATHARVA987-ATHARVA987@OKSBI-SBIN0001234-{MEERA_UTR},0000{MEERA_UTR},27/11/26,,149.00,10447.00"
        ),
    ]);
    let preview = upload(&app, &mut boss, &[("bank", "hdfc")], &statement).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    let matched = section(&preview, "matched").unwrap_or_else(|| panic!("{}", preview.body));
    assert_eq!(
        payments_in(&matched),
        [
            asha_pays.to_string(),
            thief_pays.to_string(),
            meera_pays.to_string()
        ]
    );
    assert_eq!(
        checkbox(&preview, asha_pays),
        Some(true),
        "its note names it"
    );
    assert_eq!(
        checkbox(&preview, thief_pays),
        Some(false),
        "its note names another person's request"
    );
    assert_eq!(
        checkbox(&preview, meera_pays),
        Some(true),
        "a reference no request has proves nothing"
    );
    let text = preview.text();
    for note in ["this", "another", "unknown"] {
        assert_eq!(
            text.matches(&format!("data-note=\"{note}\"")).count(),
            1,
            "{note}: {text}"
        );
    }
    assert!(
        text.contains(&format!(
            "names <span class=\"mono\">{ravis_reference}</span>, another person"
        )),
        "{text}"
    );
}
