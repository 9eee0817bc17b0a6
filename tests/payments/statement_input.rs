//! Statements that cannot be read, and column mappings that do not fit, come back with a
//! message beside the file (422), the bank and columns kept; nothing is remembered from a
//! file that was not read.

use super::statement::{hdfc_statement, upload, upload_with_token, FORM, PIXELFORGE};
use super::{member, tenant_id};
use crate::accounts::make_tenant_admin;

use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(unreadable_statements_and_mappings_come_back_with_a_message_beside_the_file);

async fn unreadable_statements_and_mappings_come_back_with_a_message_beside_the_file(db: Db) {
    let app = TestApp::start(db).await;
    let tenant = tenant_id(&app, "pixelforge").await;
    let (mut boss, _) = member(&app, PIXELFORGE, "boss@pixelforge.example").await;
    make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;

    let error_of = |page: &Page| -> String {
        assert_eq!(page.status, 422, "{}", page.body);
        page.assert_contains("data-template=\"default/admin/statement\"");
        let body = page.text();
        let start = body
            .find("id=\"statement-error\"")
            .unwrap_or_else(|| panic!("no message beside the file: {body}"));
        body[start..start + body[start..].find("</div>").unwrap_or(0)].to_owned()
    };

    // An SBI statement read as HDFC's: the missing columns are named, the file's own
    // header offered, and the bank choice kept.
    let sbi = "Account Name :,SHOP\n\nTxn Date\tValue Date\tDescription\tRef No./Cheque No.\tDebit\tCredit\tBalance\n\
               27 Nov 2026\t27 Nov 2026\tBY TRANSFER-UPI/CR/331512345678/ASHA/SBIN/asha@oksbi/UPI\tTRANSFER FROM 123\t\t149.00\t10149.00\n";
    let page = upload(&app, &mut boss, &[("bank", "hdfc")], sbi).await;
    let message = error_of(&page);
    assert!(message.contains("&quot;Chq./Ref.No.&quot;"), "{message}");
    assert!(
        message.contains("<code>Txn Date</code>"),
        "header hints: {message}"
    );
    page.assert_contains("value=\"hdfc\" id=\"bank-hdfc\" checked");

    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml".to_vec();
    let page = upload_with_token(&app, &mut boss, &[("bank", "sbi")], Some(xlsx), None).await;
    assert!(error_of(&page).contains("Excel workbook"));

    let page = upload(&app, &mut boss, &[("bank", "sbi")], "").await;
    assert!(error_of(&page).contains("This file is empty"));

    let page = upload_with_token(&app, &mut boss, &[("bank", "sbi")], None, None).await;
    assert!(error_of(&page).contains("Choose the statement file"));

    // Larger than a statement may be: read, dropped, and said so.
    let mut big = hdfc_statement(&[]).into_bytes();
    big.resize(5 * 1024 * 1024 + 1, b'\n');
    let page = upload_with_token(&app, &mut boss, &[("bank", "hdfc")], Some(big), None).await;
    assert!(error_of(&page).contains("larger than 5 MB"));

    // A form posted without its multipart body (a script, say) is answered the same way.
    let page = boss.submit(FORM, FORM, &[("bank", "hdfc")]).await;
    assert!(error_of(&page).contains("Choose the statement file"));

    // Another bank's columns, each named by hand; a missing one is pointed out.
    let own = [
        ("bank", "other"),
        ("date_column", "Txn Date"),
        ("reference_column", "Remarks"),
        ("narration_column", ""),
        ("amounts", "single"),
        ("amount_column", ""),
        ("direction_column", ""),
    ];
    let file =
        "Bank of Example\nTxn Date,Remarks,Amount\n27/11/2026,UPI/331512345678/ASHA,149.00\n\
                28/11/2026,ATM WITHDRAWAL,-500.00\n";
    let page = upload(&app, &mut boss, &own, file).await;
    assert_eq!(page.status, 422, "{}", page.body);
    page.assert_contains("id=\"amount_column-error\">Enter the column");
    page.assert_contains("value=\"other\" id=\"bank-other\" checked");
    assert_eq!(
        app.state
            .store
            .statement_mapping(tenant)
            .await
            .ok()
            .flatten(),
        None,
        "nothing is remembered from a file that was not read"
    );

    let mut own = own.to_vec();
    own[5] = ("amount_column", "Amount");
    let page = upload(&app, &mut boss, &own, file).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page.assert_contains("No matches, 1 credit matches no pending request.");
    page.assert_contains("No request has this UTR yet");
    let form = boss.get(FORM).await;
    form.assert_contains("value=\"other\" id=\"bank-other\" checked");
    form.assert_contains("value=\"Txn Date\"");
    form.assert_contains("value=\"single\" id=\"amounts-single\" checked");

    // A forged upload (no valid form token) is refused and changes nothing.
    let page = upload_with_token(
        &app,
        &mut boss,
        &[("bank", "hdfc")],
        Some(hdfc_statement(&[]).into_bytes()),
        Some("not-the-token"),
    )
    .await;
    assert_eq!(page.status, 403, "{}", page.body);
    let remembered = app
        .state
        .store
        .statement_mapping(tenant)
        .await
        .ok()
        .flatten();
    assert!(
        remembered.is_some_and(|json| json.contains("Txn Date")),
        "the forged upload's mapping was not remembered"
    );
}
