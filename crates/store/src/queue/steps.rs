//! The fenced endings every queue operation shares, written once for both databases.

use std::future::Future;

use atelier_domain::{CreditChange, Credits, JobId, JobStatus, Timestamp, UserId};
use uuid::Uuid;

use super::claim::{Ask, ClaimSql};
use super::{Completion, NewImage};
use crate::jobs::JobRow;
use crate::ledger::{Applied, CreditWriter};
use crate::StoreError;

/// Ends the active job `$1` with status `$2`, error `$3` at `$4`, under a [`Fence`].
const END: &str = "update jobs set status = $2, error = $3, finished_at = $4, updated_at = $4, \
     lease_token = null, lease_expires_at = null where id = $1";

/// What a write that ends a job expects to find; if the job is not so, nothing changes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Fence<'a> {
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
pub(super) trait QueueSteps {
    /// Whether a worker's next claim may share its report's transaction.
    fn claims_with_reports(&self) -> bool;

    /// Marks the job succeeded under the worker's lease, records its image and captures the
    /// hold; or, when its owner canceled it meanwhile, ends it and releases the hold.
    fn report_success(
        &mut self,
        job: JobId,
        lease_token: &str,
        image: &NewImage,
        now: Timestamp,
    ) -> impl Future<Output = Result<Completion, StoreError>> + Send;

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
            fn claims_with_reports(&self) -> bool {
                <$conn as ClaimSql>::CLAIM_WITH_REPORT
            }

            async fn report_success(
                &mut self,
                job: JobId,
                lease_token: &str,
                image: &NewImage,
                now: Timestamp,
            ) -> Result<Completion, StoreError> {
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
                .fetch_optional(&mut *self)
                .await?;
                Ok(match succeeded {
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
                        .execute(&mut *self)
                        .await?;
                        let capture = CreditChange::capture(Credits::new(cost), job);
                        if self
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
                        let canceled = self
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
                })
            }

            async fn claim(&mut self, ask: &Ask) -> Result<Option<JobRow>, sqlx::Error> {
                for turn in <$conn as ClaimSql>::TAKE_TURN {
                    sqlx::query(turn).execute(&mut *self).await?;
                }
                for sql in <$conn as ClaimSql>::claim_statements() {
                    let row: Option<JobRow> = sqlx::query_as(sql)
                        .bind(&ask.lease_token)
                        .bind(ask.lease_expires_at)
                        .bind(&ask.worker_id)
                        .bind(ask.now)
                        .bind(ask.models.as_deref())
                        .bind(ask.pool)
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
