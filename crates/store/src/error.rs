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

impl StoreError {
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
