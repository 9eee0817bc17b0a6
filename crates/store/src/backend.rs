use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::Connection;

use crate::StoreError;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

/// Which database engine a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseKind {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub(crate) enum Backend {
    /// SQLite allows one writer at a time: a single-connection pool serialises writes in
    /// this process, and a small pool of read-only connections reads beside it (WAL).
    Sqlite {
        write: Writer,
        read: SqlitePool,
    },
    Postgres {
        pool: PgPool,
    },
}

/// SQLite's one writing connection. Not a pool: sqlx's pool tests a connection with a round
/// trip to its thread on every return, which doubled the cost of a short write.
pub(crate) type Writer = Arc<tokio::sync::Mutex<Option<SqliteConnection>>>;

/// Locks the writer, or fails once the store is closed.
macro_rules! lock_writer {
    ($write:expr, $conn:ident) => {
        let mut guard = $write.lock().await;
        let $conn = guard.as_mut().ok_or(sqlx::Error::PoolClosed)?;
    };
}

/// The database, cheap to clone (the pools are shared).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) backend: Backend,
}

/// Runs `$body` with `$pool` bound to a pool that may read.
macro_rules! on_reader {
    ($store:expr, |$pool:ident| $body:expr) => {
        match &$store.backend {
            $crate::backend::Backend::Sqlite { read, .. } => {
                let $pool = read;
                $body
            }
            $crate::backend::Backend::Postgres { pool: pg, .. } => {
                let $pool = pg;
                $body
            }
        }
    };
}

/// Runs `$body` inside one write transaction bound to `$tx`, committed when the body
/// finishes; an early return (`?`) rolls it back. SQLite transactions begin IMMEDIATE so
/// they take the write lock up front instead of failing with SQLITE_BUSY on upgrade.
macro_rules! in_transaction {
    ($store:expr, |$tx:ident| $body:expr) => {
        match &$store.backend {
            $crate::backend::Backend::Sqlite { write, .. } => {
                $crate::backend::lock_writer!(write, conn);
                let mut $tx = sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
            $crate::backend::Backend::Postgres { pool: pg, .. } => {
                let mut $tx = pg.begin().await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
        }
    };
}

pub(crate) use {in_transaction, lock_writer, on_reader};

/// Values bound per query when reading by a list: well under either database's limit on
/// bound values (SQLite's is 32,766).
pub(crate) const VALUES_PER_QUERY: usize = 500;

/// `$first, $first+1, …`: `count` numbered parameters, for an `in (…)` list.
pub(crate) fn parameters(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Opens the database named by `url` (`sqlite://path` or `postgres://…`). A SQLite file
    /// and its folder are created when missing.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // No test round trip before each use: a broken connection fails its query, and
            // the pool drops it then.
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            return Ok(Store {
                backend: Backend::Postgres { pool },
            });
        }
        if !url.starts_with("sqlite:") {
            return Err(StoreError::InvalidUrl(format!(
                "the database URL must start with sqlite:// or postgres://, not {:?}",
                url.split(':').next().unwrap_or("")
            )));
        }
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if let Some(dir) = options.get_filename().parent() {
            if dir != Path::new("") {
                tokio::fs::create_dir_all(dir).await.map_err(|e| {
                    StoreError::InvalidUrl(format!("cannot create {}: {e}", dir.display()))
                })?;
            }
        }
        let write: Writer = Arc::new(tokio::sync::Mutex::new(Some(
            SqliteConnection::connect_with(&options).await?,
        )));
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .test_before_acquire(false)
            .connect_with(options.read_only(true))
            .await?;
        Ok(Store {
            backend: Backend::Sqlite { write, read },
        })
    }

    pub fn kind(&self) -> DatabaseKind {
        match self.backend {
            Backend::Sqlite { .. } => DatabaseKind::Sqlite,
            Backend::Postgres { .. } => DatabaseKind::Postgres,
        }
    }

    /// Applies the migrations this build carries that the database has not seen.
    #[tracing::instrument(skip_all)]
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { write, .. } => {
                lock_writer!(write, conn);
                SQLITE_MIGRATIONS.run(conn).await?;
            }
            Backend::Postgres { pool, .. } => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_reader!(self, |pool| {
            sqlx::query("select 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes every connection; for an orderly shutdown.
    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite { write, read, .. } => {
                read.close().await;
                if let Some(conn) = write.lock().await.take() {
                    let _ = conn.close().await;
                }
            }
            Backend::Postgres { pool, .. } => pool.close().await,
        }
    }
}
