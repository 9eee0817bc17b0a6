//! The reaper: deadlines and expired leases, enforced with the same fences as a worker's
//! reports, so any number of nodes may run it at once.

use atelier_domain::{JobId, JobStatus, Timestamp};
use uuid::Uuid;

use super::steps::{Fence, QueueSteps};
use super::ReapReport;
use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

impl Store {
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
