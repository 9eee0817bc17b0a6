//! What a worker does to the queue: claim a job, beat its heart, report a success (and claim
//! the next job right after) or a failure. Every write names the lease.

use atelier_domain::{JobId, JobStatus, Timestamp};

use super::claim::Ask;
use super::steps::{Fence, QueueSteps};
use super::{claimed, ClaimedJob, Completion, Heartbeat, NewImage, NextClaim};
use crate::backend::in_transaction;
use crate::{Store, StoreError};

impl Store {
    /// Hands the next queued job of `models` (all when `None`) to a worker of the shared
    /// pool, fairly; `None` when there
    /// is nothing it may take.
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
            pool: None,
        };
        self.claim_job(&next, now).await
    }

    /// Hands the next queued job the worker's pool serves to it, fairly; `None` when there
    /// is nothing it may take.
    #[tracing::instrument(skip_all, fields(worker = next.worker_id))]
    pub async fn claim_job(
        &self,
        next: &NextClaim<'_>,
        now: Timestamp,
    ) -> Result<Option<ClaimedJob>, StoreError> {
        let Some(ask) = Ask::new(next, now) else {
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

    /// [`Store::complete_job`], then the worker's next job when `next` is given. On SQLite the
    /// claim rides in the report's transaction (one writer: one lock, one commit). On
    /// PostgreSQL it is a transaction of its own right after: the report must be durable,
    /// while a claim need not be, and claims take turns on a lock that must not wait for a
    /// report's commit (see `postgres.rs`).
    pub async fn complete_and_claim(
        &self,
        job: JobId,
        lease_token: &str,
        image: NewImage,
        now: Timestamp,
        next: Option<NextClaim<'_>>,
    ) -> Result<(Completion, Option<ClaimedJob>), StoreError> {
        let ask = next.as_ref().and_then(|next| Ask::new(next, now));
        let (completion, row, asked) = in_transaction!(self, |tx| {
            let completion = tx.report_success(job, lease_token, &image, now).await?;
            match &ask {
                Some(ask) if tx.claims_with_reports() => (completion, tx.claim(ask).await?, true),
                _ => (completion, None, false),
            }
        });
        let claimed = match (ask, next) {
            (Some(ask), _) if asked => claimed(row, ask)?,
            // The report is committed: a claim that fails now must not read as a failed
            // report (the worker would throw away an image that was paid for).
            (Some(_), Some(next)) => self
                .claim_job(&next, now)
                .await
                .unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "the claim after a report failed; the worker asks again when idle");
                    None
                }),
            _ => None,
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
            tx.report_success(job, lease_token, &image, now).await?
        });
        Ok(completion)
    }

    /// Gives a running job back to the queue without spending an attempt: its worker is
    /// shutting down before it could finish. `false` when the worker no longer held it.
    #[tracing::instrument(skip_all, fields(job = %job))]
    pub async fn hand_back_job(
        &self,
        job: JobId,
        lease_token: &str,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let back = in_transaction!(self, |tx| {
            sqlx::query(
                "update jobs set status = 'queued', lease_token = null, lease_expires_at = null, \
                 progress = 0, attempts = attempts - 1, updated_at = $3 \
                 where id = $1 and lease_token = $2 and status = 'running' \
                 and not cancel_requested",
            )
            .bind(job.0)
            .bind(lease_token)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?
            .rows_affected()
        });
        Ok(back == 1)
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
