//! Decides, when the end-to-end tests are built, which of them cannot run here, so that they
//! are reported as "ignored, SKIPPED: <why>" instead of passing without testing anything.
//! libtest cannot skip at run time, and a test that returns early looks like a pass.
//!
//! - `atelier_skip_postgres`: no `ATELIER_TEST_POSTGRES_URL`. Each `<name>::postgres` test
//!   is ignored.
//! - `atelier_skip_browser`: no Chromium or no `tests/browser/node_modules`. The live-status
//!   browser test is ignored.
//!
//! `ATELIER_REQUIRE_POSTGRES=1` and `ATELIER_REQUIRE_BROWSER=1` (as in CI) never skip: the
//! tests are built to run and fail, naming what is missing.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(atelier_skip_postgres)");
    println!("cargo::rustc-check-cfg=cfg(atelier_skip_browser)");
    for var in [
        "ATELIER_TEST_POSTGRES_URL",
        "ATELIER_REQUIRE_POSTGRES",
        "ATELIER_REQUIRE_BROWSER",
        "CHROMIUM",
    ] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    let set = |var: &str| std::env::var(var).is_ok_and(|v| !v.is_empty());
    let required = |var: &str| std::env::var(var).as_deref() == Ok("1");

    if !set("ATELIER_TEST_POSTGRES_URL") && !required("ATELIER_REQUIRE_POSTGRES") {
        println!("cargo::rustc-cfg=atelier_skip_postgres");
    }

    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let playwright = Path::new("../../tests/browser/node_modules/playwright-core/package.json");
    // Watch what exists, or the folder where the missing thing would appear, so that
    // installing it rebuilds the tests (a watched path that does not exist would rebuild
    // them every time).
    for path in [Path::new(&chromium), playwright] {
        match path.ancestors().find(|p| p.exists()) {
            Some(existing) if existing != Path::new("") => {
                println!("cargo::rerun-if-changed={}", existing.display());
            }
            _ => {}
        }
    }
    let tools_present = Path::new(&chromium).exists() && playwright.exists();
    if !tools_present && !required("ATELIER_REQUIRE_BROWSER") {
        println!("cargo::rustc-cfg=atelier_skip_browser");
    }
}
