//! The claim on SQLite. A claim runs inside `BEGIN IMMEDIATE`, and SQLite has one writer, so
//! nothing else claims at the same moment and the fair choice is always free to take.

use std::sync::LazyLock;

use super::claim::{model_filter, pool_filter, CLAIM_SET, RETURNING};

/// `$1` lease token, `$2` lease expiry, `$3` worker, `$4` now, `$5` the worker's models as a
/// JSON array (null: any model), `$6` the tenant whose pool the worker is in (null: shared).
pub(super) static CLAIM: LazyLock<[String; 1]> = LazyLock::new(|| {
    let models = |alias| model_filter(alias, "$5 is null", "select value from json_each($5)");
    let (in_queue, in_job) = (models("q"), models("j"));
    let pool = pool_filter("t", "s", "$6 is null");
    // The tenants, then the users of the chosen tenant, that have queued work come from the
    // queue's index one seek each (a loose index scan): a claim costs what the people waiting
    // cost, however many signed up and never generate. `indexed by` pins each seek to that
    // index, so no statistics can send it elsewhere. Whose turn it is comes from the turn
    // tables, which the trigger `jobs_claim_turn` moves when a job starts.
    [format!(
        "{CLAIM_SET} where status = 'queued' and id = (with recursive \
         waiting_tenants (id) as (\
           select (select q.tenant_id from jobs q indexed by jobs_queued_user \
                   where q.status = 'queued' {in_queue} order by q.tenant_id limit 1) \
           union all \
           select (select q.tenant_id from jobs q indexed by jobs_queued_user \
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
           select (select q.user_id from jobs q indexed by jobs_queued_user \
                   where q.tenant_id = (select id from tenant) and q.status = 'queued' {in_queue} \
                   order by q.user_id limit 1) \
           union all \
           select (select q.user_id from jobs q indexed by jobs_queued_user \
                   where q.tenant_id = (select id from tenant) and q.status = 'queued' {in_queue} \
                   and q.user_id > w.id order by q.user_id limit 1) \
           from waiting_users w where w.id is not null), \
         chosen (id) as (\
           select w.id from waiting_users w where w.id is not null \
           order by coalesce((select turn.last_claim_at from user_turns turn \
                              where turn.user_id = w.id), 0), w.id limit 1) \
         select j.id from jobs j indexed by jobs_queued_user \
         where j.tenant_id = (select id from tenant) and j.user_id = (select id from chosen) \
         and j.status = 'queued' {in_job} order by j.created_at, j.id limit 1) \
         returning {RETURNING}"
    )]
});
