//! The ComfyUI servers a backend renders on: taken in turn, one render each, skipping for a
//! while one that could not be reached.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One ComfyUI server.
#[derive(Debug)]
pub(super) struct Endpoint {
    /// `http://host:port` (and any path), without a trailing slash.
    pub base: String,
    /// Its socket, `ws://host:port/ws`.
    pub socket: String,
    down_until: Mutex<Option<Instant>>,
}

impl Endpoint {
    pub fn new(base: String) -> Self {
        let socket = format!("ws{}/ws", base.strip_prefix("http").unwrap_or(&base));
        Self {
            base,
            socket,
            down_until: Mutex::new(None),
        }
    }

    fn is_down(&self, now: Instant) -> bool {
        self.down_until
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some_and(|until| now < until)
    }

    /// It could not be reached: skip it for `period`.
    pub fn mark_down(&self, period: Duration) {
        *self.down_until.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now() + period);
    }

    pub fn mark_up(&self) {
        *self.down_until.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// The servers, in the order given.
#[derive(Debug)]
pub(super) struct Endpoints {
    pub all: Vec<Endpoint>,
    next: AtomicUsize,
}

impl Endpoints {
    pub fn new(all: Vec<Endpoint>) -> Self {
        Self {
            all,
            next: AtomicUsize::new(0),
        }
    }

    /// The order to try them in for one render: round-robin from the next in turn, the
    /// ones marked down last (tried all the same when nothing else answers).
    pub fn for_render(&self) -> Vec<&Endpoint> {
        let n = self.all.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        let now = Instant::now();
        let turn = (0..n).map(|i| &self.all[(start + i) % n]);
        let (up, down): (Vec<&Endpoint>, Vec<&Endpoint>) = turn.partition(|e| !e.is_down(now));
        up.into_iter().chain(down).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoints(names: &[&str]) -> Endpoints {
        Endpoints::new(names.iter().map(|n| Endpoint::new((*n).into())).collect())
    }

    fn bases(order: Vec<&Endpoint>) -> Vec<&str> {
        order.into_iter().map(|e| e.base.as_str()).collect()
    }

    #[test]
    fn renders_take_turns_and_a_server_that_is_down_goes_last() {
        let all = endpoints(&["http://a", "http://b", "http://c"]);
        assert_eq!(
            bases(all.for_render()),
            ["http://a", "http://b", "http://c"]
        );
        assert_eq!(
            bases(all.for_render()),
            ["http://b", "http://c", "http://a"]
        );
        all.all[2].mark_down(Duration::from_secs(30));
        assert_eq!(
            bases(all.for_render()),
            ["http://a", "http://b", "http://c"]
        );
        assert_eq!(
            bases(all.for_render()),
            ["http://a", "http://b", "http://c"]
        );
        all.all[2].mark_up();
        assert_eq!(
            bases(all.for_render()),
            ["http://b", "http://c", "http://a"]
        );
    }

    #[test]
    fn a_mark_wears_off() {
        let all = endpoints(&["http://a", "http://b"]);
        all.all[0].mark_down(Duration::ZERO);
        assert_eq!(bases(all.for_render()), ["http://a", "http://b"]);
    }

    #[test]
    fn the_socket_sits_beside_the_base() {
        assert_eq!(
            Endpoint::new("http://127.0.0.1:8188".into()).socket,
            "ws://127.0.0.1:8188/ws"
        );
        assert_eq!(
            Endpoint::new("http://gpu/comfy".into()).socket,
            "ws://gpu/comfy/ws"
        );
    }
}
