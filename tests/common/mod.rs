//! The test harness: a fresh database per test on SQLite or PostgreSQL, the app served on a
//! port of its own, and an HTTP client that can pose as any host.

#![allow(dead_code)] // each test module uses its own part of the harness

pub mod browser;
pub mod smtp;
pub mod tenants;

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Once};
use std::time::Duration;

use atelier::App;
use atelier_config::{Settings, Sources};
use atelier_domain::{ManualClock, Timestamp};
use atelier_web::AppState;

/// The repository's root, where themes/, tenants/ and config/ live.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// 2026-11-27T10:00:00Z, a fixed start for the test clock.
pub const TEST_EPOCH: Timestamp = Timestamp(1_795_773_600_000);

/// Which database a test runs on.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite,
    /// A server URL able to create databases; each test gets a database of its own.
    Postgres(String),
}

static RUN_NOTICE: Once = Once::new();

impl Db {
    /// The PostgreSQL server for tests, from `ATELIER_TEST_POSTGRES_URL`. Whether the
    /// PostgreSQL tests run at all was settled when they were built (crates/atelier/build.rs:
    /// without the variable they are ignored as skipped); a PostgreSQL test that runs without
    /// a server fails, naming the variable.
    pub fn postgres() -> Db {
        let url = std::env::var("ATELIER_TEST_POSTGRES_URL")
            .ok()
            .filter(|url| !url.is_empty())
            .unwrap_or_else(|| {
                panic!(
                    "ATELIER_TEST_POSTGRES_URL is not set, so this PostgreSQL test cannot run \
                     (set it to postgres://user:pass@host/postgres, a role that may create \
                     databases; built without it, these tests are skipped)"
                )
            });
        RUN_NOTICE.call_once(|| {
            // Written past the test harness's capture so it is always seen.
            let _ = writeln!(
                std::io::stderr(),
                "\nPostgreSQL tests: running on {}\n",
                atelier_config::redact_url(&url)
            );
        });
        Db::Postgres(url)
    }
}

/// How long one end-to-end test may run before it fails as hung, instead of holding up the
/// whole suite: far above the slowest test on a busy 2-core machine.
pub const TEST_TIMEOUT: Duration = Duration::from_secs(300);

/// Awaits `future`, failing the test with `what` if it takes longer than `limit`. For every
/// wait on something the test does not control (a stream, a server, a child process).
#[track_caller]
pub fn within<T>(
    limit: Duration,
    what: impl std::fmt::Display,
    future: impl std::future::Future<Output = T>,
) -> impl std::future::Future<Output = T> {
    let caller = std::panic::Location::caller();
    async move {
        tokio::time::timeout(limit, future)
            .await
            .unwrap_or_else(|_| panic!("timed out after {limit:?} ({caller}): {what}"))
    }
}

/// Runs each named `async fn(Db)` as two tests, `<name>::sqlite` and `<name>::postgres`,
/// each bounded by [`TEST_TIMEOUT`]. The PostgreSQL one is ignored, with the reason shown
/// in the test's own line, when the suite was built without a server to run it on.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::common::within(
                    $crate::common::TEST_TIMEOUT,
                    concat!(module_path!(), "::sqlite"),
                    super::$name($crate::common::Db::Sqlite),
                )
                .await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[cfg_attr(
                atelier_skip_postgres,
                ignore = "SKIPPED: no PostgreSQL (build the tests with ATELIER_TEST_POSTGRES_URL set)"
            )]
            async fn postgres() {
                $crate::common::within(
                    $crate::common::TEST_TIMEOUT,
                    concat!(module_path!(), "::postgres"),
                    super::$name($crate::common::Db::postgres()),
                )
                .await
            }
        }
    )*};
}

/// A PostgreSQL database made for one test and dropped after it.
pub struct PgDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

/// Replaces the database name in a PostgreSQL URL, keeping its credentials and parameters.
pub fn with_database(url: &str, database: &str) -> String {
    let mut parsed =
        url::Url::parse(url).unwrap_or_else(|e| panic!("ATELIER_TEST_POSTGRES_URL: {e}"));
    parsed.set_path(&format!("/{database}"));
    parsed.to_string()
}

impl PgDatabase {
    pub async fn create(admin_url: &str) -> PgDatabase {
        use sqlx::Connection;
        let name = format!("atelier_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(admin_url)
            .await
            .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL server: {e}"));
        sqlx::query(&format!("create database {name}"))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
        let _ = conn.close().await;
        PgDatabase {
            admin_url: admin_url.to_owned(),
            url: with_database(admin_url, &name),
            name,
        }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop runs inside the test's runtime; do the async clean-up on a thread of its own.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                use sqlx::Connection;
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(&format!("drop database if exists {name} with (force)"))
                        .execute(&mut conn)
                        .await;
                    let _ = conn.close().await;
                }
            });
        })
        .join();
    }
}

/// A database for one test: its URL and what keeps it alive.
pub struct TestDatabase {
    pub url: String,
    pub dir: tempfile::TempDir,
    _pg: Option<PgDatabase>,
}

impl TestDatabase {
    pub async fn new(db: &Db) -> TestDatabase {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        match db {
            Db::Sqlite => TestDatabase {
                url: format!("sqlite://{}", dir.path().join("atelier.db").display()),
                dir,
                _pg: None,
            },
            Db::Postgres(admin) => {
                let pg = PgDatabase::create(admin).await;
                TestDatabase {
                    url: pg.url.clone(),
                    dir,
                    _pg: Some(pg),
                }
            }
        }
    }
}

/// Settings for a test: the repository's themes and tenants, a private data folder.
pub fn test_settings(database: &TestDatabase, extra_toml: &str) -> Settings {
    let root = repo_root();
    let toml = format!(
        "data_dir = {data:?}\nthemes_dir = {themes:?}\ntenants_dir = {tenants:?}\n\
         rbac_model = {model:?}\nrbac_policy = {policy:?}\nmodels = {models:?}\n{extra_toml}\n",
        data = database.dir.path().join("data").display().to_string(),
        themes = root.join("themes").display().to_string(),
        tenants = root.join("tenants").display().to_string(),
        model = root.join("config/rbac_model.conf").display().to_string(),
        policy = root.join("config/rbac_policy.csv").display().to_string(),
        models = root.join("config/models.json").display().to_string(),
    );
    let path = database.dir.path().join("atelier.toml");
    std::fs::write(&path, toml).unwrap_or_else(|e| panic!("write settings: {e}"));
    let url = database.url.clone();
    Settings::load(Sources {
        file: Some(&path),
        env: &move |key| (key == "ATELIER_DATABASE_URL").then(|| url.clone()),
    })
    .unwrap_or_else(|e| panic!("test settings: {e}"))
}

/// The application running on a port of its own.
pub struct TestApp {
    pub addr: SocketAddr,
    pub state: AppState,
    pub clock: Arc<ManualClock>,
    pub client: reqwest::Client,
    pub database: TestDatabase,
    app_handle: App,
    _server: AbortOnDrop,
}

/// Runs `statement` on a connection of its own to the database at `url`, and returns how
/// the database answered.
pub async fn execute_raw(url: &str, statement: &str) -> Result<u64, sqlx::Error> {
    use sqlx::Connection;
    if url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(url).await?;
        let done = sqlx::query(statement).execute(&mut conn).await;
        let _ = conn.close().await;
        done.map(|r| r.rows_affected())
    } else {
        let mut conn = sqlx::PgConnection::connect(url).await?;
        let done = sqlx::query(statement).execute(&mut conn).await;
        let _ = conn.close().await;
        done.map(|r| r.rows_affected())
    }
}

/// Stops the server task when the test app goes away.
struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl TestApp {
    pub async fn start(db: Db) -> TestApp {
        TestApp::start_with(db, "").await
    }

    /// Starts with extra lines appended to the settings file.
    pub async fn start_with(db: Db, extra_toml: &str) -> TestApp {
        let database = TestDatabase::new(&db).await;
        let settings = test_settings(&database, extra_toml);
        TestApp::start_on(database, settings).await
    }

    pub async fn start_on(database: TestDatabase, settings: Settings) -> TestApp {
        TestApp::launch(database, settings, false).await.0
    }

    /// Starts with extra settings lines as `atelier serve` does: HTTP and the supervised
    /// background tasks (mailer, clean-up, reaper, embedded workers), until `Serving::stop`.
    pub async fn serve_with(db: Db, extra_toml: &str) -> (TestApp, Serving) {
        let database = TestDatabase::new(&db).await;
        let settings = test_settings(&database, extra_toml);
        let (app, serving) = TestApp::launch(database, settings, true).await;
        (app, serving.unwrap_or_else(|| panic!("not serving")))
    }

    /// Serves only the router, or, when `whole`, `App::serve` with a shutdown it hands back.
    async fn launch(
        database: TestDatabase,
        settings: Settings,
        whole: bool,
    ) -> (TestApp, Option<Serving>) {
        let clock = Arc::new(ManualClock::new(TEST_EPOCH));
        let app = App::build(settings, clock.clone())
            .await
            .unwrap_or_else(|e| panic!("app start: {e:#}"));
        let state = app.state.clone();
        let app_handle = App {
            state: state.clone(),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let addr = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("addr: {e}"));
        let (server, serving) = if whole {
            let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
            let done = tokio::spawn(app.serve(listener, async move {
                let _ = stopped.await;
            }));
            let server = done.abort_handle();
            (server, Some(Serving { stop, done }))
        } else {
            let router = app.router();
            let server = tokio::spawn(async move {
                let _ = axum::serve(
                    listener,
                    router.into_make_service_with_connect_info::<SocketAddr>(),
                )
                .await;
            });
            (server.abort_handle(), None)
        };
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("client: {e}"));
        let app = TestApp {
            addr,
            state,
            clock,
            client,
            database,
            app_handle,
            _server: AbortOnDrop(server),
        };
        (app, serving)
    }

    /// A worker of this app's shared pool, run step by step with `run_once`.
    pub fn worker(
        &self,
        backend: std::sync::Arc<dyn atelier_worker::Backend>,
    ) -> atelier_worker::EmbeddedWorker {
        self.app_handle.worker("test-worker", backend)
    }

    /// One pass of the reaper: deadlines and expired leases enforced as of the test clock.
    pub async fn reap(&self) -> atelier_store::ReapReport {
        self.app_handle
            .reaper()
            .reap_once()
            .await
            .unwrap_or_else(|e| panic!("reaping: {e}"))
    }

    /// Runs `statement` on the test's database, beside the app (to break or inspect it).
    pub async fn execute_sql(&self, statement: &str) -> u64 {
        execute_raw(&self.database.url, statement)
            .await
            .unwrap_or_else(|e| panic!("{statement}: {e}"))
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// GET `path` as if the browser had asked for `host`.
    pub async fn get(&self, host: &str, path: &str) -> Page {
        let response = self
            .client
            .get(self.url(path))
            .header("host", host)
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {host}{path}: {e}"));
        Page::read(response).await
    }
}

/// An app started by `TestApp::serve_with`: its shutdown signal and the end of its serving.
pub struct Serving {
    stop: tokio::sync::oneshot::Sender<()>,
    done: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Serving {
    /// Signals shutdown, as SIGTERM does, and waits for `App::serve` to return; panics if it
    /// takes longer than `within` or fails.
    pub async fn shut_down_within(self, within: std::time::Duration) {
        let _ = self.stop.send(());
        match tokio::time::timeout(within, self.done).await {
            Err(_) => panic!("the app did not shut down within {within:?}"),
            Ok(Err(e)) => panic!("the serving task ended badly: {e}"),
            Ok(Ok(Err(e))) => panic!("serving failed: {e:#}"),
            Ok(Ok(Ok(()))) => {}
        }
    }
}

/// A response read whole.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub async fn read(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.text().await.unwrap_or_default();
        Page {
            status,
            headers,
            body,
        }
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The body with minijinja's escaped slashes (`&#x2f;`) read back as `/`.
    pub fn text(&self) -> String {
        self.body.replace("&#x2f;", "/")
    }

    /// Where the link whose text starts with `label` leads (read back from its escapes).
    pub fn link_to(&self, label: &str) -> Option<String> {
        let text = self.text().replace("&amp;", "&");
        let before = text.split(&format!(">{label}")).next()?;
        if before.len() == text.len() {
            return None;
        }
        let href = before.rsplit("href=\"").next()?;
        href.split('"').next().map(str::to_owned)
    }

    /// The values of `attribute="…"` in the page (or in its part after `from` when given),
    /// in order, each once.
    pub fn attribute_values(&self, attribute: &str, from: Option<&str>) -> Vec<String> {
        let text = self.text();
        let text = from
            .and_then(|start| text.split_once(start).map(|(_, rest)| rest.to_owned()))
            .unwrap_or(text);
        let mut values: Vec<String> = Vec::new();
        for rest in text.split(&format!("{attribute}=\"")).skip(1) {
            let value = rest.split('"').next().unwrap_or_default().to_owned();
            if !values.contains(&value) {
                values.push(value);
            }
        }
        values
    }

    #[track_caller]
    pub fn assert_contains(&self, needle: &str) {
        assert!(
            self.text().contains(needle),
            "expected {needle:?} in the page (status {}):\n{}",
            self.status,
            &self.body[..self.body.len().min(3000)]
        );
    }

    #[track_caller]
    pub fn assert_lacks(&self, needle: &str) {
        assert!(
            !self.text().contains(needle),
            "did not expect {needle:?} in the page (status {})",
            self.status
        );
    }
}

#[test]
fn test_databases_keep_the_servers_credentials_and_parameters() {
    assert_eq!(
        with_database(
            "postgres://atelier_ci:atelier_ci@127.0.0.1:5432/postgres?sslmode=disable",
            "atelier_test_1"
        ),
        "postgres://atelier_ci:atelier_ci@127.0.0.1:5432/atelier_test_1?sslmode=disable"
    );
    assert_eq!(
        with_database("postgres://u:p@db", "atelier_test_2"),
        "postgres://u:p@db/atelier_test_2"
    );
}
