//! Settings an admin changes from the console (branding, limits, the logo): each change reads
//! the settings as they are inside its transaction, changes only its own fields, and writes
//! an audit row with what they were and what they became.

use atelier_domain::{TenantId, TenantSettings, Timestamp};

use super::settings::{bind_settings, TenantRow, SELECT_TENANT, UPDATE_SETTINGS};
use super::{lock_settings, TOUCH_TENANT};
use crate::backend::in_transaction;
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// One change of a tenant's settings, as the audit log will show it.
pub struct SettingsChange<'a> {
    /// The audit row's action, e.g. `tenant.branding`.
    pub action: &'static str,
    /// Sets the change's own fields on the settings read in the transaction, so a change
    /// made meanwhile to other fields (the payee, the languages) is kept.
    pub apply: &'a (dyn Fn(&mut TenantSettings) + Sync),
    /// How the audit row shows the settings before and after.
    pub describe: fn(&TenantSettings) -> String,
}

impl Store {
    /// Applies `change` to the tenant's settings and writes its audit row, in one
    /// transaction; the settings as they were and as they now are.
    #[tracing::instrument(skip_all, fields(tenant = %tenant, action = change.action))]
    pub async fn change_tenant_settings(
        &self,
        tenant: TenantId,
        change: &SettingsChange<'_>,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<(TenantSettings, TenantSettings), StoreError> {
        let select = format!("{SELECT_TENANT} where t.id = $1");
        let changed = in_transaction!(self, |tx| {
            lock_settings!(tx, tenant);
            let before = sqlx::query_as::<_, TenantRow>(&select)
                .bind(tenant.0)
                .fetch_one(&mut *tx)
                .await?
                .into_tenant()?
                .settings;
            let mut after = before.clone();
            (change.apply)(&mut after);
            bind_settings!(sqlx::query(UPDATE_SETTINGS), tenant.0, after, now.millis())
                .execute(&mut *tx)
                .await?;
            sqlx::query(TOUCH_TENANT)
                .bind(tenant.0)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
            write_audit!(
                tx,
                Some(tenant.0),
                actor,
                change.action,
                tenant.to_string(),
                (change.describe)(&before),
                (change.describe)(&after),
                now
            );
            (before, after)
        });
        Ok(changed)
    }
}
