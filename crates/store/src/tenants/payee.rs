//! Where a tenant's buyers pay: its UPI ID and the payee name UPI apps show. Changed by its
//! admins apart from the other settings, because it moves money: each change writes an audit
//! row (`tenant.payee`) with what it was and what it became, in the change's transaction.

use atelier_domain::{TenantId, Timestamp, Vpa};

use super::{lock_settings, TOUCH_TENANT};
use crate::backend::in_transaction;
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// How the audit log shows a payee: "shop@okaxis (Shop Name)".
fn describe(vpa: &str, payee: &str) -> String {
    let vpa = if vpa.is_empty() {
        "no UPI ID (not taking payments)"
    } else {
        vpa
    };
    if payee.is_empty() {
        vpa.to_owned()
    } else {
        format!("{vpa} ({payee})")
    }
}

impl Store {
    /// Sets the tenant's UPI ID (`None` clears it, which stops its sales) and, when given,
    /// its payee name (`None` keeps the one it has).
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn set_payee(
        &self,
        tenant: TenantId,
        vpa: Option<&Vpa>,
        payee: Option<&str>,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let vpa = vpa.map(Vpa::as_str).unwrap_or_default();
        in_transaction!(self, |tx| {
            lock_settings!(tx, tenant);
            let (before_vpa, before_payee): (String, String) = sqlx::query_as(
                "select upi_vpa, upi_payee from tenant_settings where tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_one(&mut *tx)
            .await?;
            let after_payee = payee.unwrap_or(&before_payee).to_owned();
            sqlx::query(
                "update tenant_settings set upi_vpa = $2, upi_payee = $3, updated_at = $4 \
                 where tenant_id = $1",
            )
            .bind(tenant.0)
            .bind(vpa)
            .bind(&after_payee)
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
                "tenant.payee",
                tenant.to_string(),
                describe(&before_vpa, &before_payee),
                describe(vpa, &after_payee),
                now
            );
        });
        Ok(())
    }
}
