//! What a test can turn and read on a running fake.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::state::{Outgoing, Shared};

/// A node that raises when it runs, as a real node would (ComfyUI then sends
/// `execution_error` and records it in the history).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeFailure {
    /// A node id or a class type (`"KSampler"`).
    pub node: String,
    /// Python's full type name: `"Exception"`, `"torch.OutOfMemoryError"`.
    pub exception_type: String,
    pub message: String,
}

impl RuntimeFailure {
    pub fn new(node: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            node: node.into(),
            exception_type: "Exception".to_owned(),
            message: message.into(),
        }
    }

    /// What PyTorch raises when the GPU runs out of memory.
    pub fn out_of_memory(node: impl Into<String>) -> Self {
        Self {
            node: node.into(),
            exception_type: "torch.OutOfMemoryError".to_owned(),
            message: "Allocation on device 0 would exceed allowed memory. (out of memory)"
                .to_owned(),
        }
    }
}

/// The queue as the fake holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueSnapshot {
    pub running: Option<String>,
    pub pending: Vec<String>,
    /// Prompt ids with a history entry, in completion order.
    pub finished: Vec<String>,
}

/// Handles on a running fake's behaviour and counters; cheap to clone.
#[derive(Clone)]
pub struct Knobs {
    pub(crate) shared: Arc<Shared>,
}

impl Knobs {
    /// How long each node runs, and each sampler step (0 by default); a change reaches a
    /// node that is already running.
    pub fn set_node_delay(&self, delay: Duration) {
        self.shared
            .node_delay_ms
            .store(delay.as_millis() as u64, Ordering::Relaxed);
    }

    /// The next `n` `POST /prompt` answer 500, as a ComfyUI in trouble does.
    pub fn fail_next_prompts(&self, n: u32) {
        self.shared.fail_prompts.store(n, Ordering::Relaxed);
    }

    /// `POST /interrupt` is counted and answered but changes nothing: a ComfyUI stuck in a
    /// node that never checks the flag.
    pub fn ignore_interrupts(&self, ignore: bool) {
        self.shared
            .ignore_interrupts
            .store(ignore, Ordering::Relaxed);
    }

    /// Makes a node raise when it runs (until set to `None`).
    pub fn fail_node(&self, failure: Option<RuntimeFailure>) {
        *self
            .shared
            .runtime_failure
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = failure;
    }

    /// How many `POST /prompt` arrived, refused ones included.
    pub fn prompts_received(&self) -> u64 {
        self.shared.prompts_received.load(Ordering::Relaxed)
    }

    /// How many `POST /interrupt` arrived, targeted or not.
    pub fn interrupts_received(&self) -> u64 {
        self.shared.interrupts_received.load(Ordering::Relaxed)
    }

    pub fn queue(&self) -> QueueSnapshot {
        let inner = self.shared.lock();
        QueueSnapshot {
            running: inner.running.as_ref().map(|item| item.prompt_id.clone()),
            pending: inner
                .pending
                .iter()
                .map(|item| item.prompt_id.clone())
                .collect(),
            finished: inner.history.iter().map(|(id, _)| id.clone()).collect(),
        }
    }

    /// The history entry of `prompt_id`, as `GET /history/{id}` would show it.
    pub fn history(&self, prompt_id: &str) -> Option<Value> {
        self.shared.lock().history_entry(prompt_id).cloned()
    }

    /// Waits until the queue satisfies `ready` (put a timeout around it).
    pub async fn wait_until(&self, ready: impl Fn(&QueueSnapshot) -> bool) -> QueueSnapshot {
        let mut changes = self.shared.changed.subscribe();
        loop {
            let snapshot = self.queue();
            if ready(&snapshot) {
                return snapshot;
            }
            if changes.changed().await.is_err() {
                return snapshot;
            }
        }
    }

    /// Closes every open WebSocket from the server's side, as a restarting proxy would.
    pub fn close_sockets(&self) {
        let inner = self.shared.lock();
        for socket in inner.sockets.values() {
            let _ = socket.tx.send(Outgoing::Close);
        }
    }

    /// How many sockets are open.
    pub fn sockets(&self) -> usize {
        self.shared.lock().sockets.len()
    }
}
