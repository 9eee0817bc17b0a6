//! The ComfyUI backend against a ComfyUI: the fake by default, or a real one with
//! `COMFYUI_URL=http://127.0.0.1:8188` (the tests here that make sense there run against it
//! with the model-free workflow; see docs/comfyui.md). The fault tests always use the fake.

#[path = "comfyui/faults.rs"]
mod faults;
#[path = "comfyui/support.rs"]
mod support;

use std::sync::Arc;

use atelier_comfyui_fake::png_text;
use atelier_worker::RenderError;
use serde_json::json;

use support::*;

#[tokio::test]
async fn a_model_free_workflow_renders_a_png_of_its_size() {
    let server = Server::for_test().await;
    let watch = Watch::default();
    let workflow = model_free(96, 64, fresh_colour(), &fresh_prefix());
    let png = watch
        .render(&server.backend(), &spec(Some(workflow)))
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(size_of(&png), (96, 64));
    assert_eq!(watch.progress().last(), Some(&1.0));
}

#[tokio::test]
async fn a_sampler_reports_its_steps_and_sends_previews() {
    // A checkpoint workflow needs a model, so always the fake.
    let server = Server::fake().await;
    let watch = Watch::default();
    let png = watch
        .render(
            &server.backend(),
            &spec(Some(sd_workflow(4, &fresh_prefix()))),
        )
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(size_of(&png), (64, 48));
    let progress = watch.progress();
    assert!(progress.len() >= 5, "{progress:?}");
    assert!(progress.windows(2).all(|w| w[0] < w[1]), "{progress:?}");
    assert_eq!(progress.last(), Some(&1.0));
    let previews = watch.previews();
    assert_eq!(previews.len(), 4);
    assert!(previews
        .iter()
        .all(|(mime, bytes)| *mime == "image/png" && image_is_png(bytes)));
}

fn image_is_png(bytes: &[u8]) -> bool {
    atelier_media::make_thumbnail(bytes).is_ok()
}

#[tokio::test]
async fn a_refused_workflow_fails_for_good_with_a_reason_a_person_can_read() {
    let server = Server::for_test().await;
    let error = Watch::default()
        .render(
            &server.backend(),
            &spec(Some(model_free(0, 64, 0, &fresh_prefix()))),
        )
        .await
        .err()
        .unwrap_or_else(|| panic!("rendered"));
    assert_eq!(
        error,
        RenderError::permanent(
            "ComfyUI refused the workflow: width: Value 0 smaller than min of 1"
        )
    );
}

#[tokio::test]
async fn cancelling_interrupts_the_running_prompt() {
    let server = Server::for_test().await;
    let watch = Watch::default();
    let prefix = fresh_prefix();
    let render = spawn_render(
        Arc::new(server.backend()),
        spec(Some(server.slow_workflow(&prefix))),
        watch.clone(),
    );
    let queue = server
        .wait_for_queue(|q| q.running(&prefix).is_some())
        .await;
    watch.stop.cancel();
    let outcome = within(render).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outcome, Err(RenderError::stopped()));
    let id = queue.running(&prefix).unwrap_or_default();
    let entry = server.finished(&id).await;
    let messages = entry["status"]["messages"].to_string();
    assert!(messages.contains("execution_interrupted"), "{entry}");
    if let Some(fake) = &server.fake {
        assert!(fake.knobs.interrupts_received() >= 1);
    }
}

#[tokio::test]
async fn a_deadline_takes_a_waiting_prompt_out_of_the_queue() {
    let server = Server::for_test().await;
    // Another prompt holds ComfyUI; ours waits behind it.
    let blocking = fresh_prefix();
    server
        .post(
            "/prompt",
            json!({"prompt": server.slow_workflow(&blocking)}),
        )
        .await;
    let queue = server
        .wait_for_queue(|q| q.running(&blocking).is_some())
        .await;
    let blocker = queue.running(&blocking).unwrap_or_default();
    let watch = Watch::default();
    let prefix = fresh_prefix();
    let render = spawn_render(
        Arc::new(server.backend()),
        spec(Some(model_free(32, 32, fresh_colour(), &prefix))),
        watch.clone(),
    );
    let queue = server
        .wait_for_queue(|q| q.pending(&prefix).is_some())
        .await;
    let ours = queue.pending(&prefix).unwrap_or_default();
    // The worker's deadline cancels the same stop token.
    watch.stop.cancel();
    let outcome = within(render).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outcome, Err(RenderError::stopped()));
    // Only ours was stopped: it left the queue and never ran; the blocker still runs.
    let queue = server.wait_for_queue(|_| true).await;
    assert_eq!(queue.pending(&prefix), None);
    assert_eq!(queue.running(&blocking), Some(blocker.clone()));
    assert_eq!(server.get(&format!("/history/{ours}")).await, json!({}));
    if let Some(fake) = &server.fake {
        assert!(fake.knobs.interrupts_received() >= 1);
    }
    server
        .post("/interrupt", json!({"prompt_id": blocker}))
        .await;
}

#[tokio::test]
async fn an_identical_workflow_is_replayed_from_comfyuis_cache() {
    let server = Server::for_test().await;
    let backend = server.backend();
    let workflow = model_free(40, 40, fresh_colour(), &fresh_prefix());
    let first = Watch::default()
        .render(&backend, &spec(Some(workflow.clone())))
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    let again = Watch::default();
    let second = again
        .render(&backend, &spec(Some(workflow)))
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(first, second);
    // Nothing ran, so nothing was reported until the end.
    assert_eq!(again.progress(), vec![1.0]);
}

#[tokio::test]
async fn the_image_comes_back_without_the_workflow_comfyui_wrote_into_it() {
    let server = Server::for_test().await;
    let prefix = fresh_prefix();
    let png = Watch::default()
        .render(
            &server.backend(),
            &spec(Some(model_free(24, 24, fresh_colour(), &prefix))),
        )
        .await
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(png_text(&png), vec![]);
    // ComfyUI's own file has the graph in a `prompt` chunk.
    let (subfolder, stem) = prefix.split_once('/').unwrap_or_default();
    let history = server.get("/history?max_items=20").await;
    let image = history
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(|entry| entry["outputs"]["2"]["images"].get(0).cloned())
        .find(|image| {
            image["subfolder"] == subfolder
                && image["filename"]
                    .as_str()
                    .is_some_and(|name| name.starts_with(stem))
        })
        .unwrap_or_else(|| panic!("no image under {prefix} in {history}"));
    let filename = image["filename"].as_str().unwrap_or_default();
    let original = server
        .bytes(&format!(
            "/view?filename={filename}&subfolder={subfolder}&type=output"
        ))
        .await;
    let chunks = png_text(&original);
    assert!(chunks
        .iter()
        .any(|(key, text)| key == "prompt" && text.contains("EmptyImage")));
    assert_eq!(size_of(&original), size_of(&png));
}
