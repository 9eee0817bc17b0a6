//! Languages: a visitor gets the one their browser asks for (when the site offers it), may
//! pick another from the footer, keeps a signed-in choice on their account (mail follows it),
//! and a site's admin chooses the site's default and offered languages.

use std::sync::Arc;

use atelier_domain::Clock;

use crate::accounts::{make_tenant_admin, user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_visitor_gets_their_browsers_language_and_may_pick_another,
    a_signed_in_choice_is_kept_on_the_account_and_mail_follows_it,
    an_admin_chooses_the_sites_languages,
    a_hindi_reader_finds_no_english_on_their_pages_or_mails
);

async fn a_visitor_gets_their_browsers_language_and_may_pick_another(db: Db) {
    let app = TestApp::start(db).await;
    let mut visitor = Browser::new(&app, "pixelforge.test").accepting("hi-IN,hi;q=0.9,en;q=0.8");
    let home = visitor.get("/").await;
    assert_eq!(home.status, 200);
    home.assert_contains(r#"<html lang="hi">"#);
    home.assert_contains("साइन इन");
    assert_eq!(home.header("vary"), "Accept-Language, Cookie");
    // The menu names each language in itself, and links to English from the Hindi page.
    home.assert_contains(r#"href="/language?set=en&amp;next=/""#);
    home.assert_contains(">English</a>");

    let picked = visitor.get("/language?set=en&next=/faq").await;
    assert_eq!(picked.status, 303);
    assert_eq!(picked.header("location"), "/faq");
    let faq = visitor.get("/faq").await;
    faq.assert_contains(r#"<html lang="en">"#);
    faq.assert_contains(">हिन्दी</a>");

    // Only a path on this site is followed back, and an unknown language changes nothing.
    let away = visitor.get("/language?set=hi&next=//evil.example/").await;
    assert_eq!(away.header("location"), "/");
    let unknown = visitor.get("/language?set=fr&next=/faq").await;
    assert_eq!((unknown.status, unknown.header("location")), (303, "/faq"));
    visitor
        .get("/")
        .await
        .assert_contains(r#"<html lang="hi">"#);
}

async fn a_signed_in_choice_is_kept_on_the_account_and_mail_follows_it(db: Db) {
    let app = TestApp::start(db).await;
    // Signing up from a Hindi browser keeps Hindi on the account: the confirmation mail
    // is written in it.
    let mut browser = Browser::new(&app, "pixelforge.test").accepting("hi");
    assert_eq!(
        browser.register("meera@example.com", PASSWORD).await.status,
        303
    );
    let user = user_by_email(&app, "pixelforge", "meera@example.com").await;
    assert_eq!(user.language, Some(atelier_domain::Lang::Hi));
    let mails = app
        .state
        .store
        .claim_due_mail(app.clock.now(), 60_000, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mail = mails
        .iter()
        .find(|m| m.to_address == "meera@example.com")
        .unwrap_or_else(|| panic!("no mail to meera"));
    assert!(mail.subject.contains("पक्का"), "{}", mail.subject);

    // A choice from the menu, posted with the form token, is saved on the account and
    // outlives the browser: a new browser asking for English still gets Hindi after sign-in.
    let page = browser.get("/account").await;
    page.assert_contains(r#"<html lang="hi">"#);
    let chose = browser
        .submit(
            "/account",
            "/language",
            &[("language", "en"), ("next", "/account")],
        )
        .await;
    assert_eq!(chose.status, 303);
    let user = user_by_email(&app, "pixelforge", "meera@example.com").await;
    assert_eq!(user.language, Some(atelier_domain::Lang::En));
    browser
        .submit(
            "/account",
            "/language",
            &[("language", "hi"), ("next", "/account")],
        )
        .await;
    let mut elsewhere = Browser::new(&app, "pixelforge.test").accepting("en");
    assert_eq!(
        elsewhere.login("meera@example.com", PASSWORD).await.status,
        303
    );
    elsewhere
        .get("/generate")
        .await
        .assert_contains(r#"<html lang="hi">"#);
}

async fn an_admin_chooses_the_sites_languages(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        boss.register("boss@example.com", PASSWORD).await.status,
        303
    );
    make_tenant_admin(&app, "pixelforge", "boss@example.com").await;

    let form = boss.get("/admin/languages").await;
    assert_eq!(form.status, 200);
    form.assert_contains(r#"name="offered" value="hi" checked"#);

    // A default that is not offered is pointed out next to the field; nothing is saved.
    let refused = boss
        .submit(
            "/admin/languages",
            "/admin/languages",
            &[("offered", "en"), ("default", "hi")],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("tick it under");

    let saved = boss
        .submit(
            "/admin/languages",
            "/admin/languages",
            &[("offered", "hi"), ("default", "hi")],
        )
        .await;
    assert_eq!(saved.status, 303);
    // At once, for a visitor whose browser asks for English: the site speaks Hindi only,
    // so there is no menu to offer.
    let mut visitor = Browser::new(&app, "pixelforge.test").accepting("en-GB,en");
    let home = visitor.get("/").await;
    home.assert_contains(r#"<html lang="hi">"#);
    home.assert_lacks("/language?set=");
    // Other sites keep their own languages.
    Browser::new(&app, "nocturne.test")
        .accepting("en")
        .get("/")
        .await
        .assert_contains(r#"<html lang="en">"#);

    // The admin reads the site in Hindi now too (the only language it offers).
    let audit = boss.get("/admin/audit").await;
    audit.assert_contains("साइट की भाषाएँ बदलीं");
    audit.assert_contains("en (en, hi)");
    audit.assert_contains("hi (hi)");
}

/// The words a reader sees on a page, without scripts, styles and code (an HTTP header is
/// written the same in every language).
fn visible_text(html: &str) -> String {
    atelier_i18n::visible_text(html, &["script", "style", "code"])
}

/// English words left in `text` once what the site, the person and the product name
/// themselves is taken out.
fn english_words(text: &str, own_words: &[&str]) -> Vec<String> {
    let mut text = text.to_owned();
    // Longest first, so "PixelForge Creative LLP" goes whole before "PixelForge" does.
    let mut own = own_words.to_vec();
    own.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for word in own {
        text = text.replace(word, " ");
    }
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .filter(|w| {
            !matches!(
                *w,
                "UPI"
                    | "UTR"
                    | "PNG"
                    | "ZIP"
                    | "JSON"
                    | "API"
                    | "ID"
                    | "AI"
                    | "CPU"
                    | "GPU"
                    | "px"
                    | "amp"
                    | "nbsp"
                    | "quot"
            )
        })
        .map(str::to_owned)
        .collect();
    words.sort();
    words.dedup();
    words
}

async fn a_hindi_reader_finds_no_english_on_their_pages_or_mails(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test").accepting("hi");
    assert_eq!(
        browser.register("asha@example.com", PASSWORD).await.status,
        303
    );
    let prompt = "a lighthouse at dusk";
    browser.generate(prompt, 64, 64).await;
    let worker = app.worker(Arc::new(atelier_worker::DemoBackend::default()));
    assert!(worker.run_once().await.unwrap_or_else(|e| panic!("{e}")));
    // A second image outlives its deadline: the reason is ours, so it is said in Hindi.
    browser.generate("a kite over the river", 64, 64).await;
    app.clock.advance_millis(3 * 3_600_000);
    app.reap().await;
    let own: &[&str] = &[
        "PixelForge",
        "Studio-grade AI images from a single sentence.",
        "Sparks",
        "Spark",
        "asha@example.com",
        "help@pixelforge.test",
        prompt,
        "pixelforge.test",
        "PixelForge Creative LLP",
        "a kite over the river",
        // The language menu names each language in itself.
        "English",
    ];
    for path in ["/generate", "/history", "/account"] {
        let page = browser.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        page.assert_contains(r#"<html lang="hi">"#);
        let left = english_words(&visible_text(&page.body), own);
        assert!(left.is_empty(), "{path} still shows English: {left:?}");
    }
    browser
        .get("/history")
        .await
        .assert_contains("में पूरा नहीं हुआ, इसलिए रोक दिया गया।");
    // A reset asked for from a browser that reads English: the mail follows her choice.
    let mut elsewhere = Browser::new(&app, "pixelforge.test").accepting("en");
    let asked = elsewhere
        .submit(
            "/forgot-password",
            "/forgot-password",
            &[("email", "asha@example.com")],
        )
        .await;
    assert_eq!(asked.status, 200);
    let mails = app
        .state
        .store
        .claim_due_mail(app.clock.now(), 60_000, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mails.len(), 2, "the confirmation and the reset");
    for mail in mails {
        // A link is an address, not words.
        let link_free = |text: &str| {
            text.split_whitespace()
                .filter(|w| !w.starts_with("http"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for (part, text) in [
            ("subject", mail.subject.clone()),
            ("text", link_free(&mail.body_text)),
            ("html", link_free(&visible_text(&mail.body_html))),
        ] {
            let left = english_words(&text, own);
            assert!(
                left.is_empty(),
                "mail {part} still shows English: {left:?}\n{text}"
            );
        }
    }
}
