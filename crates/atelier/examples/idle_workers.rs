//! What a fleet of idle remote workers costs a server (bench/idle_workers.sh runs it):
//! makes `--workers` worker tokens in the server's database, then holds that many workers
//! long-polling the worker API with nothing to do, and samples the server's CPU time and
//! resident memory from /proc while they wait.
//!
//! `cargo run --release --example idle_workers -- --database URL --server URL --pid PID
//! [--workers 200] [--seconds 60]`; prints `result <key> <value>` lines.

use std::time::{Duration, Instant};

use atelier_domain::{hash_token, Timestamp};
use atelier_worker::WorkerApi;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

struct Options {
    database: String,
    server: String,
    pid: u32,
    workers: usize,
    seconds: u64,
}

fn options() -> Result<Options> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        database: String::new(),
        server: String::new(),
        pid: 0,
        workers: 200,
        seconds: 60,
    };
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--database" => options.database = value,
            "--server" => options.server = value,
            "--pid" => options.pid = value.parse()?,
            "--workers" => options.workers = value.parse()?,
            "--seconds" => options.seconds = value.parse()?,
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    if options.database.is_empty() || options.server.is_empty() || options.pid == 0 {
        return Err("--database, --server and --pid are needed".into());
    }
    Ok(options)
}

/// The process's CPU time (user + system), from /proc/PID/stat.
fn cpu_time(pid: u32) -> Result<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat
        .rsplit_once(')')
        .map(|(_, r)| r)
        .ok_or("odd /proc stat")?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11).ok_or("no utime")?.parse::<u64>()?
        + fields.get(12).ok_or("no stime")?.parse::<u64>()?;
    // The kernel's USER_HZ is 100 on every Linux we run on.
    Ok(Duration::from_millis(ticks * 10))
}

/// Resident memory in MiB, from /proc/PID/status.
fn rss_mib(pid: u32) -> Result<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .ok_or("no VmRSS")?
        .parse()?;
    Ok(kib / 1024.0)
}

#[tokio::main]
async fn main() -> Result<()> {
    let options = options()?;
    let store = atelier_store::Store::connect(&options.database).await?;
    // The account the tokens' audit rows name (the run's database is new).
    let owner = store
        .create_user(
            &atelier_store::NewUser {
                tenant_id: None,
                email: atelier_domain::Email::parse("bench-fleet@example.com")?,
                name: String::new(),
                password_hash: "x".into(),
                role: atelier_domain::Role::SuperAdmin,
                signup_bonus: 0,
                bonus_now: true,
                signup_ip: String::new(),
                language: None,
            },
            now(),
        )
        .await?;
    let actor = atelier_store::Actor {
        id: owner.id,
        email: "bench-fleet@example.com".into(),
        address: "127.0.0.1".into(),
    };
    let mut clients = Vec::with_capacity(options.workers);
    for n in 0..options.workers {
        let token = format!("atw_bench_{n}_{}", uuid::Uuid::new_v4().simple());
        store
            .create_worker(
                None,
                &format!("bench-{n}"),
                &hash_token(&token),
                &actor,
                now(),
            )
            .await?;
        clients.push(WorkerApi::new(&options.server, &token)?);
    }
    store.close().await;
    println!("result workers {}", options.workers);

    let (calls, errors) = (
        std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0)),
        std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0)),
    );
    for client in clients {
        let (calls, errors) = (calls.clone(), errors.clone());
        tokio::spawn(async move {
            loop {
                match client.claim("demo", None).await {
                    Ok(_) => calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                    Err(_) => {
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        errors.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                    }
                };
            }
        });
    }
    // Let every worker settle into its long poll before measuring.
    tokio::time::sleep(Duration::from_secs(10)).await;
    let (cpu_before, started) = (cpu_time(options.pid)?, Instant::now());
    let mut peak = rss_mib(options.pid)?;
    while started.elapsed() < Duration::from_secs(options.seconds) {
        tokio::time::sleep(Duration::from_secs(1)).await;
        peak = peak.max(rss_mib(options.pid)?);
    }
    let cpu = cpu_time(options.pid)? - cpu_before;
    let share = 100.0 * cpu.as_secs_f64() / started.elapsed().as_secs_f64();
    println!("result cpu_percent_of_one_core {share:.2}");
    println!("result rss_peak_mib {peak:.1}");
    println!("result rss_end_mib {:.1}", rss_mib(options.pid)?);
    println!(
        "result claims_answered {}",
        calls.load(std::sync::atomic::Ordering::Relaxed)
    );
    println!(
        "result claim_errors {}",
        errors.load(std::sync::atomic::Ordering::Relaxed)
    );
    Ok(())
}

fn now() -> Timestamp {
    Timestamp(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0),
    )
}
