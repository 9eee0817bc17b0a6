//! The live-status scenario: the contest's watchers queue their jobs and open a stream on
//! each, while other people's jobs run on the shared pool. Jobs per second of those others
//! with no stream open, then with every stream open; the server's resident memory with the
//! streams open and at marks after they close.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use clap::Args;
use futures_util::{StreamExt, TryStreamExt};

use crate::memory::{report_at, resident_mib, PeakSampler};
use crate::streams::{open_all, socket_address, Watched};
use crate::throughput::measure;
use crate::visitor::{csrf_token, excerpt, ApiScript, Visitor};
use crate::{result, CastOptions, SiteOptions};

#[derive(Args)]
pub struct StreamsOptions {
    #[command(flatten)]
    cast: CastOptions,
    #[command(flatten)]
    sites: SiteOptions,
    /// The server's process id, for its resident memory
    #[arg(long)]
    pid: u32,
    /// Jobs each watcher queues and watches (one stream each)
    #[arg(long, default_value_t = 5)]
    per_watcher: usize,
    /// Seconds the producers submit jobs for, per measurement
    #[arg(long, default_value_t = 15)]
    jobs_seconds: u64,
    /// Streams being opened at a time
    #[arg(long, default_value_t = 200)]
    open_at_once: usize,
    /// Seconds after the streams close at which the memory is read
    #[arg(long, value_delimiter = ',', default_value = "1,5,10,20,30,45,60")]
    after: Vec<u64>,
}

/// A percentage with one decimal, or two below 1 % (so that a collapse does not read 0.0).
fn percent(value: f64) -> String {
    if value < 1.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.1}")
    }
}

/// Reads a file of the cast folder, one entry a line.
pub fn cast_lines(dir: &Path, file: &str) -> anyhow::Result<Vec<String>> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "cannot read {}: run `load_client seed` first",
            path.display()
        )
    })?;
    Ok(text
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

/// One watcher's queued jobs, through the generate form as a browser submits them.
async fn queue_jobs(
    mut visitor: Visitor,
    cookie: String,
    count: usize,
) -> anyhow::Result<Vec<Watched>> {
    let form = visitor.get("/generate").await?;
    let token = csrf_token(&form.body)
        .with_context(|| format!("/generate answered {} without a form token", form.status))?;
    let mut watched = Vec::with_capacity(count);
    for n in 0..count {
        let prompt = format!("contest entry {n}: a fox made of paper");
        let answer = visitor
            .post_with_token(
                "/generate",
                &token,
                &[
                    ("prompt", &prompt),
                    ("negative_prompt", ""),
                    ("model", "demo-abstract"),
                    ("width", "64"),
                    ("height", "64"),
                    ("seed", ""),
                ],
            )
            .await?;
        let job = answer
            .location
            .as_deref()
            .and_then(|l| l.strip_prefix("/generate?job="))
            .with_context(|| {
                format!(
                    "the generate form answered {}: {}",
                    answer.status,
                    excerpt(&answer.body)
                )
            })?;
        watched.push(Watched {
            cookie: cookie.clone(),
            job: job.to_owned(),
        });
    }
    Ok(watched)
}

pub async fn run(base: &str, options: StreamsOptions) -> anyhow::Result<()> {
    let client = crate::http_client()?;
    let dir = &options.cast.cast;
    let SiteOptions {
        crowd_host,
        contest_host,
    } = &options.sites;
    let producers: Vec<ApiScript> = cast_lines(dir, "producers.tsv")?
        .iter()
        .map(|token| ApiScript::new(&client, base, crowd_host, token))
        .collect();
    let watchers = cast_lines(dir, "watchers.tsv")?;

    let queuing = Instant::now();
    let watched: Vec<Watched> = futures_util::stream::iter(watchers)
        .map(|line| {
            let client = &client;
            async move {
                let fields: Vec<&str> = line.split('\t').collect();
                let [_, _, address, cookie] = fields[..] else {
                    bail!("not a watcher line: {line}");
                };
                let visitor =
                    Visitor::signed_in(client, base, contest_host, address.to_owned(), cookie);
                queue_jobs(visitor, cookie.to_owned(), options.per_watcher).await
            }
        })
        .buffer_unordered(16)
        .try_collect::<Vec<_>>()
        .await?
        .into_iter()
        .flatten()
        .collect();
    eprintln!(
        "streams: {} jobs queued on the contest site in {:.1?}",
        watched.len(),
        queuing.elapsed()
    );
    result("watched_jobs", watched.len());

    result(
        "streams_rss_start_mib",
        format!("{:.1}", resident_mib(options.pid)?),
    );
    let window = Duration::from_secs(options.jobs_seconds);
    let without = measure(&producers, window).await?;
    eprintln!(
        "streams: none open: {} jobs in {:.2} s ({:.1} jobs/s)",
        without.jobs,
        without.seconds,
        without.jobs_per_second()
    );
    result("jobs_no_streams", without.jobs);
    result(
        "jobs_per_s_no_streams",
        format!("{:.1}", without.jobs_per_second()),
    );
    result("jobs_not_succeeded_no_streams", without.not_succeeded);
    result("jobs_refused_no_streams", without.refused);
    let before_streams = resident_mib(options.pid)?;
    result("streams_rss_before_mib", format!("{before_streams:.1}"));

    let opening = Instant::now();
    let streams = open_all(
        socket_address(base)?,
        contest_host,
        &watched,
        options.open_at_once,
    )
    .await;
    let open_seconds = opening.elapsed().as_secs_f64();
    eprintln!(
        "streams: {} open, {} failed, in {open_seconds:.1} s",
        streams.open_now(),
        streams.failed
    );
    result("streams_opened", streams.open_now());
    result("streams_failed", streams.failed);
    result("streams_open_seconds", format!("{open_seconds:.1}"));
    if streams.open_now() * 100 < watched.len() * 95 {
        bail!(
            "only {} of {} streams opened",
            streams.open_now(),
            watched.len()
        );
    }
    // Let the streams settle into their idle rhythm before reading the memory.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let with_open = resident_mib(options.pid)?;
    eprintln!("streams: {with_open:.1} MiB resident with them open");
    result("streams_rss_open_mib", format!("{with_open:.1}"));

    let peak = PeakSampler::start(options.pid);
    let with = measure(&producers, window).await?;
    eprintln!(
        "streams: {} open: {} jobs in {:.2} s ({:.1} jobs/s)",
        streams.open_now(),
        with.jobs,
        with.seconds,
        with.jobs_per_second()
    );
    result("jobs_with_streams", with.jobs);
    result(
        "jobs_per_s_with_streams",
        format!("{:.1}", with.jobs_per_second()),
    );
    result("jobs_not_succeeded_with_streams", with.not_succeeded);
    result("jobs_refused_with_streams", with.refused);
    result(
        "jobs_per_s_ratio_pct",
        percent(100.0 * with.jobs_per_second() / without.jobs_per_second()),
    );
    result(
        "streams_rss_peak_mib",
        format!("{:.1}", peak.peak_mib().max(with_open)),
    );
    drop(peak);
    result("streams_ended_by_server", streams.ended_by_server());
    result("streams_open_at_close", streams.open_now());

    streams.close_all();
    let closed = tokio::time::Instant::now();
    report_at(options.pid, "streams_closed", closed, &options.after).await
}
