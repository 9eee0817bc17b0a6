//! The real binaries: `atelier serve` with no embedded worker, one `atelier worker` in a
//! site's own pool and one in the shared pool. Jobs of two sites are submitted over the API;
//! the shared worker is killed with SIGKILL mid-job and started again. Every job ends
//! succeeded and charged once, and no job of the site without the shared pool ever went to
//! a shared worker (the server logs every hand-out).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use atelier_domain::{Email, JobStatus, Role, Slug, TenantId, User};
use atelier_store::{Actor, NewUser, Store};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::common::{repo_root, within, Db, TestDatabase};
use crate::on_both_databases;

on_both_databases!(
    a_worker_killed_mid_job_loses_nothing_and_pools_hold,
    a_worker_told_to_stop_gives_back_a_render_that_outlasts_its_grace,
);

const JOBS_PER_SITE: usize = 5;
/// Every job done, the killed worker's lease run out and its job redone, with room to spare.
const ALL_DONE_WITHIN: Duration = Duration::from_secs(120);

/// A settings file of the test's own: no embedded worker, short leases (long enough that a
/// heartbeat delayed on a busy machine does not lose one, and a pause for failures never
/// stops the pool mid-test), the repository's themes and models, and a tenants folder with pixelforge and `solo`, which may not use
/// the shared pool.
fn settings_file(dir: &Path) -> PathBuf {
    let root = repo_root();
    let tenants = dir.join("tenants");
    std::fs::create_dir_all(&tenants).unwrap_or_else(|e| panic!("{e}"));
    let pixelforge = std::fs::read_to_string(root.join("tenants/pixelforge.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(tenants.join("pixelforge.toml"), &pixelforge).unwrap_or_else(|e| panic!("{e}"));
    let solo = pixelforge
        .replace("slug = \"pixelforge\"", "slug = \"solo\"")
        .replace(
            "domains = [\"pixelforge.test\", \"www.pixelforge.test\"]",
            "domains = [\"solo.test\"]",
        )
        .replace("name = \"PixelForge\"", "name = \"Solo Studio\"")
        .replace("use_shared_pool = true", "use_shared_pool = false");
    assert!(solo.contains("use_shared_pool = false") && solo.contains("solo.test"));
    std::fs::write(tenants.join("solo.toml"), solo).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("atelier.toml");
    let text = format!(
        "themes_dir = {themes:?}\ntenants_dir = {tenants:?}\nrbac_model = {model:?}\n\
         rbac_policy = {policy:?}\nmodels = {models:?}\n\n[jobs]\nembedded_workers = 0\n\
         lease_secs = 10\nheartbeat_secs = 2\nactive_per_user = 10\n\
         pause_worker_after_failures = 100\n",
        themes = root.join("themes").display().to_string(),
        tenants = tenants.display().to_string(),
        model = root.join("config/rbac_model.conf").display().to_string(),
        policy = root.join("config/rbac_policy.csv").display().to_string(),
        models = root.join("config/models.json").display().to_string(),
    );
    std::fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
    file
}

/// `atelier serve` on a free port, its log (info) going to `log`; its base URL.
async fn serve(database: &TestDatabase, config: &Path, log: &Path) -> (Child, String) {
    let log = std::fs::File::create(log).unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .current_dir(repo_root())
        .env("ATELIER_DATABASE_URL", &database.url)
        .env("ATELIER_DATA_DIR", database.dir.path().join("data"))
        .env("ATELIER_CONFIG", config)
        .env_remove("ATELIER_LISTEN")
        .env_remove("ATELIER_BASE_DOMAIN")
        .env_remove("ATELIER_PLATFORM_HOST")
        .env("RUST_LOG", "info")
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(log)
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start atelier serve: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut line = String::new();
    within(
        Duration::from_secs(60),
        "waiting for atelier serve to say where it listens",
        BufReader::new(stdout).read_line(&mut line),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("atelier serve said {line:?}"))
        .to_owned();
    (child, url)
}

/// `atelier worker` with the demo backend (two seconds a render), logging to `log`.
fn worker(url: &str, token: &str, log: &Path) -> Child {
    let log = std::fs::File::create(log).unwrap_or_else(|e| panic!("{e}"));
    Command::new(env!("CARGO_BIN_EXE_atelier"))
        .env("RUST_LOG", "info")
        .env("ATELIER_WORKER_TOKEN", token)
        .args([
            "worker",
            "--server",
            url,
            "--backend",
            "demo",
            "--demo-step-ms",
            "200",
        ])
        .stdout(Stdio::null())
        .stderr(log)
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start atelier worker: {e}"))
}

async fn tenant(store: &Store, slug: &str) -> TenantId {
    store
        .find_tenant_by_slug(&Slug::parse(slug).unwrap_or_else(|e| panic!("{e}")))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant {slug}"))
        .id
}

/// A user of `tenant` with 10 credits and a personal API token.
async fn user_with_token(store: &Store, tenant: TenantId, email: &str) -> (User, String) {
    let now = atelier_domain::Timestamp(time_now());
    let user = store
        .create_user(
            &NewUser {
                tenant_id: Some(tenant),
                email: Email::parse(email).unwrap_or_else(|e| panic!("{e}")),
                name: String::new(),
                password_hash: "x".into(),
                role: Role::User,
                signup_bonus: 10,
                bonus_now: true,
                signup_ip: String::new(),
                language: None,
            },
            now,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let token = format!("atl_{}", uuid::Uuid::new_v4().simple());
    store
        .create_api_token(
            tenant,
            user.id,
            "e2e",
            &atelier_domain::hash_token(&token),
            5,
            now,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    (user, token)
}

fn time_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

async fn submit(url: &str, host: &str, token: &str, n: usize) -> String {
    let response = reqwest::Client::new()
        .post(format!("{url}/api/v1/jobs"))
        .header("host", host)
        .bearer_auth(token)
        .json(&serde_json::json!({ "prompt": format!("lighthouse number {n}"), "width": 64, "height": 64 }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    assert_eq!(status, 202, "{body}");
    body["id"].as_str().unwrap_or_default().to_owned()
}

async fn a_worker_killed_mid_job_loses_nothing_and_pools_hold(db: Db) {
    let database = TestDatabase::new(&db).await;
    let dir = database.dir.path().to_path_buf();
    let config = settings_file(&dir);
    let (_server, url) = serve(&database, &config, &dir.join("serve.log")).await;
    let store = Store::connect(&database.url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let (pixelforge, solo) = (
        tenant(&store, "pixelforge").await,
        tenant(&store, "solo").await,
    );
    let (shop, shop_token) = user_with_token(&store, pixelforge, "shop@pixelforge.example").await;
    let (artist, artist_token) = user_with_token(&store, solo, "artist@solo.example").await;
    let actor = Actor {
        id: shop.id,
        email: "shop@pixelforge.example".into(),
        address: "127.0.0.1".into(),
    };
    let now = atelier_domain::Timestamp(time_now());
    let (shared_token, solo_token) = ("atw_e2e_shared_token", "atw_e2e_solo_token");
    let shared_id = store
        .create_worker(
            None,
            "shared-gpu",
            &atelier_domain::hash_token(shared_token),
            &actor,
            now,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let solo_id = store
        .create_worker(
            Some(solo),
            "solo-gpu",
            &atelier_domain::hash_token(solo_token),
            &actor,
            now,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    let mut shared = worker(&url, shared_token, &dir.join("shared-1.log"));
    let _solo_worker = worker(&url, solo_token, &dir.join("solo.log"));
    let mut jobs: HashMap<String, &str> = HashMap::new();
    for n in 0..JOBS_PER_SITE {
        jobs.insert(
            submit(&url, "pixelforge.test", &shop_token, n).await,
            "pixelforge",
        );
        jobs.insert(submit(&url, "solo.test", &artist_token, n).await, "solo");
    }

    // Kill the shared worker while it holds a job, then start it again.
    within(
        Duration::from_secs(60),
        "the shared worker taking a job",
        async {
            loop {
                let held = store.find_worker(None, shared_id).await.ok().flatten();
                if held.is_some_and(|w| w.current_job.is_some()) {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        },
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    shared
        .start_kill()
        .unwrap_or_else(|e| panic!("SIGKILL: {e}"));
    let _ = shared.wait().await;
    let _shared_again = worker(&url, shared_token, &dir.join("shared-2.log"));

    let users = [(&shop, "pixelforge"), (&artist, "solo")];
    within(ALL_DONE_WITHIN, "every job ending", async {
        loop {
            let mut ended = 0;
            for (id, slug) in &jobs {
                let tenant_id = if *slug == "solo" { solo } else { pixelforge };
                let id = atelier_domain::JobId(
                    uuid::Uuid::parse_str(id).unwrap_or_else(|e| panic!("{e}")),
                );
                let job = store.find_job(tenant_id, None, id).await.ok().flatten();
                ended += usize::from(job.is_some_and(|j| !j.status.is_active()));
            }
            if ended == jobs.len() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    })
    .await;

    for (id, slug) in &jobs {
        let tenant_id = if *slug == "solo" { solo } else { pixelforge };
        let id = atelier_domain::JobId(uuid::Uuid::parse_str(id).unwrap_or_else(|e| panic!("{e}")));
        let job = store
            .find_job(tenant_id, None, id)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("job {id}"));
        assert_eq!(
            job.status,
            JobStatus::Succeeded,
            "{slug} job {id}: {}",
            job.error
        );
    }
    // Charged once each: 10 credits, less one per job, nothing held.
    for (user, slug) in users {
        let found = store
            .find_user(user.tenant_id, user.id)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("{slug} user"));
        assert_eq!(found.balance.get(), 10 - JOBS_PER_SITE as i64, "{slug}");
        let totals = store
            .active_totals(user.id)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((totals.held, totals.active_jobs), (0, 0), "{slug}");
    }
    // Every hand-out the server made: solo's jobs went to solo's worker only, and the killed
    // worker's job went out again.
    let log = std::fs::read_to_string(dir.join("serve.log")).unwrap_or_else(|e| panic!("{e}"));
    let mut given: HashMap<String, HashSet<String>> = HashMap::new();
    for line in log
        .lines()
        .filter(|l| l.contains("job handed to a remote worker"))
    {
        let field = |name: &str| {
            line.split_whitespace()
                .find_map(|w| w.strip_prefix(&format!("{name}=")))
                .map(str::to_owned)
                .unwrap_or_default()
        };
        given
            .entry(field("job"))
            .or_default()
            .insert(field("worker"));
    }
    let (shared_id, solo_id) = (shared_id.to_string(), solo_id.to_string());
    for (id, slug) in &jobs {
        let workers = given
            .get(id)
            .unwrap_or_else(|| panic!("job {id} was never handed out"));
        if *slug == "solo" {
            assert_eq!(workers, &HashSet::from([solo_id.clone()]), "solo job {id}");
        } else {
            assert_eq!(
                workers,
                &HashSet::from([shared_id.clone()]),
                "pixelforge job {id}"
            );
        }
    }
    let handed_out: usize = log
        .lines()
        .filter(|l| l.contains("job handed to a remote worker"))
        .count();
    assert!(
        handed_out > jobs.len(),
        "the killed worker's job should have gone out twice ({handed_out} hand-outs)"
    );
    store.close().await;
}

/// SIGTERM while a render runs: the worker claims nothing more, waits `--hand-back-after`,
/// then gives the job back without spending its attempt, and exits.
async fn a_worker_told_to_stop_gives_back_a_render_that_outlasts_its_grace(db: Db) {
    let app = crate::common::TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    let token = super::worker_token(&app, None, "gpu-leaving").await;
    let user = super::user_of(&app, "pixelforge", "leaving@pixelforge.example", 5).await;
    let id = super::queue_job(&app, &user, "demo-abstract", 64, 64).await;
    let log = app.database.dir.path().join("worker.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .env("RUST_LOG", "info")
        .args([
            "worker",
            "--server",
            &app.url(""),
            "--token",
            &token,
            "--backend",
            "demo",
            // Ten steps of two seconds: far longer than the grace below.
            "--demo-step-ms",
            "2000",
            "--hand-back-after",
            "1",
        ])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap_or_else(|e| panic!("{e}")))
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("atelier worker: {e}"));
    within(
        Duration::from_secs(30),
        "the worker taking the job",
        async {
            while super::job(&app, &user, id).await.status != JobStatus::Running {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        },
    )
    .await;
    let pid = child
        .id()
        .unwrap_or_else(|| panic!("the worker's pid"))
        .to_string();
    let sent = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .await
        .unwrap_or_else(|e| panic!("kill: {e}"));
    assert!(sent.success());
    let exited = within(Duration::from_secs(20), "the worker exiting", child.wait())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(exited.success(), "the worker exited with {exited}");
    let back = super::job(&app, &user, id).await;
    assert_eq!(
        (back.status, back.attempts),
        (JobStatus::Queued, 0),
        "the job should be queued again with its attempt unspent"
    );
    let said = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(said.contains("finishing the job in hand"), "{said}");
}
