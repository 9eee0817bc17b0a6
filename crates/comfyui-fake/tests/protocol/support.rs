//! Talking to the fake as a client would.

use std::time::Duration;

use atelier_comfyui_fake::{start, FakeComfy, FakeOptions};
use futures_util::StreamExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

/// Anything that waits gives up after this.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub async fn fake() -> FakeComfy {
    start(FakeOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

pub fn model_free(width: Value, color: u32, prefix: &str) -> Value {
    json!({
        "1": {"class_type": "EmptyImage", "inputs": {"width": width, "height": 24, "batch_size": 1, "color": color}},
        "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": prefix}},
    })
}

pub fn sd_graph(steps: u32, seed: u64) -> Value {
    json!({
        "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd15.safetensors"}},
        "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a lighthouse", "clip": ["4", 1]}},
        "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry", "clip": ["4", 1]}},
        "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 48, "batch_size": 1}},
        "3": {"class_type": "KSampler", "inputs": {"model": ["4", 0], "seed": seed, "steps": steps, "cfg": 7.0,
              "sampler_name": "euler", "scheduler": "normal", "positive": ["6", 0], "negative": ["7", 0],
              "latent_image": ["5", 0], "denoise": 1.0}},
        "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
        "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "atelier/sd"}},
    })
}

pub async fn post(url: &str, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(url)
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub async fn get_json(url: &str) -> Value {
    reqwest::get(url)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub async fn socket(fake: &FakeComfy, client: &str) -> Socket {
    let url = format!("{}/ws?clientId={client}", fake.url.replace("http", "ws"));
    let (mut ws, _) = tokio_tungstenite::connect_async(url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let hello = next_text(&mut ws).await;
    assert_eq!(hello["type"], "status");
    assert_eq!(hello["data"]["sid"], client);
    ws
}

pub async fn next_text(ws: &mut Socket) -> Value {
    loop {
        match tokio::time::timeout(PATIENCE, ws.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => {
                return serde_json::from_str(text.as_str()).unwrap_or(Value::Null)
            }
            Ok(Some(Ok(_))) => {}
            other => panic!("the socket ended: {other:?}"),
        }
    }
}

/// Everything a socket got for a prompt up to its end marker: text messages as
/// `(type, data)`, binary frames as they came.
pub async fn follow(ws: &mut Socket, prompt_id: &str) -> (Vec<(String, Value)>, Vec<Vec<u8>>) {
    let (mut texts, mut frames) = (Vec::new(), Vec::new());
    loop {
        let message = tokio::time::timeout(PATIENCE, ws.next())
            .await
            .unwrap_or_else(|_| panic!("no end marker; got {texts:?}"));
        match message {
            Some(Ok(Message::Text(text))) => {
                let v: Value = serde_json::from_str(text.as_str()).unwrap_or(Value::Null);
                let kind = v["type"].as_str().unwrap_or_default().to_owned();
                let end = kind == "executing"
                    && v["data"]["node"].is_null()
                    && v["data"]["prompt_id"] == prompt_id;
                texts.push((kind, v["data"].clone()));
                if end {
                    return (texts, frames);
                }
            }
            Some(Ok(Message::Binary(bytes))) => frames.push(bytes.to_vec()),
            Some(Ok(_)) => {}
            other => panic!("the socket ended: {other:?}"),
        }
    }
}

pub fn kinds(texts: &[(String, Value)]) -> Vec<&str> {
    texts
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| *k != "progress_state")
        .collect()
}

pub fn blur_chain(length: usize, color: u32) -> Value {
    let mut graph = json!({"1": {"class_type": "EmptyImage", "inputs": {"width": 16, "height": 16, "batch_size": 1, "color": color}}});
    for n in 0..length {
        graph[format!("{}", 10 + n)] = json!({"class_type": "ImageBlur", "inputs": {"image": [format!("{}", if n == 0 { 1 } else { 9 + n }), 0], "blur_radius": 31, "sigma": 1.0}});
    }
    graph["2"] = json!({"class_type": "SaveImage", "inputs": {"images": [format!("{}", 9 + length), 0], "filename_prefix": "slow"}});
    graph
}
