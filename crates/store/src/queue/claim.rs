//! The parts of the claim statement both databases share.

/// Starts the job for the worker: `$1` lease token, `$2` lease expiry, `$3` worker, `$4` now.
pub(super) const CLAIM_SET: &str = "update jobs set status = 'running', \
     attempts = attempts + 1, lease_token = $1, lease_expires_at = $2, worker_id = $3, \
     started_at = $4, progress = 0, updated_at = $4";

/// The claimed job's columns (`crate::jobs::JobRow`).
pub(super) const RETURNING: &str = "id, tenant_id, user_id, prompt, negative_prompt, model, \
     width, height, seed, status, cost, attempts, max_attempts, progress, error, \
     cancel_requested, image_id, created_at, started_at, finished_at, deadline_at";

/// Limits the jobs under `alias` to the worker's models: `any` says the worker takes every
/// model, `listed` selects the models it named.
pub(super) fn model_filter(alias: &str, any: &str, listed: &str) -> String {
    format!("and ({any} or {alias}.model in ({listed}))")
}
