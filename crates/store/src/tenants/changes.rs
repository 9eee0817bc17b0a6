//! Word between nodes that a tenant changed, so each forgets its cached copy at once: on
//! PostgreSQL a `NOTIFY` on one channel, which every node `LISTEN`s to. SQLite has one node,
//! and nothing to tell.

use crate::backend::Backend;
use crate::{Store, StoreError};

/// The channel tenant changes are announced on.
const CHANNEL: &str = "atelier_tenants";

/// A node's ear for tenant changes made on other nodes.
pub struct TenantChanges {
    listener: sqlx::postgres::PgListener,
}

/// What a node heard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    /// A change was announced (several at once may arrive as one).
    Change,
    /// The connection was lost and made again: changes announced meanwhile were missed.
    Reconnected,
}

impl TenantChanges {
    /// Waits for the next announcement, or for the listening connection to come back after
    /// it was lost (which `recv` would pass over in silence).
    pub async fn next(&mut self) -> Result<Heard, StoreError> {
        Ok(match self.listener.try_recv().await? {
            Some(_) => Heard::Change,
            None => Heard::Reconnected,
        })
    }
}

impl Store {
    /// Tells the other nodes that a tenant changed (a no-op on SQLite).
    pub async fn announce_tenant_change(&self) -> Result<(), StoreError> {
        if let Backend::Postgres { pool } = &self.backend {
            sqlx::query("select pg_notify($1, '')")
                .bind(CHANNEL)
                .execute(pool)
                .await?;
        }
        Ok(())
    }

    /// Listens for tenant changes announced by any node; `None` on SQLite, where there is
    /// one node.
    pub async fn listen_tenant_changes(&self) -> Result<Option<TenantChanges>, StoreError> {
        let Backend::Postgres { pool } = &self.backend else {
            return Ok(None);
        };
        let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
        listener.listen(CHANNEL).await?;
        Ok(Some(TenantChanges { listener }))
    }
}
