//! The live status in a real browser: Debian's Chromium, driven by playwright-core from
//! `tests/browser`, against the real binary. Skipped (loudly) where Chromium or the node
//! packages are missing, unless ATELIER_REQUIRE_BROWSER=1 (as in CI).

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::cli::serve;
use crate::common::{repo_root, Db, TestDatabase};

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned())
}

fn browser_tools_missing() -> Option<String> {
    let dir = repo_root().join("tests/browser");
    if !Path::new(&chromium()).exists() {
        return Some(format!(
            "{} is not installed (apt-get install chromium)",
            chromium()
        ));
    }
    if !dir.join("node_modules/playwright-core").exists() {
        return Some(
            "tests/browser/node_modules is missing (npm ci --prefix tests/browser)".to_owned(),
        );
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("node is not installed".to_owned());
    }
    None
}

#[tokio::test]
async fn the_generate_page_shows_the_image_without_a_reload_in_a_real_browser() {
    if let Some(missing) = browser_tools_missing() {
        assert!(
            std::env::var("ATELIER_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "ATELIER_REQUIRE_BROWSER=1 but {missing}"
        );
        let _ = writeln!(
            std::io::stderr(),
            "\nSKIPPED: the browser test ({missing})\n"
        );
        return;
    }
    let database = TestDatabase::new(&Db::Sqlite).await;
    let (_server, url) = serve(&database);
    let port = url
        .rsplit(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_owned();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(repo_root().join("tests/browser/live_status.js"))
            .arg(&port)
            .output()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("cannot run node: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("image appeared without a reload"),
        "{stdout}"
    );
}
