//! The whole path on ComfyUI: the server hands a job's filled workflow to `atelier worker
//! --backend comfyui`, which renders it on a ComfyUI (the protocol-faithful fake of
//! `crates/comfyui-fake`), sends its preview frames and hands in the PNG, which is stored
//! without ComfyUI's text chunks; and a refused workflow fails the job with ComfyUI's reason.

use std::process::Stdio;
use std::time::Duration;

use atelier_comfyui_fake::FakeOptions;
use atelier_domain::JobStatus;
use tokio::process::Command;

use super::*;
use crate::common::{within, Db, TestDatabase};
use crate::on_both_databases;

on_both_databases!(a_comfyui_worker_renders_previews_and_hands_in_a_clean_png);

async fn a_comfyui_worker_renders_previews_and_hands_in_a_clean_png(db: Db) {
    let fake = atelier_comfyui_fake::start(FakeOptions {
        checkpoints: vec!["v1-5-pruned-emaonly.safetensors".to_owned()],
        node_delay: Duration::from_millis(150),
        ..FakeOptions::default()
    })
    .await
    .unwrap_or_else(|e| panic!("the fake ComfyUI: {e}"));
    let database = TestDatabase::new(&db).await;
    let mut settings = crate::common::test_settings(&database, "[jobs]\nembedded_workers = 0\n");
    settings.models = crate::common::repo_root().join("config/models.comfyui.json");
    let app = TestApp::start_on(database, settings).await;
    let token = worker_token(&app, None, "gpu-comfy").await;
    let user = user_of(&app, "pixelforge", "comfy@pixelforge.example", 5).await;
    // A checkpoint model (progress and previews from its sampler), and one whose
    // checkpoint this ComfyUI does not have, which it refuses.
    let rendered = queue_job(&app, &user, "sd15", 256, 192).await;
    let refused = queue_job(&app, &user, "sdxl", 256, 256).await;

    let _worker = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .env("RUST_LOG", "info")
        .args([
            "worker",
            "--server",
            &app.url(""),
            "--token",
            &token,
            "--backend",
            "comfyui",
            "--comfyui-url",
            &fake.url,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("atelier worker: {e}"));

    // While it renders, its page has a preview to show.
    let storage = app.state.storage.clone();
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("tenant"));
    let mut saw_preview = false;
    let done = within(Duration::from_secs(60), "the ComfyUI job ending", async {
        loop {
            let now = job(&app, &user, rendered).await;
            if now.status == JobStatus::Running && storage.preview(tenant, rendered).await.is_some()
            {
                saw_preview = true;
            }
            if !now.status.is_active() {
                return now;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert_eq!(done.status, JobStatus::Succeeded, "{}", done.error);
    assert!(
        saw_preview,
        "no preview frame reached the server while it rendered"
    );
    assert!(
        storage.preview(tenant, rendered).await.is_none(),
        "the preview outlived the job"
    );
    let image = done.image_id.unwrap_or_else(|| panic!("an image"));
    let png = std::fs::read(storage.image_path(tenant, image)).unwrap_or_else(|e| panic!("{e}"));
    let (_, width, height) = atelier_media::make_thumbnail(&png).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((width, height), (256, 192));
    for chunk in [b"tEXt", b"iTXt", b"zTXt"] {
        assert!(
            !png.windows(4).any(|w| w == chunk),
            "the stored PNG still has a {} chunk",
            String::from_utf8_lossy(chunk)
        );
    }
    // The refused one fails at once (no retry), with ComfyUI's reason for its owner.
    let failed = within(Duration::from_secs(30), "the refused job ending", async {
        loop {
            let now = job(&app, &user, refused).await;
            if !now.status.is_active() {
                return now;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert_eq!(failed.status, JobStatus::Failed);
    assert_eq!(failed.attempts, 1, "a refused workflow is not retried");
    assert!(
        failed.error.contains("sd_xl_base_1.0.safetensors"),
        "{}",
        failed.error
    );
    assert_eq!(
        app.state
            .store
            .active_totals(user.id)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .held,
        0
    );
}
