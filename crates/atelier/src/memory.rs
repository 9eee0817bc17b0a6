//! Gives the memory a burst left behind back to the system.
//!
//! glibc's malloc keeps what a program frees for its next allocations, spread over one arena
//! per thread that ever allocated. After a crowd leaves (thousands of live-status streams
//! closed, each with its connection's buffers), a node would stay at its high-water mark
//! for good: 5,000 closed streams left 147 MB held. `malloc_trim` hands the free pages of
//! every arena back; it costs a millisecond or so, once every [`TRIM_EVERY`].
//! docs/PERFORMANCE.md ("Load from outside") has the figures.

use std::time::Duration;

use tokio::sync::watch;

/// How often freed memory is given back: well within the minute a node has to come back
/// down after a crowd.
const TRIM_EVERY: Duration = Duration::from_secs(20);

/// Gives freed memory back every [`TRIM_EVERY`] until `stopped`.
pub async fn give_back_freed_memory(mut stopped: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(TRIM_EVERY) => {}
            _ = stopped.wait_for(|stop| *stop) => return,
        }
        // Walks every arena under its lock: on the blocking pool, away from requests.
        let _ = tokio::task::spawn_blocking(trim).await;
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[expect(
    unsafe_code,
    reason = "malloc_trim is a C function; glibc offers no safe way to ask"
)]
fn trim() {
    // SAFETY: malloc_trim takes no pointer of ours and only rearranges glibc's own free
    // lists, under the arenas' locks; any thread may call it at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Other allocators (musl, macOS) give memory back by themselves, or offer no such call.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}
