//! Which languages a tenant's site speaks: its default (for visitors whose browser asks for
//! none it offers, and for mail to people who chose none) and the ones its readers may pick.
//! Changed by its admins; each change writes an audit row (`tenant.languages`).

use atelier_domain::{Lang, TenantId, Timestamp};

use super::{lock_settings, TOUCH_TENANT};
use crate::backend::in_transaction;
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// How the stored columns read in the audit log, in codes every reader's language shares:
/// "hi (hi, en)", the default and then every language offered.
fn describe(default: &str, offered: &str) -> String {
    format!("{default} ({})", offered.replace(',', ", "))
}

impl Store {
    /// Sets the site's default language and the languages it offers (the default first
    /// among them; the caller has checked it is offered).
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn set_languages(
        &self,
        tenant: TenantId,
        default: Lang,
        offered: &[Lang],
        actor: &Actor,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let mut ordered = vec![default];
        ordered.extend(offered.iter().copied().filter(|l| *l != default));
        let offered = ordered
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",");
        in_transaction!(self, |tx| {
            lock_settings!(tx, tenant);
            let (before_default, before_offered): (String, String) = sqlx::query_as(
                "select default_language, languages from tenant_settings where tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "update tenant_settings set default_language = $2, languages = $3, \
                 updated_at = $4 where tenant_id = $1",
            )
            .bind(tenant.0)
            .bind(default.code())
            .bind(&offered)
            .bind(now.millis())
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
                "tenant.languages",
                tenant.to_string(),
                describe(&before_default, &before_offered),
                describe(default.code(), &offered),
                now
            );
        });
        Ok(())
    }
}
