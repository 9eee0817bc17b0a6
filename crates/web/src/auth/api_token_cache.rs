//! Bearer tokens looked up in memory for two seconds: spares the database a lookup per API
//! request.

use std::time::Duration;

use atelier_domain::{TenantId, Timestamp, User};
use atelier_store::{Store, StoreError};

/// How long an answer (an account, or "no such token here") is kept.
const KEEP_FOR: Duration = Duration::from_secs(2);

/// API token → its account, per site. Keyed by the site's tenant and the token's hash: the
/// "unknown here" answer of one site must never be the answer on the token's own site.
/// Revoking a token, a password change or reset, or disabling an account clears it on this
/// node; other nodes notice within [`KEEP_FOR`].
#[derive(Clone)]
pub struct ApiTokenCache {
    entries: moka::future::Cache<(TenantId, String), Option<User>>,
}

impl Default for ApiTokenCache {
    fn default() -> Self {
        Self {
            entries: moka::future::Cache::builder()
                .max_capacity(100_000)
                .time_to_live(KEEP_FOR)
                .build(),
        }
    }
}

impl ApiTokenCache {
    /// The live, enabled account of `tenant` that the token with `token_hash` belongs to.
    pub async fn account(
        &self,
        store: &Store,
        tenant: TenantId,
        token_hash: String,
        now: Timestamp,
    ) -> Result<Option<User>, std::sync::Arc<StoreError>> {
        let key = (tenant, token_hash);
        let user = self
            .entries
            .try_get_with_by_ref(&key, async {
                store.authenticate_api_token(tenant, &key.1, now).await
            })
            .await?;
        Ok(user.filter(|u| u.tenant_id == Some(tenant)))
    }

    /// Forgets every answer, after a change that ends tokens.
    pub fn invalidate_all(&self) {
        self.entries.invalidate_all();
    }
}
