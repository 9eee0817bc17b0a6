//! The server's resident memory, read from outside as an operator would: `VmRSS` in
//! `/proc/<pid>/status`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

/// The resident memory of process `pid`, in MiB.
pub fn resident_mib(pid: u32) -> anyhow::Result<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("the server (pid {pid}) is gone"))?;
    let kib: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .context("no VmRSS line")?;
    Ok(kib / 1024.0)
}

/// Samples a process's resident memory every few milliseconds until dropped; the highest
/// seen so far.
pub struct PeakSampler {
    peak_kib: Arc<AtomicU64>,
    task: tokio::task::JoinHandle<()>,
}

impl PeakSampler {
    pub fn start(pid: u32) -> PeakSampler {
        let peak_kib = Arc::new(AtomicU64::new(0));
        let seen = peak_kib.clone();
        let task = tokio::spawn(async move {
            while let Ok(mib) = resident_mib(pid) {
                seen.fetch_max((mib * 1024.0) as u64, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        });
        PeakSampler { peak_kib, task }
    }

    pub fn peak_mib(&self) -> f64 {
        self.peak_kib.load(Ordering::Relaxed) as f64 / 1024.0
    }
}

impl Drop for PeakSampler {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Waits until `at` after `since`, then reads the resident memory and reports it as
/// `<key>_<seconds>s_mib`; for the "memory comes back" figures.
pub async fn report_at(
    pid: u32,
    key: &str,
    since: tokio::time::Instant,
    marks: &[u64],
) -> anyhow::Result<()> {
    for &at in marks {
        tokio::time::sleep_until(since + Duration::from_secs(at)).await;
        let mib = resident_mib(pid)?;
        eprintln!("{key}: {mib:.1} MiB resident {at} s after");
        crate::result(&format!("{key}_{at}s_mib"), format!("{mib:.1}"));
    }
    Ok(())
}
