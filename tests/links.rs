//! No link on the sites leads nowhere: every page reachable from the home page of the demo,
//! PixelForge and Nocturne sites, signed out, as a user and as the site's admin, is walked,
//! and every link on it to the site itself must answer something other than 404.

use std::collections::{BTreeSet, HashMap, VecDeque};

use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(no_link_on_any_site_answers_404);

const PASSWORD: &str = "violet kettle under moonlight";
/// Pages walked per site and visitor at most (the walk stops by itself well before).
const MOST_PAGES: usize = 200;

/// The links of a page to its own site: paths, without fragments, `mailto:` or other sites.
fn own_links(page: &crate::common::Page) -> Vec<String> {
    page.attribute_values("href", None)
        .into_iter()
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| {
            let href = href.replace("&amp;", "&");
            href.split('#').next().unwrap_or_default().to_owned()
        })
        .filter(|href| !href.is_empty())
        .collect()
}

/// Walks every page reachable from `/` as `browser`; the links that answered 404, each
/// with the page it was found on, and every path asked.
async fn walk(browser: &mut Browser<'_>) -> (Vec<String>, BTreeSet<String>) {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut found_on: HashMap<String, String> = HashMap::new();
    let mut queue = VecDeque::from(["/".to_owned()]);
    let mut broken = Vec::new();
    while let Some(path) = queue.pop_front() {
        if seen.len() >= MOST_PAGES || !seen.insert(path.clone()) {
            continue;
        }
        let page = browser.get(&path).await;
        if page.status == 404 {
            let from = found_on.get(&path).cloned().unwrap_or_default();
            broken.push(format!("{path} (linked from {from})"));
            continue;
        }
        // A redirect leads on to its target, like a link.
        let location = page.header("location");
        if (300..400).contains(&page.status) && location.starts_with('/') {
            if !seen.contains(location) {
                found_on
                    .entry(location.to_owned())
                    .or_insert_with(|| path.clone());
                queue.push_back(location.to_owned());
            }
            continue;
        }
        let html = page.header("content-type").starts_with("text/html");
        if !html {
            continue;
        }
        for link in own_links(&page) {
            // Files (theme assets, images) are fetched but not read for links.
            if !seen.contains(&link) {
                found_on.entry(link.clone()).or_insert_with(|| path.clone());
                queue.push_back(link);
            }
        }
    }
    (broken, seen)
}

/// Walks as `browser` and checks the walk reached at least `must_reach`.
async fn walk_reaching(browser: &mut Browser<'_>, who: &str, must_reach: &[&str]) -> Vec<String> {
    let (broken, seen) = walk(browser).await;
    for path in must_reach {
        assert!(
            seen.iter().any(|s| s.starts_with(path)),
            "{who}: the walk never reached {path}; it saw {seen:?}"
        );
    }
    broken.into_iter().map(|b| format!("{who}: {b}")).collect()
}

async fn no_link_on_any_site_answers_404(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    let worker = app.worker(std::sync::Arc::new(atelier_worker::DemoBackend::default()));
    let mut broken = Vec::new();
    for host in ["demo.localhost", "pixelforge.test", "nocturne.test"] {
        let slug = host.split('.').next().unwrap_or_default();
        // Signed out.
        let mut visitor = Browser::new(&app, host);
        let who = format!("{host}, signed out");
        broken.extend(
            walk_reaching(
                &mut visitor,
                &who,
                &["/faq", "/privacy", "/terms", "/register", "/login"],
            )
            .await,
        );
        // A user with a finished image (its page, image and history links exist).
        let mut user = Browser::new(&app, host);
        user.register(&format!("walker@{slug}.example"), PASSWORD)
            .await;
        user.queue_job("a lighthouse at dusk").await;
        assert!(
            matches!(worker.run_once().await, Ok(true)),
            "the job did not run"
        );
        let who = format!("{host}, user");
        broken.extend(
            walk_reaching(
                &mut user,
                &who,
                &["/generate", "/history", "/account", "/images/"],
            )
            .await,
        );
        // The site's admin.
        let mut admin = Browser::new(&app, host);
        let email = format!("boss@{slug}.example");
        admin.register(&email, PASSWORD).await;
        app.execute_sql(&format!(
            "update users set role = 'tenant_admin' where email = '{email}'"
        ))
        .await;
        let who = format!("{host}, admin");
        broken.extend(
            walk_reaching(
                &mut admin,
                &who,
                &["/admin/users", "/admin/workers", "/admin/audit"],
            )
            .await,
        );
    }
    assert!(
        broken.is_empty(),
        "links that answer 404:\n{}",
        broken.join("\n")
    );
}
