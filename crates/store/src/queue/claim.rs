//! The claim: its arguments, and the parts of its statement both databases share. The
//! statements themselves are in `sqlite.rs` and `postgres.rs`.

use atelier_domain::Timestamp;
use uuid::Uuid;

use super::{postgres, sqlite, NextClaim};

/// Starts the job for the worker: `$1` lease token, `$2` lease expiry, `$3` worker, `$4` now.
pub(super) const CLAIM_SET: &str = "update jobs set status = 'running', \
     attempts = attempts + 1, lease_token = $1, lease_expires_at = $2, worker_id = $3, \
     started_at = $4, progress = 0, updated_at = $4";

/// The claimed job's columns (`crate::jobs::JobRow`).
pub(super) const RETURNING: &str = "id, tenant_id, user_id, prompt, negative_prompt, model, \
     width, height, seed, status, cost, attempts, max_attempts, progress, error, \
     cancel_requested, image_id, created_at, started_at, finished_at, deadline_at";

/// Which tenants' jobs the worker's pool serves (`$6`: its tenant, or null for the shared
/// pool): an active tenant's, and for the shared pool only a tenant that may use it.
pub(super) fn pool_filter(tenant: &str, settings: &str, shared: &str) -> String {
    format!(
        "{tenant}.status = 'active' and (({shared} and {settings}.use_shared_pool) \
         or {tenant}.id = $6)"
    )
}

/// Limits the jobs under `alias` to the worker's models: `any` says the worker takes every
/// model, `listed` selects the models it named.
pub(super) fn model_filter(alias: &str, any: &str, listed: &str) -> String {
    format!("and ({any} or {alias}.model in ({listed}))")
}

/// A claim's arguments, made once per claim.
pub(super) struct Ask {
    pub(super) lease_token: String,
    pub(super) lease_expires_at: i64,
    pub(super) worker_id: String,
    pub(super) now: i64,
    /// The worker's models as a JSON array; `None` for all.
    pub(super) models: Option<String>,
    /// The tenant whose own pool the worker is in; `None` for the shared pool.
    pub(super) pool: Option<Uuid>,
}

impl Ask {
    /// `None` for a worker that serves no model: it can claim nothing.
    pub(super) fn new(next: &NextClaim<'_>, now: Timestamp) -> Option<Ask> {
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
            pool: next.pool.map(|tenant| tenant.0),
        })
    }
}

/// The claim's text on each database.
pub(super) trait ClaimSql {
    /// Run first in the claim's transaction, so claims take turns.
    const TAKE_TURN: &'static [&'static str];

    /// Whether a worker's next claim may share its report's transaction.
    const CLAIM_WITH_REPORT: bool;

    /// Tried in order until one claims a job.
    fn claim_statements() -> &'static [String];
}

impl ClaimSql for sqlx::SqliteConnection {
    /// The transaction began `IMMEDIATE` on the one writer: claims already take turns.
    const TAKE_TURN: &'static [&'static str] = &[];
    /// One writer: a claim in the report's transaction saves a lock and a commit.
    const CLAIM_WITH_REPORT: bool = true;

    fn claim_statements() -> &'static [String] {
        sqlite::CLAIM.as_slice()
    }
}

impl ClaimSql for sqlx::PgConnection {
    const TAKE_TURN: &'static [&'static str] = &postgres::TAKE_TURN;
    /// The claim's turn lock must not wait for a report's durable commit.
    const CLAIM_WITH_REPORT: bool = false;

    fn claim_statements() -> &'static [String] {
        postgres::CLAIM.as_slice()
    }
}
