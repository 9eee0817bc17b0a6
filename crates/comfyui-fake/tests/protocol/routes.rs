//! Refusals and the routes around a run.

use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn refusals_have_comfyuis_status_codes_and_shapes() {
    let fake = fake().await;
    let url = format!("{}/prompt", fake.url);
    let (status, body) = post(
        &url,
        json!({"prompt": {"1": {"class_type": "NoSuchNode", "inputs": {}}}}),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["type"], "invalid_prompt");
    assert_eq!(
        body["error"]["message"],
        "Cannot execute because node NoSuchNode does not exist."
    );
    assert_eq!(body["node_errors"], json!({}));

    let (status, body) = post(&url, json!({"prompt": model_free(json!(0), 0, "x")})).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["type"], "prompt_outputs_failed_validation");
    assert_eq!(
        body["node_errors"]["1"]["errors"][0]["message"],
        "Value 0 smaller than min of 1"
    );
    let (_, body) = post(&url, json!({"prompt": model_free(json!(100_000), 0, "x")})).await;
    assert_eq!(
        body["node_errors"]["1"]["errors"][0]["type"],
        "value_bigger_than_max"
    );

    let mut graph = sd_graph(2, 1);
    graph["4"]["inputs"]["ckpt_name"] = json!("missing.safetensors");
    let (status, body) = post(&url, json!({"prompt": graph})).await;
    assert_eq!(status, 400);
    assert_eq!(
        body["node_errors"]["4"]["errors"][0]["type"],
        "value_not_in_list"
    );

    let (status, body) = post(
        &url,
        json!({"prompt": {"1": {"class_type": "EmptyImage", "inputs": {}}}}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["type"].clone()),
        (400, json!("prompt_no_outputs"))
    );
    let (status, body) = post(&url, json!({"client_id": "x"})).await;
    assert_eq!(
        (status, body["error"]["type"].clone()),
        (400, json!("no_prompt"))
    );
    let (status, body) = post(
        &url,
        json!({"prompt": model_free(json!(8), 0, "x"), "prompt_id": "NOT-A-UUID"}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["type"].clone()),
        (400, json!("invalid_prompt_id"))
    );

    let response = reqwest::Client::new()
        .post(&url)
        .body("not json")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 500);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap_or("")
        .starts_with("text/plain"));

    // Refused posts still count, and take a number.
    assert_eq!(fake.knobs.prompts_received(), 8);
    let (_, body) = post(&url, json!({"prompt": model_free(json!(8), 0, "x")})).await;
    assert_eq!(body["number"], 7);

    fake.knobs.fail_next_prompts(1);
    let (status, _) = post(&url, json!({"prompt": model_free(json!(8), 1, "x")})).await;
    assert_eq!(status, 500);
    let (status, _) = post(&url, json!({"prompt": model_free(json!(8), 1, "x")})).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn other_routes_answer_as_comfyui_does() {
    let fake = fake().await;
    assert_eq!(
        get_json(&format!("{}/object_info/NoSuchNode", fake.url)).await,
        json!({})
    );
    let info = get_json(&format!("{}/object_info/EmptyImage", fake.url)).await;
    assert_eq!(
        info["EmptyImage"]["input"]["required"]["width"][1]["max"],
        16384
    );
    assert_eq!(
        get_json(&format!("{}/history/unknown", fake.url)).await,
        json!({})
    );
    assert_eq!(
        get_json(&format!("{}/api/queue", fake.url)).await,
        json!({"queue_running": [], "queue_pending": []})
    );
    let stats = get_json(&format!("{}/system_stats", fake.url)).await;
    assert_eq!(stats["system"]["comfyui_version"], "0.3.64");
    let status = |path: String| async move {
        reqwest::get(path)
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0)
    };
    assert_eq!(
        status(format!("{}/view?filename=nope.png", fake.url)).await,
        404
    );
    assert_eq!(status(format!("{}/view", fake.url)).await, 404);
    assert_eq!(
        status(format!("{}/view?filename=../x.png", fake.url)).await,
        400
    );
    assert_eq!(
        status(format!("{}/view?filename=x.png&type=bogus", fake.url)).await,
        400
    );
    assert_eq!(
        status(format!("{}/view?filename=x.png&subfolder=../..", fake.url)).await,
        403
    );
    let foreign = reqwest::Client::new()
        .get(format!("{}/queue", fake.url))
        .header("Origin", "http://evil.example")
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0);
    assert_eq!(foreign, 403);
    let same = reqwest::Client::new()
        .get(format!("{}/queue", fake.url))
        .header("Origin", fake.url.clone())
        .send()
        .await
        .map(|r| r.status().as_u16())
        .unwrap_or(0);
    assert_eq!(same, 200);
}
