//! The job queue: one short transaction per operation.
//!
//! - **Submit** holds the job's cost (`ledger`) and inserts the job.
//! - **Claim** is one statement that starts the fairest queued job for a worker under a new
//!   lease token: the tenant served longest ago, then its user served longest ago, then that
//!   user's oldest job. Its text differs per database ([`sqlite`], [`postgres`]); everything
//!   else here is the same SQL on both.
//! - **Every write after a claim is fenced**: it names the lease token and the status it
//!   expects, so a worker that lost its lease (expired and taken back by the reaper, or
//!   claimed again by another worker) changes nothing, and is told so.
//! - **Success** marks the job succeeded, records its image and captures the hold in one
//!   transaction; a worker may claim its next job in the same transaction.
//! - **Every other ending** (failure, timeout, cancel) releases the hold.
//! - **The reaper** fails overdue jobs and takes back expired leases, with the same fences,
//!   so any number of nodes may run it at once.

mod claim;
mod postgres;
mod sqlite;

use std::future::Future;

use atelier_domain::{
    CreditChange, Credits, Job, JobId, JobStatus, NewJob, TenantId, Timestamp, UserId,
};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader};
use crate::jobs::JobRow;
use crate::ledger::{Applied, CreditWriter};
use crate::{Store, StoreError};

/// The rules a submission is held to.
#[derive(Debug, Clone, Copy)]
pub struct QueueRules {
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
    /// The worker no longer holds the job: nothing changed.
    LeaseLost,
}

/// The image a completion records.
#[derive(Debug, Clone, Copy)]
pub struct NewImage {
    pub id: atelier_domain::ImageId,
    pub width: i64,
    pub height: i64,
    pub bytes: i64,
}

/// What one pass of the reaper did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReapReport {
    pub requeued: u32,
    pub failed: u32,
    pub canceled: u32,
}

/// A worker asking for a job.
#[derive(Debug, Clone, Copy)]
pub struct NextClaim<'a> {
    pub worker_id: &'a str,
    /// The models the worker serves; `None` for all.
    pub models: Option<&'a [String]>,
    pub lease_ms: i64,
}

/// A claim's arguments, made once per claim.
struct Ask {
    lease_token: String,
    lease_expires_at: i64,
    worker_id: String,
    now: i64,
    /// The worker's models as a JSON array; `None` for all.
    models: Option<String>,
}

impl Ask {
    /// `None` for a worker that serves no model: it can claim nothing.
    fn new(next: &NextClaim<'_>, now: Timestamp) -> Option<Ask> {
        if next.models.is_some_and(<[String]>::is_empty) {
            return None;
        }
        // Both databases read the list as a JSON array; a list of strings always serializes.
        let models = next
            .models
            .map(|list| serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned()));
        Some(Ask {
            lease_token: Uuid::new_v4().simple().to_string(),
            lease_expires_at: now.millis() + next.lease_ms,
            worker_id: next.worker_id.to_owned(),
            now: now.millis(),
            models,
        })
    }
}

/// The claim's text on each database.
trait ClaimSql {
    /// Tried in order until one claims a job.
    fn claim_statements() -> &'static [String];
}

impl ClaimSql for sqlx::SqliteConnection {
    fn claim_statements() -> &'static [String] {
        sqlite::CLAIM.as_slice()
    }
}

impl ClaimSql for sqlx::PgConnection {
    fn claim_statements() -> &'static [String] {
        postgres::CLAIM.as_slice()
    }
}

/// Ends the active job `$1` with status `$2`, error `$3` at `$4`, under a [`Fence`].
const END: &str = "update jobs set status = $2, error = $3, finished_at = $4, updated_at = $4, \
     lease_token = null, lease_expires_at = null where id = $1";

/// What a write that ends a job expects to find; if the job is not so, nothing changes.
#[derive(Debug, Clone, Copy)]
enum Fence<'a> {
    /// Running under this lease: a worker's report.
    Leased(&'a str),
    /// Running under this lease, and its owner asked to cancel it.
    LeasedAndCanceled(&'a str),
    /// Still queued: the owner's cancel.
    Queued,
    /// Queued or running past its deadline: the reaper.
    Overdue,
    /// Running under this lease, which has run out: the reaper.
    ExpiredLease(&'a str),
}

impl Fence<'_> {
    /// The conditions after `where id = $1`; `$4` is now, `$5` the lease token.
    fn sql(self) -> &'static str {
        match self {
            Fence::Leased(_) => "and lease_token = $5 and status = 'running'",
            Fence::LeasedAndCanceled(_) => {
                "and lease_token = $5 and status = 'running' and cancel_requested"
            }
            Fence::Queued => "and status = 'queued'",
            Fence::Overdue => "and status in ('queued', 'running') and deadline_at <= $4",
            Fence::ExpiredLease(_) => {
                "and lease_token = $5 and status = 'running' and lease_expires_at <= $4"
            }
        }
    }

    fn lease_token(self) -> Option<String> {
        match self {
            Fence::Leased(t) | Fence::LeasedAndCanceled(t) | Fence::ExpiredLease(t) => {
                Some(t.to_owned())
            }
            Fence::Queued | Fence::Overdue => None,
        }
    }
}

/// The queue's steps inside a transaction, written once for both databases.
trait QueueSteps {
    fn claim(
        &mut self,
        ask: &Ask,
    ) -> impl Future<Output = Result<Option<JobRow>, sqlx::Error>> + Send;

    /// Ends the job if it is as `fence` expects, and releases its hold; whether it ended.
    fn end_and_release(
        &mut self,
        job: JobId,
        status: JobStatus,
        error: &str,
        fence: Fence<'_>,
        now: Timestamp,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
}

macro_rules! queue_steps_for {
    ($conn:ty) => {
        impl QueueSteps for $conn {
            async fn claim(&mut self, ask: &Ask) -> Result<Option<JobRow>, sqlx::Error> {
                for sql in <$conn as ClaimSql>::claim_statements() {
                    let row: Option<JobRow> = sqlx::query_as(sql)
                        .bind(&ask.lease_token)
                        .bind(ask.lease_expires_at)
                        .bind(&ask.worker_id)
                        .bind(ask.now)
                        .bind(ask.models.as_deref())
                        .fetch_optional(&mut *self)
                        .await?;
                    if row.is_some() {
                        return Ok(row);
                    }
                }
                Ok(None)
            }

            async fn end_and_release(
                &mut self,
                job: JobId,
                status: JobStatus,
                error: &str,
                fence: Fence<'_>,
                now: Timestamp,
            ) -> Result<bool, StoreError> {
                let sql = format!("{END} {} returning user_id, cost", fence.sql());
                let mut query = sqlx::query_as(&sql)
                    .bind(job.0)
                    .bind(status.as_str())
                    .bind(error)
                    .bind(now.millis());
                if let Some(token) = fence.lease_token() {
                    query = query.bind(token);
                }
                let ended: Option<(Uuid, i64)> = query.fetch_optional(&mut *self).await?;
                let Some((user, cost)) = ended else {
                    return Ok(false);
                };
                let release = CreditChange::release(Credits::new(cost));
                match self
                    .apply_credit_change(UserId(user), &release, None, None, now)
                    .await?
                {
                    Applied::Done => Ok(true),
                    Applied::Refused => Err(StoreError::Corrupt(format!(
                        "job {job}: its hold of {cost} is not on its owner's account"
                    ))),
                }
            }
        }
    };
}

queue_steps_for!(sqlx::SqliteConnection);
queue_steps_for!(sqlx::PgConnection);

impl Store {
    /// Holds the job's `cost` and queues it, in one transaction. Refused when the available
    /// credits (balance − held) do not cover it, or the user already has `active_cap` jobs
    /// queued or running.
    #[tracing::instrument(skip_all, fields(user = %user))]
    pub async fn submit_job(
        &self,
        tenant: TenantId,
        user: UserId,
        new: &NewJob,
        cost: Credits,
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
            cost,
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
        in_transaction!(self, |tx| {
            let hold = CreditChange::hold(cost);
            let held = tx
                .apply_credit_change(user, &hold, Some(rules.active_cap), None, now)
                .await?;
            // Only an enabled account of this tenant queues; otherwise the hold is rolled
            // back with the transaction.
            let inserted = sqlx::query(
                "insert into jobs (id, tenant_id, user_id, prompt, negative_prompt, model, width, \
                 height, seed, cost, max_attempts, deadline_at, created_at, updated_at) \
                 select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13 \
                 where $14 and exists (select 1 from users where id = $3 and tenant_id = $2 \
                 and disabled_at is null)",
            )
            .bind(job.id.0)
            .bind(tenant.0)
            .bind(user.0)
            .bind(&job.prompt)
            .bind(&job.negative_prompt)
            .bind(&job.model)
            .bind(job.width)
            .bind(job.height)
            .bind(job.seed)
            .bind(cost.get())
            .bind(job.max_attempts)
            .bind(job.deadline_at.millis())
            .bind(now.millis())
            .bind(held == Applied::Done)
            .execute(&mut *tx)
            .await?;
            if inserted.rows_affected() == 0 {
                tx.rollback().await?;
                return Err(self.why_refused(tenant, user, cost, rules).await?);
            }
        });
        Ok(job)
    }

    /// Why a submission was refused: credits first, then the cap on active jobs.
    async fn why_refused(
        &self,
        tenant: TenantId,
        user: UserId,
        cost: Credits,
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
            Some((available,)) if available < cost.get() => {
                StoreError::NotEnoughCredits { available }
            }
            Some(_) => StoreError::TooManyActiveJobs {
                cap: rules.active_cap,
            },
            None => StoreError::NotFound("account"),
        })
    }

    /// Hands the next queued job to a worker of the shared pool, fairly; `None` when there
    /// is nothing it may take.
    #[tracing::instrument(skip_all, fields(worker = worker_id))]
    pub async fn claim_next_job(
        &self,
        worker_id: &str,
        models: Option<&[String]>,
        lease_ms: i64,
        now: Timestamp,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        let next = NextClaim {
            worker_id,
            models,
            lease_ms,
        };
        let Some(ask) = Ask::new(&next, now) else {
            return Ok(None);
        };
        let row = in_transaction!(self, |tx| tx.claim(&ask).await?);
        claimed(row, ask)
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
        let row: Option<(bool,)> = in_transaction!(self, |tx| {
            sqlx::query_as(
                "update jobs set lease_expires_at = $3, progress = $4, updated_at = $5 \
                 where id = $1 and lease_token = $2 and status = 'running' \
                 returning cancel_requested",
            )
            .bind(job.0)
            .bind(lease_token)
            .bind(now.millis() + lease_ms)
            .bind(progress.clamp(0, 1000))
            .bind(now.millis())
            .fetch_optional(&mut *tx)
            .await?
        });
        Ok(match row {
            None => Heartbeat::Lost,
            Some((true,)) => Heartbeat::Cancel,
            Some((false,)) => Heartbeat::Continue,
        })
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
    /// the same transaction.
    #[tracing::instrument(skip_all, fields(job = %job))]
    pub async fn complete_and_claim(
        &self,
        job: JobId,
        lease_token: &str,
        image: NewImage,
        now: Timestamp,
        next: Option<NextClaim<'_>>,
    ) -> Result<(Completion, Option<ClaimedJob>), StoreError> {
        let ask = next.and_then(|next| Ask::new(&next, now));
        let (completion, row) = in_transaction!(self, |tx| {
            let succeeded: Option<(Uuid, Uuid, i64)> = sqlx::query_as(
                "update jobs set status = 'succeeded', progress = 1000, image_id = $3, \
                 finished_at = $4, updated_at = $4, lease_token = null, lease_expires_at = null, \
                 error = '' where id = $1 and lease_token = $2 and status = 'running' \
                 and not cancel_requested returning tenant_id, user_id, cost",
            )
            .bind(job.0)
            .bind(lease_token)
            .bind(image.id.0)
            .bind(now.millis())
            .fetch_optional(&mut *tx)
            .await?;
            let completion = match succeeded {
                Some((tenant, user, cost)) => {
                    sqlx::query(
                        "insert into images (id, tenant_id, user_id, job_id, width, height, \
                         bytes, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
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
                    let capture = CreditChange::capture(Credits::new(cost), job);
                    if tx
                        .apply_credit_change(UserId(user), &capture, None, None, now)
                        .await?
                        == Applied::Refused
                    {
                        return Err(StoreError::Corrupt(format!(
                            "job {job}: its hold of {cost} is not on its owner's account"
                        )));
                    }
                    Completion::Succeeded
                }
                // The owner canceled while it ran (the image is not kept), or the lease is
                // gone and nothing changes.
                None => {
                    let canceled = tx
                        .end_and_release(
                            job,
                            JobStatus::Canceled,
                            "",
                            Fence::LeasedAndCanceled(lease_token),
                            now,
                        )
                        .await?;
                    if canceled {
                        Completion::Canceled
                    } else {
                        Completion::LeaseLost
                    }
                }
            };
            let row = match &ask {
                Some(ask) => tx.claim(ask).await?,
                None => None,
            };
            (completion, row)
        });
        let claimed = match ask {
            Some(ask) => claimed(row, ask)?,
            None => None,
        };
        Ok((completion, claimed))
    }

    /// Reports a failed attempt. The job is queued again while attempts and time remain and
    /// the failure is worth retrying; otherwise it fails (or is canceled, if the owner asked)
    /// and its hold is released. `None` when the worker no longer holds the job: then
    /// nothing changed.
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
            let requeued = sqlx::query(
                "update jobs set status = 'queued', lease_token = null, lease_expires_at = null, \
                 progress = 0, error = $3, updated_at = $4 \
                 where id = $1 and lease_token = $2 and status = 'running' \
                 and not cancel_requested and $5 and attempts < max_attempts and deadline_at > $4",
            )
            .bind(job.0)
            .bind(lease_token)
            .bind(&reason)
            .bind(now.millis())
            .bind(retryable)
            .execute(&mut *tx)
            .await?;
            if requeued.rows_affected() == 1 {
                Some(JobStatus::Queued)
            } else if tx
                .end_and_release(
                    job,
                    JobStatus::Canceled,
                    "",
                    Fence::LeasedAndCanceled(lease_token),
                    now,
                )
                .await?
            {
                Some(JobStatus::Canceled)
            } else if tx
                .end_and_release(
                    job,
                    JobStatus::Failed,
                    &reason,
                    Fence::Leased(lease_token),
                    now,
                )
                .await?
            {
                Some(JobStatus::Failed)
            } else {
                None
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
            let mine: Option<(String,)> = sqlx::query_as(
                "select status from jobs where id = $1 and tenant_id = $2 and user_id = $3",
            )
            .bind(job.0)
            .bind(tenant.0)
            .bind(user.0)
            .fetch_optional(&mut *tx)
            .await?;
            match mine {
                None => None,
                Some(_)
                    if tx
                        .end_and_release(job, JobStatus::Canceled, "", Fence::Queued, now)
                        .await? =>
                {
                    Some(JobStatus::Canceled)
                }
                Some(_) => {
                    // Running (perhaps claimed a moment ago): its worker stops at its next
                    // heartbeat. A job already over stays as it ended.
                    let asked: Option<(String,)> = sqlx::query_as(
                        "update jobs set cancel_requested = true, updated_at = $2 \
                         where id = $1 and status = 'running' returning status",
                    )
                    .bind(job.0)
                    .bind(now.millis())
                    .fetch_optional(&mut *tx)
                    .await?;
                    match asked {
                        Some(_) => Some(JobStatus::Running),
                        None => {
                            let (status,): (String,) =
                                sqlx::query_as("select status from jobs where id = $1")
                                    .bind(job.0)
                                    .fetch_one(&mut *tx)
                                    .await?;
                            JobStatus::parse(&status)
                        }
                    }
                }
            }
        });
        Ok(status)
    }

    /// Fails jobs past their deadline and takes back expired leases (queuing the job again
    /// while attempts remain). `timeout_reason` is shown to the owner. Each step is one
    /// update whose conditions are checked as it writes, so a report that landed first wins
    /// and several reapers at once do each job once.
    #[tracing::instrument(skip_all)]
    pub async fn reap_jobs(
        &self,
        now: Timestamp,
        timeout_reason: &str,
    ) -> Result<ReapReport, StoreError> {
        // Cheap when there is nothing to do: two reads of small partial indexes.
        let (due,): (bool,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select exists (select 1 from jobs where status in ('queued', 'running') \
                 and deadline_at <= $1) or exists (select 1 from jobs where status = 'running' \
                 and lease_expires_at <= $1)",
            )
            .bind(now.millis())
            .fetch_one(pool)
            .await?
        });
        if !due {
            return Ok(ReapReport::default());
        }
        let report = in_transaction!(self, |tx| {
            let mut report = ReapReport::default();
            let overdue: Vec<(Uuid,)> = sqlx::query_as(
                "select id from jobs where status in ('queued', 'running') and deadline_at <= $1",
            )
            .bind(now.millis())
            .fetch_all(&mut *tx)
            .await?;
            for (id,) in overdue {
                if tx
                    .end_and_release(
                        JobId(id),
                        JobStatus::Failed,
                        timeout_reason,
                        Fence::Overdue,
                        now,
                    )
                    .await?
                {
                    report.failed += 1;
                }
            }
            let expired: Vec<(Uuid, String, bool, bool)> = sqlx::query_as(
                "select id, lease_token, cancel_requested, attempts < max_attempts from jobs \
                 where status = 'running' and lease_expires_at <= $1",
            )
            .bind(now.millis())
            .fetch_all(&mut *tx)
            .await?;
            // Each write names the lease it found expired: a heartbeat or a report that
            // landed in between has moved the job on, and the write changes nothing.
            for (id, token, cancel, attempts_left) in expired {
                let job = JobId(id);
                if cancel {
                    if tx
                        .end_and_release(
                            job,
                            JobStatus::Canceled,
                            "",
                            Fence::ExpiredLease(&token),
                            now,
                        )
                        .await?
                    {
                        report.canceled += 1;
                    }
                } else if attempts_left {
                    let back = sqlx::query(
                        "update jobs set status = 'queued', lease_token = null, \
                         lease_expires_at = null, progress = 0, error = $3, updated_at = $2 \
                         where id = $1 and lease_token = $4 and status = 'running' \
                         and lease_expires_at <= $2",
                    )
                    .bind(id)
                    .bind(now.millis())
                    .bind("The worker stopped responding; the job was queued again.")
                    .bind(&token)
                    .execute(&mut *tx)
                    .await?;
                    report.requeued += u32::from(back.rows_affected() == 1);
                } else if tx
                    .end_and_release(
                        job,
                        JobStatus::Failed,
                        "The worker stopped responding and no attempts are left.",
                        Fence::ExpiredLease(&token),
                        now,
                    )
                    .await?
                {
                    report.failed += 1;
                }
            }
            report
        });
        Ok(report)
    }
}

/// The claimed row as a job leased under the ask's token.
fn claimed(row: Option<JobRow>, ask: Ask) -> Result<Option<ClaimedJob>, StoreError> {
    row.map(|row| {
        Ok(ClaimedJob {
            job: row.into_job()?,
            lease_token: ask.lease_token,
        })
    })
    .transpose()
}
