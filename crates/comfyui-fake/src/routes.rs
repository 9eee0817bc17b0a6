//! ComfyUI's HTTP routes (server.py), with its status codes and bodies.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::catalogue::{class, CLASS_NAMES};
use crate::state::{QueueItem, Shared};
use crate::validate::{validate, Verdict};

type Fake = State<Arc<Shared>>;

/// Every route, as ComfyUI serves them both at `/` and under `/api`.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let routes = Router::new()
        .route("/ws", get(crate::ws::connect))
        .route("/system_stats", get(system_stats))
        .route("/features", get(features))
        .route("/prompt", get(prompt_info).post(post_prompt))
        .route("/object_info", get(object_info_all))
        .route("/object_info/{class}", get(object_info))
        .route("/history", get(history_all).post(post_history))
        .route("/history/{id}", get(history_one))
        .route("/queue", get(queue).post(post_queue))
        .route("/interrupt", axum::routing::post(interrupt))
        .route("/free", axum::routing::post(free))
        .route("/view", get(view));
    Router::new()
        .merge(routes.clone())
        .nest("/api", routes)
        .layer(axum::middleware::from_fn(origin_only))
        .with_state(shared)
}

/// aiohttp's answer to an exception in a handler.
fn internal_error() -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "500 Internal Server Error\n\nServer got itself in trouble",
    )
        .into_response()
}

/// ComfyUI's CSRF guard: on a loopback host, an `Origin` naming another host is refused.
async fn origin_only(request: Request, next: Next) -> Response {
    let headers = request.headers();
    if let (Some(host), Some(origin)) = (
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
    ) {
        let host = host.to_ascii_lowercase();
        let origin = origin.to_ascii_lowercase();
        let origin_authority = origin
            .split("://")
            .nth(1)
            .unwrap_or("")
            .trim_end_matches('/');
        let has_port = |authority: &str| {
            authority
                .rsplit_once(':')
                .is_some_and(|(_, p)| p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty())
        };
        let strip = |authority: &str| -> String {
            match authority.rsplit_once(':') {
                Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => h.to_owned(),
                _ => authority.to_owned(),
            }
        };
        let host_compared = if has_port(origin_authority) {
            host.clone()
        } else {
            strip(&host)
        };
        let origin_compared = if has_port(&host) {
            origin_authority.to_owned()
        } else {
            strip(origin_authority)
        };
        if !origin_compared.is_empty() && host_compared != origin_compared {
            return StatusCode::FORBIDDEN.into_response();
        }
    }
    next.run(request).await
}

async fn system_stats() -> Json<Value> {
    Json(json!({
        "system": {
            "os": "posix", "ram_total": 25_276_514_304_u64, "ram_free": 20_000_000_000_u64,
            "comfyui_version": "0.3.64", "required_frontend_version": "1.27.10",
            "installed_templates_version": "0.1.95", "required_templates_version": "0.1.95",
            "python_version": "3.11.7 (atelier-comfyui-fake)", "pytorch_version": "2.8.0+cpu",
            "embedded_python": false, "argv": ["main.py", "--cpu"],
        },
        "devices": [{
            "name": "cpu", "type": "cpu", "index": null,
            "vram_total": 25_276_514_304_u64, "vram_free": 20_000_000_000_u64,
            "torch_vram_total": 25_276_514_304_u64, "torch_vram_free": 20_000_000_000_u64,
        }],
    }))
}

async fn features() -> Json<Value> {
    Json(json!({"supports_preview_metadata": true, "max_upload_size": 104_857_600}))
}

async fn prompt_info(State(shared): Fake) -> Json<Value> {
    Json(shared.queue_info())
}

async fn object_info_all(State(shared): Fake) -> Json<Value> {
    let all: serde_json::Map<String, Value> = CLASS_NAMES
        .iter()
        .filter_map(|name| class(name, &shared.checkpoints).map(|c| ((*name).to_owned(), c.info)))
        .collect();
    Json(Value::Object(all))
}

/// An unknown class answers `{}` with 200, as ComfyUI does.
async fn object_info(State(shared): Fake, Path(name): Path<String>) -> Json<Value> {
    match class(&name, &shared.checkpoints) {
        Some(c) => Json(json!({ name: c.info })),
        None => Json(json!({})),
    }
}

/// A client-chosen prompt id must be a lowercase canonical UUID (ComfyUI after 0.3.64).
fn canonical_uuid(id: &str) -> bool {
    uuid::Uuid::parse_str(id).is_ok_and(|u| u.hyphenated().to_string() == id)
}

async fn post_prompt(State(shared): Fake, body: Bytes) -> Response {
    shared.prompts_received.fetch_add(1, Ordering::Relaxed);
    let failing = shared
        .fail_prompts
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
        .is_ok();
    if failing {
        return internal_error();
    }
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&body) else {
        return internal_error();
    };
    let number = match body.get("number") {
        Some(n) => match n.as_f64() {
            Some(f) => json!(f),
            None => return internal_error(),
        },
        None => {
            let mut inner = shared.lock();
            let n = inner.number;
            inner.number += 1;
            if body.get("front").and_then(Value::as_bool) == Some(true) {
                json!(-n)
            } else {
                json!(n)
            }
        }
    };
    let Some(prompt) = body.get("prompt") else {
        let error = json!({"type": "no_prompt", "message": "No prompt provided", "details": "No prompt provided", "extra_info": {}});
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": error, "node_errors": {}})),
        )
            .into_response();
    };
    let prompt_id = match body.get("prompt_id") {
        Some(Value::String(id)) if canonical_uuid(id) => id.clone(),
        Some(other) => {
            let error = json!({
                "type": "invalid_prompt_id", "message": "Invalid prompt_id format",
                "details": format!("prompt_id must be a lowercase UUID, got {other}"), "extra_info": {},
            });
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": error, "node_errors": {}})),
            )
                .into_response();
        }
        None => uuid::Uuid::new_v4().to_string(),
    };
    let Value::Object(mut graph) = prompt.clone() else {
        return internal_error();
    };
    if graph.values().any(|node| !node.is_object()) {
        return internal_error();
    }
    let mut extra_data = body.get("extra_data").cloned().unwrap_or_else(|| json!({}));
    if let (Some(client), Some(extra)) = (body.get("client_id"), extra_data.as_object_mut()) {
        extra.insert("client_id".to_owned(), client.clone());
    }
    match validate(&mut graph, &shared.checkpoints) {
        Verdict::Refused { error, node_errors } => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": error, "node_errors": node_errors})),
        )
            .into_response(),
        Verdict::Accepted {
            outputs,
            node_errors,
        } => {
            shared.enqueue(QueueItem {
                number: number.clone(),
                prompt_id: prompt_id.clone(),
                graph: Value::Object(graph),
                extra_data,
                outputs,
            });
            Json(json!({"prompt_id": prompt_id, "number": number, "node_errors": node_errors}))
                .into_response()
        }
    }
}

async fn history_one(State(shared): Fake, Path(id): Path<String>) -> Json<Value> {
    match shared.lock().history_entry(&id) {
        Some(entry) => Json(json!({ id: entry })),
        None => Json(json!({})),
    }
}

async fn history_all(
    State(shared): Fake,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let parse = |key: &str| query.get(key).map(|v| v.parse::<i64>());
    let (max_items, offset) = match (parse("max_items"), parse("offset")) {
        (Some(Err(_)), _) | (_, Some(Err(_))) => return internal_error(),
        (m, o) => (m.and_then(Result::ok), o.and_then(Result::ok).unwrap_or(-1)),
    };
    let inner = shared.lock();
    let mut offset = offset;
    if offset < 0 {
        if let Some(max) = max_items {
            offset = inner.history.len() as i64 - max;
        }
    }
    let mut out = serde_json::Map::new();
    for (i, (id, entry)) in inner.history.iter().enumerate() {
        if i as i64 >= offset {
            out.insert(id.clone(), entry.clone());
            if max_items.is_some_and(|m| out.len() as i64 >= m) {
                break;
            }
        }
    }
    Json(Value::Object(out)).into_response()
}

async fn post_history(State(shared): Fake, body: Bytes) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return internal_error();
    };
    let mut inner = shared.lock();
    if body["clear"] == true {
        inner.history.clear();
    }
    if let Some(ids) = body["delete"].as_array() {
        inner.history.retain(|(id, _)| !ids.contains(&json!(id)));
    }
    StatusCode::OK.into_response()
}

async fn queue(State(shared): Fake) -> Json<Value> {
    let inner = shared.lock();
    let running: Vec<Value> = inner.running.iter().map(QueueItem::to_json).collect();
    let pending: Vec<Value> = inner.pending.iter().map(QueueItem::to_json).collect();
    Json(json!({"queue_running": running, "queue_pending": pending}))
}

/// Only pending prompts can be deleted; a deleted one never reaches the history.
async fn post_queue(State(shared): Fake, body: Bytes) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return internal_error();
    };
    let changed = {
        let mut inner = shared.lock();
        let before = inner.pending.len();
        if body["clear"] == true {
            inner.pending.clear();
        }
        if let Some(ids) = body["delete"].as_array() {
            for id in ids {
                if let Some(at) = inner.pending.iter().position(|p| json!(p.prompt_id) == *id) {
                    inner.pending.remove(at);
                }
            }
        }
        before != inner.pending.len()
    };
    if changed {
        shared.queue_updated();
    }
    StatusCode::OK.into_response()
}

/// Sets the interrupt flag, which the running prompt reads at its next node or sampler
/// step; a `prompt_id` that is not running makes it a no-op.
async fn interrupt(State(shared): Fake, body: Bytes) -> Response {
    shared.interrupts_received.fetch_add(1, Ordering::Relaxed);
    let body: Value = serde_json::from_slice(&body).unwrap_or_else(|_| json!({}));
    let target = body["prompt_id"].as_str().filter(|id| !id.is_empty());
    let applies = match target {
        Some(id) => shared
            .lock()
            .running
            .as_ref()
            .is_some_and(|r| r.prompt_id == id),
        None => true,
    };
    if applies && !shared.ignore_interrupts.load(Ordering::Relaxed) {
        shared.interrupt.store(true, Ordering::SeqCst);
    }
    StatusCode::OK.into_response()
}

async fn free(body: Bytes) -> Response {
    match serde_json::from_slice::<Value>(&body) {
        Ok(_) => StatusCode::OK.into_response(),
        Err(_) => internal_error(),
    }
}

async fn view(State(shared): Fake, Query(query): Query<HashMap<String, String>>) -> Response {
    let Some(filename) = query.get("filename") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if filename.is_empty() || filename.starts_with('/') || filename.contains("..") {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let kind = query.get("type").map_or("output", String::as_str);
    if !["output", "input", "temp"].contains(&kind) {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let subfolder = query.get("subfolder").map_or("", String::as_str);
    if subfolder.starts_with('/') {
        return StatusCode::FORBIDDEN.into_response();
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in subfolder.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return StatusCode::FORBIDDEN.into_response();
                }
            }
            other => parts.push(other),
        }
    }
    let subfolder = parts.join("/");
    let name = filename.rsplit('/').next().unwrap_or(filename).to_owned();
    let file = shared
        .lock()
        .files
        .get(&(kind.to_owned(), subfolder, name.clone()))
        .cloned();
    match file {
        Some(bytes) => (
            [
                (header::CONTENT_TYPE, "image/png".to_owned()),
                (header::CONTENT_DISPOSITION, format!("filename=\"{name}\"")),
            ],
            bytes.as_ref().clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
