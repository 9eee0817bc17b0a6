//! Tenants from the console: a new one answers on its domains at once and its first admin's
//! invitation sets a password; bad and taken domains are refused with their reasons; an
//! edit shows at once; suspending closes the site and holds its jobs until it is resumed.

use std::sync::Arc;

use atelier_domain::Slug;
use atelier_worker::DemoBackend;

use super::{audit_actions, signed_in_root, PLATFORM};
use crate::accounts::PASSWORD;
use crate::common::browser::Browser;
use crate::common::{Db, TestApp};
use crate::jobs::tenant_id;
use crate::on_both_databases;
use crate::security_tokens::written_link;

on_both_databases!(
    a_tenant_made_in_the_console_answers_at_once_and_its_admin_is_invited,
    bad_and_taken_domains_and_slugs_are_refused_with_their_reasons,
    an_edit_shows_at_once_on_the_new_domains,
    a_suspended_site_is_closed_and_its_jobs_wait_until_it_is_resumed,
);

async fn a_tenant_made_in_the_console_answers_at_once_and_its_admin_is_invited(db: Db) {
    let app = TestApp::start(db).await;
    let mut root = signed_in_root(&app, "root@example.com").await;
    // Asked before it exists, the domain is remembered as no site; creating it forgets that.
    assert_eq!(app.get("lumen.example", "/").await.status, 404);

    let created = root
        .submit(
            "/platform/tenants/new",
            "/platform/tenants",
            &[
                ("slug", "lumen"),
                ("name", "Lumen Studio"),
                ("domains", "lumen.example\r\nwww.lumen.example\r\n"),
                ("admin_email", "Owner@Lumen.example"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    assert_eq!(
        created.header("location"),
        "/platform/tenants/lumen?done=created"
    );
    for host in ["lumen.example", "www.lumen.example", "lumen.localhost"] {
        let home = app.get(host, "/").await;
        assert_eq!(home.status, 200, "{host}");
        home.assert_contains("Lumen Studio");
    }
    let console = root.get("/platform/tenants/lumen?done=created").await;
    console.assert_contains("Lumen Studio is live.");
    let id = tenant_id(&app, "lumen").await;
    assert_eq!(audit_actions(&app, Some(id)).await, ["tenant.create"]);

    // The invitation links to the address the site answers on at once (its own domain may
    // not point here yet); before it is used nobody signs in.
    let link = written_link(&app, "http://lumen.localhost:8080/welcome?token=").await;
    let mut owner = Browser::new(&app, "lumen.example");
    assert_eq!(
        owner.login("owner@lumen.example", PASSWORD).await.status,
        401
    );
    // On another site the link is unknown.
    assert_eq!(
        Browser::new(&app, "pixelforge.test")
            .get(&link)
            .await
            .status,
        404
    );
    let form = owner.get(&link).await;
    assert_eq!(form.status, 200, "{}", form.body);
    // The page names the account, for its owner and their password manager.
    form.assert_contains("value=\"owner@lumen.example\" autocomplete=\"username\" readonly");
    form.assert_contains("Choose your password");
    let token = link.split("token=").nth(1).unwrap_or_default().to_owned();
    let weak = owner
        .submit(
            &link,
            "/welcome",
            &[("token", &token), ("password", "short")],
        )
        .await;
    assert_eq!(weak.status, 422);
    let set = owner
        .submit(
            &link,
            "/welcome",
            &[("token", &token), ("password", PASSWORD)],
        )
        .await;
    // On to sign in, with words for a first password, and then to the console.
    let to = set.header("location").to_owned();
    assert_eq!(
        (set.status, to.as_str()),
        (303, "/login?welcome=1&next=%2Fadmin")
    );
    let sign_in = owner.get(&to).await;
    sign_in.assert_contains("Your password is set.");
    sign_in.assert_contains("name=\"next\" value=\"/admin\"");
    assert_eq!(owner.get(&link).await.status, 410, "the link works once");
    assert_eq!(
        owner.login("owner@lumen.example", PASSWORD).await.status,
        303
    );
    let admin = owner.get("/admin").await;
    assert_eq!(
        admin.status, 200,
        "the first admin reaches the site's console"
    );
    // The site's admins read the log of its making.
    let log = owner.get("/admin/audit").await;
    log.assert_contains("Created the site");
}

async fn bad_and_taken_domains_and_slugs_are_refused_with_their_reasons(db: Db) {
    let app = TestApp::start(db).await;
    let mut root = signed_in_root(&app, "root@example.com").await;
    let attempt = async |root: &mut Browser<'_>, slug: &str, domains: &str| {
        root.submit(
            "/platform/tenants/new",
            "/platform/tenants",
            &[
                ("slug", slug),
                ("name", "Lumen Studio"),
                ("domains", domains),
                ("admin_email", "owner@lumen.example"),
            ],
        )
        .await
    };
    let taken = attempt(&mut root, "lumen", "lumen.example\nwww.pixelforge.test").await;
    assert_eq!(taken.status, 422);
    taken.assert_contains("www.pixelforge.test already belongs to PixelForge (pixelforge).");
    // The form keeps what was typed.
    taken.assert_contains("lumen.example\nwww.pixelforge.test</textarea>");
    let bad = attempt(
        &mut root,
        "lumen",
        "https://lumen.example/\nlumen.example\nlumen.example",
    )
    .await;
    assert_eq!(bad.status, 422);
    bad.assert_contains("https://lumen.example/ has characters a domain name cannot have");
    bad.assert_contains("lumen.example is listed twice.");
    let ours = attempt(&mut root, "lumen", &format!("{PLATFORM}\nshop.localhost")).await;
    assert_eq!(ours.status, 422);
    ours.assert_contains("platform.localhost is one of the platform");
    ours.assert_contains("shop.localhost is one of the platform");
    let private = attempt(&mut root, "lumen", "10.0.0.1\n127.0.0.2\nintranet").await;
    assert_eq!(private.status, 422);
    for name in ["10.0.0.1", "127.0.0.2", "intranet"] {
        private.assert_contains(&format!("{name} is not a public domain name"));
    }
    let slug = attempt(&mut root, "pixelforge", "lumen.example").await;
    assert_eq!(slug.status, 422);
    slug.assert_contains("Another tenant already uses the short name pixelforge.");
    let malformed = attempt(&mut root, "Lumen Studio", "lumen.example").await;
    assert_eq!(malformed.status, 422);
    // Nothing was half made: no tenant, no domain, no account, no audit row.
    let lumen = Slug::parse("lumen").unwrap_or_else(|e| panic!("{e}"));
    assert!(app
        .state
        .store
        .find_tenant_by_slug(&lumen)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .is_none());
    assert_eq!(app.get("lumen.example", "/").await.status, 404);
    assert!(audit_actions(&app, None).await.is_empty());

    // Editing: a domain another tenant holds is refused the same way.
    let edit = root
        .submit(
            "/platform/tenants/nocturne",
            "/platform/tenants/nocturne",
            &[
                ("name", "Nocturne Gallery"),
                ("domains", "nocturne.test\npixelforge.test"),
            ],
        )
        .await;
    assert_eq!(edit.status, 422);
    edit.assert_contains("pixelforge.test already belongs to PixelForge (pixelforge).");
    assert_eq!(app.get("nocturne.test", "/").await.status, 200);
}

async fn an_edit_shows_at_once_on_the_new_domains(db: Db) {
    let app = TestApp::start(db).await;
    let mut root = signed_in_root(&app, "root@example.com").await;
    assert_eq!(app.get("gallery.example", "/").await.status, 404);
    let saved = root
        .submit(
            "/platform/tenants/nocturne",
            "/platform/tenants/nocturne",
            &[("name", "Night Gallery"), ("domains", "gallery.example")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let home = app.get("gallery.example", "/").await;
    assert_eq!(home.status, 200);
    home.assert_contains("Night Gallery");
    // The domain left out is no longer the site's.
    assert_eq!(app.get("nocturne.test", "/").await.status, 404);
    let nocturne = tenant_id(&app, "nocturne").await;
    let tenant = app
        .state
        .store
        .find_tenant_by_slug(&Slug::parse("nocturne").unwrap_or_else(|e| panic!("{e}")))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nocturne"));
    assert!(
        !tenant.settings.use_shared_pool,
        "the box was left unticked"
    );
    assert_eq!(audit_actions(&app, Some(nocturne)).await, ["tenant.update"]);
    let record = &app
        .state
        .store
        .audit_page(Some(nocturne), None, 1)
        .await
        .unwrap_or_else(|e| panic!("{e}"))[0];
    assert!(
        record.before.contains("domains: nocturne.test"),
        "{}",
        record.before
    );
    assert!(
        record
            .after
            .contains("name: Night Gallery; domains: gallery.example; shared pool: no"),
        "{}",
        record.after
    );
}

async fn a_suspended_site_is_closed_and_its_jobs_wait_until_it_is_resumed(db: Db) {
    let app = TestApp::start(db).await;
    let mut root = signed_in_root(&app, "root@example.com").await;
    let mut maker = Browser::new(&app, "pixelforge.test");
    assert_eq!(
        maker.register("maker@example.com", PASSWORD).await.status,
        303
    );
    maker.queue_job("a lantern in fog").await;
    let second = maker.queue_job("a kite at dawn").await;
    let worker = app.worker(Arc::new(DemoBackend::default()));

    // A whole business closes at once: the slug must be typed first.
    let unsure = root
        .submit(
            "/platform/tenants/pixelforge",
            "/platform/tenants/pixelforge/suspend",
            &[("confirm", "nocturne")],
        )
        .await;
    assert_eq!(unsure.status, 422);
    unsure.assert_contains("Type pixelforge to suspend this site; nothing was changed.");
    assert_eq!(app.get("pixelforge.test", "/").await.status, 200);
    let suspended = root
        .submit(
            "/platform/tenants/pixelforge",
            "/platform/tenants/pixelforge/suspend",
            &[("confirm", "pixelforge")],
        )
        .await;
    assert_eq!(suspended.status, 303, "{}", suspended.body);
    for host in ["pixelforge.test", "www.pixelforge.test"] {
        let page = app.get(host, "/").await;
        assert_eq!(page.status, 503, "{host}");
        page.assert_contains("data-template=\"default/unavailable\"");
        page.assert_contains("PixelForge");
    }
    assert!(
        !worker.run_once().await.unwrap_or_else(|e| panic!("{e}")),
        "a suspended site's job was claimed"
    );
    // Asking again changes nothing and writes nothing.
    root.submit(
        "/platform/tenants/pixelforge",
        "/platform/tenants/pixelforge/suspend",
        &[("confirm", "pixelforge")],
    )
    .await;
    // Closed longer than the deadline (5 minutes), its image still waits.
    app.clock.advance_millis(10 * 60_000);
    assert_eq!(
        app.reap().await.failed,
        0,
        "a closed site's image was failed"
    );
    // A worker of the site's own pool still reaches its API while the site is closed.
    assert_eq!(
        app.get("pixelforge.test", "/api/worker/v1/health")
            .await
            .status,
        405,
        "the worker API is answered, not the unavailable page"
    );

    let resumed = root
        .submit(
            "/platform/tenants/pixelforge",
            "/platform/tenants/pixelforge/resume",
            &[],
        )
        .await;
    assert_eq!(resumed.status, 303);
    assert_eq!(app.get("pixelforge.test", "/").await.status, 200);
    // Resumed, it has its whole time again: the reaper still leaves it.
    app.clock.advance_millis(4 * 60_000);
    assert_eq!(
        app.reap().await.failed,
        0,
        "the resumed site's image lost its time"
    );
    assert!(
        worker.run_once().await.unwrap_or_else(|e| panic!("{e}")),
        "the resumed site's job was not rendered"
    );
    // The other one, never rendered, fails at its whole time after the resume and says so:
    // the suspension added nothing to the time it was given.
    app.clock.advance_millis(60_000 + 1);
    assert_eq!(app.reap().await.failed, 1);
    let reason = maker.job_json(&second).await["error"].to_string();
    assert!(reason.contains("within 5 minutes"), "{reason}");
    let pixelforge = tenant_id(&app, "pixelforge").await;
    assert_eq!(
        audit_actions(&app, Some(pixelforge)).await,
        ["tenant.resume", "tenant.suspend"]
    );
    let rows = app
        .state
        .store
        .audit_page(Some(pixelforge), None, 10)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        rows.iter().all(|r| r.subject == "pixelforge"),
        "subjects name the slug"
    );
}
