//! The platform's rules in force on this node (size cap, deadline, retries): read at start,
//! after a save here, whenever another node announces a change, and at the tenant cache's
//! TTL as the fallback should an announcement be lost (see `atelier::tenant_changes`).

use std::sync::{Arc, PoisonError, RwLock};

use atelier_domain::PlatformRules;
use atelier_store::{Store, StoreError};

/// The rules in force, shared by every request of this node.
#[derive(Clone)]
pub struct RulesInForce {
    store: Store,
    current: Arc<RwLock<PlatformRules>>,
    /// The rules the settings file gives, in force until super-admins save their own.
    file: PlatformRules,
}

impl RulesInForce {
    pub fn new(store: Store, file: PlatformRules) -> Self {
        Self {
            store,
            current: Arc::new(RwLock::new(file)),
            file,
        }
    }

    pub fn get(&self) -> PlatformRules {
        *self.current.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The rules in force until the first save.
    pub fn file(&self) -> PlatformRules {
        self.file
    }

    /// Reads the rules again (the file's, when none were saved); whether they changed.
    pub async fn reload(&self) -> Result<bool, StoreError> {
        let rules = self
            .store
            .saved_platform_rules()
            .await?
            .unwrap_or(self.file);
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        let changed = *current != rules;
        *current = rules;
        Ok(changed)
    }
}
