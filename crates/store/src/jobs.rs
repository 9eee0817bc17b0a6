//! The job queue. Credits are held at submission, captured in the same transaction that
//! marks a job succeeded and records its image, and released on every other ending.
//! Workers claim with a lease that heartbeats extend; an expired lease returns the job to
//! the queue (or fails it when its attempts are spent).

use atelier_domain::{
    ImageId, Job, JobId, JobStatus, LedgerReason, NewJob, TenantId, Timestamp, UserId,
};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader, Backend};
use crate::{Store, StoreError};

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

/// What one pass of the reaper did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReapReport {
    pub requeued: u32,
    pub failed: u32,
    pub canceled: u32,
}

#[derive(sqlx::FromRow)]
struct JobRow {
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

/// Ends an active job (failed or canceled) and gives its held credits back.
const END_AND_RELEASE: &str = "update jobs set status = $2, error = $3, finished_at = $4, \
     updated_at = $4, lease_token = null, lease_expires_at = null \
     where id = $1 and status in ('queued', 'running')";
const RELEASE_HOLD: &str = "update users set held = held - $2 where id = $1";

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
        let id = Uuid::now_v7();
        in_transaction!(self, |tx| {
            // The conditional update locks the user's row, so concurrent submissions of one
            // user take turns here and each sees the others' holds and jobs.
            let held = sqlx::query(
                "update users set held = held + $3 where id = $1 and tenant_id = $2 \
                 and disabled_at is null and balance - held >= $3",
            )
            .bind(user.0)
            .bind(tenant.0)
            .bind(rules.cost)
            .execute(&mut *tx)
            .await?;
            if held.rows_affected() == 0 {
                let (available,): (i64,) =
                    sqlx::query_as("select balance - held from users where id = $1")
                        .bind(user.0)
                        .fetch_optional(&mut *tx)
                        .await?
                        .unwrap_or((0,));
                return Err(StoreError::NotEnoughCredits { available });
            }
            let (active,): (i64,) = sqlx::query_as(
                "select count(*) from jobs where user_id = $1 and status in ('queued', 'running')",
            )
            .bind(user.0)
            .fetch_one(&mut *tx)
            .await?;
            if active >= rules.active_cap {
                return Err(StoreError::TooManyActiveJobs {
                    cap: rules.active_cap,
                });
            }
            sqlx::query(
                "insert into jobs (id, tenant_id, user_id, prompt, negative_prompt, model, width, \
                 height, seed, cost, max_attempts, deadline_at, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
            )
            .bind(id)
            .bind(tenant.0)
            .bind(user.0)
            .bind(new.prompt.as_str())
            .bind(new.negative_prompt.as_str())
            .bind(&new.model)
            .bind(new.size.width)
            .bind(new.size.height)
            .bind(new.seed)
            .bind(rules.cost)
            .bind(rules.max_attempts)
            .bind(now.millis() + rules.deadline_ms)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
        });
        Ok(Job {
            id: JobId(id),
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
        let model_filter = match models {
            Some(list) if !list.is_empty() => {
                let marks: Vec<String> = (0..list.len()).map(|i| format!("${}", i + 1)).collect();
                format!("and j.model in ({})", marks.join(", "))
            }
            Some(_) => return Ok(None),
            None => String::new(),
        };
        let lock = match self.backend {
            Backend::Postgres(_) => "for update of j skip locked",
            Backend::Sqlite { .. } => "",
        };
        let fresh = |alias: &str| model_filter.replace("j.model", &format!("{alias}.model"));
        let (in_tenant, in_user) = (fresh("q"), fresh("q"));
        // One statement claims the job: the tenant served longest ago that has queued work,
        // then its user served longest ago, then that user's oldest job, each step by index,
        // so a backlog of thousands costs no sort.
        let marks = models.map_or(0, <[String]>::len);
        let p = |i: usize| format!("${}", marks + i);
        let set = format!(
            "update jobs set status = 'running', attempts = attempts + 1, lease_token = {t}, \
             lease_expires_at = {e}, worker_id = {w}, started_at = {n}, progress = 0, updated_at = {n}",
            t = p(1),
            e = p(2),
            w = p(3),
            n = p(4),
        );
        let returning = JOB_COLUMNS.replace("j.", "");
        let fair = format!(
            "{set} where status = 'queued' and id = (select j.id from jobs j where j.status = 'queued' \
             {model_filter} and j.user_id = (select u.id from users u where u.tenant_id = \
             (select t.id from tenants t join tenant_settings s on s.tenant_id = t.id \
             where t.status = 'active' and s.use_shared_pool and exists (select 1 from jobs q \
             where q.tenant_id = t.id and q.status = 'queued' {in_tenant}) \
             order by t.last_claim_at, t.id limit 1) \
             and exists (select 1 from jobs q where q.user_id = u.id and q.status = 'queued' {in_user}) \
             order by u.last_claim_at, u.id limit 1) \
             order by j.created_at, j.id limit 1 {lock}) returning {returning}"
        );
        // When another worker holds that user's last job, any eligible job will do.
        let any = format!(
            "{set} where status = 'queued' and id = (select j.id from jobs j \
             join tenants t on t.id = j.tenant_id join tenant_settings s on s.tenant_id = j.tenant_id \
             where j.status = 'queued' and t.status = 'active' and s.use_shared_pool {model_filter} \
             order by j.created_at, j.id limit 1 {lock}) returning {returning}"
        );
        let token = Uuid::new_v4().simple().to_string();
        let claimed: Option<JobRow> = in_transaction!(self, |tx| {
            let mut row = None;
            for sql in [&fair, &any] {
                let mut query = sqlx::query_as::<_, JobRow>(sql);
                for model in models.unwrap_or(&[]) {
                    query = query.bind(model);
                }
                row = query
                    .bind(&token)
                    .bind(now.millis() + lease_ms)
                    .bind(worker_id)
                    .bind(now.millis())
                    .fetch_optional(&mut *tx)
                    .await?;
                if row.is_some() {
                    break;
                }
            }
            if let Some(job) = &row {
                sqlx::query("update tenants set last_claim_at = $2 where id = $1")
                    .bind(job.tenant_id)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("update users set last_claim_at = $2 where id = $1")
                    .bind(job.user_id)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
            }
            row
        });
        let Some(row) = claimed else {
            return Ok(None);
        };
        Ok(Some(ClaimedJob {
            job: row.into_job()?,
            lease_token: token,
        }))
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
        let outcome = in_transaction!(self, |tx| {
            let row: Option<(Uuid, Uuid, i64, bool)> = sqlx::query_as(
                "select tenant_id, user_id, cost, cancel_requested from jobs \
                 where id = $1 and lease_token = $2 and status = 'running'",
            )
            .bind(job.0)
            .bind(lease_token)
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                None => Completion::LeaseLost,
                Some((_, user, cost, true)) => {
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
                Some((tenant, user, cost, false)) => {
                    let done = sqlx::query(
                        "update jobs set status = 'succeeded', progress = 1000, image_id = $3, \
                         finished_at = $4, updated_at = $4, lease_token = null, lease_expires_at = null, \
                         error = '' where id = $1 and lease_token = $2 and status = 'running'",
                    )
                    .bind(job.0)
                    .bind(lease_token)
                    .bind(image.id.0)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                    if done.rows_affected() != 1 {
                        return Ok(Completion::LeaseLost);
                    }
                    sqlx::query(
                        "insert into images (id, tenant_id, user_id, job_id, width, height, bytes, created_at) \
                         values ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(image.id.0)
                    .bind(tenant)
                    .bind(user)
                    .bind(job.0)
                    .bind(image.width)
                    .bind(image.height)
                    .bind(image.bytes)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "update users set balance = balance - $2, held = held - $2 where id = $1",
                    )
                    .bind(user)
                    .bind(cost)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "insert into credit_ledger (id, tenant_id, user_id, delta, reason, reference, \
                         actor_id, created_at) values ($1, $2, $3, $4, $5, $6, null, $7)",
                    )
                    .bind(Uuid::now_v7())
                    .bind(tenant)
                    .bind(user)
                    .bind(-cost)
                    .bind(LedgerReason::Generation.as_str())
                    .bind(job.to_string())
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                    Completion::Succeeded
                }
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

    /// A user's queued and running jobs, oldest first.
    pub async fn active_jobs(&self, user: UserId) -> Result<Vec<Job>, StoreError> {
        let sql = format!(
            "select {JOB_COLUMNS} from jobs j where j.user_id = $1 \
             and j.status in ('queued', 'running') order by j.created_at, j.id"
        );
        let rows: Vec<JobRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql).bind(user.0).fetch_all(pool).await?
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

    /// Σ cost of a user's active jobs; equals `users.held` (an invariant the tests check).
    pub async fn active_holds(&self, user: UserId) -> Result<i64, StoreError> {
        let (sum,): (Option<i64>,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select cast(sum(cost) as bigint) from jobs where user_id = $1 and status in ('queued', 'running')",
            )
            .bind(user.0)
            .fetch_one(pool)
            .await?
        });
        Ok(sum.unwrap_or(0))
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
