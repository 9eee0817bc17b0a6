//! The people of a run, made over HTTP as they would make themselves: each signs up on the
//! sign-up form from an address of their own and is signed in by it; scripts make their API
//! tokens on the account page. Written into the cast folder for the other commands and for
//! the script's wrk runs:
//!
//! - `cast.env`: shell assignments for wrk: a reader (a signed-in page, a finished job), a
//!   queued job on the contest site, and the history user (20,000 submissions later);
//! - `producers.tsv`: the API tokens of the people whose jobs are counted per second;
//! - `watchers.tsv`: email, password, address and session cookie of each watcher.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Args;
use futures_util::{StreamExt, TryStreamExt};

use crate::visitor::{address, ApiScript, Visitor};
use crate::{CastOptions, SiteOptions};

#[derive(Args)]
pub struct SeedOptions {
    #[command(flatten)]
    cast: CastOptions,
    #[command(flatten)]
    sites: SiteOptions,
    /// People who watch their queued jobs on the contest site
    #[arg(long, default_value_t = 1000)]
    watchers: usize,
    /// People whose jobs are counted per second, each with an API token
    #[arg(long, default_value_t = 8)]
    producers: usize,
    /// Sign-ups at once (each hashes a password)
    #[arg(long, default_value_t = 4)]
    concurrency: usize,
}

/// Address groups, so no two people of the run share an address.
const ONE_OFF: u8 = 1;
const PRODUCERS: u8 = 2;
pub const WATCHERS: u8 = 3;

fn password(n: usize) -> String {
    format!("amber-harbour-{n}-violet-quartz")
}

/// A person signed up on `host`, signed in, with their password.
async fn sign_up(
    client: &reqwest::Client,
    base: &str,
    host: &str,
    email: &str,
    from: String,
    n: usize,
) -> anyhow::Result<(Visitor, String)> {
    let mut visitor = Visitor::new(client, base, host, from);
    let password = password(n);
    visitor.register("Load Tester", email, &password).await?;
    Ok((visitor, password))
}

fn quoted(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

pub async fn run(base: &str, options: SeedOptions) -> anyhow::Result<()> {
    let client = crate::http_client()?;
    let SiteOptions {
        crowd_host,
        contest_host,
    } = &options.sites;
    let dir = &options.cast.cast;
    std::fs::create_dir_all(dir)?;
    let started = Instant::now();

    // The reader: a signed-in page and a finished job, on the shared pool.
    let (mut reader, reader_password) = sign_up(
        &client,
        base,
        crowd_host,
        "reader@load.test",
        address(ONE_OFF, 1),
        1,
    )
    .await?;
    let reader_token = reader.make_api_token(&reader_password).await?;
    let reader_api = ApiScript::new(&client, base, crowd_host, &reader_token);
    let finished = reader_api.submit_job("a lighthouse at dusk").await?;
    let deadline = Instant::now() + Duration::from_secs(60);
    while !reader_api.job(&finished).await?.is_final() {
        if Instant::now() > deadline {
            bail!("the reader's job {finished} did not finish within 60 s: are the embedded workers running?");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let finished_status = reader_api.job(&finished).await?.status;
    if finished_status != "succeeded" {
        bail!("the reader's job {finished} ended {finished_status}");
    }

    // A queued job: the contest site has no shared pool, so it waits.
    let (mut queuer, queuer_password) = sign_up(
        &client,
        base,
        contest_host,
        "queuer@load.test",
        address(ONE_OFF, 2),
        2,
    )
    .await?;
    let queued_token = queuer.make_api_token(&queuer_password).await?;
    let queued = ApiScript::new(&client, base, contest_host, &queued_token)
        .submit_job("a lantern in the fog")
        .await?;

    // The history user submits 20,000 jobs later (wrk), through this token.
    let (mut historian, historian_password) = sign_up(
        &client,
        base,
        crowd_host,
        "history@load.test",
        address(ONE_OFF, 3),
        3,
    )
    .await?;
    let history_token = historian.make_api_token(&historian_password).await?;

    let mut env = String::from("# Written by load_client seed.\n");
    for (key, value) in [
        ("READER_COOKIE", reader.session_cookie().unwrap_or_default()),
        ("READER_TOKEN", reader_token.as_str()),
        ("FINISHED_JOB", finished.as_str()),
        ("QUEUED_TOKEN", queued_token.as_str()),
        ("QUEUED_JOB", queued.as_str()),
        (
            "HISTORY_COOKIE",
            historian.session_cookie().unwrap_or_default(),
        ),
        ("HISTORY_TOKEN", history_token.as_str()),
    ] {
        writeln!(env, "{key}={}", quoted(value))?;
    }
    std::fs::write(dir.join("cast.env"), env)?;

    let producers: Vec<String> = futures_util::stream::iter(0..options.producers)
        .map(|n| {
            let client = &client;
            async move {
                let email = format!("producer{n}@load.test");
                let (mut visitor, password) = sign_up(
                    client,
                    base,
                    crowd_host,
                    &email,
                    address(PRODUCERS, n),
                    100 + n,
                )
                .await?;
                visitor.make_api_token(&password).await
            }
        })
        .buffer_unordered(options.concurrency)
        .try_collect()
        .await?;
    std::fs::write(dir.join("producers.tsv"), producers.join("\n") + "\n")?;
    eprintln!(
        "seed: reader, queuer, history user and {} producers in {:.1?}",
        producers.len(),
        started.elapsed()
    );

    let signing_up = Instant::now();
    let mut done = 0;
    let mut watchers = Vec::with_capacity(options.watchers);
    let mut sign_ups = futures_util::stream::iter(0..options.watchers)
        .map(|n| {
            let client = &client;
            async move {
                let email = format!("watcher{n}@load.test");
                let from = address(WATCHERS, n);
                let (visitor, password) =
                    sign_up(client, base, contest_host, &email, from.clone(), 1000 + n).await?;
                let cookie = visitor
                    .session_cookie()
                    .context("signed up without a session")?
                    .to_owned();
                anyhow::Ok(format!("{email}\t{password}\t{from}\t{cookie}"))
            }
        })
        .buffer_unordered(options.concurrency);
    while let Some(line) = sign_ups.next().await {
        watchers.push(line?);
        done += 1;
        if done % 200 == 0 {
            eprintln!(
                "seed: {done} watchers signed up ({:.1?})",
                signing_up.elapsed()
            );
        }
    }
    std::fs::write(dir.join("watchers.tsv"), watchers.join("\n") + "\n")?;
    crate::result("seed_watchers", watchers.len());
    crate::result(
        "seed_watcher_signups_per_s",
        format!(
            "{:.1}",
            watchers.len() as f64 / signing_up.elapsed().as_secs_f64()
        ),
    );
    eprintln!("seed: done in {:.1?}", started.elapsed());
    Ok(())
}
