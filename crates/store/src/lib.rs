//! All of Atelier's SQL, for SQLite (the embedded default) and PostgreSQL (scale-out).
//!
//! One query text serves both databases wherever SQL is portable (`$1` placeholders work on
//! SQLite too); the backend is chosen from the URL. Each query is written once inside the
//! [`on_reader!`] / [`in_transaction!`] macros, which expand it for each backend's pool, so
//! one text serves both drivers without `sqlx::Any`. The SQL is checked by running it: the
//! test suite runs on both databases.
//!
//! Money moves through [`ledger`] alone; the job queue's writes are in [`queue`].
#![forbid(unsafe_code)]

mod accounts;
mod admin_jobs;
mod api_tokens;
mod auth_tokens;
mod backend;
mod dashboard;
mod error;
mod invitation_resend;
mod invitations;
mod jobs;
mod ledger;
mod outbox;
mod payments;
mod platform_rules;
mod queue;
mod sessions;
mod tenants;
mod usage;
mod workers;

pub use accounts::AccountChangeRefusal;
pub use accounts::{AdjustRefusal, AdminDeleteRefusal};
pub use accounts::{Adjusted, AdminLedgerEntry, BelowHeld, PaymentCounts};
pub use accounts::{DeleteRefusal, DeletedAccount, NewUser};
pub use admin_jobs::{AdminJob, JobFilter, JobWorker};
pub use api_tokens::ApiTokenInfo;
pub use auth_tokens::{TokenOutcome, TokenPurpose};
pub use backend::{DatabaseKind, Store};
pub use dashboard::{
    india_day, india_day_start, Dashboard, DayFigures, DASHBOARD_DAYS, RENDER_SAMPLE,
};
pub use error::{ConstraintViolation, StoreError};
pub use invitation_resend::{
    InvitationLink, InvitationResend, OpenInvitation, INVITATION_RESEND_GAP_MILLIS,
};
pub use invitations::{AdminRemoval, Invitation, PlatformAdmin};
pub use jobs::{ActiveTotals, ImageRecord, QueuePlaces};
pub use outbox::{NewMail, OutboxCounts, OutgoingMail};
pub use payments::{
    Actor, AuditRecord, Decided, Decision, DeskFilter, DeskOrder, NewPayment, Pack, PaymentRecord,
    PaymentRefusal,
};
pub use queue::CancelOutcome;
pub use queue::{
    CanceledJobs, ClaimedJob, Completion, DueJobs, Heartbeat, NewImage, NextClaim, QueueRules,
    ReapReport,
};
pub use sessions::SessionRecord;
pub use tenants::{ConsoleTenant, SettingsChange, TenantEdit};
pub use tenants::{Heard, NewTenant, TenantChanges, TenantSite};
pub use usage::TenantUsage;
pub use workers::{FailureKind, WorkerHello, WorkerRecord};
