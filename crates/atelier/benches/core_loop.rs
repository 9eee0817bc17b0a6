//! The core loop's performance, on SQLite and (with ATELIER_BENCH_POSTGRES_URL set, a role
//! that may create databases) PostgreSQL:
//!
//! 1. jobs per second through submit → claim → complete, with a no-op backend (it returns a
//!    ready 64×64 PNG; the worker still validates and stores it);
//! 2. the time from submit to claim by an idle worker (median and p99);
//! 3. the time a fair claim takes when most of the tenant's users are idle (median and p99).
//!
//! HTTP figures are not measured here: a client inside the server's process, on the same two
//! cores, flatters the server. They belong to a load generator in a process of its own.
//!
//! Run: `cargo bench -p atelier --bench core_loop`. Knobs: ATELIER_BENCH_JOBS (3000),
//! ATELIER_BENCH_WORKERS (8) and ATELIER_BENCH_SUBMITTERS (8) shape the throughput run;
//! ATELIER_BENCH_DATA_DIR puts the image folder elsewhere (a tmpfs, say);
//! ATELIER_BENCH_SKIP_SQLITE runs PostgreSQL alone; ATELIER_BENCH_IDLE_USERS (10000) and
//! ATELIER_BENCH_WAITING_USERS (8) shape the third.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use atelier::App;
use atelier_config::{Settings, Sources};
use atelier_domain::{
    Credits, Email, ImageSize, JobStatus, NewJob, Prompt, Role, Slug, SystemClock, TenantId, User,
};
use atelier_store::{NewUser, QueueRules};
use atelier_worker::{Backend, RenderContext, RenderFuture, RenderSpec};

type BenchResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Returns the same small PNG at once: measures the platform, not a renderer.
struct NoOp(Vec<u8>);

impl Backend for NoOp {
    fn render<'a>(&'a self, _: &'a RenderSpec, _: RenderContext<'a>) -> RenderFuture<'a> {
        let png = self.0.clone();
        Box::pin(async move { Ok(png) })
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn settings_for(url: &str, dir: &Path, images: &Path) -> BenchResult<Settings> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let file = dir.join("atelier.toml");
    let toml = format!(
        "data_dir = {:?}\nthemes_dir = {:?}\ntenants_dir = {:?}\nrbac_model = {:?}\nrbac_policy = {:?}\nmodels = {:?}\n\
         [jobs]\nactive_per_user = 100000\n[limits]\nlogin_per_ip_per_minute = 100000\n",
        images.join("data").display().to_string(),
        root.join("themes").display().to_string(),
        root.join("tenants").display().to_string(),
        root.join("config/rbac_model.conf").display().to_string(),
        root.join("config/rbac_policy.csv").display().to_string(),
        root.join("config/models.json").display().to_string(),
    );
    std::fs::write(&file, toml)?;
    let url = url.to_owned();
    Ok(Settings::load(Sources {
        file: Some(&file),
        env: &move |k| (k == "ATELIER_DATABASE_URL").then(|| url.clone()),
    })?)
}

/// The tenant every benchmark user belongs to.
async fn tenant(app: &App) -> BenchResult<TenantId> {
    let slug = Slug::parse("pixelforge")?;
    Ok(app
        .state
        .store
        .find_tenant_by_slug(&slug)
        .await?
        .ok_or("no tenant")?
        .id)
}

async fn user(app: &App, credits: i64, email: &str) -> BenchResult<(TenantId, User)> {
    let tenant = tenant(app).await?;
    let user = app
        .state
        .store
        .create_user(
            &new_user(tenant, credits, email)?,
            atelier_domain::Clock::now(&SystemClock),
        )
        .await?;
    Ok((tenant, user))
}

fn new_user(tenant: TenantId, credits: i64, email: &str) -> BenchResult<NewUser> {
    Ok(NewUser {
        tenant_id: Some(tenant),
        email: Email::parse(email)?,
        name: String::new(),
        password_hash: "unused".into(),
        role: Role::User,
        signup_bonus: credits,
        bonus_now: true,
        signup_ip: String::new(),
        language: None,
    })
}

fn job(n: usize) -> BenchResult<NewJob> {
    Ok(NewJob {
        prompt: Prompt::parse("prompt", &format!("benchmark job {n}"), true)?,
        negative_prompt: Prompt::parse("negative_prompt", "", false)?,
        model: "demo-abstract".into(),
        size: ImageSize {
            width: 64,
            height: 64,
        },
        seed: 1,
    })
}

/// What each benchmark job costs.
const COST: Credits = Credits::new(1);

const RULES: QueueRules = QueueRules {
    max_attempts: 3,
    deadline_ms: 3_600_000,
    active_cap: 100_000,
};

/// 1: jobs per second through the whole loop: `submitters` people submit at once while
/// `workers` workers drain the queue.
async fn throughput(
    app: &App,
    png: &[u8],
    jobs: usize,
    submitters: usize,
    workers: usize,
) -> BenchResult<f64> {
    let mut people = Vec::new();
    for i in 0..submitters {
        people.push(user(app, 100_000, &format!("throughput{i}@example.com")).await?);
    }
    let store = app.state.store.clone();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let backend: Arc<dyn Backend> = Arc::new(NoOp(png.to_vec()));
    let mut handles = Vec::new();
    for i in 0..workers {
        // As `atelier serve`'s embedded workers claim: the shared pool, the demo models.
        let mut worker = app.worker(&format!("bench-{i}"), backend.clone());
        worker.models = Some(demo_models(app));
        handles.push(tokio::spawn(worker.run(stopped.clone())));
    }
    let start = Instant::now();
    let per_person = jobs / submitters;
    let mut submits = Vec::new();
    for (tenant, person) in people.clone() {
        let (store, wake) = (store.clone(), app.state.queue_wake.clone());
        submits.push(tokio::spawn(async move {
            for n in 0..per_person {
                store
                    .submit_job(
                        tenant,
                        person.id,
                        &job(n)?,
                        COST,
                        RULES,
                        atelier_domain::Clock::now(&SystemClock),
                    )
                    .await?;
                wake.notify_one();
            }
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
        }));
    }
    for s in submits {
        s.await??;
    }
    println!(
        "  (all {} submitted after {:.0} ms)",
        per_person * submitters,
        ms(start.elapsed())
    );
    // Every 10 ms (coarse enough not to load the machine, fine enough for a run of
    // seconds), until everyone's last job is captured. A job charged twice takes a balance
    // past the mark, and a lost one never reaches it within the time limit: both fail.
    let expected = 100_000 - per_person as i64;
    let limit = Instant::now() + Duration::from_secs(120);
    for (tenant, person) in &people {
        loop {
            let fresh = store
                .find_user(Some(*tenant), person.id)
                .await?
                .ok_or("user gone")?;
            if fresh.balance.get() < expected {
                return Err(format!(
                    "{}: balance {} is below {expected}: a job was charged more than once",
                    fresh.email.as_str(),
                    fresh.balance
                )
                .into());
            }
            if fresh.balance == expected && fresh.held == 0 {
                break;
            }
            if Instant::now() > limit {
                return Err(format!(
                    "{}: balance {} (held {}) after 120 s, expected {expected}: a job was lost",
                    fresh.email.as_str(),
                    fresh.balance,
                    fresh.held
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    let elapsed = start.elapsed();
    // A job charged twice and another never charged would leave the balance right: so every
    // job must also have succeeded, with its image, and the ledger must add up.
    for (_, person) in &people {
        let jobs = store
            .list_jobs(person.id, None, per_person as i64 + 1)
            .await?;
        let done = jobs
            .iter()
            .filter(|j| j.status == JobStatus::Succeeded && j.image_id.is_some())
            .count();
        if done != per_person || jobs.len() != per_person {
            return Err(format!("{} of {} jobs succeeded with an image", done, jobs.len()).into());
        }
        if store.ledger_sum(person.id).await? != expected {
            return Err("the ledger does not add up to the balance".into());
        }
    }
    let _ = stop.send(true);
    for h in handles {
        h.await?;
    }
    Ok((per_person * submitters) as f64 / elapsed.as_secs_f64())
}

/// The models the embedded workers claim: the demo backend's.
fn demo_models(app: &App) -> Vec<String> {
    app.state.models.current().ids_for_backend("demo")
}

/// 2: from a job being queued to an idle worker claiming it.
async fn submit_to_claim(app: &App, png: &[u8], samples: usize) -> BenchResult<Vec<Duration>> {
    let (tenant, user) = user(app, 100_000, "latency@example.com").await?;
    let store = app.state.store.clone();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut worker = app.worker("bench-idle", Arc::new(NoOp(png.to_vec())));
    worker.models = Some(demo_models(app));
    let handle = tokio::spawn(worker.run(stopped));
    let mut events = app.state.job_events.subscribe();
    let mut latencies = Vec::with_capacity(samples);
    tokio::time::sleep(Duration::from_millis(100)).await; // the worker is idle and waiting
    for n in 0..samples {
        let job = store
            .submit_job(
                tenant,
                user.id,
                &job(n)?,
                COST,
                RULES,
                atelier_domain::Clock::now(&SystemClock),
            )
            .await?;
        let queued = Instant::now();
        app.state.queue_wake.notify_one();
        // The worker announces the job when it claims it.
        loop {
            let id = tokio::time::timeout(Duration::from_secs(10), events.recv())
                .await
                .map_err(|_| "no claim within 10 s of a submission")??;
            if id == job.id {
                break;
            }
        }
        latencies.push(queued.elapsed());
        // Let it finish and go idle again before the next sample.
        loop {
            let current = store
                .find_job(tenant, None, job.id)
                .await?
                .ok_or("job gone")?;
            if current.status == JobStatus::Succeeded {
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let _ = stop.send(true);
    handle.await?;
    latencies.sort();
    Ok(latencies)
}

/// 4: how long a fair claim takes when most of the tenant's users are idle: `idle` users who
/// signed up and never generate (never served, so first in the turn order), then `waiting`
/// who queue 200 jobs between them (at least one each); 200 jobs are claimed one at a time.
async fn claims_among_idle_users(
    app: &App,
    url: &str,
    idle: usize,
    waiting: usize,
) -> BenchResult<Vec<Duration>> {
    let tenant = tenant(app).await?;
    let mut signups = tokio::task::JoinSet::new();
    for lane in 0..16 {
        let store = app.state.store.clone();
        signups.spawn(async move {
            for i in (lane..idle).step_by(16) {
                let now = atelier_domain::Clock::now(&SystemClock);
                let email = format!("idle{i}@example.com");
                store
                    .create_user(&new_user(tenant, 0, &email)?, now)
                    .await?;
            }
            BenchResult::Ok(())
        });
    }
    while let Some(done) = signups.join_next().await {
        done??;
    }
    // A site gains its users over months, and autovacuum analyzes the tables long before it
    // has 10,000; here they sign up in seconds. So analyze as autovacuum would have: the figure
    // is what a claim costs on a site with that many users, not with plans made before they
    // came (those can scan `user_turns` until autovacuum's next visit, see docs/PERFORMANCE.md).
    if url.starts_with("postgres") {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(url).await?;
        sqlx::query("analyze users, user_turns")
            .execute(&mut conn)
            .await?;
    }
    let mut active = Vec::new();
    for i in 0..waiting {
        active.push(user(app, 1_000, &format!("active{i}@example.com")).await?.1);
    }
    let store = &app.state.store;
    for n in 0..(200 / waiting).max(1) {
        for user in &active {
            let now = atelier_domain::Clock::now(&SystemClock);
            store
                .submit_job(tenant, user.id, &job(n)?, COST, RULES, now)
                .await?;
        }
    }
    let models = demo_models(app);
    let mut latencies = Vec::with_capacity(200);
    for _ in 0..200 {
        let now = atelier_domain::Clock::now(&SystemClock);
        let start = Instant::now();
        store
            .claim_next_job("bench-claims", Some(&models), 60_000, now)
            .await?
            .ok_or("a claim found nothing")?;
        latencies.push(start.elapsed());
    }
    latencies.sort();
    Ok(latencies)
}

async fn run(label: &str, url: &str, dir: &Path) -> BenchResult<()> {
    // The data folder (images) goes where ATELIER_BENCH_DATA_DIR says, if set: on a
    // filesystem where creating files is pathologically slow (see docs/PERFORMANCE.md), a
    // tmpfs separates that from the code under test. The database stays in `dir`.
    let images = match std::env::var("ATELIER_BENCH_DATA_DIR") {
        Ok(parent) => tempfile::tempdir_in(parent)?,
        Err(_) => tempfile::tempdir_in(dir)?,
    };
    let settings = settings_for(url, dir, images.path()).await?;
    let app = App::build(settings, Arc::new(SystemClock)).await?;
    let png = atelier_worker::demo_png(&RenderSpec {
        prompt: "benchmark".into(),
        negative_prompt: String::new(),
        model: "demo-abstract".into(),
        width: 64,
        height: 64,
        seed: 1,
        job: String::new(),
        workflow: None,
    })
    .map_err(|e| e.message)?;

    let jobs = knob("ATELIER_BENCH_JOBS", 3000);
    let workers = knob("ATELIER_BENCH_WORKERS", 8);
    let submitters = knob("ATELIER_BENCH_SUBMITTERS", 8);
    let per_second = throughput(&app, &png, jobs, submitters, workers).await?;
    println!("[{label}] throughput: {jobs} jobs submit→claim→complete (no-op backend, {submitters} submitters, {workers} workers): {per_second:.0} jobs/s");

    let latencies = submit_to_claim(&app, &png, 300).await?;
    println!(
        "[{label}] submit→claim by an idle worker: n={} median={:.2} ms p99={:.2} ms max={:.2} ms",
        latencies.len(),
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.99)),
        ms(latencies[latencies.len() - 1]),
    );

    let idle = knob("ATELIER_BENCH_IDLE_USERS", 10_000);
    let waiting = knob("ATELIER_BENCH_WAITING_USERS", 8).max(1);
    let claims = claims_among_idle_users(&app, url, idle, waiting).await?;
    println!(
        "[{label}] fair claim among {idle} idle users, {waiting} waiting: n={} median={:.2} ms p99={:.2} ms",
        claims.len(),
        ms(percentile(&claims, 0.5)),
        ms(percentile(&claims, 0.99)),
    );
    app.state.store.close().await;
    Ok(())
}

/// A number from the environment, for trying other shapes of load.
fn knob(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> BenchResult<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let dir = tempfile::tempdir()?;
        let sqlite = format!("sqlite://{}", dir.path().join("bench.db").display());
        if std::env::var("ATELIER_BENCH_SKIP_SQLITE").is_err() {
            run("sqlite", &sqlite, dir.path()).await?;
        }
        if let Ok(admin) = std::env::var("ATELIER_BENCH_POSTGRES_URL") {
            use sqlx::Connection;
            let name = format!("atelier_bench_{}", uuid::Uuid::new_v4().simple());
            let mut conn = sqlx::PgConnection::connect(&admin).await?;
            sqlx::query(&format!("create database {name}")).execute(&mut conn).await?;
            let url = match admin.rsplit_once('/') {
                Some((base, _)) => format!("{base}/{name}"),
                None => return Err("ATELIER_BENCH_POSTGRES_URL needs a database path".into()),
            };
            let pg_dir = tempfile::tempdir()?;
            let result = run("postgres", &url, pg_dir.path()).await;
            let _ = sqlx::query(&format!("drop database {name} with (force)")).execute(&mut conn).await;
            result?;
        } else {
            println!("[postgres] skipped: set ATELIER_BENCH_POSTGRES_URL to a role that may create databases");
        }
        Ok(())
    })
}
