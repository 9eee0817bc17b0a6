//! A person downloads everything the site holds about them as one ZIP: account, credit
//! history, prompts and images.

use std::io::Read;
use std::sync::Arc;

use atelier_worker::DemoBackend;

use crate::common::browser::{job_id_of, Browser};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(a_person_downloads_all_their_data);

async fn a_person_downloads_all_their_data(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    let worker = app.worker(Arc::new(DemoBackend::default()));
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser
        .register("mine@pixelforge.example", "violet kettle under moonlight")
        .await;
    let first = job_id_of(&browser.generate("a heron in fog", 96, 64).await);
    assert!(matches!(worker.run_once().await, Ok(true)));
    let second = job_id_of(&browser.generate("a fox in snow", 64, 64).await);
    assert!(matches!(worker.run_once().await, Ok(true)));

    let page = browser.get("/account").await;
    page.assert_contains("href=\"/account/export\"");
    let response = app
        .client
        .get(app.url("/account/export"))
        .header("host", "pixelforge.test")
        .header("cookie", browser.cookie_header().unwrap_or_default())
        // As a browser asks: the archive still comes whole and uncompressed.
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    assert_ne!(
        response
            .headers()
            .get("content-encoding")
            .map(|v| v.as_bytes()),
        Some(b"gzip".as_slice())
    );
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap_or_default()
        .starts_with("attachment; filename=\"pixelforge-my-data-"));
    let bytes = response.bytes().await.unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec()))
        .unwrap_or_else(|e| panic!("not a ZIP: {e}"));
    let mut read = |name: &str| {
        let mut file = zip
            .by_name(name)
            .unwrap_or_else(|e| panic!("{name} is not in the archive: {e}"));
        let mut out = Vec::new();
        file.read_to_end(&mut out).unwrap_or_else(|e| panic!("{e}"));
        out
    };
    let account: serde_json::Value =
        serde_json::from_slice(&read("account.json")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(account["email"], "mine@pixelforge.example");
    let reasons: Vec<&str> = account["credit_history"]
        .as_array()
        .map(|rows| rows.iter().filter_map(|r| r["reason"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(reasons, ["generation", "generation", "signup_bonus"]);
    let prompts = String::from_utf8(read("prompts.jsonl")).unwrap_or_default();
    let lines: Vec<serde_json::Value> = prompts
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0]["id"].as_str(), lines[0]["prompt"].as_str()),
        (Some(second.as_str()), Some("a fox in snow"))
    );
    assert_eq!(lines[1]["prompt"], "a heron in fog");
    let image = lines[1]["image"].as_str().unwrap_or_default().to_owned();
    assert!(
        image.starts_with("images/") && image.ends_with(&format!("{first}.png")),
        "{image}"
    );
    let png = read(&image);
    let (_, width, height) = atelier_media::make_thumbnail(&png).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((width, height), (96, 64));
    assert!(String::from_utf8(read("README.txt"))
        .unwrap_or_default()
        .contains("prompts.jsonl"));
}
