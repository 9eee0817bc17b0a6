//! The platform's rules as super-admins saved them (`platform_settings`, one row). Until the
//! first save there is no row, and the server's settings file gives the rules.

use atelier_domain::{PlatformRules, Timestamp};

use crate::backend::{in_transaction, on_reader};
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

type RulesRow = (i64, i64, i64);

fn rules((size_cap, deadline_secs, max_attempts): RulesRow) -> PlatformRules {
    PlatformRules {
        size_cap,
        deadline_secs,
        max_attempts,
    }
}

const READ: &str =
    "select size_cap, deadline_secs, max_attempts from platform_settings where id = 1";

impl Store {
    /// The rules saved in the console, if any were.
    pub async fn saved_platform_rules(&self) -> Result<Option<PlatformRules>, StoreError> {
        let row: Option<RulesRow> = on_reader!(self, |pool| {
            sqlx::query_as(READ).fetch_optional(pool).await?
        });
        Ok(row.map(rules))
    }

    /// Saves the platform's rules, with an audit row (`platform.settings`) saying what they
    /// were (`unsaved`, the file's, when none had been saved) and what they became, in one
    /// transaction.
    #[tracing::instrument(skip_all)]
    pub async fn save_platform_rules(
        &self,
        new: &PlatformRules,
        unsaved: &PlatformRules,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            // A no-op write first: on PostgreSQL it locks the row, so of two saves at once
            // the second reads what the first wrote as its "before".
            sqlx::query("update platform_settings set updated_at = updated_at where id = 1")
                .execute(&mut *tx)
                .await?;
            let before: Option<RulesRow> = sqlx::query_as(READ).fetch_optional(&mut *tx).await?;
            let before = before.map_or(*unsaved, rules);
            sqlx::query(
                "insert into platform_settings (id, size_cap, deadline_secs, max_attempts, updated_at) \
                 values (1, $1, $2, $3, $4) on conflict (id) do update set \
                 size_cap = excluded.size_cap, deadline_secs = excluded.deadline_secs, \
                 max_attempts = excluded.max_attempts, updated_at = excluded.updated_at",
            )
            .bind(new.size_cap)
            .bind(new.deadline_secs)
            .bind(new.max_attempts)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            write_audit!(
                tx,
                None::<uuid::Uuid>,
                actor,
                "platform.settings",
                "",
                before.describe(),
                new.describe(),
                now
            );
        });
        Ok(())
    }
}
