use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

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
        write: SqlitePool,
        read: SqlitePool,
    },
    Postgres(PgPool),
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
            $crate::backend::Backend::Postgres(pg) => {
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
                let mut $tx = write.begin_with("BEGIN IMMEDIATE").await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
            $crate::backend::Backend::Postgres(pg) => {
                let mut $tx = pg.begin().await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
        }
    };
}

pub(crate) use {in_transaction, on_reader};

impl Store {
    /// Opens the database named by `url` (`sqlite://path` or `postgres://…`). A SQLite file
    /// and its folder are created when missing.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            return Ok(Store {
                backend: Backend::Postgres(pool),
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
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.read_only(true))
            .await?;
        Ok(Store {
            backend: Backend::Sqlite { write, read },
        })
    }

    pub fn kind(&self) -> DatabaseKind {
        match self.backend {
            Backend::Sqlite { .. } => DatabaseKind::Sqlite,
            Backend::Postgres(_) => DatabaseKind::Postgres,
        }
    }

    /// Applies the migrations this build carries that the database has not seen.
    #[tracing::instrument(skip_all)]
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { write, .. } => SQLITE_MIGRATIONS.run(write).await?,
            Backend::Postgres(pg) => POSTGRES_MIGRATIONS.run(pg).await?,
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
            Backend::Sqlite { write, read } => {
                read.close().await;
                write.close().await;
            }
            Backend::Postgres(pg) => pg.close().await,
        }
    }
}
