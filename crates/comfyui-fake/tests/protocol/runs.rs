//! Prompts running: messages, files, cache, interrupts, errors.

use std::time::Duration;

use atelier_comfyui_fake::png_text;
use futures_util::StreamExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

use crate::support::*;

#[tokio::test]
async fn a_model_free_prompt_runs_with_comfyuis_messages_and_files() {
    let fake = fake().await;
    let mut ws = socket(&fake, "client-a").await;
    let id = "0b6f5b8e-2a7c-4d1e-9f3a-1c2d3e4f5a6b";
    let (status, answer) = post(
        &format!("{}/prompt", fake.url),
        json!({"prompt": model_free(json!(40), 0xFF0000, "atelier/job1"), "client_id": "client-a", "prompt_id": id}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        answer,
        json!({"prompt_id": id, "number": 0, "node_errors": {}})
    );
    let (texts, frames) = follow(&mut ws, id).await;
    assert!(frames.is_empty());
    assert_eq!(
        kinds(&texts),
        [
            "status",
            "status",
            "execution_start",
            "execution_cached",
            "executing",
            "executing",
            "executed",
            "execution_success",
            "status",
            "executing"
        ]
    );
    let executed = &texts
        .iter()
        .find(|(k, _)| k == "executed")
        .unwrap_or_else(|| panic!("none"))
        .1;
    let image = &executed["output"]["images"][0];
    assert_eq!(
        *image,
        json!({"filename": "job1_00001_.png", "subfolder": "atelier", "type": "output"})
    );
    // The history is written before the end marker.
    let history = get_json(&format!("{}/history/{id}", fake.url)).await;
    assert_eq!(history[id]["status"]["status_str"], "success");
    assert_eq!(history[id]["outputs"]["2"]["images"][0], *image);
    assert_eq!(history[id]["prompt"][1], id);
    let png = reqwest::get(format!(
        "{}/view?filename=job1_00001_.png&subfolder=atelier&type=output",
        fake.url
    ))
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .bytes()
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let decoded = image::load_from_memory(&png).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((decoded.width(), decoded.height()), (40, 24));
    assert_eq!(decoded.to_rgb8().get_pixel(0, 0).0, [255, 0, 0]);
    let text = png_text(&png);
    assert_eq!(text[0].0, "prompt");
    assert!(text[0].1.contains("\"class_type\": \"EmptyImage\""));
}

#[tokio::test]
async fn a_sampler_sends_progress_and_a_preview_per_step_to_its_client_only() {
    let fake = fake().await;
    let mut ours = socket(&fake, "ours").await;
    let mut other = socket(&fake, "other").await;
    let (_, answer) = post(
        &format!("{}/prompt", fake.url),
        json!({"prompt": sd_graph(4, 7), "client_id": "ours"}),
    )
    .await;
    let id = answer["prompt_id"].as_str().unwrap_or_default().to_owned();
    let (texts, frames) = follow(&mut ours, &id).await;
    let progress: Vec<&Value> = texts
        .iter()
        .filter(|(k, _)| k == "progress")
        .map(|(_, d)| d)
        .collect();
    assert_eq!(progress.len(), 4);
    assert_eq!(
        *progress[3],
        json!({"value": 4, "max": 4, "prompt_id": id, "node": "3"})
    );
    assert_eq!(frames.len(), 4);
    for frame in &frames {
        assert_eq!(&frame[..8], &[0, 0, 0, 1, 0, 0, 0, 2]);
        assert!(image::load_from_memory(&frame[8..]).is_ok());
    }
    let history = get_json(&format!("{}/history/{id}", fake.url)).await;
    let image = &history[&id]["outputs"]["9"]["images"][0];
    assert_eq!(image["subfolder"], "atelier");
    // The other socket heard only the queue's size.
    let heard = tokio::time::timeout(Duration::from_millis(300), async {
        let mut kinds = Vec::new();
        while let Some(Ok(Message::Text(t))) = other.next().await {
            let v: Value = serde_json::from_str(t.as_str()).unwrap_or(Value::Null);
            kinds.push(v["type"].as_str().unwrap_or("").to_owned());
        }
        kinds
    })
    .await
    .unwrap_or_default();
    assert!(heard.iter().all(|k| k == "status"), "{heard:?}");
}

#[tokio::test]
async fn an_identical_graph_is_replayed_from_the_cache() {
    let fake = fake().await;
    let mut ws = socket(&fake, "c").await;
    let url = format!("{}/prompt", fake.url);
    let graph = model_free(json!(16), 0x00FF00, "again");
    let (_, first) = post(&url, json!({"prompt": graph, "client_id": "c"})).await;
    let first_id = first["prompt_id"].as_str().unwrap_or_default().to_owned();
    let (texts, _) = follow(&mut ws, &first_id).await;
    let first_output = texts
        .iter()
        .find(|(k, _)| k == "executed")
        .map(|(_, d)| d["output"].clone());
    let (_, second) = post(&url, json!({"prompt": graph, "client_id": "c"})).await;
    let second_id = second["prompt_id"].as_str().unwrap_or_default().to_owned();
    let (texts, _) = follow(&mut ws, &second_id).await;
    assert_eq!(
        kinds(&texts),
        [
            "status",
            "status",
            "execution_start",
            "execution_cached",
            "executed",
            "execution_success",
            "status",
            "executing"
        ]
    );
    assert_eq!(texts[3].1["nodes"], json!(["1", "2"]));
    assert_eq!(
        texts
            .iter()
            .find(|(k, _)| k == "executed")
            .map(|(_, d)| d["output"].clone()),
        first_output
    );
    let history = get_json(&format!("{}/history/{second_id}", fake.url)).await;
    assert_eq!(
        Some(history[&second_id]["outputs"]["2"].clone()),
        first_output
    );
}

#[tokio::test]
async fn interrupts_are_cooperative_and_targeted_and_pending_prompts_can_be_deleted() {
    let fake = fake().await;
    fake.knobs.set_node_delay(Duration::from_millis(50));
    let mut ws = socket(&fake, "c").await;
    let url = format!("{}/prompt", fake.url);
    let (_, slow) = post(
        &url,
        json!({"prompt": blur_chain(100, 1), "client_id": "c"}),
    )
    .await;
    let slow_id = slow["prompt_id"].as_str().unwrap_or_default().to_owned();
    let (_, queued) = post(&url, json!({"prompt": blur_chain(3, 2), "client_id": "c"})).await;
    let queued_id = queued["prompt_id"].as_str().unwrap_or_default().to_owned();
    let snapshot = tokio::time::timeout(
        PATIENCE,
        fake.knobs
            .wait_until(|q| q.running.as_deref() == Some(slow_id.as_str())),
    )
    .await
    .unwrap_or_else(|_| panic!("never ran"));
    assert_eq!(snapshot.pending, vec![queued_id.clone()]);
    // Targeting a prompt that is not running does nothing.
    post(
        &format!("{}/interrupt", fake.url),
        json!({"prompt_id": queued_id}),
    )
    .await;
    post(
        &format!("{}/queue", fake.url),
        json!({"delete": [queued_id]}),
    )
    .await;
    assert!(fake.knobs.queue().pending.is_empty());
    post(
        &format!("{}/interrupt", fake.url),
        json!({"prompt_id": slow_id}),
    )
    .await;
    let (texts, _) = follow(&mut ws, &slow_id).await;
    assert!(kinds(&texts).contains(&"execution_interrupted"));
    assert_eq!(fake.knobs.interrupts_received(), 2);
    let history = get_json(&format!("{}/history/{slow_id}", fake.url)).await;
    assert_eq!(history[&slow_id]["status"]["status_str"], "error");
    assert_eq!(history[&slow_id]["outputs"], json!({}));
    assert_eq!(
        get_json(&format!("{}/history/{queued_id}", fake.url)).await,
        json!({})
    );
}

#[tokio::test]
async fn a_node_that_raises_ends_the_prompt_with_execution_error() {
    let fake = fake().await;
    let mut ws = socket(&fake, "c").await;
    let (_, answer) = post(
        &format!("{}/prompt", fake.url),
        json!({"prompt": model_free(json!(8), 3, "../escape"), "client_id": "c"}),
    )
    .await;
    let id = answer["prompt_id"].as_str().unwrap_or_default().to_owned();
    let (texts, _) = follow(&mut ws, &id).await;
    let error = &texts
        .iter()
        .find(|(k, _)| k == "execution_error")
        .unwrap_or_else(|| panic!("{texts:?}"))
        .1;
    assert_eq!(error["node_type"], "SaveImage");
    assert!(error["exception_message"]
        .as_str()
        .unwrap_or("")
        .contains("outside the output folder"));
    assert!(!kinds(&texts).contains(&"execution_success"));
}

#[tokio::test]
async fn a_socket_that_asks_for_preview_metadata_gets_type_4_frames() {
    use futures_util::SinkExt;
    let fake = fake().await;
    let mut ws = socket(&fake, "meta").await;
    let ask = json!({"type": "feature_flags", "data": {"supports_preview_metadata": true}});
    ws.send(Message::Text(ask.to_string().into()))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let reply = next_text(&mut ws).await;
    assert_eq!(reply["type"], "feature_flags");
    assert_eq!(reply["data"]["supports_preview_metadata"], true);
    let (_, answer) = post(
        &format!("{}/prompt", fake.url),
        json!({"prompt": sd_graph(2, 3), "client_id": "meta"}),
    )
    .await;
    let id = answer["prompt_id"].as_str().unwrap_or_default().to_owned();
    let (_, frames) = follow(&mut ws, &id).await;
    assert_eq!(frames.len(), 2);
    for frame in frames {
        assert_eq!(&frame[..4], &[0, 0, 0, 4]);
        let length = u32::from_be_bytes([frame[4], frame[5], frame[6], frame[7]]) as usize;
        let metadata: Value = serde_json::from_slice(&frame[8..8 + length]).unwrap_or(Value::Null);
        assert_eq!(metadata["prompt_id"], id.as_str());
        assert_eq!(metadata["image_type"], "image/png");
        assert!(image::load_from_memory(&frame[8 + length..]).is_ok());
    }
}
