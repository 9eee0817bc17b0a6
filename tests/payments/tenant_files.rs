//! Tenant files and packs: a file gives its packs to the tenant it creates, export writes them
//! back, and a file that no longer passes does not stop an existing tenant's site.

use atelier_domain::{Clock, PackId, PackTerms, Paise, Slug};

use super::admin;
use super::packs::packs;
use crate::common::{repo_root, test_settings, Db, TestApp, TestDatabase};
use crate::on_both_databases;

on_both_databases!(
    tenant_files_give_packs_once_and_export_writes_them_back,
    a_file_that_no_longer_passes_does_not_stop_its_existing_tenant,
);

async fn tenant_files_give_packs_once_and_export_writes_them_back(db: Db) {
    let database = TestDatabase::new(&db).await;
    let settings = test_settings(&database, "");
    let first = TestApp::start_on(database, settings.clone()).await;
    let slug = |s: &str| Slug::parse(s).unwrap_or_else(|e| panic!("{e}"));
    let tenant = |app: &TestApp, s: &'static str| {
        let store = app.state.store.clone();
        async move {
            store
                .find_tenant_by_slug(&slug(s))
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .unwrap_or_else(|| panic!("no {s}"))
                .id
        }
    };
    let pixelforge = tenant(&first, "pixelforge").await;
    let nocturne = tenant(&first, "nocturne").await;
    let terms = |list: Vec<(PackId, i64, i64, bool)>| -> Vec<(i64, i64, bool)> {
        list.into_iter().map(|(_, c, p, a)| (c, p, a)).collect()
    };
    assert_eq!(
        terms(packs(&first, pixelforge).await),
        [(50, 14_900, true), (120, 29_900, true), (300, 69_900, true)]
    );
    assert_eq!(packs(&first, nocturne).await.len(), 3);

    // An admin changes a price and empties nocturne; a restart applies neither file again:
    // once a tenant exists, its packs are the admins' to manage.
    let store = &first.state.store;
    let (_, boss) = admin(&first, "pixelforge.test", "boss@example.com").await;
    let actor = atelier_store::Actor {
        id: boss.id,
        email: boss.email.to_string(),
        address: "127.0.0.1".to_owned(),
    };
    let (cheapest, ..) = packs(&first, pixelforge).await[0];
    let cheaper = PackTerms::new(50, Paise::new(9_900)).unwrap_or_else(|e| panic!("{e:?}"));
    store
        .update_pack(pixelforge, cheapest, cheaper, &actor, first.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    for (id, ..) in packs(&first, nocturne).await {
        store
            .delete_pack(nocturne, id, &actor, first.clock.now())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let TestApp { database, .. } = first;
    let second = TestApp::start_on(database, settings).await;
    assert_eq!(
        terms(packs(&second, pixelforge).await),
        [(50, 9_900, true), (120, 29_900, true), (300, 69_900, true)]
    );
    assert_eq!(packs(&second, nocturne).await, []);

    // Export writes the packs (an off-sale one marked so); the file reads back to the same.
    let (last, ..) = packs(&second, pixelforge).await[2];
    second
        .state
        .store
        .set_pack_active(pixelforge, last, false, &actor, second.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let file = atelier::provision::TenantFile::export(&second.state.store, &slug("pixelforge"))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no pixelforge"));
    let text = toml::to_string_pretty(&file).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("[[packs]]"), "{text}");
    assert!(text.contains("price = \"99.00\""), "{text}");
    assert_eq!(text.matches("active = false").count(), 1, "{text}");
    let read: atelier::provision::TenantFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let plan = read
        .parse("the export", &second.state.themes)
        .unwrap_or_else(|e| panic!("{e:#}"));
    let prices: Vec<(i64, i64, bool)> = plan
        .packs
        .iter()
        .map(|(t, active)| (t.credits.get(), t.price.get(), *active))
        .collect();
    assert_eq!(
        prices,
        [(50, 9_900, true), (120, 29_900, true), (300, 69_900, false)]
    );
}

/// Rules grow stricter (a payee name of 61 to 80 characters passed once): a file whose tenant
/// already exists is not applied, so a file that no longer passes is warned about and every
/// site still starts.
async fn a_file_that_no_longer_passes_does_not_stop_its_existing_tenant(db: Db) {
    let database = TestDatabase::new(&db).await;
    let tenants = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for name in ["pixelforge.toml", "nocturne.toml"] {
        std::fs::copy(
            repo_root().join("tenants").join(name),
            tenants.path().join(name),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let mut settings = test_settings(&database, "");
    settings.tenants_dir = tenants.path().to_path_buf();
    let first = TestApp::start_on(database, settings.clone()).await;
    assert_eq!(first.get("pixelforge.test", "/").await.status, 200);
    let TestApp { database, .. } = first;

    let file = tenants.path().join("pixelforge.toml");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    let long = format!("upi_payee = \"{}\"", "P".repeat(70));
    let edited = text.replace("upi_payee = \"PixelForge Creative\"", &long);
    assert_ne!(edited, text, "the file names its payee");
    std::fs::write(&file, edited).unwrap_or_else(|e| panic!("{e}"));

    let second = TestApp::start_on(database, settings).await;
    assert_eq!(second.get("pixelforge.test", "/").await.status, 200);
    assert_eq!(second.get("nocturne.test", "/").await.status, 200);
}
