//! All of Atelier's SQL, for SQLite (the embedded default) and PostgreSQL (scale-out).
//!
//! One query text serves both databases wherever SQL is portable (`$1` placeholders work on
//! SQLite too); the backend is chosen from the URL. Each query is written once inside the
//! [`on_reader!`] / [`in_transaction!`] macros, which expand it for each backend's pool, so
//! the compiler checks it against both drivers without `sqlx::Any`.

mod accounts;
mod api_tokens;
mod backend;
mod error;
mod group_commit;
mod jobs;
mod outbox;
mod sessions;
mod tenants;

pub use accounts::{NewUser, UserPage};
pub use api_tokens::ApiTokenInfo;
pub use backend::{DatabaseKind, Store};
pub use error::{ConstraintViolation, StoreError};
pub use jobs::{
    ActiveTotals, ClaimedJob, Completion, Heartbeat, ImageRecord, NewImage, NextClaim, QueueRules,
    ReapReport,
};
pub use outbox::{NewMail, OutboxCounts, OutgoingMail};
pub use sessions::{SessionRecord, TokenOutcome, TokenPurpose};
pub use tenants::{NewTenant, TenantSite};
