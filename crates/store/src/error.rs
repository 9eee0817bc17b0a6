use sqlx::error::ErrorKind;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A unique value is already taken; names the field (e.g. "slug", "domain").
    #[error("that {0} is already taken")]
    Conflict(&'static str),
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A row breaks a rule the code relies on; someone edited the database by hand.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error("{0}")]
    InvalidUrl(String),
    /// The user's available credits (balance − held) do not cover the job.
    #[error("not enough credits: {available} available")]
    NotEnoughCredits { available: i64 },
    /// The user already has this many jobs queued or running.
    #[error("at most {cap} jobs may be queued or running at once")]
    TooManyActiveJobs { cap: i64 },
}

/// A database rule that refused a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintViolation {
    /// A unique value (a slug, a domain, an email) is already taken.
    Unique,
    /// A `CHECK` rule (balance ≥ 0, a known status, a size in range) does not hold.
    Check,
    /// A reference to a row that does not exist (or no longer does).
    ForeignKey,
}

impl StoreError {
    /// The database rule this error broke, if it is one: callers answer these as the
    /// client's doing (conflict, unprocessable) rather than a server failure. Both drivers
    /// classify their codes (SQLite's extended result codes, PostgreSQL's SQLSTATE 23xxx).
    pub fn constraint_violation(&self) -> Option<ConstraintViolation> {
        match self {
            StoreError::Conflict(_) => Some(ConstraintViolation::Unique),
            StoreError::Database(sqlx::Error::Database(db)) => match db.kind() {
                ErrorKind::UniqueViolation => Some(ConstraintViolation::Unique),
                ErrorKind::CheckViolation => Some(ConstraintViolation::Check),
                ErrorKind::ForeignKeyViolation => Some(ConstraintViolation::ForeignKey),
                // A missing value (not null) is the code's mistake, not the client's.
                _ => None,
            },
            _ => None,
        }
    }

    /// Turns a unique violation into [`StoreError::Conflict`] for the field whose
    /// constraint name or message mentions one of `fields`.
    pub(crate) fn from_unique(err: sqlx::Error, fields: &[&'static str]) -> StoreError {
        if let sqlx::Error::Database(db) = &err {
            if db.is_unique_violation() {
                let said = format!("{} {}", db.constraint().unwrap_or(""), db.message());
                let field = fields
                    .iter()
                    .find(|f| said.contains(*f))
                    .copied()
                    .unwrap_or("value");
                return StoreError::Conflict(field);
            }
        }
        StoreError::Database(err)
    }
}

#[cfg(test)]
mod tests {
    use sqlx::{Connection, Executor};

    use super::{ConstraintViolation, StoreError};

    /// Runs `statements` one by one and classifies the error of the last.
    async fn violation<C>(conn: &mut C, statements: &[&str]) -> Option<ConstraintViolation>
    where
        for<'c> &'c mut C: sqlx::Executor<'c>,
    {
        let (last, setup) = statements.split_last()?;
        for statement in setup {
            (&mut *conn)
                .execute(*statement)
                .await
                .unwrap_or_else(|e| panic!("{statement}: {e}"));
        }
        let err = (&mut *conn)
            .execute(*last)
            .await
            .err()
            .unwrap_or_else(|| panic!("{last} succeeded"));
        StoreError::from(err).constraint_violation()
    }

    const TABLES: [&str; 2] = [
        "create temporary table parents (id bigint primary key, name text not null unique)",
        "create temporary table children (id bigint primary key, \
         parent_id bigint not null references parents (id), \
         age bigint not null check (age >= 0))",
    ];
    const PARENT: &str = "insert into parents (id, name) values (1, 'a')";

    async fn each_rule_is_named<C>(conn: &mut C)
    where
        for<'c> &'c mut C: sqlx::Executor<'c>,
    {
        let [parents, children] = TABLES;
        assert_eq!(
            violation(
                conn,
                &[
                    parents,
                    children,
                    PARENT,
                    "insert into parents (id, name) values (2, 'a')"
                ]
            )
            .await,
            Some(ConstraintViolation::Unique)
        );
        assert_eq!(
            violation(
                conn,
                &["insert into children (id, parent_id, age) values (1, 1, -1)"]
            )
            .await,
            Some(ConstraintViolation::Check)
        );
        assert_eq!(
            violation(
                conn,
                &["insert into children (id, parent_id, age) values (2, 9, 1)"]
            )
            .await,
            Some(ConstraintViolation::ForeignKey)
        );
        assert_eq!(
            violation(
                conn,
                &["insert into children (id, parent_id) values (3, 1)"]
            )
            .await,
            None,
            "a missing value is not the client's doing"
        );
    }

    #[tokio::test]
    async fn sqlite_constraint_errors_are_classified() {
        let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        conn.execute("pragma foreign_keys = on")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        each_rule_is_named(&mut conn).await;
    }

    #[tokio::test]
    async fn postgres_constraint_errors_are_classified() {
        let url = match std::env::var("ATELIER_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => url,
            _ => {
                assert!(
                    std::env::var("ATELIER_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                    "ATELIER_REQUIRE_POSTGRES=1 but ATELIER_TEST_POSTGRES_URL is not set"
                );
                eprintln!("SKIPPED: postgres_constraint_errors_are_classified (set ATELIER_TEST_POSTGRES_URL)");
                return;
            }
        };
        let mut conn = sqlx::PgConnection::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        // Temporary tables live and die with this connection; nothing is left behind.
        each_rule_is_named(&mut conn).await;
        let _ = conn.close().await;
    }

    #[test]
    fn a_taken_value_is_a_unique_violation() {
        assert_eq!(
            StoreError::Conflict("slug").constraint_violation(),
            Some(ConstraintViolation::Unique)
        );
        assert_eq!(StoreError::NotFound("job").constraint_violation(), None);
    }
}
