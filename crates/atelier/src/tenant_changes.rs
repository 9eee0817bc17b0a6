//! Follows tenant changes made on other nodes (PostgreSQL `LISTEN`): each one clears this
//! node's tenant cache at once, so a branding, domain or status change shows everywhere
//! within moments rather than after the cache's TTL (which stays as the fallback). The
//! platform's rules travel the same way: each word reloads them (one small row), and they
//! are read again at the TTL too, so a lost word delays them no longer than a tenant.

use std::time::Duration;

use atelier_store::Heard;
use atelier_web::AppState;
use tokio::sync::watch;

/// Reloads `state`'s platform rules and clears its tenant cache whenever any node announces
/// a change, or the listening connection comes back after it was lost (words may have been
/// missed meanwhile); reads the rules again every `http.tenant_cache_ttl_secs`; until
/// `stopped`. On SQLite (one node) it only waits. An error ends it; the supervisor starts it
/// again, which clears the cache too.
pub async fn follow_tenant_changes(
    state: AppState,
    mut stopped: watch::Receiver<bool>,
) -> Result<(), atelier_store::StoreError> {
    let Some(mut changes) = state.store.listen_tenant_changes().await? else {
        let _ = stopped.wait_for(|stop| *stop).await;
        return Ok(());
    };
    state.tenants.reload_rules().await?;
    state.tenants.invalidate();
    let ttl = Duration::from_secs(state.settings.http.tenant_cache_ttl_secs.max(1));
    let mut fallback = tokio::time::interval(ttl);
    fallback.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        // The stop signal's guard must be gone before anything awaits (it is not `Send`).
        let heard = tokio::select! {
            heard = changes.next() => Some(heard?),
            _ = fallback.tick() => None,
            _ = stopped.wait_for(|stop| *stop) => return Ok(()),
        };
        state.tenants.reload_rules().await?;
        match heard {
            Some(Heard::Change) => state.tenants.invalidate(),
            Some(Heard::Reconnected) => {
                tracing::warn!(
                    "the tenant-change listener reconnected; forgetting every cached site"
                );
                state.tenants.invalidate();
            }
            None => {}
        }
    }
}
