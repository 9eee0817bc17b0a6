//! Jobs per second as the people who submit them see it: every producer submits jobs
//! through the API one after another for a set time, all producers at once, and the clock
//! stops when the last of those jobs has finished. A window of time rather than a number of
//! jobs: on a saturated server a few jobs take as long as thousands on an idle one. The
//! embedded workers claim fairly (a turn per user), so a producer's last job is among the
//! last to run.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::bail;
use futures_util::future::join_all;

use crate::visitor::ApiScript;

/// How long the submitted jobs may take to finish after the window before the measurement
/// counts as stuck.
const GIVE_UP_AFTER: Duration = Duration::from_secs(600);

pub struct Throughput {
    pub jobs: usize,
    /// From the first submission to the last job finished.
    pub seconds: f64,
    /// Jobs of this measurement that did not succeed.
    pub not_succeeded: usize,
    /// Submissions the server did not accept.
    pub refused: usize,
}

impl Throughput {
    pub fn jobs_per_second(&self) -> f64 {
        self.jobs as f64 / self.seconds
    }
}

pub async fn measure(producers: &[ApiScript], window: Duration) -> anyhow::Result<Throughput> {
    let started = Instant::now();
    let refused = AtomicUsize::new(0);
    let submitted = join_all(producers.iter().enumerate().map(|(p, api)| {
        let refused = &refused;
        async move {
            let mut jobs = Vec::new();
            while started.elapsed() < window {
                let prompt = format!("producer {p}, image {}: a harbour at night", jobs.len());
                match api.submit_job(&prompt).await {
                    Ok(id) => jobs.push(id),
                    // An overloaded server may answer 503 (its request timeout): the
                    // producer tries again, as a script would.
                    Err(e) => {
                        if refused.fetch_add(1, Ordering::Relaxed) < 3 {
                            eprintln!("throughput: a submission failed: {e:#}");
                        }
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
            }
            jobs
        }
    }))
    .await;
    let jobs = submitted.iter().map(Vec::len).sum();
    if jobs == 0 {
        bail!("no job was accepted in {window:?}");
    }

    let mut waiting: Vec<(&ApiScript, &String)> = producers
        .iter()
        .zip(&submitted)
        .filter_map(|(api, jobs)| Some((api, jobs.last()?)))
        .collect();
    while !waiting.is_empty() {
        if started.elapsed() > window + GIVE_UP_AFTER {
            bail!(
                "{} producers' last jobs were still unfinished {GIVE_UP_AFTER:?} after they were submitted",
                waiting.len()
            );
        }
        let mut still = Vec::new();
        for (api, id) in waiting {
            // A failed look (503 under load) is simply a look again.
            if !api.job(id).await.is_ok_and(|job| job.is_final()) {
                still.push((api, id));
            }
        }
        waiting = still;
        if !waiting.is_empty() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let mut not_succeeded = 0;
    for (api, jobs) in producers.iter().zip(&submitted) {
        not_succeeded += count_not_succeeded(api, jobs.len()).await?;
    }
    Ok(Throughput {
        jobs,
        seconds,
        not_succeeded,
        refused: refused.into_inner(),
    })
}

/// Of a producer's newest `newest` jobs (this measurement's), how many did not succeed,
/// once none is running any more.
async fn count_not_succeeded(api: &ApiScript, newest: usize) -> anyhow::Result<usize> {
    let settle_by = Instant::now() + Duration::from_secs(60);
    loop {
        let (mut seen, mut unfinished, mut not_succeeded) = (0, 0, 0);
        let mut cursor: Option<String> = None;
        while seen < newest {
            let Ok((jobs, next)) = api.list(cursor.as_deref()).await else {
                // Under load a list may time out: count again.
                unfinished += 1;
                break;
            };
            for job in jobs.iter().take(newest - seen) {
                if !job.is_final() {
                    unfinished += 1;
                } else if job.status != "succeeded" {
                    not_succeeded += 1;
                }
            }
            seen += jobs.len();
            match next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        if unfinished == 0 {
            return Ok(not_succeeded);
        }
        if Instant::now() > settle_by {
            bail!("{unfinished} jobs were still queued or running a minute after the last ones finished");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
