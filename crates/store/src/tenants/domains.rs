//! A tenant's custom domains: the hosts besides its sub-domain that reach its site. They are
//! set with the tenant's other console settings (`Store::edit_tenant`, audited).

use atelier_domain::{HostName, TenantId};

use crate::backend::on_reader;
use crate::{Store, StoreError};

impl Store {
    /// A tenant's custom domains, oldest first.
    pub async fn tenant_domains(&self, id: TenantId) -> Result<Vec<HostName>, StoreError> {
        let rows: Vec<(String,)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select domain from tenant_domains where tenant_id = $1 order by created_at, domain",
            )
            .bind(id.0)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(d,)| {
                HostName::parse(&d).map_err(|e| StoreError::Corrupt(format!("domain {d:?}: {e}")))
            })
            .collect()
    }
}
