//! The real `atelier` binary: serving from a fresh data folder, and the tenant commands.
//! Every wait on the child process is bounded, so a binary that hangs fails its test with
//! what it did not do.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::common::{repo_root, within, Db, Page, TestDatabase};
use crate::on_both_databases;

/// How long one command may take to exit; each migrates its database first.
const COMMAND_WITHIN: Duration = Duration::from_secs(60);
/// How long `atelier serve` may take to say where it listens: it migrates the database and
/// provisions the tenants first.
const START_WITHIN: Duration = Duration::from_secs(60);
/// How long the served binary may take to answer one request.
const ANSWER_WITHIN: Duration = Duration::from_secs(20);

on_both_databases!(
    the_binary_serves_the_demo_and_example_tenants_from_a_fresh_start,
    tenants_can_be_created_listed_and_exported_from_the_command_line,
);

/// The binary with the test's database and data folder; killed if the test lets go of it.
fn atelier(database: &TestDatabase) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_atelier"));
    command
        .current_dir(repo_root())
        .env("ATELIER_DATABASE_URL", &database.url)
        .env("ATELIER_DATA_DIR", database.dir.path().join("data"))
        .env("ATELIER_CONFIG", repo_root().join("config/atelier.toml"))
        .env_remove("ATELIER_LISTEN")
        .env_remove("ATELIER_BASE_DOMAIN")
        .env_remove("ATELIER_PLATFORM_HOST")
        .env("RUST_LOG", "warn")
        .kill_on_drop(true);
    command
}

/// Runs a command to the end; returns (success, stdout, stderr).
async fn run(command: &mut Command) -> (bool, String, String) {
    let args: Vec<String> = command
        .as_std()
        .get_args()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let out = within(
        COMMAND_WITHIN,
        format!("waiting for `atelier {}` to exit", args.join(" ")),
        command.output(),
    )
    .await
    .unwrap_or_else(|e| panic!("cannot run atelier: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A running `atelier serve`, killed when dropped.
pub(crate) struct Server {
    _child: Child,
}

/// Starts `atelier serve` on a free port and returns it with its base URL.
/// Creates a super-admin with the tests' password, as an operator does at the machine.
pub(crate) async fn create_super_admin(database: &TestDatabase, email: &str) {
    let (ok, out, err) = run(atelier(database)
        .args(["admin", "create", "--email", email])
        .env("ATELIER_ADMIN_PASSWORD", crate::accounts::PASSWORD))
    .await;
    assert!(ok, "atelier admin create: {out}\n{err}");
}

pub(crate) async fn serve(database: &TestDatabase) -> (Server, String) {
    let mut child = atelier(database)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start atelier serve: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let server = Server { _child: child };
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    let read = within(
        START_WITHIN,
        "waiting for `atelier serve` to say where it listens",
        reader.read_line(&mut line),
    )
    .await
    .unwrap_or_else(|e| panic!("reading the start line of atelier serve: {e}"));
    assert!(
        read > 0,
        "atelier serve exited without saying where it listens (its errors are on stderr)"
    );
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("atelier serve said {line:?}"))
        .to_owned();
    (server, url)
}

async fn get(url: &str, host: &str, path: &str) -> Page {
    let answer = async {
        let response = reqwest::Client::new()
            .get(format!("{url}{path}"))
            .header("host", host)
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {host}{path}: {e}"));
        Page::read(response).await
    };
    within(
        ANSWER_WITHIN,
        format!("waiting for atelier serve to answer GET {host}{path}"),
        answer,
    )
    .await
}

async fn the_binary_serves_the_demo_and_example_tenants_from_a_fresh_start(db: Db) {
    let database = TestDatabase::new(&db).await;
    let (_server, url) = serve(&database).await;
    let home = get(&url, "localhost:8080", "/").await;
    assert_eq!(home.status, 200);
    home.assert_contains("Atelier Demo");
    let pixelforge = get(&url, "pixelforge.test", "/").await;
    pixelforge.assert_contains("PixelForge");
    pixelforge.assert_contains("data-layout=\"default\"");
    let nocturne = get(&url, "nocturne.test", "/").await;
    nocturne.assert_contains("Nocturne Gallery");
    nocturne.assert_contains("data-layout=\"noir\"");
    assert_eq!(get(&url, "unknown.example", "/").await.status, 404);
    assert_eq!(get(&url, "localhost", "/healthz").await.status, 200);
    assert_eq!(get(&url, "localhost", "/readyz").await.status, 200);
    if matches!(db, Db::Sqlite) {
        assert!(database.dir.path().join("atelier.db").exists());
    }
}

async fn tenants_can_be_created_listed_and_exported_from_the_command_line(db: Db) {
    let database = TestDatabase::new(&db).await;
    let (ok, out, err) = run(atelier(&database).arg("migrate")).await;
    assert!(ok, "{err}");
    assert!(out.contains("up to date"), "{out}");
    assert!(
        !out.contains(":atelier@") || out.contains("***"),
        "password shown: {out}"
    );

    let (ok, out, err) = run(atelier(&database).args([
        "tenant",
        "create",
        "--slug",
        "acme",
        "--name",
        "Acme Images",
        "--domain",
        "images.acme.test",
        "--theme",
        "noir",
        "--credit-name",
        "Coin",
    ]))
    .await;
    assert!(ok, "{err}");
    assert!(out.contains("Created tenant acme"), "{out}");

    let (ok, _, err) =
        run(atelier(&database).args(["tenant", "create", "--slug", "acme", "--name", "Again"]))
            .await;
    assert!(!ok);
    assert!(err.contains("slug is already used"), "{err}");

    let (ok, _, err) = run(atelier(&database).args([
        "tenant", "create", "--slug", "bad", "--name", "Bad", "--theme", "nope",
    ]))
    .await;
    assert!(!ok);
    assert!(
        err.contains("settings.theme") && err.contains("nope"),
        "{err}"
    );

    let (ok, out, err) = run(atelier(&database).args(["tenant", "list"])).await;
    assert!(ok, "{err}");
    assert!(
        out.contains("acme") && out.contains("images.acme.test") && out.contains("noir"),
        "{out}"
    );

    let export = database.dir.path().join("acme.toml");
    let (ok, _, err) = run(atelier(&database)
        .args(["tenant", "export", "acme", "--output"])
        .arg(&export))
    .await;
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&export).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("slug = \"acme\""), "{text}");
    assert!(text.contains("credit_name = \"Coin\""), "{text}");
    assert!(text.contains("images.acme.test"), "{text}");

    // The exported file creates the same tenant elsewhere.
    let other = TestDatabase::new(&db).await;
    let (ok, out, err) = run(atelier(&other)
        .args(["tenant", "create", "--file"])
        .arg(&export))
    .await;
    assert!(ok, "{err}");
    assert!(out.contains("acme"), "{out}");
    let again = other.dir.path().join("again.toml");
    let (ok, _, err) = run(atelier(&other)
        .args(["tenant", "export", "acme", "--output"])
        .arg(&again))
    .await;
    assert!(ok, "{err}");
    let strip = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    assert_eq!(strip(&export), strip(&again));
}

#[tokio::test]
async fn check_config_passes_on_the_shipped_files_and_names_a_broken_field() {
    let db = TestDatabase::new(&Db::Sqlite).await;
    let (ok, out, err) = run(atelier(&db).arg("check-config")).await;
    assert!(ok, "{err}");
    assert!(out.contains("Settings are valid"), "{out}");
    assert!(out.contains("noir"), "{out}");

    let tenants = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        tenants.path().join("broken.toml"),
        "slug = \"broken\"\n[settings]\nname = \"Broken\"\ncolor_primary = \"reddish\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let config = tenants.path().join("atelier.toml");
    std::fs::write(
        &config,
        format!("tenants_dir = {:?}\n", tenants.path().display().to_string()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (ok, _, err) = run(atelier(&db)
        .env("ATELIER_CONFIG", &config)
        .arg("check-config"))
    .await;
    assert!(!ok);
    assert!(err.contains("broken.toml"), "{err}");
    assert!(err.contains("settings.color_primary"), "{err}");

    std::fs::write(&config, "listen = \"not an address\"\n").unwrap_or_else(|e| panic!("{e}"));
    let (ok, _, err) = run(atelier(&db)
        .env("ATELIER_CONFIG", &config)
        .arg("check-config"))
    .await;
    assert!(!ok);
    assert!(
        err.contains("atelier.toml") && err.contains("listen"),
        "{err}"
    );
}

#[tokio::test]
async fn super_admins_and_tenant_admins_are_made_from_the_command_line() {
    let database = TestDatabase::new(&Db::Sqlite).await;
    let (ok, out, err) = run(atelier(&database)
        .env("ATELIER_ADMIN_PASSWORD", "violet kettle under moonlight")
        .args(["admin", "create", "--email", "Root@Example.com"]))
    .await;
    assert!(ok, "{err}");
    assert!(
        out.contains("root@example.com") && out.contains("/login"),
        "{out}"
    );
    let (ok, _, err) = run(atelier(&database)
        .env("ATELIER_ADMIN_PASSWORD", "violet kettle under moonlight")
        .args(["admin", "create", "--email", "root@example.com"]))
    .await;
    assert!(!ok);
    assert!(err.contains("already exists"), "{err}");
    let (ok, _, err) = run(atelier(&database)
        .env("ATELIER_ADMIN_PASSWORD", "password")
        .args(["admin", "create", "--email", "weak@example.com"]))
    .await;
    assert!(!ok);
    assert!(err.contains("too easy to guess"), "{err}");

    // A super-admin who forgot their password gets a new one from the machine.
    let (ok, out, err) = run(atelier(&database)
        .env("ATELIER_ADMIN_PASSWORD", "saffron harbour at noon")
        .args(["admin", "password", "--email", "root@example.com"]))
    .await;
    assert!(
        ok && out.contains("New password set for root@example.com"),
        "{err}"
    );
    let (ok, _, err) = run(atelier(&database)
        .env("ATELIER_ADMIN_PASSWORD", "saffron harbour at noon")
        .args(["admin", "password", "--email", "nobody@example.com"]))
    .await;
    assert!(!ok && err.contains("no platform account"), "{err}");
    let store = atelier_store::Store::connect(&database.url)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let root = atelier_domain::Email::parse("root@example.com").unwrap_or_else(|e| panic!("{e}"));
    let (_, hash) = store
        .find_credentials(None, &root)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no root"));
    assert!(atelier_domain::verify_password(
        "saffron harbour at noon",
        &hash,
        &mut Default::default()
    ));

    // admin-add promotes an existing account, and says what to do when there is none.
    let (ok, _, err) =
        run(atelier(&database).args(["tenant", "create", "--slug", "acme", "--name", "Acme"]))
            .await;
    assert!(ok, "{err}");
    let (ok, _, err) = run(atelier(&database).args([
        "tenant",
        "admin-add",
        "acme",
        "--email",
        "nobody@example.com",
    ]))
    .await;
    assert!(!ok);
    assert!(
        err.contains("has no account on acme") && err.contains("/register"),
        "{err}"
    );

    let slug = atelier_domain::Slug::parse("acme").unwrap_or_else(|e| panic!("{e}"));
    let tenant = store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no acme"));
    let email = atelier_domain::Email::parse("ops@acme.example").unwrap_or_else(|e| panic!("{e}"));
    store
        .create_user(
            &atelier_store::NewUser {
                tenant_id: Some(tenant.id),
                email: email.clone(),
                name: String::new(),
                password_hash: "unused".into(),
                role: atelier_domain::Role::User,
                signup_bonus: 0,
                bonus_now: true,
                signup_ip: String::new(),
                language: None,
            },
            atelier_domain::Timestamp(1),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let (ok, out, err) = run(atelier(&database).args([
        "tenant",
        "admin-add",
        "acme",
        "--email",
        "ops@acme.example",
    ]))
    .await;
    assert!(ok, "{err}");
    assert!(out.contains("now an admin of acme"), "{out}");
    let (user, _) = store
        .find_credentials(Some(tenant.id), &email)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("user gone"));
    assert_eq!(user.role, atelier_domain::Role::TenantAdmin);
    store.close().await;
}
