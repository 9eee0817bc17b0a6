//! Reading jobs and images: a user's history and jobs in flight, one job, where queued jobs
//! stand in line. The queue's writes are in [`crate::queue`].

use atelier_domain::{
    fair_positions, Credits, ImageId, Job, JobId, JobStatus, TenantId, Timestamp, UserId, Waiting,
};
use uuid::Uuid;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::backend::{on_reader, parameters, VALUES_PER_QUERY};
use crate::{Store, StoreError};

/// A stored image's owner and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRecord {
    pub id: ImageId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub job_id: JobId,
    pub width: i64,
    pub height: i64,
    pub created_at: Timestamp,
}

/// A user's active jobs as the user's row records them and as the jobs add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActiveTotals {
    /// `users.held`.
    pub held: i64,
    /// Σ cost of the queued and running jobs.
    pub held_by_jobs: i64,
    /// `users.active_jobs`.
    pub active_jobs: i64,
    /// How many jobs are queued or running.
    pub counted: i64,
}

/// Estimated places in line (1 = next) of a user's queued jobs, within the user's own site
/// under fair claiming (see `atelier_domain::queue`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueuePlaces(HashMap<JobId, i64>);

impl QueuePlaces {
    pub fn of(&self, job: JobId) -> Option<i64> {
        self.0.get(&job).copied()
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct JobRow {
    id: Uuid,
    tenant_id: Uuid,
    user_id: Uuid,
    prompt: String,
    negative_prompt: String,
    model: String,
    width: i64,
    height: i64,
    seed: i64,
    status: String,
    cost: i64,
    attempts: i64,
    max_attempts: i64,
    progress: i64,
    error: String,
    cancel_requested: bool,
    image_id: Option<Uuid>,
    created_at: i64,
    started_at: Option<i64>,
    finished_at: Option<i64>,
    deadline_at: i64,
}

pub(crate) const JOB_COLUMNS: &str = "j.id, j.tenant_id, j.user_id, j.prompt, j.negative_prompt, \
     j.model, j.width, j.height, j.seed, j.status, j.cost, j.attempts, j.max_attempts, j.progress, \
     j.error, j.cancel_requested, j.image_id, j.created_at, j.started_at, j.finished_at, \
     j.deadline_at";

impl JobRow {
    pub(crate) fn into_job(self) -> Result<Job, StoreError> {
        Ok(Job {
            id: JobId(self.id),
            tenant_id: TenantId(self.tenant_id),
            user_id: UserId(self.user_id),
            prompt: self.prompt,
            negative_prompt: self.negative_prompt,
            model: self.model,
            width: self.width,
            height: self.height,
            seed: self.seed,
            status: JobStatus::parse(&self.status).ok_or_else(|| {
                StoreError::Corrupt(format!("job {}: status {}", self.id, self.status))
            })?,
            cost: Credits::new(self.cost),
            attempts: self.attempts,
            max_attempts: self.max_attempts,
            progress: self.progress,
            error: self.error,
            cancel_requested: self.cancel_requested,
            image_id: self.image_id.map(ImageId),
            created_at: Timestamp(self.created_at),
            started_at: self.started_at.map(Timestamp),
            finished_at: self.finished_at.map(Timestamp),
            deadline_at: Timestamp(self.deadline_at),
        })
    }
}

impl Store {
    /// A job of this tenant, and of this user when `owner` is given.
    pub async fn find_job(
        &self,
        tenant: TenantId,
        owner: Option<UserId>,
        id: JobId,
    ) -> Result<Option<Job>, StoreError> {
        let sql = format!(
            "select {JOB_COLUMNS} from jobs j where j.id = $1 and j.tenant_id = $2 \
             and (j.user_id = $3 or $4)"
        );
        let row: Option<JobRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(id.0)
                .bind(tenant.0)
                .bind(owner.map_or(Uuid::nil(), |u| u.0))
                .bind(owner.is_none())
                .fetch_optional(pool)
                .await?
        });
        row.map(JobRow::into_job).transpose()
    }

    /// A user's jobs, newest first, a keyset page at a time: up to `limit` after `before`
    /// (created_at and id of the last job seen), through `jobs_user_keyset`. The history
    /// page and the API page alike, without counting or offsetting the user's jobs.
    pub async fn list_jobs(
        &self,
        user: UserId,
        before: Option<(Timestamp, JobId)>,
        limit: i64,
    ) -> Result<Vec<Job>, StoreError> {
        let (before_at, before_id) =
            before.map_or((i64::MAX, Uuid::max()), |(t, j)| (t.millis(), j.0));
        // A row comparison: PostgreSQL's generic plan of a prepared statement (used after
        // its fifth run) seeks the index with it, where `a < $2 or (a = $2 and b < $3)`
        // walked every newer row, making the last page of 20,000 jobs 5.6 times the first.
        let sql = format!(
            "select {JOB_COLUMNS} from jobs j where j.user_id = $1 \
             and (j.created_at, j.id) < ($2, $3) \
             order by j.created_at desc, j.id desc limit $4"
        );
        let rows: Vec<JobRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(user.0)
                .bind(before_at)
                .bind(before_id)
                .bind(limit)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(JobRow::into_job).collect()
    }

    /// A user's queued and running jobs, oldest first: the queued ones by `jobs_queued_user`
    /// (which leads with the tenant), the running ones by `jobs_running_user`.
    pub async fn active_jobs(&self, user: UserId) -> Result<Vec<Job>, StoreError> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            format!(
                "select * from (select {JOB_COLUMNS} from jobs j where j.status = 'queued' \
                 and j.tenant_id = (select tenant_id from users where id = $1) and j.user_id = $1 \
                 union all select {JOB_COLUMNS} from jobs j where j.status = 'running' \
                 and j.user_id = $1) active order by created_at, id"
            )
        });
        let rows: Vec<JobRow> = on_reader!(self, |pool| {
            sqlx::query_as(SQL.as_str())
                .bind(user.0)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(JobRow::into_job).collect()
    }

    /// Where each of `user`'s queued jobs stands in the tenant's line: two reads through the
    /// queue's index (the user's queued jobs, and who else in the tenant is waiting with how
    /// many), whatever the number of jobs asked about.
    pub async fn queue_places(
        &self,
        tenant: TenantId,
        user: UserId,
    ) -> Result<QueuePlaces, StoreError> {
        self.queue_places_of(tenant, &[user]).await
    }

    /// [`Store::queue_places`] for several users of one tenant at once: the live-status
    /// streams of a node share these reads, whoever watches.
    pub async fn queue_places_of(
        &self,
        tenant: TenantId,
        users: &[UserId],
    ) -> Result<QueuePlaces, StoreError> {
        let mut mine: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for chunk in users.chunks(VALUES_PER_QUERY) {
            let sql = format!(
                "select user_id, id from jobs where tenant_id = $1 and status = 'queued' \
                 and user_id in ({}) order by created_at, id",
                parameters(2, chunk.len())
            );
            let rows: Vec<(Uuid, Uuid)> = on_reader!(self, |pool| {
                let mut query = sqlx::query_as(&sql).bind(tenant.0);
                for user in chunk {
                    query = query.bind(user.0);
                }
                query.fetch_all(pool).await?
            });
            for (user, job) in rows {
                mine.entry(user).or_default().push(job);
            }
        }
        if mine.is_empty() {
            return Ok(QueuePlaces::default());
        }
        let waiting: Vec<(Uuid, i64, i64)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select q.user_id, count(*), coalesce(max(t.last_claim_at), 0) from jobs q \
                 left join user_turns t on t.user_id = q.user_id \
                 where q.tenant_id = $1 and q.status = 'queued' group by q.user_id",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await?
        });
        let others: Vec<Waiting> = waiting
            .iter()
            .map(|&(u, queued, last_turn)| Waiting {
                user: UserId(u),
                queued,
                last_turn,
            })
            .collect();
        let mut places = HashMap::new();
        for (user, jobs) in mine {
            let my_turn = others
                .iter()
                .find(|w| w.user.0 == user)
                .map_or(0, |w| w.last_turn);
            let ranks = fair_positions(UserId(user), my_turn, jobs.len(), &others);
            places.extend(jobs.into_iter().map(JobId).zip(ranks));
        }
        Ok(QueuePlaces(places))
    }

    /// The jobs with these ids, in no particular order; ids of no job are left out.
    pub async fn jobs_by_ids(&self, ids: &[JobId]) -> Result<Vec<Job>, StoreError> {
        let mut jobs = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(VALUES_PER_QUERY) {
            let sql = format!(
                "select {JOB_COLUMNS} from jobs j where j.id in ({})",
                parameters(1, chunk.len())
            );
            let rows: Vec<JobRow> = on_reader!(self, |pool| {
                let mut query = sqlx::query_as(&sql);
                for id in chunk {
                    query = query.bind(id.0);
                }
                query.fetch_all(pool).await?
            });
            for row in rows {
                jobs.push(row.into_job()?);
            }
        }
        Ok(jobs)
    }

    /// The average render time of the most recent successful jobs, for wait estimates.
    pub async fn recent_render_millis(&self) -> Result<Option<i64>, StoreError> {
        let (avg,): (Option<i64>,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select cast(avg(finished_at - started_at) as bigint) from (select finished_at, started_at \
                 from jobs where status = 'succeeded' and started_at is not null \
                 order by finished_at desc limit 20) recent",
            )
            .fetch_one(pool)
            .await?
        });
        Ok(avg)
    }

    /// What a user's queued and running jobs add up to, beside what the user's row records
    /// for them; the two agree at all times (an invariant the tests check).
    pub async fn active_totals(&self, user: UserId) -> Result<ActiveTotals, StoreError> {
        let (held, held_by_jobs, active_jobs, counted): (i64, i64, i64, i64) =
            on_reader!(self, |pool| {
                sqlx::query_as(
                    "select u.held, cast(coalesce(sum(j.cost), 0) as bigint), u.active_jobs, \
                     count(j.id) from users u left join jobs j on j.user_id = u.id \
                     and j.status in ('queued', 'running') where u.id = $1 \
                     group by u.held, u.active_jobs",
                )
                .bind(user.0)
                .fetch_one(pool)
                .await?
            });
        Ok(ActiveTotals {
            held,
            held_by_jobs,
            active_jobs,
            counted,
        })
    }

    pub async fn find_image(&self, id: ImageId) -> Result<Option<ImageRecord>, StoreError> {
        let row: Option<(Uuid, Uuid, Uuid, Uuid, i64, i64, i64)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select id, tenant_id, user_id, job_id, width, height, created_at from images where id = $1",
            )
            .bind(id.0)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(
            |(id, tenant, user, job, width, height, created)| ImageRecord {
                id: ImageId(id),
                tenant_id: TenantId(tenant),
                user_id: UserId(user),
                job_id: JobId(job),
                width,
                height,
                created_at: Timestamp(created),
            },
        ))
    }
}
