//! A person deletes their own account: only with their password, not while images are in
//! progress; then their sign-in, sessions, tokens, prompts and images are gone, the ledger
//! stays (attached to nobody), and a mail confirms it.

use std::sync::Arc;

use atelier_domain::JobId;
use atelier_worker::DemoBackend;

use super::*;
use crate::common::browser::{job_id_of, Browser};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(a_person_deletes_their_own_account);

const PASSWORD: &str = "violet kettle under moonlight";
const EMAIL: &str = "leaving@pixelforge.example";

async fn a_person_deletes_their_own_account(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    let worker = app.worker(Arc::new(DemoBackend::default()));
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register(EMAIL, PASSWORD).await;
    let done = job_id_of(&browser.generate("my secret garden", 64, 64).await);
    assert!(matches!(worker.run_once().await, Ok(true)));
    let image_url = browser.job_json(&done).await["image_url"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let (_, token) = browser.make_api_token("script", PASSWORD).await;
    assert!(!token.is_empty());
    let user = user_by_email(&app, "pixelforge", EMAIL).await;
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    let job = JobId(uuid::Uuid::parse_str(&done).unwrap_or_else(|e| panic!("{e}")));
    let image = app
        .state
        .find_job(tenant, None, job)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .and_then(|j| j.image_id)
        .unwrap_or_else(|| panic!("an image"));
    let file = app.state.storage.image_path(tenant, image);
    assert!(file.exists());

    // The wrong password changes nothing; nor does a deletion while an image is in progress.
    let wrong = browser
        .submit(
            "/account",
            "/account/delete",
            &[("password", "not my password at all")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    wrong.assert_contains("That is not your password");
    let busy = job_id_of(&browser.generate("one more", 64, 64).await);
    let refused = browser
        .submit("/account", "/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("You have images in progress");
    assert!(
        matches!(worker.run_once().await, Ok(true)),
        "the second job {busy}"
    );

    let deleted = browser
        .submit("/account", "/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    deleted.assert_contains("Your account is deleted");

    // Signed out, and nobody signs in with the old address and password.
    assert_eq!(browser.get("/account").await.status, 303);
    let mut again = Browser::new(&app, "pixelforge.test");
    assert_ne!(again.login(EMAIL, PASSWORD).await.status, 303);
    // The token, the image and the prompt are gone.
    let api = app
        .client
        .get(app.url("/api/v1/me"))
        .header("host", "pixelforge.test")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(api.status().as_u16(), 401);
    crate::common::within(
        std::time::Duration::from_secs(10),
        "the image file going",
        async {
            while file.exists() {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        },
    )
    .await;
    let kept = app
        .state
        .store
        .find_job(tenant, None, job)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the job row"));
    assert_eq!((kept.prompt.as_str(), kept.image_id), ("", None));
    let mut admin = Browser::new(&app, "pixelforge.test");
    admin.register("boss@pixelforge.example", PASSWORD).await;
    make_tenant_admin(&app, "pixelforge", "boss@pixelforge.example").await;
    assert_eq!(admin.get(&image_url).await.status, 404);
    // The books stay: the ledger still adds up, on a row that says nothing of the person.
    let row = app
        .state
        .store
        .find_user(Some(tenant), user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the row the ledger needs"));
    assert!(
        row.email.as_str().ends_with("@deleted.invalid"),
        "{}",
        row.email
    );
    assert_eq!(row.name, "");
    assert_ledger_invariants(&app, &row).await;
    // Read after the first image was charged: the second one cost one more.
    assert_eq!(row.balance.get(), user.balance.get() - 1);
    // The address is free for a new account.
    let mut fresh = Browser::new(&app, "pixelforge.test");
    fresh.register(EMAIL, PASSWORD).await;
    assert_ne!(user_by_email(&app, "pixelforge", EMAIL).await.id, user.id);
    // A mail to the old address confirms it.
    app.state
        .mailer
        .deliver_due()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mails: Vec<String> = std::fs::read_dir(app.database.dir.path().join("data/mail"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(
        mails
            .iter()
            .any(|m| m.contains(EMAIL) && m.contains("Your PixelForge account is deleted")),
        "no confirmation mail"
    );

    // The site's only admin cannot leave it without one.
    let last = admin
        .submit("/account", "/account/delete", &[("password", PASSWORD)])
        .await;
    assert_eq!(last.status, 422);
    last.assert_contains("only admin");
}
