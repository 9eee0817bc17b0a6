//! Opening an account: the row, and the sign-up bonus when it is due at once; and the count
//! the per-address sign-up limit reads.

use atelier_domain::{CreditChange, Credits, LedgerReason, TenantId, Timestamp, User, UserId};
use uuid::Uuid;

use super::NewUser;
use crate::backend::{in_transaction, on_reader};
use crate::ledger::CreditWriter;
use crate::{Store, StoreError};

impl Store {
    /// Creates an account and, when due now, credits its sign-up bonus through the ledger.
    #[tracing::instrument(skip_all, fields(tenant = ?new.tenant_id))]
    pub async fn create_user(&self, new: &NewUser, now: Timestamp) -> Result<User, StoreError> {
        let id = Uuid::now_v7();
        let grant = new.bonus_now && new.signup_bonus > 0;
        let pending = !new.bonus_now && new.signup_bonus > 0;
        in_transaction!(self, |tx| {
            sqlx::query(
                "insert into users (id, tenant_id, email, name, password_hash, role, \
                 bonus_pending, signup_ip, language, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $10, $9, $9)",
            )
            .bind(id)
            .bind(new.tenant_id.map(|t| t.0))
            .bind(new.email.as_str())
            .bind(&new.name)
            .bind(&new.password_hash)
            .bind(new.role.as_str())
            .bind(pending)
            .bind(&new.signup_ip)
            .bind(now.millis())
            .bind(new.language.map(|l| l.code()))
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::from_unique(e, &["email"]))?;
            if grant && new.tenant_id.is_some() {
                let bonus = CreditChange::grant(
                    Credits::new(new.signup_bonus),
                    LedgerReason::SignupBonus,
                    "",
                );
                tx.apply_credit_change(UserId(id), &bonus, None, None, now)
                    .await?;
            }
        });
        self.find_user(new.tenant_id, UserId(id))
            .await?
            .ok_or(StoreError::NotFound("user"))
    }

    /// Accounts created from `ip` on this tenant since `since`.
    pub async fn count_signups_from(
        &self,
        tenant: TenantId,
        ip: &str,
        since: Timestamp,
    ) -> Result<i64, StoreError> {
        let (count,): (i64,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select count(*) from users where tenant_id = $1 and signup_ip = $2 and created_at >= $3",
            )
            .bind(tenant.0)
            .bind(ip)
            .bind(since.millis())
            .fetch_one(pool)
            .await?
        });
        Ok(count)
    }
}
