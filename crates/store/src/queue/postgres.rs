//! The claim on PostgreSQL. Many workers on many nodes claim at once, so claims take turns on
//! a transaction-level advisory lock, as SQLite's claims take turns on its one writer: each
//! claim's statement starts after the one before it committed, sees the turns it moved, and
//! so hands out jobs exactly as claims one after another would (without the lock, claims made
//! at the same moment would all pick the same user). A claim holds the lock for one statement
//! and its commit, which does not wait for the disk (`synchronous_commit = off` for the claim
//! alone): a claim lost in a crash leaves the job queued, and the worker's report then finds
//! no lease and changes nothing, so nothing but a little work is lost. Reports and
//! submissions, which move money, commit durably as always. The GPU, not this lock, sets the
//! pace of an image platform.
//! The job is still locked `FOR UPDATE SKIP LOCKED`: a job that a cancel or the reaper holds
//! at that moment is passed over, and when the fair choice finds nothing free, the oldest
//! eligible job is taken.

use std::sync::LazyLock;

use super::claim::{model_filter, pool_filter, CLAIM_SET, RETURNING};

/// Claims take turns across every node (a key of our own in the advisory lock space), and
/// their commits do not wait for the disk.
pub(super) const TAKE_TURN: [&str; 1] = ["select set_config('synchronous_commit', 'off', true), \
     pg_advisory_xact_lock(4702316551)"];

/// `$1` lease token, `$2` lease expiry, `$3` worker, `$4` now, `$5` the worker's models as a
/// JSON array (null: any model), `$6` the tenant whose pool the worker is in (null: shared).
/// The fair claim first; the second only when it found none.
pub(super) static CLAIM: LazyLock<[String; 2]> = LazyLock::new(|| {
    let models = |alias| {
        model_filter(
            alias,
            "$5::text is null",
            "select jsonb_array_elements_text($5::jsonb)",
        )
    };
    let (in_queue, in_job) = (models("q"), models("j"));
    let pool = pool_filter("t", "s", "$6::uuid is null");
    // As on SQLite (`sqlite.rs`), the tenants and users with queued work come from the queue's
    // index one seek each, and the turns are read by primary key in subqueries (as a join, a
    // plan made while the turn tables were small went on scanning them as they grew).
    let fair = format!(
        "{CLAIM_SET} where status = 'queued' and id = (with recursive \
         waiting_tenants (id) as (\
           select (select q.tenant_id from jobs q \
                   where q.status = 'queued' {in_queue} order by q.tenant_id limit 1) \
           union all \
           select (select q.tenant_id from jobs q \
                   where q.status = 'queued' {in_queue} and q.tenant_id > w.id \
                   order by q.tenant_id limit 1) \
           from waiting_tenants w where w.id is not null), \
         tenant (id) as materialized (\
           select w.id from waiting_tenants w \
           join tenants t on t.id = w.id join tenant_settings s on s.tenant_id = w.id \
           where {pool} \
           order by coalesce((select turn.last_claim_at from tenant_turns turn \
                              where turn.tenant_id = w.id), 0), w.id limit 1), \
         waiting_users (id) as (\
           select (select q.user_id from jobs q \
                   where q.tenant_id = (select id from tenant) and q.status = 'queued' {in_queue} \
                   order by q.user_id limit 1) \
           union all \
           select (select q.user_id from jobs q \
                   where q.tenant_id = (select id from tenant) and q.status = 'queued' {in_queue} \
                   and q.user_id > w.id order by q.user_id limit 1) \
           from waiting_users w where w.id is not null), \
         chosen (id) as (\
           select w.id from waiting_users w where w.id is not null \
           order by coalesce((select turn.last_claim_at from user_turns turn \
                              where turn.user_id = w.id), 0), w.id limit 1) \
         select j.id from jobs j \
         where j.tenant_id = (select id from tenant) and j.user_id = (select id from chosen) \
         and j.status = 'queued' {in_job} order by j.created_at, j.id limit 1 \
         for update of j skip locked) \
         returning {RETURNING}"
    );
    let oldest = format!(
        "{CLAIM_SET} where status = 'queued' and id = (select j.id from jobs j \
         where j.status = 'queued' {in_job} and exists (select 1 from tenants t \
         join tenant_settings s on s.tenant_id = t.id where t.id = j.tenant_id \
         and {pool}) \
         order by j.created_at, j.id limit 1 for update of j skip locked) \
         returning {RETURNING}"
    );
    [fair, oldest]
});
