//! The live status in a real browser: Debian's Chromium, driven by playwright-core from
//! `tests/browser`, against the real binary. Built as ignored ("SKIPPED: ...") where
//! Chromium or the node packages are missing (crates/atelier/build.rs decides), unless
//! ATELIER_REQUIRE_BROWSER=1 (as in CI), where what is missing fails the test by name.

use std::path::Path;
use std::time::Duration;

use crate::cli::serve;
use crate::common::{repo_root, within, Db, TestDatabase};

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
    None
}

/// Starts the real binary on a fresh SQLite database and runs `tests/browser/<script>` in
/// node with the server's port and `extra` arguments, within `limit` (the scripts bound
/// their own waits; this bounds a browser that hangs). Returns the script's output, after
/// checking it succeeded and said `done_line`.
async fn run_script(
    script: &str,
    extra: &[&std::ffi::OsStr],
    database: &TestDatabase,
    limit: Duration,
    done_line: &str,
) -> String {
    if let Some(missing) = browser_tools_missing() {
        panic!("the browser test cannot run: {missing}");
    }
    let (_server, url) = serve(database).await;
    let port = url
        .rsplit(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_owned();
    let run = tokio::process::Command::new("node")
        .arg(repo_root().join("tests/browser").join(script))
        .arg(&port)
        .args(extra)
        .kill_on_drop(true)
        .output();
    let out = within(limit, format!("node tests/browser/{script}"), run)
        .await
        .unwrap_or_else(|e| panic!("cannot run node: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains(done_line), "{stdout}");
    stdout
}

#[tokio::test]
#[cfg_attr(
    atelier_skip_browser,
    ignore = "SKIPPED: no Chromium or tests/browser/node_modules (apt-get install chromium && npm ci --prefix tests/browser)"
)]
async fn the_generate_page_shows_the_image_without_a_reload_in_a_real_browser() {
    let database = TestDatabase::new(&Db::Sqlite).await;
    run_script(
        "live_status.js",
        &[],
        &database,
        Duration::from_secs(120),
        "image appeared without a reload",
    )
    .await;
}

/// A new user's whole path, at a desktop and a phone width: sign up, generate, change the
/// prompt and go again, download, history, an API token made and copied, the account
/// deleted. Screenshots go to a folder of the test's own, or to `ATELIER_SCREENSHOTS` (the
/// README's pictures come from `ATELIER_SCREENSHOTS=docs/screenshots`).
#[tokio::test]
#[cfg_attr(
    atelier_skip_browser,
    ignore = "SKIPPED: no Chromium or tests/browser/node_modules (apt-get install chromium && npm ci --prefix tests/browser)"
)]
async fn a_new_user_walks_the_whole_path_at_desktop_and_phone_widths() {
    let database = TestDatabase::new(&Db::Sqlite).await;
    let shots = match std::env::var("ATELIER_SCREENSHOTS") {
        Ok(dir) if !dir.is_empty() => repo_root().join(dir),
        _ => database.dir.path().join("screenshots"),
    };
    run_script(
        "user_walk.js",
        &[shots.as_os_str()],
        &database,
        Duration::from_secs(240),
        "walk complete",
    )
    .await;
    for width in ["desktop", "phone"] {
        for page in [
            "1-generate",
            "2-iterate",
            "3-history",
            "4-account",
            "5-deleted",
        ] {
            let file = shots.join(format!("{width}-{page}.png"));
            assert!(file.exists(), "no screenshot {}", file.display());
        }
    }
}

/// A reseller's first minutes (see tests/browser/reseller_walk.js): a site created from the
/// platform console, its invited admin choosing a password on its own plain-HTTP domain,
/// branding, a UPI ID and a pack, and a visitor buying, with no file edited and no restart.
#[tokio::test]
#[cfg_attr(
    atelier_skip_browser,
    ignore = "SKIPPED: no Chromium or tests/browser/node_modules (apt-get install chromium && npm ci --prefix tests/browser)"
)]
async fn a_reseller_goes_from_nothing_to_a_branded_site_selling_on_its_own_domain() {
    let database = TestDatabase::new(&Db::Sqlite).await;
    crate::cli::create_super_admin(&database, "root@example.com").await;
    let shots = database.dir.path().join("screenshots");
    std::fs::create_dir_all(&shots).unwrap_or_else(|e| panic!("{e}"));
    let mail = database.dir.path().join("data/mail");
    run_script(
        "reseller_walk.js",
        &[mail.as_os_str(), shots.as_os_str()],
        &database,
        Duration::from_secs(180),
        "branded and selling",
    )
    .await;
}
