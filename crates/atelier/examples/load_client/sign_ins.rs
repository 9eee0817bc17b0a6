//! A burst of sign-ins: people open the sign-in page, then all press "Sign in" at the same
//! moment, each from an address of their own. The server's resident memory is sampled every
//! few milliseconds during the burst and read again at marks after it.

use std::time::Instant;

use anyhow::{bail, Context};
use clap::Args;
use futures_util::future::join_all;

use crate::memory::{report_at, resident_mib, PeakSampler};
use crate::visitor::{address, csrf_token, Visitor};
use crate::watch::cast_lines;
use crate::{result, CastOptions, SiteOptions};

/// Addresses of the sign-in burst, apart from the sign-ups'.
const SIGN_INS: u8 = 4;

#[derive(Args)]
pub struct SignInOptions {
    #[command(flatten)]
    cast: CastOptions,
    #[command(flatten)]
    sites: SiteOptions,
    /// The server's process id, for its resident memory
    #[arg(long)]
    pid: u32,
    /// Sign-ins at the same moment (watchers of the seed)
    #[arg(long, default_value_t = 50)]
    count: usize,
    /// Seconds after the burst at which the memory is read
    #[arg(long, value_delimiter = ',', default_value = "1,10,30")]
    after: Vec<u64>,
}

pub async fn run(base: &str, options: SignInOptions) -> anyhow::Result<()> {
    let client = crate::http_client()?;
    let host = &options.sites.contest_host;
    let people = cast_lines(&options.cast.cast, "watchers.tsv")?;
    if people.len() < options.count {
        bail!(
            "{} sign-ins asked for, {} people seeded",
            options.count,
            people.len()
        );
    }
    // Everyone has the sign-in page open first, as a crowd waiting for a contest would.
    let mut ready = Vec::with_capacity(options.count);
    for (n, line) in people.iter().take(options.count).enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [email, password, ..] = fields[..] else {
            bail!("not a watcher line: {line}");
        };
        let mut visitor = Visitor::new(&client, base, host, address(SIGN_INS, n));
        let page = visitor.get("/login").await?;
        let token = csrf_token(&page.body)
            .with_context(|| format!("/login answered {} without a form token", page.status))?;
        ready.push((visitor, token, email.to_owned(), password.to_owned()));
    }

    result(
        "sign_ins_rss_before_mib",
        format!("{:.1}", resident_mib(options.pid)?),
    );
    let peak = PeakSampler::start(options.pid);
    let started = Instant::now();
    let answers = join_all(ready.into_iter().map(
        |(mut visitor, token, email, password)| async move {
            let sent = Instant::now();
            let answer = visitor
                .post_with_token(
                    "/login",
                    &token,
                    &[("email", &email), ("password", &password)],
                )
                .await;
            (answer.map(|a| a.status), sent.elapsed())
        },
    ))
    .await;
    let burst = started.elapsed();
    let done = tokio::time::Instant::now();
    // The last samples of the burst.
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let peak_mib = peak.peak_mib();
    drop(peak);

    let signed_in = answers.iter().filter(|(a, _)| matches!(a, Ok(303))).count();
    let mut refused: Vec<String> = answers
        .iter()
        .filter(|(a, _)| !matches!(a, Ok(303)))
        .map(|(a, _)| match a {
            Ok(status) => status.to_string(),
            Err(e) => format!("{e:#}"),
        })
        .collect();
    refused.dedup();
    let mut waits: Vec<f64> = answers
        .iter()
        .map(|(_, d)| d.as_secs_f64() * 1000.0)
        .collect();
    waits.sort_by(f64::total_cmp);
    eprintln!(
        "sign-ins: {signed_in} of {} signed in within {burst:.2?}; peak {peak_mib:.1} MiB{}",
        options.count,
        if refused.is_empty() {
            String::new()
        } else {
            format!("; others answered {}", refused.join(", "))
        }
    );
    result("sign_ins_ok", signed_in);
    result("sign_ins_seconds", format!("{:.2}", burst.as_secs_f64()));
    result("sign_ins_p50_ms", format!("{:.0}", waits[waits.len() / 2]));
    result(
        "sign_ins_max_ms",
        format!("{:.0}", waits.last().copied().unwrap_or_default()),
    );
    result("sign_ins_rss_peak_mib", format!("{peak_mib:.1}"));
    result(
        "sign_ins_refused",
        if refused.is_empty() {
            "none".to_owned()
        } else {
            refused.join(",").replace(' ', "_")
        },
    );
    report_at(options.pid, "sign_ins_after", done, &options.after).await?;
    // A refusal the server chose (a 503 when too many wait to be checked) is a figure; a
    // burst in which nobody got in, or a connection that failed, is a scenario that did not run.
    if signed_in == 0 || answers.iter().any(|(a, _)| a.is_err()) {
        bail!("the sign-in burst did not run: {}", refused.join(", "));
    }
    Ok(())
}
