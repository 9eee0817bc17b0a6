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
//!   transaction; a worker may ask for its next job in the same call.
//! - **Every other ending** (failure, timeout, cancel) releases the hold.
//! - **The reaper** fails overdue jobs and takes back expired leases, with the same fences,
//!   so any number of nodes may run it at once.
//!
//! Files: `owner.rs` (submit, cancel), `worker.rs` (claim, heartbeat, complete, fail),
//! `reap.rs`, `steps.rs` (the fenced endings they share), `claim.rs` with `sqlite.rs` and
//! `postgres.rs` (the claim statement). A new rule for claims (pools, models) goes in the
//! last two.

mod claim;
mod owner;
mod postgres;
mod reap;
mod sqlite;
mod steps;
mod worker;

use atelier_domain::Job;

use crate::jobs::JobRow;
use crate::StoreError;

use claim::Ask;
pub(crate) use owner::AccountQueueSteps;
pub use owner::{CancelOutcome, CanceledJobs};
pub use reap::DueJobs;

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
    /// The tenant whose own pool the worker is in; `None` for the shared pool.
    pub pool: Option<atelier_domain::TenantId>,
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
