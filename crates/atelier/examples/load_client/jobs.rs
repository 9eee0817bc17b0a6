//! One person's jobs in bulk, through the API: submitted many at a time (the history
//! user's 20,000), then waited for and counted.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::bail;
use clap::Args;
use futures_util::{StreamExt, TryStreamExt};

use crate::result;
use crate::visitor::ApiScript;

#[derive(Args)]
pub struct SubmitOptions {
    /// The site's host
    #[arg(long)]
    host: String,
    /// The API token that submits
    #[arg(long)]
    token: String,
    /// Jobs to submit
    #[arg(long)]
    count: usize,
    /// Submissions at a time
    #[arg(long, default_value_t = 8)]
    at_once: usize,
}

pub async fn submit(base: &str, options: SubmitOptions) -> anyhow::Result<()> {
    let client = crate::http_client()?;
    let api = ApiScript::new(&client, base, &options.host, &options.token);
    let started = Instant::now();
    let done = AtomicUsize::new(0);
    futures_util::stream::iter(0..options.count)
        .map(|n| {
            let (api, done) = (&api, &done);
            async move {
                api.submit_job(&format!("history entry {n}: a quiet street in the rain"))
                    .await?;
                let so_far = done.fetch_add(1, Ordering::Relaxed) + 1;
                if so_far % 5000 == 0 {
                    eprintln!("submit: {so_far} jobs ({:.1?})", started.elapsed());
                }
                anyhow::Ok(())
            }
        })
        .buffer_unordered(options.at_once)
        .try_collect::<Vec<()>>()
        .await?;
    eprintln!(
        "submit: {} jobs in {:.1?}",
        options.count,
        started.elapsed()
    );
    Ok(())
}

#[derive(Args)]
pub struct WaitOptions {
    /// The site's host
    #[arg(long)]
    host: String,
    /// The API token whose jobs are waited for
    #[arg(long)]
    token: String,
    /// Names the figures (`<key>_jobs`, `<key>_succeeded`)
    #[arg(long)]
    key: String,
    /// Give up after this many seconds
    #[arg(long, default_value_t = 900)]
    within: u64,
}

pub async fn wait_for_jobs(base: &str, options: WaitOptions) -> anyhow::Result<()> {
    let client = crate::http_client()?;
    let api = ApiScript::new(&client, base, &options.host, &options.token);
    let deadline = Instant::now() + Duration::from_secs(options.within);
    loop {
        // The newest job runs last: wait for it cheaply before counting them all.
        let (newest, _) = api.list(None).await?;
        if newest.iter().any(|job| !job.is_final()) {
            if Instant::now() > deadline {
                bail!("jobs still unfinished after {} s", options.within);
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
            continue;
        }
        let (mut total, mut succeeded, mut active) = (0, 0, 0);
        let mut cursor: Option<String> = None;
        loop {
            let (jobs, next) = api.list(cursor.as_deref()).await?;
            total += jobs.len();
            succeeded += jobs.iter().filter(|j| j.status == "succeeded").count();
            active += jobs.iter().filter(|j| !j.is_final()).count();
            match next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        if active == 0 {
            eprintln!("{}: {total} jobs, {succeeded} succeeded", options.key);
            result(&format!("{}_jobs", options.key), total);
            result(&format!("{}_succeeded", options.key), succeeded);
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("{active} jobs still unfinished after {} s", options.within);
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
