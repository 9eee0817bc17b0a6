//! Changing an account: disabling it, its role, its password. Each change that should
//! end sessions ends them in the same transaction.

use atelier_domain::{Role, TenantId, Timestamp, UserId};

use crate::api_tokens::end_api_tokens;
use crate::backend::in_transaction;
use crate::{Store, StoreError};

impl Store {
    /// Disables or re-enables an account of this tenant. Disabling ends all its sessions and
    /// API tokens in the same transaction (enabling brings no token back).
    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %id, disabled))]
    pub async fn set_user_disabled(
        &self,
        tenant: TenantId,
        id: UserId,
        disabled: bool,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            let done = sqlx::query(
                "update users set disabled_at = $3, updated_at = $4 where tenant_id = $1 and id = $2",
            )
            .bind(tenant.0)
            .bind(id.0)
            .bind(disabled.then_some(now.millis()))
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound("user"));
            }
            if disabled {
                sqlx::query("delete from sessions where user_id = $1")
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                end_api_tokens!(tx, id, now);
            }
        });
        Ok(())
    }

    /// Changes an account's role within its tenant.
    pub async fn set_user_role(
        &self,
        tenant: TenantId,
        id: UserId,
        role: Role,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        if role == Role::SuperAdmin {
            return Err(StoreError::Corrupt(
                "a tenant's account cannot become a super-admin".to_owned(),
            ));
        }
        in_transaction!(self, |tx| {
            let done = sqlx::query(
                "update users set role = $3, updated_at = $4 where tenant_id = $1 and id = $2",
            )
            .bind(tenant.0)
            .bind(id.0)
            .bind(role.as_str())
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound("user"));
            }
        });
        Ok(())
    }

    /// Sets a new password and ends every session of the account except `keep_session`, and
    /// every API token.
    #[tracing::instrument(skip_all, fields(user = %id))]
    pub async fn set_password(
        &self,
        id: UserId,
        password_hash: &str,
        keep_session: Option<&str>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query("update users set password_hash = $2, updated_at = $3 where id = $1")
                .bind(id.0)
                .bind(password_hash)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
            sqlx::query("delete from sessions where user_id = $1 and id_hash <> $2")
                .bind(id.0)
                .bind(keep_session.unwrap_or(""))
                .execute(&mut *tx)
                .await?;
            end_api_tokens!(tx, id, now);
        });
        Ok(())
    }
}
