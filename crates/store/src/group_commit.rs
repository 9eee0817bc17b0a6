//! Group commit for SQLite's single writer.
//!
//! SQLite lets one connection write at a time. Through sqlx every statement is a hand-off to
//! that connection's thread and back, which costs tens of microseconds on a busy machine,
//! and every commit appends to the WAL. A busy queue (submissions, claims and completions
//! from many tasks at once) spent its time on hand-offs and commits, not on SQL.
//!
//! So the hot operations are each written as one multi-statement text whose later steps
//! depend on the first only through the data (each checks what the first one did): one
//! operation, one hand-off. A single task runs them. It takes every operation waiting and
//! runs them in order in one `BEGIN IMMEDIATE` transaction: the first text carries the
//! `BEGIN` and the last the `COMMIT`, so a batch of n operations costs n hand-offs. Callers
//! hear back only after the commit, so nobody acts on a change that was not kept. If any
//! statement fails, the batch is rolled back and each operation runs again alone, so one
//! bad operation fails by itself.
//!
//! sqlx 0.8 runs a text of several statements on SQLite (binding `$N` across all of them).
//! Its maintainers call that behaviour deprecated, so the version is pinned and the tests
//! cover every operation that relies on it.

use std::sync::Arc;

use sqlx::sqlite::{SqliteArguments, SqliteConnection, SqliteRow};
use tokio::sync::{mpsc, oneshot};

use crate::backend::Writer;
use crate::StoreError;

/// The most operations one transaction carries: enough to amortise the commit, few enough
/// that the first caller in a batch is not kept waiting long.
const MAX_BATCH: usize = 64;

/// One operation's statements, in the four places it can take in a batch.
#[derive(Debug)]
pub(crate) struct OpText {
    alone: String,
    first: String,
    middle: String,
    last: String,
}

impl OpText {
    pub(crate) fn new(statements: &[&str]) -> Arc<OpText> {
        let body = statements.join("; ");
        Arc::new(OpText {
            alone: format!("BEGIN IMMEDIATE; {body}; COMMIT"),
            first: format!("BEGIN IMMEDIATE; {body}"),
            last: format!("{body}; COMMIT"),
            middle: body,
        })
    }

    fn at(&self, index: usize, count: usize) -> &str {
        match (index == 0, index + 1 == count) {
            (true, true) => &self.alone,
            (true, false) => &self.first,
            (false, true) => &self.last,
            (false, false) => &self.middle,
        }
    }
}

type Answer = Result<Vec<SqliteRow>, StoreError>;

struct Operation {
    text: Arc<OpText>,
    values: Vec<Value>,
    reply: oneshot::Sender<Answer>,
}

/// The handle through which operations reach the writer task. Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct GroupCommit {
    sender: mpsc::UnboundedSender<Operation>,
}

impl GroupCommit {
    /// Starts the writer task on the current tokio runtime. It ends when every handle is
    /// dropped.
    pub(crate) fn start(write: Writer) -> GroupCommit {
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(writer(write, receiver));
        GroupCommit { sender }
    }

    /// Runs `text` with `values` as `$1`, `$2`, … in the next group commit; returns the rows
    /// its statements returned, once they are committed.
    pub(crate) async fn run(&self, text: Arc<OpText>, values: Vec<Value>) -> Answer {
        let (reply, answer) = oneshot::channel();
        self.sender
            .send(Operation {
                text,
                values,
                reply,
            })
            .map_err(|_| StoreError::Database(sqlx::Error::PoolClosed))?;
        answer
            .await
            .map_err(|_| StoreError::Database(sqlx::Error::WorkerCrashed))?
    }
}

async fn writer(write: Writer, mut receiver: mpsc::UnboundedReceiver<Operation>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while receiver.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let batch = std::mem::take(&mut batch);
        let mut guard = write.lock().await;
        let Some(conn) = guard.as_mut() else {
            for op in batch {
                let _ = op
                    .reply
                    .send(Err(StoreError::Database(sqlx::Error::PoolClosed)));
            }
            continue;
        };
        commit(conn, batch).await;
    }
}

/// Runs `ops` in order as one transaction: the first opens it, the last commits it.
async fn run_in_order(
    conn: &mut SqliteConnection,
    ops: &[Operation],
) -> Result<Vec<Vec<SqliteRow>>, StoreError> {
    let mut all = Vec::with_capacity(ops.len());
    for (index, op) in ops.iter().enumerate() {
        let sql = op.text.at(index, ops.len());
        let rows = sqlx::query_with(sql, arguments(&op.values)?)
            .fetch_all(&mut *conn)
            .await?;
        all.push(rows);
    }
    Ok(all)
}

/// Runs `batch` in one transaction and answers every caller after the commit; after a
/// failure, runs each operation alone.
async fn commit(conn: &mut SqliteConnection, batch: Vec<Operation>) {
    match run_in_order(conn, &batch).await {
        Ok(answers) => {
            for (op, rows) in batch.into_iter().zip(answers) {
                // A caller that went away misses nothing it could act on.
                let _ = op.reply.send(Ok(rows));
            }
        }
        Err(e) => {
            roll_back(conn).await;
            if batch.len() > 1 {
                tracing::info!(error = %e, operations = batch.len(), "group commit failed; running each operation alone");
            }
            for op in batch {
                let answer = run_in_order(conn, std::slice::from_ref(&op))
                    .await
                    .map(|mut rows| rows.pop().unwrap_or_default());
                if answer.is_err() {
                    roll_back(conn).await;
                }
                let _ = op.reply.send(answer);
            }
        }
    }
}

/// Ends whatever transaction a failed statement left open.
async fn roll_back(conn: &mut SqliteConnection) {
    if let Err(e) = sqlx::query("ROLLBACK").execute(&mut *conn).await {
        // "no transaction is active" is the usual reason, and harmless.
        tracing::debug!(error = %e, "rollback after a failed group commit");
    }
}

/// An argument of an operation.
#[derive(Debug, Clone)]
pub(crate) enum Value {
    Text(String),
    Int(i64),
    Id(uuid::Uuid),
}

/// Binds `values` as `$1`, `$2`, ….
fn arguments(values: &[Value]) -> Result<SqliteArguments<'_>, StoreError> {
    use sqlx::Arguments;
    let mut args = SqliteArguments::default();
    for value in values {
        match value {
            Value::Text(v) => args.add(v.clone()),
            Value::Int(v) => args.add(*v),
            Value::Id(v) => args.add(*v),
        }
        .map_err(|e| StoreError::Database(sqlx::Error::Encode(e)))?;
    }
    Ok(args)
}
