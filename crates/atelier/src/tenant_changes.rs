//! Follows tenant changes made on other nodes (PostgreSQL `LISTEN`): each one clears this
//! node's tenant cache at once, so a branding, domain or status change shows everywhere
//! within moments rather than after the cache's TTL (which stays as the fallback). The
//! platform's rules travel the same way: each word reloads them (one small row).

use atelier_web::AppState;
use tokio::sync::watch;

/// Reloads `state`'s platform rules and clears its tenant cache whenever any node announces
/// a change, until `stopped`.
/// On SQLite (one node) it only waits. A lost connection ends it with the error; the
/// supervisor starts it again, and the cache is cleared then too, since changes may have
/// been missed meanwhile.
pub async fn follow_tenant_changes(
    state: AppState,
    mut stopped: watch::Receiver<bool>,
) -> Result<(), atelier_store::StoreError> {
    let Some(mut changes) = state.store.listen_tenant_changes().await? else {
        let _ = stopped.wait_for(|stop| *stop).await;
        return Ok(());
    };
    state.tenants.reload_rules().await?;
    loop {
        // The stop signal's guard must be gone before the reload awaits (it is not `Send`).
        let heard = tokio::select! {
            heard = changes.next() => heard,
            _ = stopped.wait_for(|stop| *stop) => return Ok(()),
        };
        heard?;
        state.tenants.reload_rules().await?;
    }
}
