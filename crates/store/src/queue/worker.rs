//! What a worker does to the queue: claim a job, beat its heart, report a success (and claim
//! the next job right after) or a failure. Every write names the lease.

use atelier_domain::{CreditChange, Credits, JobId, JobStatus, Timestamp, UserId};
use uuid::Uuid;

use super::claim::Ask;
use super::steps::{Fence, QueueSteps};
use super::{claimed, ClaimedJob, Completion, Heartbeat, NewImage, NextClaim};
use crate::backend::in_transaction;
use crate::ledger::{Applied, CreditWriter};
use crate::{Store, StoreError};

impl Store {
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

    /// [`Store::complete_job`], then the worker's next job when `next` is given. The two are
    /// separate transactions: the report must be durable, while a claim need not be (see
    /// `postgres.rs`), and so a claim never waits on another worker's report.
    pub async fn complete_and_claim(
        &self,
        job: JobId,
        lease_token: &str,
        image: NewImage,
        now: Timestamp,
        next: Option<NextClaim<'_>>,
    ) -> Result<(Completion, Option<ClaimedJob>), StoreError> {
        let completion = self.complete_job(job, lease_token, image, now).await?;
        let claimed = match next {
            Some(next) => {
                self.claim_next_job(next.worker_id, next.models, next.lease_ms, now)
                    .await?
            }
            None => None,
        };
        Ok((completion, claimed))
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
        let completion = in_transaction!(self, |tx| {
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
            completion
        });
        Ok(completion)
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
}
