//! `GET /ws?clientId=`: ComfyUI's socket, with its quirks: the last connection of a client id
//! takes over, and when a superseded socket closes it unregisters the id, new socket and all.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::response::Response;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::state::{Outgoing, Shared, Socket};

pub(crate) async fn connect(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
    upgrade: WebSocketUpgrade,
) -> Response {
    let sid = query
        .get("clientId")
        .filter(|id| !id.is_empty())
        .cloned()
        .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
    upgrade.on_upgrade(move |socket| session(shared, sid, socket))
}

async fn session(shared: Arc<Shared>, sid: String, socket: WebSocket) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    {
        let mut inner = shared.lock();
        let hello = json!({"type": "status", "data": {"status": {"exec_info": {"queue_remaining": inner.queue_remaining()}}, "sid": sid}});
        let _ = tx.send(Outgoing::Text(hello.to_string()));
        // A client that reconnects while its prompt runs hears which node runs, without a
        // prompt id.
        if inner.current_client.as_deref() == Some(sid.as_str()) {
            if let Some(node) = &inner.last_node {
                let _ = tx.send(Outgoing::Text(
                    json!({"type": "executing", "data": {"node": node}}).to_string(),
                ));
            }
        }
        inner.sockets.insert(
            sid.clone(),
            Socket {
                tx,
                preview_metadata: false,
            },
        );
    }
    let (mut sink, mut stream) = socket.split();
    let mut first = true;
    let mut forwarding = true;
    loop {
        tokio::select! {
            out = rx.recv(), if forwarding => match out {
                Some(Outgoing::Text(text)) => {
                    if sink.send(Message::Text(text.into())).await.is_err() {
                        break;
                    }
                }
                Some(Outgoing::Binary(bytes)) => {
                    if sink.send(Message::Binary(bytes.into())).await.is_err() {
                        break;
                    }
                }
                Some(Outgoing::Close) => {
                    let _ = sink.send(Message::Close(None)).await;
                    break;
                }
                // Superseded by a newer socket of the same id: it stays open, silent.
                None => forwarding = false,
            },
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    let data: Value = serde_json::from_str(text.as_str()).unwrap_or(Value::Null);
                    if first && data["type"] == "feature_flags" {
                        let wants = data["data"]["supports_preview_metadata"] == true;
                        if let Some(socket) = shared.lock().sockets.get_mut(&sid) {
                            socket.preview_metadata = wants;
                        }
                        let reply = json!({"type": "feature_flags", "data": {"supports_preview_metadata": true, "max_upload_size": 104_857_600}});
                        if sink.send(Message::Text(reply.to_string().into())).await.is_err() {
                            break;
                        }
                    }
                    first = false;
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            },
        }
    }
    shared.lock().sockets.remove(&sid);
}
