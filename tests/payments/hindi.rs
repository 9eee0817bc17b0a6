//! The payment pages in Hindi: a buyer and an admin who chose Hindi read the buy page, the
//! checkout, the payment's page, the desk, the packs page and a statement's preview in
//! Hindi, with India's dates in Hindi and numbers grouped the Indian way; the site's own
//! words (its credit's name) stay as the site wrote them, and no English sentence is left.

use super::statement::{hdfc_credit, hdfc_statement, section, upload};
use super::{admin, decide, open_checkout, payment_id_of, sell_pack, signed_up, start};
use crate::common::browser::Browser;
use crate::common::Db;
use crate::on_both_databases;

const HOST: &str = "pixelforge.test";

on_both_databases!(a_reader_who_chose_hindi_buys_and_decides_in_hindi);

/// Chooses Hindi in the footer's language menu, which saves it on the account.
async fn choose_hindi(browser: &mut Browser<'_>) {
    let chosen = browser
        .submit(
            "/account",
            "/language",
            &[("language", "hi"), ("next", "/account")],
        )
        .await;
    assert_eq!(chosen.status, 303, "{}", chosen.body);
}

async fn a_reader_who_chose_hindi_buys_and_decides_in_hindi(db: Db) {
    let app = start(db, "").await;
    let pack = sell_pack(&app, "pixelforge", 50, 14_900).await;
    sell_pack(&app, "pixelforge", 1_500, 9_999_900).await;
    let mut buyer = signed_up(&app, HOST, "buyer@example.com").await;
    choose_hindi(&mut buyer).await;

    let shop = buyer.get("/buy").await;
    assert_eq!(shop.status, 200, "{}", shop.body);
    shop.assert_contains("<html lang=\"hi\">");
    shop.assert_contains("अपने Sparks टॉप-अप करें");
    shop.assert_contains("1,500 Sparks खरीदें");
    shop.assert_contains("₹99,999.00");
    for english in [
        "Top up your",
        "Prices in Indian rupees",
        "per image",
        "available.",
    ] {
        shop.assert_lacks(english);
    }

    let checkout = open_checkout(&mut buyer, pack).await;
    checkout.assert_contains("50 Sparks के लिए ₹149.00 चुकाएँ");
    checkout.assert_contains("मेरे भुगतान की पुष्टि करें");
    checkout.assert_contains("data-word-copied=\"कॉपी हो गया\"");
    for english in [
        "Confirm my payment",
        "Scan the QR code",
        "Pay with a UPI app",
    ] {
        checkout.assert_lacks(english);
    }

    let confirmed = super::confirm_on(&mut buyer, &checkout, "432187650912").await;
    let id = payment_id_of(&confirmed);
    let pending = buyer.get(&format!("/payments/{id}")).await;
    pending.assert_contains("धन्यवाद, हम आपका भुगतान जाँच रहे हैं");
    pending.assert_contains("मंज़ूरी की प्रतीक्षा में");
    pending.assert_contains("27 नव॰ 2026, 15:30");
    for english in ["Waiting for approval", "What happens next", "Nov"] {
        pending.assert_lacks(english);
    }

    let (mut boss, _) = admin(&app, HOST, "boss@pixelforge.example").await;
    choose_hindi(&mut boss).await;
    let desk = boss.get("/admin/payments").await;
    desk.assert_contains("1 प्रतीक्षा में");
    desk.assert_contains("27 नव॰ 2026, 15:30");
    for english in [
        "Waiting for a decision",
        "Approve",
        "Export to a spreadsheet",
    ] {
        desk.assert_lacks(english);
    }
    let approved = decide(&mut boss, id, None).await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    let after = boss.get(approved.header("location")).await;
    after.assert_contains(
        "buyer@example.com से ₹149.00 मंज़ूर किया गया: उनके बैलेंस में 50 Sparks जोड़ दिए गए",
    );
    let receipt = buyer.get(&format!("/payments/{id}")).await;
    receipt.assert_contains("भुगतान मंज़ूर हुआ");
    receipt.assert_contains("<dd>27 नव॰ 2026</dd>");

    let packs = boss.get("/admin/packs").await;
    packs.assert_contains("पैक और UPI");
    packs.assert_contains("बिक्री चालू");
    for english in ["Where buyers pay", "Add a pack", "On sale"] {
        packs.assert_lacks(english);
    }

    // A statement whose only credit names the UTR approved above: the preview says so, in
    // Hindi, with the statement's day in Hindi too.
    let statement = hdfc_statement(&[&hdfc_credit("27/11/26", "BUYER", "432187650912", "149.00")]);
    let preview = upload(&app, &mut boss, &[("bank", "hdfc")], &statement).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    preview.assert_contains("कोई मिलान नहीं, 1 जमा राशि किसी प्रतीक्षा वाले अनुरोध से मेल नहीं खाती।");
    preview.assert_contains("पंक्ति 7 · 27 नव॰ 2026");
    let unknown = preview
        .text()
        .contains("यह UTR 27 नव॰ 2026 को boss@pixelforge.example द्वारा मंज़ूर किया गया था");
    assert!(unknown, "{:?}", section(&preview, "unknown"));
    for english in ["No matches", "Line 7", "This UTR was approved"] {
        preview.assert_lacks(english);
    }
}
