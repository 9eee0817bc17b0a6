//! The load benchmark's own client (`bench/load/run.sh` drives it): what wrk cannot do.
//! It seeds the people of the run over HTTP as browsers and scripts would, holds thousands of
//! live-status streams open, measures jobs per second from submission to the last finished
//! job, fires a burst of sign-ins while it samples the server's resident memory, and walks
//! keyset pages to their end.
//!
//! Every figure goes to standard output as a line `result <key> <value>`, for the script's
//! table; progress goes to standard error. Each command fails (non-zero) when its scenario
//! could not run, never because a figure missed its target.

mod jobs;
mod memory;
mod pages;
mod seed;
mod sign_ins;
mod streams;
mod throughput;
mod visitor;
mod watch;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "load_client",
    about = "The load benchmark's client (bench/load/run.sh)"
)]
struct Cli {
    /// The server's address, e.g. http://127.0.0.1:8080
    #[arg(long, global = true, default_value = "http://127.0.0.1:8080")]
    base: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Registers the people of the run and writes who they are into a folder
    Seed(seed::SeedOptions),
    /// Jobs per second of other users with no live-status streams open, then with many open,
    /// and the server's memory with them open and after they close
    Streams(watch::StreamsOptions),
    /// Many sign-ins at once; the server's memory during and after
    SignIns(sign_ins::SignInOptions),
    /// Follows a list's "Older" links from its first page; prints the last page's path
    LastPage(pages::LastPageOptions),
    /// Submits many jobs through the API, several at a time
    Submit(jobs::SubmitOptions),
    /// Waits until none of an API token's jobs is queued or running; counts them
    WaitForJobs(jobs::WaitOptions),
}

/// Where a scenario's people live: the site's host name, sent as `Host`.
#[derive(Args, Clone)]
pub struct SiteOptions {
    /// The shared-pool tenant's host, whose jobs the embedded workers render
    #[arg(long, default_value = "crowd.localhost")]
    crowd_host: String,
    /// The tenant with its own pool, whose jobs stay queued on this node
    #[arg(long, default_value = "contest.localhost")]
    contest_host: String,
}

/// The folder `seed` writes and the other commands read.
#[derive(Args, Clone)]
pub struct CastOptions {
    #[arg(long, value_name = "DIR")]
    cast: PathBuf,
}

/// A client for many connections to one server: no redirects followed (the scenarios read
/// `Location` and `Set-Cookie` themselves), no idle connection kept past a burst.
pub fn http_client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(120))
        .build()?)
}

/// Prints one figure for the script's table.
pub fn result(key: &str, value: impl std::fmt::Display) {
    println!("result {key} {value}");
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let base = cli.base.trim_end_matches('/').to_owned();
    match cli.command {
        Command::Seed(options) => seed::run(&base, options).await,
        Command::Streams(options) => watch::run(&base, options).await,
        Command::SignIns(options) => sign_ins::run(&base, options).await,
        Command::LastPage(options) => pages::last_page(&base, options).await,
        Command::Submit(options) => jobs::submit(&base, options).await,
        Command::WaitForJobs(options) => jobs::wait_for_jobs(&base, options).await,
    }
}
