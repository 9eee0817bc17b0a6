//! A tenant admin's list of the site's jobs: newest first, a keyset page at a time, filtered
//! by state, account, model and a range of days. The statement names only the filters in
//! use, so each filter meets the index made for it (see migration `admin_jobs_indexes`)
//! with a plain equality and the pages' (created_at, id) bound, rather than an
//! `$n is null or ...` the planner cannot see through. The plans, with 1,000,000 jobs in
//! one tenant, are in docs/PERFORMANCE.md ("The admin's jobs list").

use std::collections::HashMap;

use atelier_domain::{Job, JobId, JobStatus, TenantId, Timestamp, UserId};
use uuid::Uuid;

use crate::backend::{on_reader, parameters};
use crate::jobs::{JobRow, JOB_COLUMNS};
use crate::{Store, StoreError};

/// Which jobs the admin's list shows; every field narrows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobFilter {
    pub status: Option<JobStatus>,
    pub user: Option<UserId>,
    /// A model id, as jobs record it.
    pub model: Option<String>,
    /// Submitted at or after.
    pub from: Option<Timestamp>,
    /// Submitted before.
    pub until: Option<Timestamp>,
}

/// Who ran a job, as far as the server knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobWorker {
    /// A remote worker of the tenant's own pool.
    Own(String),
    /// A remote worker of the platform's shared pool.
    Shared(String),
    /// A worker inside a server process (`embedded-<node>-<n>`), or one since deleted.
    Other(String),
}

/// One row of the admin's list.
#[derive(Debug, Clone)]
pub struct AdminJob {
    pub job: Job,
    pub user_email: String,
    /// The worker of the last attempt; `None` before the first claim.
    pub worker: Option<JobWorker>,
}

#[derive(sqlx::FromRow)]
struct AdminJobRow {
    #[sqlx(flatten)]
    job: JobRow,
    user_email: String,
    worker_id: Option<String>,
}

impl Store {
    /// Up to `limit` jobs of `tenant` matching `filter`, newest first, older than `before`
    /// (created_at and id of the last job of the previous page).
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn admin_jobs(
        &self,
        tenant: TenantId,
        filter: &JobFilter,
        before: Option<(Timestamp, JobId)>,
        limit: i64,
    ) -> Result<Vec<AdminJob>, StoreError> {
        // The page's upper bound and the range's end are one row comparison: "created
        // before `until`" is "(created_at, id) < (until, the least id)", so the tighter of
        // the two bounds the index walk alone.
        let mut upper = before.map_or((i64::MAX, Uuid::max()), |(t, j)| (t.millis(), j.0));
        if let Some(until) = filter.until {
            upper = upper.min((until.millis(), Uuid::nil()));
        }
        let mut sql = format!(
            "select {JOB_COLUMNS}, u.email as user_email, j.worker_id from jobs j \
             join users u on u.id = j.user_id \
             where j.tenant_id = $1 and (j.created_at, j.id) < ($2, $3)"
        );
        let mut next = 4;
        let mut clause = |column: &str| {
            sql.push_str(&format!(" and {column} ${next}"));
            next += 1;
        };
        if filter.status.is_some() {
            clause("j.status =");
        }
        if filter.user.is_some() {
            clause("j.user_id =");
        }
        if filter.model.is_some() {
            clause("j.model =");
        }
        if filter.from.is_some() {
            clause("j.created_at >=");
        }
        sql.push_str(&format!(
            " order by j.created_at desc, j.id desc limit ${next}"
        ));
        let rows: Vec<AdminJobRow> = on_reader!(self, |pool| {
            // Planned afresh each time, with the values: PostgreSQL's generic plan of a
            // cached statement (used after its fifth run) cannot tell a model with no jobs
            // in the range from a common one, and walked 840,000 entries of the day index
            // for "model X since March" (0.9 s) where the model's index answers in 0.1 ms.
            let mut query = sqlx::query_as(&sql)
                .persistent(false)
                .bind(tenant.0)
                .bind(upper.0)
                .bind(upper.1);
            if let Some(status) = filter.status {
                query = query.bind(status.as_str());
            }
            if let Some(user) = filter.user {
                query = query.bind(user.0);
            }
            if let Some(model) = &filter.model {
                query = query.bind(model.as_str());
            }
            if let Some(from) = filter.from {
                query = query.bind(from.millis());
            }
            query.bind(limit).fetch_all(pool).await?
        });
        let names = self.worker_names(tenant, &rows).await?;
        rows.into_iter()
            .map(|row| {
                let worker = row.worker_id.map(|id| {
                    Uuid::try_parse(&id)
                        .ok()
                        .and_then(|uuid| names.get(&uuid).cloned())
                        .unwrap_or(JobWorker::Other(id))
                });
                Ok(AdminJob {
                    job: row.job.into_job()?,
                    user_email: row.user_email,
                    worker,
                })
            })
            .collect()
    }

    /// The names of the remote workers that ran `rows`, by id: one read for a page. A
    /// worker of another tenant's pool cannot have run this tenant's job, but is left out
    /// all the same.
    async fn worker_names(
        &self,
        tenant: TenantId,
        rows: &[AdminJobRow],
    ) -> Result<HashMap<Uuid, JobWorker>, StoreError> {
        let mut ids: Vec<Uuid> = rows
            .iter()
            .filter_map(|r| r.worker_id.as_deref())
            .filter_map(|id| Uuid::try_parse(id).ok())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "select id, name, tenant_id from workers where id in ({}) \
             and (tenant_id is null or tenant_id = $1)",
            parameters(2, ids.len())
        );
        let found: Vec<(Uuid, String, Option<Uuid>)> = on_reader!(self, |pool| {
            let mut query = sqlx::query_as(&sql).bind(tenant.0);
            for id in &ids {
                query = query.bind(id);
            }
            query.fetch_all(pool).await?
        });
        Ok(found
            .into_iter()
            .map(|(id, name, pool)| {
                let worker = match pool {
                    Some(_) => JobWorker::Own(name),
                    None => JobWorker::Shared(name),
                };
                (id, worker)
            })
            .collect())
    }
}
