//! The reaper: deadlines and expired leases, enforced with the same fences as a worker's
//! reports, so any number of nodes may run it at once. It reads what is due, then ends or
//! requeues each job in a transaction of its own: one job's trouble (a deadlock with a
//! report, a corrupt row) is logged and left for the next pass, not the whole pass's.

use atelier_domain::{JobId, JobReason, JobStatus, Timestamp};
use uuid::Uuid;

use super::steps::{Fence, QueueSteps};
use super::ReapReport;
use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

/// What a reaper found due: jobs past their deadline, and running jobs whose lease ran out.
#[derive(Debug, Clone, Default)]
pub struct DueJobs {
    /// The job, and the time it was given to finish, in ms.
    overdue: Vec<(JobId, i64)>,
    /// The job, the lease found expired, whether its owner asked to cancel it, and whether
    /// it has attempts left.
    expired: Vec<(JobId, String, bool, bool)>,
}

impl DueJobs {
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty() && self.expired.is_empty()
    }
}

/// A running job whose lease ran out: id, lease token, cancel asked, attempts left.
type ExpiredRow = (Uuid, String, bool, bool);

impl Store {
    /// Fails jobs past their deadline (each told the time it was given, which the platform's
    /// rules at its queuing set) and takes back expired leases (queuing the job again while
    /// attempts remain).
    #[tracing::instrument(skip_all)]
    pub async fn reap_jobs(&self, now: Timestamp) -> Result<ReapReport, StoreError> {
        let due = self.jobs_due_for_reaping(now).await?;
        Ok(self.reap_due_jobs(&due, now).await)
    }

    /// What is due as of `now`: two reads of small partial indexes, nothing written.
    pub async fn jobs_due_for_reaping(&self, now: Timestamp) -> Result<DueJobs, StoreError> {
        let (overdue, expired): (Vec<(Uuid, i64)>, Vec<ExpiredRow>) = on_reader!(self, |pool| {
            let overdue = sqlx::query_as(
                "select id, case when deadline_ms > 0 then deadline_ms \
                     else deadline_at - created_at end from jobs \
                     where status in ('queued', 'running') and deadline_at <= $1 \
                     and not exists (select 1 from tenants t where t.id = jobs.tenant_id \
                     and t.status = 'suspended')",
            )
            .bind(now.millis())
            .fetch_all(pool)
            .await?;
            let expired = sqlx::query_as(
                "select id, lease_token, cancel_requested, attempts < max_attempts from jobs \
                     where status = 'running' and lease_expires_at <= $1 and deadline_at > $1",
            )
            .bind(now.millis())
            .fetch_all(pool)
            .await?;
            (overdue, expired)
        });
        Ok(DueJobs {
            overdue: overdue
                .into_iter()
                .map(|(id, given)| (JobId(id), given))
                .collect(),
            expired: expired
                .into_iter()
                .map(|(id, token, cancel, left)| (JobId(id), token, cancel, left))
                .collect(),
        })
    }

    /// Ends or requeues each job of `due`, each in its own transaction, each write fenced by
    /// what the reaper found: whatever moved the job on since (a report, a heartbeat, another
    /// reaper) wins, and the write changes nothing.
    pub async fn reap_due_jobs(&self, due: &DueJobs, now: Timestamp) -> ReapReport {
        let mut report = ReapReport::default();
        for (job, given_ms) in &due.overdue {
            // In whole minutes, rounded up, as pages state the deadline.
            let minutes = (given_ms + 59_999) / 60_000;
            let reason = JobReason::Deadline { minutes }.stored();
            match self
                .end_reaped(*job, JobStatus::Failed, &reason, Fence::Overdue, now)
                .await
            {
                Ok(ended) => report.failed += u32::from(ended),
                Err(e) => tracing::warn!(%job, error = %e, "could not fail an overdue job"),
            }
        }
        for (job, token, cancel, attempts_left) in &due.expired {
            let lease = Fence::ExpiredLease(token);
            let done = if *cancel {
                self.end_reaped(*job, JobStatus::Canceled, "", lease, now)
                    .await
                    .map(|ended| report.canceled += u32::from(ended))
            } else if *attempts_left {
                self.requeue_expired(*job, token, now)
                    .await
                    .map(|back| report.requeued += u32::from(back))
            } else {
                self.end_reaped(
                    *job,
                    JobStatus::Failed,
                    &JobReason::WorkerSilentGaveUp.stored(),
                    lease,
                    now,
                )
                .await
                .map(|ended| report.failed += u32::from(ended))
            };
            if let Err(e) = done {
                tracing::warn!(%job, error = %e, "could not take back an expired lease");
            }
        }
        report
    }

    async fn end_reaped(
        &self,
        job: JobId,
        status: JobStatus,
        reason: &str,
        fence: Fence<'_>,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        Ok(in_transaction!(self, |tx| {
            tx.end_and_release(job, status, reason, fence, now).await?
        }))
    }

    /// Queues the job again under no lease, unless its owner asked to cancel it meanwhile
    /// (then the next pass ends it).
    async fn requeue_expired(
        &self,
        job: JobId,
        token: &str,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let back = in_transaction!(self, |tx| {
            sqlx::query(
                "update jobs set status = 'queued', lease_token = null, lease_expires_at = null, \
                 progress = 0, error = $3, updated_at = $2 \
                 where id = $1 and lease_token = $4 and status = 'running' \
                 and lease_expires_at <= $2 and not cancel_requested",
            )
            .bind(job.0)
            .bind(now.millis())
            .bind(JobReason::WorkerSilentRequeued.stored())
            .bind(token)
            .execute(&mut *tx)
            .await?
            .rows_affected()
        });
        Ok(back == 1)
    }
}
