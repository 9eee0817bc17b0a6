//! What a job's owner does to the queue: submit a job (holding its cost) and cancel one;
//! and what disabling an account does to its jobs (cancel them all).

use std::future::Future;

use atelier_domain::{
    CreditChange, Credits, Job, JobId, JobStatus, NewJob, TenantId, Timestamp, UserId, Wallet,
};
use uuid::Uuid;

use super::steps::{Fence, QueueSteps};
use super::QueueRules;
use crate::backend::{in_transaction, on_reader};
use crate::ledger::{Applied, CreditWriter};
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

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
                 height, seed, cost, max_attempts, deadline_at, deadline_ms, created_at, \
                 updated_at) \
                 select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $15, $13, $13 \
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
            .bind(rules.deadline_ms)
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
        let row: Option<(i64, i64)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select balance, held from users \
                 where id = $1 and tenant_id = $2 and disabled_at is null",
            )
            .bind(user.0)
            .bind(tenant.0)
            .fetch_optional(pool)
            .await?
        });
        let wallet = row.map(|(balance, held)| Wallet {
            balance: Credits::new(balance),
            held: Credits::new(held),
        });
        Ok(match wallet {
            Some(wallet) if wallet.apply(&CreditChange::hold(cost)).is_err() => {
                StoreError::NotEnoughCredits {
                    available: wallet.available().get(),
                }
            }
            Some(_) => StoreError::TooManyActiveJobs {
                cap: rules.active_cap,
            },
            None => StoreError::NotFound("account"),
        })
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
        Ok(self
            .cancel_as(tenant, Some(user), job, None, now)
            .await?
            .map(|outcome| match outcome {
                CancelOutcome::Ended => JobStatus::Canceled,
                CancelOutcome::Stopping => JobStatus::Running,
                CancelOutcome::AlreadyOver(status) => status,
            }))
    }

    /// A tenant's admin cancels one of the site's jobs, as its owner would (the hold is
    /// released the same way), and the audit log records it (`job.cancel`) in the same
    /// transaction. Another tenant's job is not found; one already over stays as it ended
    /// and writes nothing.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, job = %job))]
    pub async fn admin_cancel_job(
        &self,
        tenant: TenantId,
        job: JobId,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<Option<CancelOutcome>, StoreError> {
        self.cancel_as(tenant, None, job, Some(actor), now).await
    }

    /// Cancels `job` of `tenant`, of `owner` when given; audited when an admin asks.
    async fn cancel_as(
        &self,
        tenant: TenantId,
        owner: Option<UserId>,
        job: JobId,
        admin: Option<&Actor>,
        now: Timestamp,
    ) -> Result<Option<CancelOutcome>, StoreError> {
        let anyone = owner.is_none();
        let owner = owner.map_or(Uuid::nil(), |u| u.0);
        let outcome = in_transaction!(self, |tx| {
            // First mark the wish on the job whatever it is doing: a worker's report and the
            // reaper honour it from then on (neither queues a job again once it is set), so
            // no later step can lose it. Then a job still queued ends at once; a running one
            // stops at its worker's next heartbeat.
            let asked: Option<(String,)> = sqlx::query_as(
                "update jobs set cancel_requested = true, updated_at = $4 \
                 where id = $1 and tenant_id = $2 and (user_id = $3 or $5) \
                 and status in ('queued', 'running') returning status",
            )
            .bind(job.0)
            .bind(tenant.0)
            .bind(owner)
            .bind(now.millis())
            .bind(anyone)
            .fetch_optional(&mut *tx)
            .await?;
            let outcome = match asked {
                Some(_)
                    if tx
                        .end_and_release(job, JobStatus::Canceled, "", Fence::Queued, now)
                        .await? =>
                {
                    Some(CancelOutcome::Ended)
                }
                Some(_) => Some(CancelOutcome::Stopping),
                // Not this person's, or already over: then it stays as it ended.
                None => {
                    let ended: Option<(String,)> = sqlx::query_as(
                        "select status from jobs where id = $1 and tenant_id = $2 \
                         and (user_id = $3 or $4)",
                    )
                    .bind(job.0)
                    .bind(tenant.0)
                    .bind(owner)
                    .bind(anyone)
                    .fetch_optional(&mut *tx)
                    .await?;
                    ended
                        .and_then(|(status,)| JobStatus::parse(&status))
                        .map(CancelOutcome::AlreadyOver)
                }
            };
            if let Some(actor) = admin {
                let (before, after) = match outcome {
                    Some(CancelOutcome::Ended) => ("queued", "canceled"),
                    Some(CancelOutcome::Stopping) => {
                        ("running", "running, told to stop at its next heartbeat")
                    }
                    _ => ("", ""),
                };
                if !before.is_empty() {
                    write_audit!(
                        tx,
                        Some(tenant.0),
                        actor,
                        "job.cancel",
                        job.to_string(),
                        before,
                        after,
                        now
                    );
                }
            }
            outcome
        });
        Ok(outcome)
    }
}

/// What a cancel did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelOutcome {
    /// It was queued: it ended now and its hold was released.
    Ended,
    /// It is running: its worker stops at the next heartbeat, and the hold is released
    /// when it reports.
    Stopping,
    /// It had already ended, as this.
    AlreadyOver(JobStatus),
}

/// The jobs an account had queued or running when it was disabled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CanceledJobs {
    /// Ended at once, their holds released.
    pub ended: Vec<JobId>,
    /// Running: marked, so their workers stop at the next heartbeat and the hold is
    /// released when they report.
    pub stopping: Vec<JobId>,
}

impl CanceledJobs {
    /// Every job touched, for waking whoever watches them.
    pub fn all(&self) -> impl Iterator<Item = JobId> + '_ {
        self.ended.iter().chain(&self.stopping).copied()
    }
}

/// Queue steps for a change to an account, inside the caller's transaction.
pub(crate) trait AccountQueueSteps {
    /// Cancels every queued or running job of `user`, as the owner's cancel does: each is
    /// marked first (no retry or reaper queues it again), a queued one then ends under the
    /// `Queued` fence and its hold is released through the ledger, a running one stops at
    /// its worker's next heartbeat.
    fn cancel_every_active_job(
        &mut self,
        user: UserId,
        now: Timestamp,
        into: &mut CanceledJobs,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}

macro_rules! account_queue_steps_for {
    ($conn:ty) => {
        impl AccountQueueSteps for $conn {
            async fn cancel_every_active_job(
                &mut self,
                user: UserId,
                now: Timestamp,
                into: &mut CanceledJobs,
            ) -> Result<(), StoreError> {
                let marked: Vec<(Uuid, String)> = sqlx::query_as(
                    "update jobs set cancel_requested = true, updated_at = $2 \
                     where user_id = $1 and status in ('queued', 'running') \
                     and not cancel_requested returning id, status",
                )
                .bind(user.0)
                .bind(now.millis())
                .fetch_all(&mut *self)
                .await?;
                for (id, status) in marked {
                    let job = JobId(id);
                    let ended = status == JobStatus::Queued.as_str()
                        && self
                            .end_and_release(job, JobStatus::Canceled, "", Fence::Queued, now)
                            .await?;
                    if ended {
                        into.ended.push(job);
                    } else {
                        into.stopping.push(job);
                    }
                }
                Ok(())
            }
        }
    };
}

account_queue_steps_for!(sqlx::SqliteConnection);
account_queue_steps_for!(sqlx::PgConnection);
