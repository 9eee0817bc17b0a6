//! The account pages, their form errors, the error pages and the account mails in the
//! reader's language: a browser that asks for Hindi, and a person who chose it.

use super::PASSWORD;
use crate::common::browser::Browser;
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_visitor_asking_for_hindi_reads_hindi,
    a_person_who_chose_hindi_gets_pages_errors_and_mail_in_it,
);

async fn get_in(app: &TestApp, language: &str, path: &str) -> Page {
    let response = app
        .client
        .get(app.url(path))
        .header("host", "pixelforge.test")
        .header("accept-language", language)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    Page::read(response).await
}

async fn a_visitor_asking_for_hindi_reads_hindi(db: Db) {
    let app = TestApp::start(db).await;
    let login = get_in(&app, "hi-IN,hi;q=0.9,en;q=0.5", "/login").await;
    login.assert_contains("<html lang=\"hi\"");
    login.assert_contains("पासवर्ड भूल गए?");
    login.assert_lacks("Forgot your password?");
    let register = get_in(&app, "hi", "/register").await;
    register.assert_contains("अपना खाता बनाएँ");
    register.assert_contains("20 मुफ़्त Sparks");
    let missing = get_in(&app, "hi", "/no-such-page").await;
    assert_eq!(missing.status, 404);
    missing.assert_contains("पन्ना नहीं मिला");
    // English stays the default for a browser that asks for nothing else.
    get_in(&app, "en", "/login")
        .await
        .assert_contains("Forgot your password?");
}

async fn a_person_who_chose_hindi_gets_pages_errors_and_mail_in_it(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("meera@example.com", PASSWORD).await;
    let chose = browser
        .submit(
            "/account",
            "/language",
            &[("language", "hi"), ("next", "/account")],
        )
        .await;
    assert_eq!(chose.status, 303, "{}", chose.body);

    let account = browser.get("/account").await;
    account.assert_contains("पासवर्ड बदलें");
    account.assert_contains("स्वागत बोनस");
    account.assert_contains("Sparks उपलब्ध");

    // A form error of the page's own and one from the domain's rules, both in Hindi.
    let refused = browser
        .submit(
            "/account",
            "/account/password",
            &[("current_password", "not it"), ("new_password", "short")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("यह आपका मौजूदा पासवर्ड नहीं है।");
    refused.assert_contains("कम से कम 8 अक्षर इस्तेमाल करें।");

    // The reset mail follows the account's language, the link's lifetime included.
    browser
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "meera@example.com")],
        )
        .await;
    app.state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mails: Vec<String> = std::fs::read_dir(app.database.dir.path().join("data/mail"))
        .unwrap_or_else(|e| panic!("no .eml files were written: {e}"))
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .map(|e| quoted_printable(&std::fs::read_to_string(e.path()).unwrap_or_default()))
        .collect();
    let reset = mails
        .iter()
        .find(|m| m.contains("reset-password?token="))
        .unwrap_or_else(|| panic!("no reset mail among {}", mails.len()));
    assert!(reset.contains("<html lang=\"hi\">"), "{reset}");
    assert!(reset.contains("एक घंटे में ख़त्म हो जाएगा"), "{reset}");
}

/// The mail's quoted-printable parts decoded (its HTML part), for searching.
fn quoted_printable(data: &str) -> String {
    let data = data.replace("=\r\n", "").replace("=\n", "");
    let mut bytes = Vec::with_capacity(data.len());
    let raw = data.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match hex.map(|h| u8::from_str_radix(h, 16)) {
            Some(Ok(byte)) if raw[i] == b'=' => {
                bytes.push(byte);
                i += 3;
            }
            _ => {
                bytes.push(raw[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
