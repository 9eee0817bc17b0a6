//! The job queue. Credits are held at submission, captured in the same transaction that
//! marks a job succeeded and records its image, and released on every other ending.
//! Workers claim with a lease that heartbeats extend; an expired lease returns the job to
//! the queue (or fails it when its attempts are spent).

use atelier_domain::{
    ImageId, Job, JobId, JobStatus, LedgerReason, NewJob, TenantId, Timestamp, UserId,
};
use uuid::Uuid;

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use sqlx::{FromRow, Row};

use crate::backend::{in_transaction, on_reader, Backend};
use crate::group_commit::{OpText, Value};
use crate::{Store, StoreError};

mod rounds;
pub(crate) use rounds::Rounds;

/// The rules a submission is held to.
#[derive(Debug, Clone, Copy)]
pub struct QueueRules {
    /// Credits one job costs.
    pub cost: i64,
    pub max_attempts: i64,
    /// From submission to the deadline.
    pub deadline_ms: i64,
    /// Queued and running jobs one user may have at once.
    pub active_cap: i64,
}

/// A job handed to a worker, with the lease token that fences its reports.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    pub job: Job,
    pub lease_token: String,
}

/// What a heartbeat tells the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heartbeat {
    Continue,
    /// The owner canceled: stop and report.
    Cancel,
    /// The lease is gone (expired and taken back): stop, report nothing.
    Lost,
}

/// How a completion ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    Succeeded,
    /// The owner canceled while it ran: the image is not kept and nothing is charged.
    Canceled,
    LeaseLost,
}

/// The image a completion records.
#[derive(Debug, Clone, Copy)]
pub struct NewImage {
    pub id: ImageId,
    pub width: i64,
    pub height: i64,
    pub bytes: i64,
}

/// A stored image's owner and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRecord {
    pub id: ImageId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub job_id: JobId,
    pub width: i64,
    pub height: i64,
    pub created_at: Timestamp,
}

/// A user's active jobs as the user's row records them and as the jobs add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActiveTotals {
    /// `users.held`.
    pub held: i64,
    /// Σ cost of the queued and running jobs.
    pub held_by_jobs: i64,
    /// `users.active_jobs`.
    pub active_jobs: i64,
    /// How many jobs are queued or running.
    pub counted: i64,
}

/// What one pass of the reaper did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReapReport {
    pub requeued: u32,
    pub failed: u32,
    pub canceled: u32,
}

#[derive(sqlx::FromRow)]
pub(crate) struct JobRow {
    id: Uuid,
    tenant_id: Uuid,
    user_id: Uuid,
    prompt: String,
    negative_prompt: String,
    model: String,
    width: i64,
    height: i64,
    seed: i64,
    status: String,
    cost: i64,
    attempts: i64,
    max_attempts: i64,
    progress: i64,
    error: String,
    cancel_requested: bool,
    image_id: Option<Uuid>,
    created_at: i64,
    started_at: Option<i64>,
    finished_at: Option<i64>,
    deadline_at: i64,
}

const JOB_COLUMNS: &str = "j.id, j.tenant_id, j.user_id, j.prompt, j.negative_prompt, j.model, \
     j.width, j.height, j.seed, j.status, j.cost, j.attempts, j.max_attempts, j.progress, j.error, \
     j.cancel_requested, j.image_id, j.created_at, j.started_at, j.finished_at, j.deadline_at";

impl JobRow {
    /// The job a claim took, with the lease token the claim gave it.
    fn claimed(self, lease_token: String) -> Result<ClaimedJob, StoreError> {
        Ok(ClaimedJob {
            job: self.into_job()?,
            lease_token,
        })
    }

    fn into_job(self) -> Result<Job, StoreError> {
        Ok(Job {
            id: JobId(self.id),
            tenant_id: TenantId(self.tenant_id),
            user_id: UserId(self.user_id),
            prompt: self.prompt,
            negative_prompt: self.negative_prompt,
            model: self.model,
            width: self.width,
            height: self.height,
            seed: self.seed,
            status: JobStatus::parse(&self.status).ok_or_else(|| {
                StoreError::Corrupt(format!("job {}: status {}", self.id, self.status))
            })?,
            cost: self.cost,
            attempts: self.attempts,
            max_attempts: self.max_attempts,
            progress: self.progress,
            error: self.error,
            cancel_requested: self.cancel_requested,
            image_id: self.image_id.map(ImageId),
            created_at: Timestamp(self.created_at),
            started_at: self.started_at.map(Timestamp),
            finished_at: self.finished_at.map(Timestamp),
            deadline_at: Timestamp(self.deadline_at),
        })
    }
}

/// Queues a job: `$1` id, `$2` tenant, `$3` user, `$4`–`$9` what to render, `$10` cost,
/// `$11` attempts, `$12` deadline, `$13` now; the caller appends the source and conditions.
const INSERT_JOB: &str = "insert into jobs (id, tenant_id, user_id, prompt, negative_prompt, \
     model, width, height, seed, cost, max_attempts, deadline_at, created_at, updated_at) \
     select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13";

/// Marks a running job (`$1`, lease `$2`) succeeded with image `$3` at `$4`, unless its owner
/// asked to cancel it.
const SUCCEED: &str = "update jobs set status = 'succeeded', progress = 1000, image_id = $3, \
     finished_at = $4, updated_at = $4, lease_token = null, lease_expires_at = null, error = '' \
     where id = $1 and lease_token = $2 and status = 'running' and not cancel_requested";
/// The image `$3` of job `id` (`$5` × `$6`, `$7` bytes), selected from the succeeded job.
const IMAGE_COLUMNS: &str = "(id, tenant_id, user_id, job_id, width, height, bytes, created_at)";
const IMAGE_VALUES: &str = "$3, tenant_id, user_id, id, $5, $6, $7, $4";
/// The capture: ledger row `$8`, reason `$9`, the job as reference `$10`.
const LEDGER_COLUMNS: &str =
    "(id, tenant_id, user_id, delta, reason, reference, actor_id, created_at)";
const LEDGER_VALUES: &str = "$8, tenant_id, user_id, -cost, $9, $10, null, $4";

/// Ends an active job (failed or canceled) and gives its held credits back.
const END_AND_RELEASE: &str = "update jobs set status = $2, error = $3, finished_at = $4, \
     updated_at = $4, lease_token = null, lease_expires_at = null \
     where id = $1 and status in ('queued', 'running')";
const RELEASE_HOLD: &str =
    "update users set held = held - $2, active_jobs = active_jobs - 1 where id = $1";

/// Ends `job` with `status` and releases its hold, both in the caller's transaction.
macro_rules! end_and_release {
    ($tx:expr, $job:expr, $user:expr, $cost:expr, $status:expr, $error:expr, $now:expr) => {{
        let ended = sqlx::query(END_AND_RELEASE)
            .bind($job)
            .bind($status.as_str())
            .bind($error)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
        if ended.rows_affected() == 1 {
            sqlx::query(RELEASE_HOLD)
                .bind($user)
                .bind($cost)
                .execute(&mut *$tx)
                .await?;
        }
        ended.rows_affected() == 1
    }};
}

type ClaimTexts = Arc<[Arc<OpText>; 2]>;

/// The claim's two statements on SQLite: the fair one, then any eligible job. After the
/// first `offset` parameters come the `marks` models the worker serves, then lease token,
/// lease expiry, worker id and now. (PostgreSQL claims in rounds: [`rounds`].)
fn claim_sql(offset: usize, marks: usize) -> [String; 2] {
    let p = |i: usize| format!("${}", offset + i);
    let filter = |alias: &str| {
        if marks == 0 {
            return String::new();
        }
        let list: Vec<String> = (1..=marks).map(p).collect();
        format!("and {alias}.model in ({})", list.join(", "))
    };
    let (model_filter, in_queue) = (filter("j"), filter("q"));
    // One statement claims the job: the tenant served longest ago that has queued work, then
    // its user served longest ago that has queued work, then that user's oldest job. Who has
    // queued work comes from the queue's index (`jobs_queued_user`, pinned with `indexed by`
    // so no statistics can send it elsewhere), one seek per tenant and per user of the chosen
    // tenant with queued jobs, so a claim costs what the people waiting cost, whatever the
    // sign-ups (see the PostgreSQL claim in `rounds.rs`).
    let set = format!(
        "update jobs set status = 'running', attempts = attempts + 1, lease_token = {t}, \
         lease_expires_at = {e}, worker_id = {w}, started_at = {n}, progress = 0, updated_at = {n}",
        t = p(marks + 1),
        e = p(marks + 2),
        w = p(marks + 3),
        n = p(marks + 4),
    );
    let returning = JOB_COLUMNS.replace("j.", "");
    // Every tenant and user has a turn row (insert triggers, migration 0006); should one be
    // missing, `coalesce` puts it first in line rather than leave its jobs unclaimed.
    let fair = format!(
        "{set} where status = 'queued' and id = (with recursive \
         waiting (tenant_id) as (select (select q.tenant_id \
         from jobs q indexed by jobs_queued_user \
         where q.status = 'queued' {in_queue} order by q.tenant_id limit 1) \
         union all select (select q.tenant_id from jobs q indexed by jobs_queued_user \
         where q.status = 'queued' {in_queue} \
         and q.tenant_id > w.tenant_id order by q.tenant_id limit 1) \
         from waiting w where w.tenant_id is not null), \
         tenant (id) as materialized (select w.tenant_id from waiting w \
         join tenants x on x.id = w.tenant_id join tenant_settings s on s.tenant_id = w.tenant_id \
         where x.status = 'active' and s.use_shared_pool order by coalesce((select t.last_claim_at \
         from tenant_turns t where t.tenant_id = w.tenant_id), 0), w.tenant_id limit 1), \
         waiting_users (user_id) as (select (select q.user_id \
         from jobs q indexed by jobs_queued_user \
         where q.tenant_id = (select id from tenant) and q.status = 'queued' {in_queue} \
         order by q.user_id limit 1) \
         union all select (select q.user_id from jobs q indexed by jobs_queued_user \
         where q.tenant_id = (select id from tenant) and q.status = 'queued' {in_queue} \
         and q.user_id > w.user_id order by q.user_id limit 1) \
         from waiting_users w where w.user_id is not null), \
         chosen (user_id) as (select w.user_id from waiting_users w where w.user_id is not null \
         order by coalesce((select u.last_claim_at from user_turns u \
         where u.user_id = w.user_id), 0), w.user_id limit 1) \
         select j.id from jobs j indexed by jobs_queued_user, tenant c, chosen u \
         where j.tenant_id = c.id and j.user_id = u.user_id and j.status = 'queued' \
         {model_filter} order by j.created_at, j.id limit 1) returning {returning}"
    );
    // The oldest queued job whose tenant may use the pool: the tenant is checked per job
    // (`exists`), so the scan walks `jobs_queued` in order and stops at the first one.
    let any = format!(
        "{set} where status = 'queued' and id = (select j.id from jobs j \
         where j.status = 'queued' {model_filter} and exists (select 1 from tenants t \
         join tenant_settings s on s.tenant_id = t.id where t.id = j.tenant_id \
         and t.status = 'active' and s.use_shared_pool) \
         order by j.created_at, j.id limit 1) returning {returning}"
    );
    [fair, any]
}

/// Builds a statement text once per shape and keeps it.
fn built<K: std::hash::Hash + Eq + Send + 'static, V: Clone + Send + 'static>(
    cache: &'static LazyLock<Mutex<HashMap<K, V>>>,
    key: K,
    build: impl FnOnce() -> V,
) -> V {
    cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .entry(key)
        .or_insert_with(build)
        .clone()
}

/// [`claim_sql`] as operations, per number of models.
fn claim_texts(marks: usize) -> ClaimTexts {
    static BUILT: LazyLock<Mutex<HashMap<usize, ClaimTexts>>> = LazyLock::new(Mutex::default);
    built(&BUILT, marks, || {
        Arc::new(claim_sql(0, marks).map(|sql| OpText::new(&[&sql])))
    })
}

/// A worker's report of a success: the image it stored and the ledger row of the capture.
pub(crate) struct Report {
    pub(crate) job: Uuid,
    pub(crate) lease_token: String,
    pub(crate) image: Uuid,
    pub(crate) now: i64,
    pub(crate) width: i64,
    pub(crate) height: i64,
    pub(crate) bytes: i64,
    pub(crate) ledger_id: Uuid,
    pub(crate) reason: String,
    pub(crate) reference: String,
}

impl Report {
    /// The completion's arguments on SQLite, `$1`–`$10` in field order.
    fn values(&self) -> Vec<Value> {
        vec![
            Value::Id(self.job),
            Value::Text(self.lease_token.clone()),
            Value::Id(self.image),
            Value::Int(self.now),
            Value::Int(self.width),
            Value::Int(self.height),
            Value::Int(self.bytes),
            Value::Id(self.ledger_id),
            Value::Text(self.reason.clone()),
            Value::Text(self.reference.clone()),
        ]
    }
}

/// The arguments of a claim: models, lease token, lease expiry, worker id, now.
fn claim_values(next: &NextClaim<'_>, token: &str, now: Timestamp) -> Vec<Value> {
    let mut values: Vec<Value> = next
        .models
        .unwrap_or(&[])
        .iter()
        .map(|m| Value::Text(m.clone()))
        .collect();
    values.extend([
        Value::Text(token.to_owned()),
        Value::Int(now.millis() + next.lease_ms),
        Value::Text(next.worker_id.to_owned()),
        Value::Int(now.millis()),
    ]);
    values
}

/// The completion on SQLite, `$1`–`$10` as [`SUCCEED`] and the ledger constants say. Each
/// step after the first acts only if the job now carries this image, that is, only if the
/// first step marked it succeeded; the first returns one column (the job's id).
fn sqlite_completion() -> [String; 4] {
    const THIS: &str = "from jobs where id = $1 and image_id = $3";
    [
        format!("{SUCCEED} returning id"),
        format!("insert into images {IMAGE_COLUMNS} select {IMAGE_VALUES} {THIS}"),
        format!(
            "update users set balance = balance - j.cost, held = held - j.cost, \
             active_jobs = active_jobs - 1 from (select user_id, cost {THIS}) j \
             where users.id = j.user_id"
        ),
        format!("insert into credit_ledger {LEDGER_COLUMNS} select {LEDGER_VALUES} {THIS}"),
    ]
}

/// How many arguments the completion takes.
const COMPLETION_ARGS: usize = 10;

/// A worker that reports a success asks for its next job in the same trip.
#[derive(Debug, Clone, Copy)]
pub struct NextClaim<'a> {
    pub worker_id: &'a str,
    /// The models the worker serves; `None` for all.
    pub models: Option<&'a [String]>,
    pub lease_ms: i64,
}

impl Store {
    /// Places a hold of the job's cost and queues it, in one transaction. Refused when the
    /// available credits (balance − held) do not cover it, or the user already has
    /// `active_cap` jobs queued or running.
    #[tracing::instrument(skip_all, fields(user = %user))]
    pub async fn submit_job(
        &self,
        tenant: TenantId,
        user: UserId,
        new: &NewJob,
        rules: QueueRules,
        now: Timestamp,
    ) -> Result<Job, StoreError> {
        let job = Job {
            id: JobId(Uuid::now_v7()),
            tenant_id: tenant,
            user_id: user,
            prompt: new.prompt.as_str().to_owned(),
            negative_prompt: new.negative_prompt.as_str().to_owned(),
            model: new.model.clone(),
            width: new.size.width,
            height: new.size.height,
            seed: new.seed,
            status: JobStatus::Queued,
            cost: rules.cost,
            attempts: 0,
            max_attempts: rules.max_attempts,
            progress: 0,
            error: String::new(),
            cancel_requested: false,
            image_id: None,
            created_at: now,
            started_at: None,
            finished_at: None,
            deadline_at: Timestamp(now.millis() + rules.deadline_ms),
        };
        let queued = match &self.backend {
            Backend::Sqlite { commits, .. } => {
                let values = vec![
                    Value::Id(job.id.0),
                    Value::Id(job.tenant_id.0),
                    Value::Id(job.user_id.0),
                    Value::Text(job.prompt.clone()),
                    Value::Text(job.negative_prompt.clone()),
                    Value::Text(job.model.clone()),
                    Value::Int(job.width),
                    Value::Int(job.height),
                    Value::Int(job.seed),
                    Value::Int(job.cost),
                    Value::Int(job.max_attempts),
                    Value::Int(job.deadline_at.millis()),
                    Value::Int(job.created_at.millis()),
                    Value::Int(rules.active_cap),
                ];
                // The writer runs one operation at a time, so the checks in the insert see
                // every earlier submission; the hold follows only if the job went in.
                static SUBMIT: LazyLock<Arc<OpText>> = LazyLock::new(|| {
                    OpText::new(&[
                        &format!(
                            "{INSERT_JOB} where exists (select 1 from users where id = $3 \
                             and tenant_id = $2 and disabled_at is null and balance - held >= $10 \
                             and active_jobs < $14) returning id"
                        ),
                        "update users set held = held + $10, active_jobs = active_jobs + 1 \
                         where id = $3 and exists (select 1 from jobs where id = $1)",
                    ])
                });
                let rows = commits.run(SUBMIT.clone(), values).await?;
                !rows.is_empty()
            }
            Backend::Postgres { rounds, .. } => {
                // A round carries one submission per user, checked against the user's row
                // as the round locks it.
                rounds
                    .submit(rounds::Submission {
                        job: job.clone(),
                        active_cap: rules.active_cap,
                    })
                    .await?
            }
        };
        if !queued {
            return Err(self.why_refused(tenant, user, rules).await?);
        }
        Ok(job)
    }

    /// Why a submission was refused: credits first, then the cap on active jobs.
    async fn why_refused(
        &self,
        tenant: TenantId,
        user: UserId,
        rules: QueueRules,
    ) -> Result<StoreError, StoreError> {
        let row: Option<(i64,)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select balance - held from users \
                 where id = $1 and tenant_id = $2 and disabled_at is null",
            )
            .bind(user.0)
            .bind(tenant.0)
            .fetch_optional(pool)
            .await?
        });
        Ok(match row {
            Some((available,)) if available < rules.cost => {
                StoreError::NotEnoughCredits { available }
            }
            Some(_) => StoreError::TooManyActiveJobs {
                cap: rules.active_cap,
            },
            None => StoreError::NotEnoughCredits { available: 0 },
        })
    }

    /// Hands the next queued job to a worker of the shared pool, fairly: the tenant served
    /// longest ago first, then within it the user served longest ago, then the oldest job.
    /// `models` limits the claim to the models the worker serves.
    #[tracing::instrument(skip_all, fields(worker = worker_id))]
    pub async fn claim_next_job(
        &self,
        worker_id: &str,
        models: Option<&[String]>,
        lease_ms: i64,
        now: Timestamp,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        if models.is_some_and(<[String]>::is_empty) {
            return Ok(None);
        }
        let token = Uuid::new_v4().simple().to_string();
        let next = NextClaim {
            worker_id,
            models,
            lease_ms,
        };
        // The claim moves the tenant and the user to the back of the line when their job
        // starts: on SQLite a trigger (`jobs_claim_turn`), on PostgreSQL the round's
        // statement itself (migration 0010).
        let claimed = match &self.backend {
            Backend::Sqlite { commits, .. } => {
                let texts = claim_texts(models.map_or(0, <[String]>::len));
                let values = claim_values(&next, &token, now);
                // Each attempt is one statement: the fair claim, then any eligible job.
                let mut claimed = None;
                for text in texts.iter() {
                    let rows = commits.run(text.clone(), values.clone()).await?;
                    claimed = rows.first().map(JobRow::from_row).transpose()?;
                    if claimed.is_some() {
                        break;
                    }
                }
                claimed
            }
            Backend::Postgres { rounds, .. } => {
                let ask = rounds::Ask::new(&next, &token, now);
                rounds.work(None, Some(ask)).await?.1
            }
        };
        claimed.map(|row| row.claimed(token)).transpose()
    }

    /// Extends the lease and records progress (thousandths); says whether to go on.
    pub async fn heartbeat_job(
        &self,
        job: JobId,
        lease_token: &str,
        progress: i64,
        lease_ms: i64,
        now: Timestamp,
    ) -> Result<Heartbeat, StoreError> {
        let beat = in_transaction!(self, |tx| {
            let alive = sqlx::query(
                "update jobs set lease_expires_at = $3, progress = $4, updated_at = $5 \
                 where id = $1 and lease_token = $2 and status = 'running'",
            )
            .bind(job.0)
            .bind(lease_token)
            .bind(now.millis() + lease_ms)
            .bind(progress.clamp(0, 1000))
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            if alive.rows_affected() == 0 {
                Heartbeat::Lost
            } else {
                let (cancel,): (bool,) =
                    sqlx::query_as("select cancel_requested from jobs where id = $1")
                        .bind(job.0)
                        .fetch_one(&mut *tx)
                        .await?;
                if cancel {
                    Heartbeat::Cancel
                } else {
                    Heartbeat::Continue
                }
            }
        });
        Ok(beat)
    }

    /// Marks the job succeeded, records its image and captures the held credits through the
    /// ledger, all in one transaction. The image file must already be stored.
    #[tracing::instrument(skip_all, fields(job = %job))]
    pub async fn complete_job(
        &self,
        job: JobId,
        lease_token: &str,
        image: NewImage,
        now: Timestamp,
    ) -> Result<Completion, StoreError> {
        Ok(self
            .complete_and_claim(job, lease_token, image, now, None)
            .await?
            .0)
    }

    /// [`Store::complete_job`], and when `next` is given, the worker's next job claimed in
    /// the same trip: on SQLite in the same operation of a group commit, on PostgreSQL in the
    /// same round. Either way the report and the fair claim commit together.
    #[tracing::instrument(skip_all, fields(job = %job))]
    pub async fn complete_and_claim(
        &self,
        job: JobId,
        lease_token: &str,
        image: NewImage,
        now: Timestamp,
        next: Option<NextClaim<'_>>,
    ) -> Result<(Completion, Option<ClaimedJob>), StoreError> {
        let report = Report {
            job: job.0,
            lease_token: lease_token.to_owned(),
            image: image.id.0,
            now: now.millis(),
            width: image.width,
            height: image.height,
            bytes: image.bytes,
            ledger_id: Uuid::now_v7(),
            reason: LedgerReason::Generation.as_str().to_owned(),
            reference: job.to_string(),
        };
        let token = Uuid::new_v4().simple().to_string();
        // A worker that serves no models claims nothing, as in `claim_next_job`.
        let next = next.filter(|n| !n.models.is_some_and(<[String]>::is_empty));
        let (succeeded, claimed) = match &self.backend {
            Backend::Sqlite { commits, .. } => {
                let mut values = report.values();
                debug_assert_eq!(values.len(), COMPLETION_ARGS);
                static ALONE: LazyLock<Arc<OpText>> = LazyLock::new(|| {
                    OpText::new(&sqlite_completion().each_ref().map(String::as_str))
                });
                static WITH_CLAIM: LazyLock<Mutex<HashMap<usize, Arc<OpText>>>> =
                    LazyLock::new(Mutex::default);
                let text = match &next {
                    None => ALONE.clone(),
                    Some(next) => {
                        let marks = next.models.map_or(0, <[String]>::len);
                        values.extend(claim_values(next, &token, now));
                        built(&WITH_CLAIM, marks, || {
                            let [fair, _] = claim_sql(COMPLETION_ARGS, marks);
                            let [a, b, c, d] = sqlite_completion();
                            OpText::new(&[&a, &b, &c, &d, &fair])
                        })
                    }
                };
                let mut succeeded = false;
                let mut claimed = None;
                for row in commits.run(text, values).await? {
                    // The completion returns the job's id alone; the claim a whole job.
                    if row.len() == 1 {
                        succeeded = true;
                    } else {
                        claimed = Some(JobRow::from_row(&row)?.claimed(token.clone())?);
                    }
                }
                (succeeded, claimed)
            }
            Backend::Postgres { rounds, .. } => {
                let ask = next.map(|next| rounds::Ask::new(&next, &token, now));
                let (succeeded, row) = rounds.work(Some(report), ask).await?;
                (succeeded, row.map(|row| row.claimed(token)).transpose()?)
            }
        };
        // No next job (none asked for, or the fair claim found none): the worker looks
        // again when idle.
        let completion = self
            .finish_completion(job, lease_token, succeeded, now)
            .await?;
        Ok((completion, claimed))
    }

    /// The completion's outcome; when it did not succeed, the job was canceled by its owner
    /// (its hold is released here) or its lease is gone.
    async fn finish_completion(
        &self,
        job: JobId,
        lease_token: &str,
        succeeded: bool,
        now: Timestamp,
    ) -> Result<Completion, StoreError> {
        if succeeded {
            return Ok(Completion::Succeeded);
        }
        // The owner canceled while it ran (the image is not kept), or the lease is gone.
        let outcome = in_transaction!(self, |tx| {
            let row: Option<(Uuid, i64)> = sqlx::query_as(
                "select user_id, cost from jobs where id = $1 and lease_token = $2 \
                 and status = 'running' and cancel_requested",
            )
            .bind(job.0)
            .bind(lease_token)
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                Some((user, cost)) => {
                    let _ = end_and_release!(
                        tx,
                        job.0,
                        user,
                        cost,
                        JobStatus::Canceled,
                        "",
                        now.millis()
                    );
                    Completion::Canceled
                }
                None => Completion::LeaseLost,
            }
        });
        Ok(outcome)
    }

    /// Reports a failed attempt. The job is queued again while attempts and time remain and
    /// the failure is worth retrying; otherwise it fails (or is canceled, if the owner asked)
    /// and its hold is released. `None` when the lease was already lost.
    #[tracing::instrument(skip_all, fields(job = %job))]
    pub async fn fail_job_attempt(
        &self,
        job: JobId,
        lease_token: &str,
        reason: &str,
        retryable: bool,
        now: Timestamp,
    ) -> Result<Option<JobStatus>, StoreError> {
        let reason: String = reason.chars().take(500).collect();
        let status = in_transaction!(self, |tx| {
            let row: Option<(Uuid, i64, i64, i64, i64, bool)> = sqlx::query_as(
                "select user_id, cost, attempts, max_attempts, deadline_at, cancel_requested from jobs \
                 where id = $1 and lease_token = $2 and status = 'running'",
            )
            .bind(job.0)
            .bind(lease_token)
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                None => None,
                Some((user, cost, _, _, _, true)) => {
                    let _ = end_and_release!(
                        tx,
                        job.0,
                        user,
                        cost,
                        JobStatus::Canceled,
                        "",
                        now.millis()
                    );
                    Some(JobStatus::Canceled)
                }
                Some((_, _, attempts, max, deadline, false))
                    if retryable && attempts < max && now.millis() < deadline =>
                {
                    sqlx::query(
                        "update jobs set status = 'queued', lease_token = null, lease_expires_at = null, \
                         progress = 0, error = $2, updated_at = $3 where id = $1",
                    )
                    .bind(job.0)
                    .bind(&reason)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                    Some(JobStatus::Queued)
                }
                Some((user, cost, ..)) => {
                    let _ = end_and_release!(
                        tx,
                        job.0,
                        user,
                        cost,
                        JobStatus::Failed,
                        &reason,
                        now.millis()
                    );
                    Some(JobStatus::Failed)
                }
            }
        });
        Ok(status)
    }

    /// The owner cancels: a queued job ends at once, a running one is told at its next
    /// heartbeat. Another user's or tenant's job is not found.
    pub async fn cancel_job(
        &self,
        tenant: TenantId,
        user: UserId,
        job: JobId,
        now: Timestamp,
    ) -> Result<Option<JobStatus>, StoreError> {
        let status = in_transaction!(self, |tx| {
            let row: Option<(String, i64)> = sqlx::query_as(
                "select status, cost from jobs where id = $1 and tenant_id = $2 and user_id = $3",
            )
            .bind(job.0)
            .bind(tenant.0)
            .bind(user.0)
            .fetch_optional(&mut *tx)
            .await?;
            match row.as_ref().map(|(s, c)| (JobStatus::parse(s), *c)) {
                None => None,
                Some((Some(JobStatus::Queued), cost)) => {
                    let ended = sqlx::query(
                        "update jobs set status = 'canceled', finished_at = $2, updated_at = $2 \
                         where id = $1 and status = 'queued'",
                    )
                    .bind(job.0)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                    if ended.rows_affected() == 1 {
                        sqlx::query(RELEASE_HOLD)
                            .bind(user.0)
                            .bind(cost)
                            .execute(&mut *tx)
                            .await?;
                        Some(JobStatus::Canceled)
                    } else {
                        // A worker claimed it a moment ago: ask it to stop.
                        sqlx::query("update jobs set cancel_requested = true, updated_at = $2 where id = $1")
                            .bind(job.0)
                            .bind(now.millis())
                            .execute(&mut *tx)
                            .await?;
                        Some(JobStatus::Running)
                    }
                }
                Some((Some(JobStatus::Running), _)) => {
                    sqlx::query(
                        "update jobs set cancel_requested = true, updated_at = $2 where id = $1 and status = 'running'",
                    )
                    .bind(job.0)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                    Some(JobStatus::Running)
                }
                Some((status, _)) => status,
            }
        });
        Ok(status)
    }

    /// Fails jobs past their deadline and takes back expired leases (queuing the job again
    /// while attempts remain). `timeout_reason` is shown to the owner.
    #[tracing::instrument(skip_all)]
    pub async fn reap_jobs(
        &self,
        now: Timestamp,
        timeout_reason: &str,
    ) -> Result<ReapReport, StoreError> {
        let mut report = ReapReport::default();
        let overdue: Vec<(Uuid, Uuid, i64)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select id, user_id, cost from jobs where status in ('queued', 'running') and deadline_at <= $1",
            )
            .bind(now.millis())
            .fetch_all(pool)
            .await?
        });
        let expired: Vec<(Uuid, Uuid, i64, i64, i64, bool)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select id, user_id, cost, attempts, max_attempts, cancel_requested from jobs \
                 where status = 'running' and lease_expires_at <= $1 and deadline_at > $1",
            )
            .bind(now.millis())
            .fetch_all(pool)
            .await?
        });
        if overdue.is_empty() && expired.is_empty() {
            return Ok(report);
        }
        in_transaction!(self, |tx| {
            for (job, user, cost) in &overdue {
                if end_and_release!(
                    tx,
                    job,
                    user,
                    cost,
                    JobStatus::Failed,
                    timeout_reason,
                    now.millis()
                ) {
                    report.failed += 1;
                }
            }
            for (job, user, cost, attempts, max, cancel) in &expired {
                if *cancel {
                    if end_and_release!(tx, job, user, cost, JobStatus::Canceled, "", now.millis())
                    {
                        report.canceled += 1;
                    }
                } else if attempts < max {
                    let back = sqlx::query(
                        "update jobs set status = 'queued', lease_token = null, lease_expires_at = null, \
                         progress = 0, error = $3, updated_at = $2 \
                         where id = $1 and status = 'running' and lease_expires_at <= $2",
                    )
                    .bind(job)
                    .bind(now.millis())
                    .bind("The worker stopped responding; the job was queued again.")
                    .execute(&mut *tx)
                    .await?;
                    report.requeued += u32::from(back.rows_affected() == 1);
                } else if end_and_release!(
                    tx,
                    job,
                    user,
                    cost,
                    JobStatus::Failed,
                    "The worker stopped responding and no attempts are left.",
                    now.millis()
                ) {
                    report.failed += 1;
                }
            }
        });
        Ok(report)
    }

    /// A job of this tenant, and of this user when `owner` is given.
    pub async fn find_job(
        &self,
        tenant: TenantId,
        owner: Option<UserId>,
        id: JobId,
    ) -> Result<Option<Job>, StoreError> {
        let sql = format!(
            "select {JOB_COLUMNS} from jobs j where j.id = $1 and j.tenant_id = $2 \
             and (j.user_id = $3 or $4)"
        );
        let row: Option<JobRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(id.0)
                .bind(tenant.0)
                .bind(owner.map_or(Uuid::nil(), |u| u.0))
                .bind(owner.is_none())
                .fetch_optional(pool)
                .await?
        });
        row.map(JobRow::into_job).transpose()
    }

    /// A user's jobs, newest first: `offset`/`limit` for pages, or after a cursor
    /// (`before` = created_at and id of the last job seen) for the API.
    pub async fn list_jobs(
        &self,
        user: UserId,
        before: Option<(Timestamp, JobId)>,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<Job>, StoreError> {
        let (before_at, before_id) =
            before.map_or((i64::MAX, Uuid::max()), |(t, j)| (t.millis(), j.0));
        let sql = format!(
            "select {JOB_COLUMNS} from jobs j where j.user_id = $1 \
             and (j.created_at < $2 or (j.created_at = $2 and j.id < $3)) \
             order by j.created_at desc, j.id desc limit $4 offset $5"
        );
        let rows: Vec<JobRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(user.0)
                .bind(before_at)
                .bind(before_id)
                .bind(limit)
                .bind(offset)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(JobRow::into_job).collect()
    }

    pub async fn count_jobs(&self, user: UserId) -> Result<i64, StoreError> {
        let (n,): (i64,) = on_reader!(self, |pool| {
            sqlx::query_as("select count(*) from jobs where user_id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await?
        });
        Ok(n)
    }

    /// A user's queued and running jobs, oldest first: the queued ones by `jobs_queued_user`
    /// (which leads with the tenant), the running ones by `jobs_running_user`.
    pub async fn active_jobs(&self, user: UserId) -> Result<Vec<Job>, StoreError> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            format!(
                "select * from (select {JOB_COLUMNS} from jobs j where j.status = 'queued' \
                 and j.tenant_id = (select tenant_id from users where id = $1) and j.user_id = $1 \
                 union all select {JOB_COLUMNS} from jobs j where j.status = 'running' \
                 and j.user_id = $1) active order by created_at, id"
            )
        });
        let rows: Vec<JobRow> = on_reader!(self, |pool| {
            sqlx::query_as(SQL.as_str())
                .bind(user.0)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(JobRow::into_job).collect()
    }

    /// 1 for the next job to run: how many queued jobs were submitted before this one.
    pub async fn queue_position(&self, job: &Job) -> Result<i64, StoreError> {
        let (ahead,): (i64,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select count(*) from jobs where status = 'queued' and (created_at < $1 or (created_at = $1 and id < $2))",
            )
            .bind(job.created_at.millis())
            .bind(job.id.0)
            .fetch_one(pool)
            .await?
        });
        Ok(ahead + 1)
    }

    /// The average render time of the most recent successful jobs, for wait estimates.
    pub async fn recent_render_millis(&self) -> Result<Option<i64>, StoreError> {
        let (avg,): (Option<i64>,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select cast(avg(finished_at - started_at) as bigint) from (select finished_at, started_at \
                 from jobs where status = 'succeeded' and started_at is not null \
                 order by finished_at desc limit 20) recent",
            )
            .fetch_one(pool)
            .await?
        });
        Ok(avg)
    }

    /// What a user's queued and running jobs add up to, beside what the user's row records
    /// for them; the two agree at all times (an invariant the tests check).
    pub async fn active_totals(&self, user: UserId) -> Result<ActiveTotals, StoreError> {
        let (held, held_by_jobs, active_jobs, counted): (i64, i64, i64, i64) =
            on_reader!(self, |pool| {
                sqlx::query_as(
                    "select u.held, cast(coalesce(sum(j.cost), 0) as bigint), u.active_jobs, \
                     count(j.id) from users u left join jobs j on j.user_id = u.id \
                     and j.status in ('queued', 'running') where u.id = $1 \
                     group by u.held, u.active_jobs",
                )
                .bind(user.0)
                .fetch_one(pool)
                .await?
            });
        Ok(ActiveTotals {
            held,
            held_by_jobs,
            active_jobs,
            counted,
        })
    }

    pub async fn find_image(&self, id: ImageId) -> Result<Option<ImageRecord>, StoreError> {
        let row: Option<(Uuid, Uuid, Uuid, Uuid, i64, i64, i64)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select id, tenant_id, user_id, job_id, width, height, created_at from images where id = $1",
            )
            .bind(id.0)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(
            |(id, tenant, user, job, width, height, created)| ImageRecord {
                id: ImageId(id),
                tenant_id: TenantId(tenant),
                user_id: UserId(user),
                job_id: JobId(job),
                width,
                height,
                created_at: Timestamp(created),
            },
        ))
    }
}
