//! What the fake server holds: the queue, the history, the files it wrote, the open sockets,
//! and the knobs tests turn. One `std` mutex guards it, never held across an await.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};
use tokio::sync::{mpsc, watch, Notify};

use crate::knobs::RuntimeFailure;

/// A frame for one socket.
#[derive(Debug)]
pub(crate) enum Outgoing {
    Text(String),
    Binary(Vec<u8>),
    /// Close the socket (a test dropping connections).
    Close,
}

/// One open `/ws` connection.
pub(crate) struct Socket {
    pub tx: mpsc::UnboundedSender<Outgoing>,
    /// It asked for previews with metadata (binary type 4) in its first message.
    pub preview_metadata: bool,
}

/// A queued prompt: `[number, prompt_id, graph, extra_data, outputs]` in ComfyUI's JSON.
#[derive(Debug, Clone)]
pub(crate) struct QueueItem {
    pub number: Value,
    pub prompt_id: String,
    pub graph: Value,
    pub extra_data: Value,
    pub outputs: Vec<String>,
}

impl QueueItem {
    pub fn to_json(&self) -> Value {
        json!([
            self.number,
            self.prompt_id,
            self.graph,
            self.extra_data,
            self.outputs
        ])
    }

    pub fn client_id(&self) -> Option<String> {
        self.extra_data["client_id"].as_str().map(str::to_owned)
    }

    fn order(&self) -> f64 {
        self.number.as_f64().unwrap_or_default()
    }
}

/// A file the fake wrote, by (type, subfolder, filename).
pub(crate) type FileKey = (String, String, String);

#[derive(Default)]
pub(crate) struct Inner {
    /// ComfyUI's global `number`, incremented by every post that does not bring its own.
    pub number: i64,
    pub pending: Vec<QueueItem>,
    pub running: Option<QueueItem>,
    /// In completion order; a rerun of the same id replaces its entry in place.
    pub history: Vec<(String, Value)>,
    pub files: HashMap<FileKey, Arc<Vec<u8>>>,
    pub sockets: HashMap<String, Socket>,
    /// The client of the running prompt and the node it runs, for a socket that reconnects.
    pub current_client: Option<String>,
    pub last_node: Option<String>,
}

impl Inner {
    pub fn queue_remaining(&self) -> usize {
        self.pending.len() + usize::from(self.running.is_some())
    }

    /// Takes the pending prompt with the lowest number (ComfyUI's heap; ties by id).
    pub fn take_next(&mut self) -> Option<QueueItem> {
        let best = self
            .pending
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| {
                a.order()
                    .total_cmp(&b.order())
                    .then_with(|| a.prompt_id.cmp(&b.prompt_id))
            })
            .map(|(i, _)| i)?;
        Some(self.pending.remove(best))
    }

    pub fn history_entry(&self, id: &str) -> Option<&Value> {
        self.history.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }
}

/// Everything the routes, the executor and the knobs share.
pub(crate) struct Shared {
    inner: Mutex<Inner>,
    /// Wakes the executor when a prompt is queued.
    pub queued: Notify,
    /// Bumped on every queue or history change, for tests that wait for a state.
    pub changed: watch::Sender<u64>,
    /// ComfyUI's `interrupt_processing` flag.
    pub interrupt: AtomicBool,
    pub checkpoints: Vec<String>,
    pub node_delay_ms: AtomicU64,
    pub fail_prompts: AtomicU32,
    pub ignore_interrupts: AtomicBool,
    pub runtime_failure: Mutex<Option<RuntimeFailure>>,
    pub prompts_received: AtomicU64,
    pub interrupts_received: AtomicU64,
}

impl Shared {
    pub fn new(checkpoints: Vec<String>, node_delay: Duration) -> Self {
        Self {
            inner: Mutex::new(Inner::default()),
            queued: Notify::new(),
            changed: watch::Sender::new(0),
            interrupt: AtomicBool::new(false),
            checkpoints,
            node_delay_ms: AtomicU64::new(node_delay.as_millis() as u64),
            fail_prompts: AtomicU32::new(0),
            ignore_interrupts: AtomicBool::new(false),
            runtime_failure: Mutex::new(None),
            prompts_received: AtomicU64::new(0),
            interrupts_received: AtomicU64::new(0),
        }
    }

    /// The state; a panic elsewhere while holding it does not poison the fake for others.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn node_delay(&self) -> Duration {
        Duration::from_millis(self.node_delay_ms.load(Ordering::Relaxed))
    }

    pub fn bump(&self) {
        self.changed.send_modify(|n| *n += 1);
    }

    /// `{"exec_info":{"queue_remaining":n}}`.
    pub fn queue_info(&self) -> Value {
        json!({"exec_info": {"queue_remaining": self.lock().queue_remaining()}})
    }

    /// ComfyUI's `send_json`: to the socket of `sid`, or to every socket without one. A
    /// client without a socket gets nothing.
    pub fn send(&self, event: &str, data: Value, sid: Option<&str>) {
        send_locked(&self.lock(), event, data, sid);
    }

    /// A binary frame, made for each socket from whether it negotiated preview metadata.
    pub fn send_binary(&self, frame: impl Fn(bool) -> Vec<u8>, sid: Option<&str>) {
        let inner = self.lock();
        let targets: Vec<&Socket> = match sid {
            Some(sid) => inner.sockets.get(sid).into_iter().collect(),
            None => inner.sockets.values().collect(),
        };
        for socket in targets {
            let _ = socket
                .tx
                .send(Outgoing::Binary(frame(socket.preview_metadata)));
        }
    }

    /// ComfyUI's `queue_updated`: the queue's size to every socket.
    pub fn queue_updated(&self) {
        queue_updated_locked(&self.lock());
        self.bump();
    }

    /// Queues a prompt and says so to every socket in one step, so no message about its
    /// run can overtake the news that it was queued.
    pub fn enqueue(&self, item: QueueItem) {
        {
            let mut inner = self.lock();
            inner.pending.push(item);
            queue_updated_locked(&inner);
        }
        self.bump();
        self.queued.notify_one();
    }

    /// Moves the next pending prompt to running, telling every socket in the same step.
    pub fn start_next(&self) -> Option<QueueItem> {
        let next = {
            let mut inner = self.lock();
            let next = inner.take_next()?;
            inner.running = Some(next.clone());
            queue_updated_locked(&inner);
            next
        };
        self.bump();
        Some(next)
    }
}

fn send_locked(inner: &Inner, event: &str, data: Value, sid: Option<&str>) {
    let text = json!({"type": event, "data": data}).to_string();
    match sid {
        Some(sid) => {
            if let Some(socket) = inner.sockets.get(sid) {
                let _ = socket.tx.send(Outgoing::Text(text));
            }
        }
        None => {
            for socket in inner.sockets.values() {
                let _ = socket.tx.send(Outgoing::Text(text.clone()));
            }
        }
    }
}

fn queue_updated_locked(inner: &Inner) {
    let info = json!({"exec_info": {"queue_remaining": inner.queue_remaining()}});
    send_locked(inner, "status", json!({"status": info}), None);
}

/// Epoch milliseconds, as ComfyUI's `timestamp` fields.
pub(crate) fn timestamp() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default()
}
