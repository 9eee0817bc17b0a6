//! ComfyUI's WebSocket, one per render under a fresh client id, so that everything on it is
//! about that render's prompt.

use std::time::Duration;

use futures_util::StreamExt;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::messages::{parse_binary, parse_text, Event};

pub(super) struct Socket {
    stream: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Socket {
    /// Connects as `client_id` and waits for ComfyUI's greeting, which it sends once the
    /// socket is registered: a prompt posted before that would run unheard.
    pub async fn open(url: &str, client_id: &str, timeout: Duration) -> Result<Self, String> {
        let connect = async {
            let (stream, _) =
                tokio_tungstenite::connect_async(format!("{url}?clientId={client_id}"))
                    .await
                    .map_err(|e| e.to_string())?;
            let mut socket = Self { stream };
            loop {
                match socket.stream.next().await {
                    Some(Ok(Message::Text(text))) => {
                        let greeting: serde_json::Value =
                            serde_json::from_str(text.as_str()).unwrap_or_default();
                        if greeting["type"] == "status" {
                            return Ok(socket);
                        }
                    }
                    Some(Ok(_)) => {}
                    Some(Err(e)) => return Err(e.to_string()),
                    None => return Err("the socket closed at once".to_owned()),
                }
            }
        };
        tokio::time::timeout(timeout, connect)
            .await
            .map_err(|_| "no greeting in time".to_owned())?
    }

    /// The next event, or `None` once the socket is gone.
    pub async fn next(&mut self) -> Option<Event> {
        loop {
            match self.stream.next().await? {
                Ok(Message::Text(text)) => return Some(parse_text(text.as_str())),
                Ok(Message::Binary(bytes)) => return Some(parse_binary(&bytes)),
                Ok(Message::Close(_)) | Err(_) => return None,
                Ok(_) => {}
            }
        }
    }

    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(1), self.stream.close(None)).await;
    }
}

/// The next event of `socket`, or never when there is none (for `select!`).
pub(super) async fn next_event(socket: &mut Option<Socket>) -> Option<Event> {
    match socket {
        Some(socket) => socket.next().await,
        None => std::future::pending().await,
    }
}
