//! The figures of a tenant admin's dashboard: a handful of counts and the last 30 days, day
//! by day in India's calendar. Each is one query over an index that starts with the tenant,
//! so a site with a million jobs answers in the time of a scan over the days asked about.

use atelier_domain::{TenantId, Timestamp};

use crate::backend::on_reader;
use crate::{Store, StoreError};

/// India is 5 h 30 min ahead of UTC all year: a day in India starts at 18:30 UTC.
const IST_OFFSET_MS: i64 = 19_800_000;
const DAY_MS: i64 = 86_400_000;
/// The days the charts cover, today included.
pub const DASHBOARD_DAYS: i64 = 30;
/// How many of the latest images the median render time is taken over.
pub const RENDER_SAMPLE: i64 = 1000;

/// One day of the charts; `day` counts days since 1970-01-01 in India.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayFigures {
    pub day: i64,
    pub signups: i64,
    pub jobs: i64,
    pub succeeded: i64,
    pub failed: i64,
    /// Credits taken for images made that day.
    pub credits_spent: i64,
    /// Credits in payments approved that day (by the day they were asked for).
    pub credits_sold: i64,
}

/// What the dashboard shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dashboard {
    /// Accounts that are not deleted (a deleted row stays for the books).
    pub users: i64,
    pub queue_depth: i64,
    pub pending_payments: i64,
    /// Of the latest [`RENDER_SAMPLE`] images; `None` before the first.
    pub median_render_ms: Option<i64>,
    /// How many images the median is taken over (at most [`RENDER_SAMPLE`]).
    pub render_sample: i64,
    /// The last [`DASHBOARD_DAYS`] days, oldest first, every day present.
    pub days: Vec<DayFigures>,
}

/// The day in India of an instant, as days since 1970-01-01.
pub fn india_day(at: Timestamp) -> i64 {
    (at.millis() + IST_OFFSET_MS).div_euclid(DAY_MS)
}

/// When India's day `day` begins.
pub fn india_day_start(day: i64) -> Timestamp {
    Timestamp(day * DAY_MS - IST_OFFSET_MS)
}

impl Store {
    /// The dashboard of `tenant` as of `now`.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn dashboard(
        &self,
        tenant: TenantId,
        now: Timestamp,
    ) -> Result<Dashboard, StoreError> {
        let today = india_day(now);
        let first = today - (DASHBOARD_DAYS - 1);
        let since = india_day_start(first).millis();
        let t = tenant.0;
        // The day of a row is worked out in SQL the same way as `india_day`.
        let day_of = format!("(created_at + {IST_OFFSET_MS}) / {DAY_MS}");
        let jobs_sql = format!(
            "select {day_of} as day, count(*), \
             cast(sum(case when status = 'succeeded' then 1 else 0 end) as bigint), \
             cast(sum(case when status = 'failed' then 1 else 0 end) as bigint), \
             cast(sum(case when status = 'succeeded' then cost else 0 end) as bigint) \
             from jobs where tenant_id = $1 and created_at >= $2 group by 1"
        );
        let signups_sql = format!(
            "select {day_of} as day, count(*) from users \
             where tenant_id = $1 and created_at >= $2 group by 1"
        );
        let sold_sql = format!(
            "select {day_of} as day, cast(sum(credits) as bigint) from payment_requests \
             where tenant_id = $1 and created_at >= $2 and status = 'approved' group by 1"
        );
        /// Day, jobs, succeeded, failed, credits spent.
        type JobDay = (i64, i64, i64, i64, i64);
        /// Day and a count or sum.
        type DayCount = (i64, i64);
        type Rows = (
            Vec<JobDay>,
            Vec<DayCount>,
            Vec<DayCount>,
            (i64, i64, i64),
            Vec<(i64,)>,
        );
        let (jobs, signups, sold, counts, renders): Rows = on_reader!(self, |pool| {
            let jobs = sqlx::query_as(&jobs_sql)
                .bind(t)
                .bind(since)
                .fetch_all(pool)
                .await?;
            let signups = sqlx::query_as(&signups_sql)
                .bind(t)
                .bind(since)
                .fetch_all(pool)
                .await?;
            let sold = sqlx::query_as(&sold_sql)
                .bind(t)
                .bind(since)
                .fetch_all(pool)
                .await?;
            let counts = sqlx::query_as(
                "select (select count(*) from users where tenant_id = $1) \
                   - (select count(*) from users where tenant_id = $1 \
                      and password_hash = '!deleted'), \
                 (select count(*) from jobs where tenant_id = $1 and status = 'queued'), \
                 (select count(*) from payment_requests where tenant_id = $1 and status = 'pending')",
            )
            .bind(t)
            .fetch_one(pool)
            .await?;
            // The latest images first, through the tenant's (created_at) index.
            let renders = sqlx::query_as(
                "select finished_at - started_at from jobs \
                 where tenant_id = $1 and status = 'succeeded' \
                 and started_at is not null and finished_at is not null \
                 order by created_at desc limit $2",
            )
            .bind(t)
            .bind(RENDER_SAMPLE)
            .fetch_all(pool)
            .await?;
            (jobs, signups, sold, counts, renders)
        });
        let mut days: Vec<DayFigures> = (first..=today)
            .map(|day| DayFigures {
                day,
                ..DayFigures::default()
            })
            .collect();
        let slot = |day: i64| usize::try_from(day - first).ok();
        for (day, count, succeeded, failed, spent) in jobs {
            if let Some(d) = slot(day).and_then(|i| days.get_mut(i)) {
                (d.jobs, d.succeeded, d.failed, d.credits_spent) =
                    (count, succeeded, failed, spent);
            }
        }
        for (day, count) in signups {
            if let Some(d) = slot(day).and_then(|i| days.get_mut(i)) {
                d.signups = count;
            }
        }
        for (day, credits) in sold {
            if let Some(d) = slot(day).and_then(|i| days.get_mut(i)) {
                d.credits_sold = credits;
            }
        }
        let mut durations: Vec<i64> = renders.into_iter().map(|(ms,)| ms).collect();
        durations.sort_unstable();
        Ok(Dashboard {
            users: counts.0,
            queue_depth: counts.1,
            pending_payments: counts.2,
            median_render_ms: durations.get(durations.len() / 2).copied(),
            render_sample: i64::try_from(durations.len()).unwrap_or(RENDER_SAMPLE),
            days,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn india_days_begin_at_half_past_six_utc() {
        // 2026-12-04T18:29:59.999Z is still 4 December in India; a millisecond later is the 5th.
        let before = Timestamp(1_796_408_999_999);
        let after = Timestamp(1_796_409_000_000);
        assert_eq!(india_day(after) - india_day(before), 1);
        assert_eq!(india_day_start(india_day(after)), after);
    }
}
