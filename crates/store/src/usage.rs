//! What each tenant does with the platform and pays through it, for the platform console:
//! people, images of the last 30 days, and credits sold with the money they brought, over
//! the last 30 days and all time.

use atelier_domain::{TenantId, Timestamp};
use uuid::Uuid;

use crate::backend::on_reader;
use crate::{Store, StoreError};

/// One tenant's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenantUsage {
    pub tenant: TenantId,
    pub users: i64,
    /// Jobs submitted since the window began that ended with an image.
    pub succeeded: i64,
    /// Jobs submitted since the window began that failed.
    pub failed: i64,
    /// Approved payments submitted since the window began: credits, and paise.
    pub credits_sold: i64,
    pub revenue_paise: i64,
    /// Every approved payment.
    pub credits_sold_all: i64,
    pub revenue_paise_all: i64,
}

type UsageRow = (Uuid, i64, i64, i64, i64, i64, i64, i64);

impl Store {
    /// Every tenant's figures, oldest tenant first, the window starting at `since`.
    ///
    /// One statement, a subquery per figure and tenant: each is a range of an index that
    /// starts with the tenant (`users_tenant_keyset`, `jobs_tenant_status`,
    /// `payment_requests_desk`), so the jobs are counted from the index alone and only the
    /// window's own rows are read, where a `group by` over all tenants would walk every job
    /// the platform ever ran.
    #[tracing::instrument(skip_all)]
    pub async fn platform_usage(&self, since: Timestamp) -> Result<Vec<TenantUsage>, StoreError> {
        let rows: Vec<UsageRow> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select t.id, \
                 (select count(*) from users u where u.tenant_id = t.id), \
                 (select count(*) from jobs j where j.tenant_id = t.id \
                  and j.status = 'succeeded' and j.created_at >= $1), \
                 (select count(*) from jobs j where j.tenant_id = t.id \
                  and j.status = 'failed' and j.created_at >= $1), \
                 (select cast(coalesce(sum(p.credits), 0) as bigint) from payment_requests p \
                  where p.tenant_id = t.id and p.status = 'approved' and p.created_at >= $1), \
                 (select cast(coalesce(sum(p.amount_paise), 0) as bigint) from payment_requests p \
                  where p.tenant_id = t.id and p.status = 'approved' and p.created_at >= $1), \
                 (select cast(coalesce(sum(p.credits), 0) as bigint) from payment_requests p \
                  where p.tenant_id = t.id and p.status = 'approved'), \
                 (select cast(coalesce(sum(p.amount_paise), 0) as bigint) from payment_requests p \
                  where p.tenant_id = t.id and p.status = 'approved') \
                 from tenants t order by t.created_at, t.id",
            )
            .bind(since.millis())
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(tenant, users, succeeded, failed, sold, revenue, sold_all, revenue_all)| {
                    TenantUsage {
                        tenant: TenantId(tenant),
                        users,
                        succeeded,
                        failed,
                        credits_sold: sold,
                        revenue_paise: revenue,
                        credits_sold_all: sold_all,
                        revenue_paise_all: revenue_all,
                    }
                },
            )
            .collect())
    }
}
