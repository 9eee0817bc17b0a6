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

/// A tenant, its people, and its images made and failed in the window.
type PeopleAndImages = (Uuid, i64, i64, i64);
/// A tenant's approved payments: credits and paise in the window, then all time.
type Sales = (Uuid, i64, i64, i64, i64);

impl Store {
    /// Every tenant's figures, oldest tenant first, the window starting at `since`.
    ///
    /// Two statements. People and images: a subquery per figure and tenant, each a range
    /// of an index that starts with the tenant (for jobs, `jobs_tenant_status`),
    /// so jobs are counted from the index alone and only the window's, where a `group by`
    /// over all tenants would walk every job the platform ever ran. Sales: one pass over the
    /// approved payments, grouped by tenant, both periods at once; all time has to read
    /// them all anyway, and once is better than once per tenant.
    #[tracing::instrument(skip_all)]
    pub async fn platform_usage(&self, since: Timestamp) -> Result<Vec<TenantUsage>, StoreError> {
        let (tenants, sales): (Vec<PeopleAndImages>, Vec<Sales>) = on_reader!(self, |pool| {
            let tenants = sqlx::query_as(
                "select t.id, \
                 (select count(*) from users u where u.tenant_id = t.id) \
                 - (select count(*) from users u where u.tenant_id = t.id \
                    and u.password_hash = '!deleted'), \
                 (select count(*) from jobs j where j.tenant_id = t.id \
                  and j.status = 'succeeded' and j.created_at >= $1), \
                 (select count(*) from jobs j where j.tenant_id = t.id \
                  and j.status = 'failed' and j.created_at >= $1) \
                 from tenants t order by t.created_at, t.id",
            )
            .bind(since.millis())
            .fetch_all(pool)
            .await?;
            let sales = sqlx::query_as(
                "select tenant_id, \
                 cast(coalesce(sum(case when created_at >= $1 then credits else 0 end), 0) as bigint), \
                 cast(coalesce(sum(case when created_at >= $1 then amount_paise else 0 end), 0) as bigint), \
                 cast(coalesce(sum(credits), 0) as bigint), \
                 cast(coalesce(sum(amount_paise), 0) as bigint) \
                 from payment_requests where status = 'approved' group by tenant_id",
            )
            .bind(since.millis())
            .fetch_all(pool)
            .await?;
            (tenants, sales)
        });
        Ok(tenants
            .into_iter()
            .map(|(tenant, users, succeeded, failed)| {
                let (sold, revenue, sold_all, revenue_all) = sales
                    .iter()
                    .find(|s| s.0 == tenant)
                    .map_or((0, 0, 0, 0), |s| (s.1, s.2, s.3, s.4));
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
            })
            .collect())
    }
}
