//! Remote workers: their tokens (shown once, stored as a SHA-256, revocable at once), what
//! each last said of itself, how it has fared, and the pause that keeps a failing worker from
//! eating its pool's retries. A worker's pool is its row's tenant: `None` is the platform's
//! shared pool. Its jobs go through the same fenced queue as every worker's (`queue`).

use atelier_domain::{JobId, TenantId, Timestamp};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader};
use crate::jobs::{JobRow, JOB_COLUMNS};
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// How many recent render times a worker's row keeps for its median.
const RECENT_RENDERS: usize = 25;

/// A remote worker as the fleet pages and the worker API see it (never its token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerRecord {
    pub id: Uuid,
    /// The tenant whose own pool it is in; `None` for the shared pool.
    pub pool: Option<TenantId>,
    pub name: String,
    pub created_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
    /// Paused: it claims nothing until resumed.
    pub paused: bool,
    pub paused_reason: String,
    pub paused_at: Option<Timestamp>,
    /// Paused by the server (not by an admin): its own health check may resume it.
    pub paused_auto: bool,
    pub failures_in_row: i64,
    pub jobs_done: i64,
    pub jobs_failed: i64,
    pub recent_render_ms: Vec<i64>,
    pub last_seen_at: Option<Timestamp>,
    pub backend: String,
    pub models: Vec<String>,
    pub version: String,
    pub current_job: Option<JobId>,
}

impl WorkerRecord {
    /// The median of its recent render times.
    pub fn median_render_ms(&self) -> Option<i64> {
        let mut times = self.recent_render_ms.clone();
        times.sort_unstable();
        times.get(times.len() / 2).copied()
    }

    /// Whether it asked for work since `since`.
    pub fn online_since(&self, since: Timestamp) -> bool {
        self.revoked_at.is_none() && self.last_seen_at.is_some_and(|seen| seen >= since)
    }
}

/// What a worker says of itself when it asks for work.
#[derive(Debug, Clone, Copy)]
pub struct WorkerHello<'a> {
    pub backend: &'a str,
    pub models: &'a [String],
    pub version: &'a str,
}

const COLUMNS: &str =
    "id, tenant_id, name, created_at, revoked_at, state, paused_reason, paused_at, paused_auto, \
     failures_in_row, jobs_done, jobs_failed, recent_render_ms, last_seen_at, backend, models, \
     version, current_job";

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    tenant_id: Option<Uuid>,
    name: String,
    created_at: i64,
    revoked_at: Option<i64>,
    state: String,
    paused_reason: String,
    paused_at: Option<i64>,
    paused_auto: bool,
    failures_in_row: i64,
    jobs_done: i64,
    jobs_failed: i64,
    recent_render_ms: String,
    last_seen_at: Option<i64>,
    backend: String,
    models: String,
    version: String,
    current_job: Option<Uuid>,
}

impl From<Row> for WorkerRecord {
    fn from(row: Row) -> Self {
        WorkerRecord {
            id: row.id,
            pool: row.tenant_id.map(TenantId),
            name: row.name,
            created_at: Timestamp(row.created_at),
            revoked_at: row.revoked_at.map(Timestamp),
            paused: row.state == "paused",
            paused_reason: row.paused_reason,
            paused_at: row.paused_at.map(Timestamp),
            paused_auto: row.paused_auto,
            failures_in_row: row.failures_in_row,
            jobs_done: row.jobs_done,
            jobs_failed: row.jobs_failed,
            // Written only by this module; a damaged value reads as none.
            recent_render_ms: serde_json::from_str(&row.recent_render_ms).unwrap_or_default(),
            last_seen_at: row.last_seen_at.map(Timestamp),
            backend: row.backend,
            models: serde_json::from_str(&row.models).unwrap_or_default(),
            version: row.version,
            current_job: row.current_job.map(JobId),
        }
    }
}

/// How a worker's failure counts against it.
#[derive(Debug, Clone, Copy)]
pub enum FailureKind<'a> {
    /// A failed job: after `pause_after` in a row, the worker is paused.
    Job { pause_after: i64 },
    /// The machine misbehaved (its ComfyUI ignored an interrupt): paused at once.
    Unhealthy(&'a str),
}

impl Store {
    /// Makes a worker token's row in `pool`; the token itself is the caller's to show once.
    pub async fn create_worker(
        &self,
        pool: Option<TenantId>,
        name: &str,
        token_hash: &str,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<Uuid, StoreError> {
        let id = Uuid::now_v7();
        in_transaction!(self, |tx| {
            sqlx::query(
                "insert into workers (id, tenant_id, name, token_hash, created_at) \
                 values ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(pool.map(|t| t.0))
            .bind(name)
            .bind(token_hash)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            let subject = format!("worker {name} ({id})");
            write_audit!(
                tx,
                pool.map(|t| t.0),
                actor,
                "worker.create",
                &subject,
                "",
                "",
                now
            );
        });
        Ok(id)
    }

    /// The worker a live token belongs to.
    pub async fn worker_by_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<WorkerRecord>, StoreError> {
        let sql =
            format!("select {COLUMNS} from workers where token_hash = $1 and revoked_at is null");
        let row: Option<Row> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(token_hash)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(WorkerRecord::from))
    }

    /// One worker of `scope` (`None`: any pool, for super-admins).
    pub async fn find_worker(
        &self,
        scope: Option<Option<TenantId>>,
        id: Uuid,
    ) -> Result<Option<WorkerRecord>, StoreError> {
        let sql = format!(
            "select {COLUMNS} from workers where id = $1 \
             and ($2 or tenant_id is not distinct from $3)"
        );
        let row: Option<Row> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(id)
                .bind(scope.is_none())
                .bind(scope.flatten().map(|t| t.0))
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(WorkerRecord::from))
    }

    /// The workers of `scope` (`None`: every pool), live tokens first, newest first; revoked
    /// ones for a week after.
    pub async fn list_workers(
        &self,
        scope: Option<Option<TenantId>>,
        now: Timestamp,
    ) -> Result<Vec<WorkerRecord>, StoreError> {
        let sql = format!(
            "select {COLUMNS} from workers where ($1 or tenant_id is not distinct from $2) \
             and (revoked_at is null or revoked_at > $3) \
             order by revoked_at is not null, created_at desc, id desc limit 500"
        );
        let rows: Vec<Row> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(scope.is_none())
                .bind(scope.flatten().map(|t| t.0))
                .bind(now.millis() - 7 * 24 * 3_600_000)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(WorkerRecord::from).collect())
    }

    /// Records that the worker asked for work, and what it says of itself.
    pub async fn worker_seen(
        &self,
        id: Uuid,
        hello: WorkerHello<'_>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let models = serde_json::to_string(hello.models).unwrap_or_else(|_| "[]".to_owned());
        in_transaction!(self, |tx| {
            sqlx::query(
                "update workers set last_seen_at = $2, backend = $3, models = $4, version = $5 \
                 where id = $1",
            )
            .bind(id)
            .bind(now.millis())
            .bind(hello.backend)
            .bind(&models)
            .bind(hello.version)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// The job the worker holds now (`None` when it finished or gave it back).
    pub async fn worker_holds(&self, id: Uuid, job: Option<JobId>) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query("update workers set current_job = $2 where id = $1")
                .bind(id)
                .bind(job.map(|j| j.0))
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    /// Counts a success: the failures in a row start again from nothing.
    pub async fn worker_succeeded(&self, id: Uuid, render_ms: i64) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            // The row first, locked (a no-op write), so two completions at once each keep
            // their sample; SQLite's one writer already takes turns.
            sqlx::query("update workers set id = id where id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let recent: Option<(String,)> =
                sqlx::query_as("select recent_render_ms from workers where id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let mut times: Vec<i64> = recent
                .and_then(|(text,)| serde_json::from_str(&text).ok())
                .unwrap_or_default();
            times.push(render_ms.max(0));
            let keep_from = times.len().saturating_sub(RECENT_RENDERS);
            let times = serde_json::to_string(&times[keep_from..]).unwrap_or_else(|_| "[]".into());
            sqlx::query(
                "update workers set jobs_done = jobs_done + 1, failures_in_row = 0, \
                 current_job = null, recent_render_ms = $2 where id = $1",
            )
            .bind(id)
            .bind(times)
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// Counts a failure, and pauses the worker when it has failed too often in a row or
    /// misbehaved; says whether it is paused now.
    pub async fn worker_failed(
        &self,
        id: Uuid,
        kind: FailureKind<'_>,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let (pause_after, reason) = match kind {
            FailureKind::Job { pause_after } => (
                pause_after.max(1),
                format!("{} jobs in a row failed", pause_after.max(1)),
            ),
            FailureKind::Unhealthy(why) => (1, why.chars().take(300).collect()),
        };
        let paused: Option<(String,)> = in_transaction!(self, |tx| {
            sqlx::query_as(
                "update workers set jobs_failed = jobs_failed + 1, current_job = null, \
                 failures_in_row = failures_in_row + 1, \
                 state = case when failures_in_row + 1 >= $2 then 'paused' else state end, \
                 paused_reason = case when state = 'active' and failures_in_row + 1 >= $2 \
                   then $3 else paused_reason end, \
                 paused_at = case when state = 'active' and failures_in_row + 1 >= $2 \
                   then $4 else paused_at end, \
                 paused_auto = case when state = 'active' and failures_in_row + 1 >= $2 \
                   then true else paused_auto end \
                 where id = $1 returning state",
            )
            .bind(id)
            .bind(pause_after)
            .bind(&reason)
            .bind(now.millis())
            .fetch_optional(&mut *tx)
            .await?
        });
        Ok(paused.is_some_and(|(state,)| state == "paused"))
    }

    /// Resumes a paused worker of `scope`: by an admin (`actor`), or, without one, after its
    /// own health check passed, which resumes only a pause the server made. False when there
    /// is no such paused worker.
    pub async fn resume_worker(
        &self,
        scope: Option<Option<TenantId>>,
        id: Uuid,
        actor: Option<&Actor>,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let done = in_transaction!(self, |tx| {
            let pool: Option<(Option<Uuid>,)> = sqlx::query_as(
                "update workers set state = 'active', paused_reason = '', paused_at = null, \
                 paused_auto = false, failures_in_row = 0 \
                 where id = $1 and state = 'paused' and revoked_at is null \
                 and ($2 or tenant_id is not distinct from $3) and ($4 or paused_auto) \
                 returning tenant_id",
            )
            .bind(id)
            .bind(scope.is_none())
            .bind(scope.flatten().map(|t| t.0))
            .bind(actor.is_some())
            .fetch_optional(&mut *tx)
            .await?;
            if let (Some((tenant,)), Some(actor)) = (&pool, actor) {
                let subject = format!("worker {id}");
                write_audit!(
                    tx,
                    *tenant,
                    actor,
                    "worker.resume",
                    &subject,
                    "paused",
                    "active",
                    now
                );
            }
            pool.is_some()
        });
        Ok(done)
    }

    /// Pauses a worker of `scope` by hand.
    pub async fn pause_worker(
        &self,
        scope: Option<Option<TenantId>>,
        id: Uuid,
        reason: &str,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let done = in_transaction!(self, |tx| {
            let pool: Option<(Option<Uuid>,)> = sqlx::query_as(
                "update workers set state = 'paused', paused_reason = $4, paused_at = $5, \
                 paused_auto = false \
                 where id = $1 and state = 'active' and revoked_at is null \
                 and ($2 or tenant_id is not distinct from $3) returning tenant_id",
            )
            .bind(id)
            .bind(scope.is_none())
            .bind(scope.flatten().map(|t| t.0))
            .bind(reason)
            .bind(now.millis())
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((tenant,)) = &pool {
                let subject = format!("worker {id}");
                write_audit!(
                    tx,
                    *tenant,
                    actor,
                    "worker.pause",
                    &subject,
                    "active",
                    "paused",
                    now
                );
            }
            pool.is_some()
        });
        Ok(done)
    }

    /// Revokes a worker's token at once; false when there is no such live token in `scope`.
    pub async fn revoke_worker(
        &self,
        scope: Option<Option<TenantId>>,
        id: Uuid,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let done = in_transaction!(self, |tx| {
            let pool: Option<(Option<Uuid>,)> = sqlx::query_as(
                "update workers set revoked_at = $4 where id = $1 and revoked_at is null \
                 and ($2 or tenant_id is not distinct from $3) returning tenant_id",
            )
            .bind(id)
            .bind(scope.is_none())
            .bind(scope.flatten().map(|t| t.0))
            .bind(now.millis())
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((tenant,)) = &pool {
                let subject = format!("worker {id}");
                write_audit!(tx, *tenant, actor, "worker.revoke", &subject, "", "", now);
            }
            pool.is_some()
        });
        Ok(done)
    }

    /// The running job `worker` holds (`worker_id` is the worker's id as its claims name
    /// it); `None` when it holds no such job.
    pub async fn job_held_by(
        &self,
        job: JobId,
        worker_id: &str,
    ) -> Result<Option<atelier_domain::Job>, StoreError> {
        let sql = format!(
            "select {JOB_COLUMNS} from jobs j where j.id = $1 and j.worker_id = $2 \
             and j.status = 'running'"
        );
        let row: Option<JobRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(job.0)
                .bind(worker_id)
                .fetch_optional(pool)
                .await?
        });
        row.map(JobRow::into_job).transpose()
    }

    /// The models some active worker that can take `tenant`'s jobs asked for work with
    /// since `since` (its own pool's, and the shared pool's when the tenant may use it),
    /// and whether the tenant may use the shared pool.
    pub async fn models_served_for(
        &self,
        tenant: TenantId,
        since: Timestamp,
    ) -> Result<(Vec<String>, bool), StoreError> {
        let (rows, shared): (Vec<(String,)>, Option<(bool,)>) = on_reader!(self, |pool| {
            let rows = sqlx::query_as(
                "select w.models from workers w where w.revoked_at is null \
                 and w.state = 'active' and w.last_seen_at >= $2 \
                 and (w.tenant_id = $1 or (w.tenant_id is null and exists (\
                   select 1 from tenant_settings s where s.tenant_id = $1 and s.use_shared_pool)))",
            )
            .bind(tenant.0)
            .bind(since.millis())
            .fetch_all(pool)
            .await?;
            let shared =
                sqlx::query_as("select use_shared_pool from tenant_settings where tenant_id = $1")
                    .bind(tenant.0)
                    .fetch_optional(pool)
                    .await?;
            (rows, shared)
        });
        let mut models: Vec<String> = rows
            .into_iter()
            .flat_map(|(text,)| serde_json::from_str::<Vec<String>>(&text).unwrap_or_default())
            .collect();
        models.sort();
        models.dedup();
        Ok((models, shared.is_some_and(|(s,)| s)))
    }
}
