//! Changing an account: disabling it, its language, its password (its role: `role.rs`).
//! Each change that should end sessions ends them in the same transaction; disabling
//! cancels the account's jobs in it too. A deleted account is not found: nothing changes it.

use atelier_domain::{Lang, TenantId, Timestamp, UserId};

use super::guard::{lock_for_admin_change, refuse_last_admin, AccountChangeRefusal};
use crate::api_tokens::end_api_tokens;
use crate::backend::in_transaction;
use crate::payments::{write_audit, Actor};
use crate::queue::{AccountQueueSteps, CanceledJobs};
use crate::{Store, StoreError};

impl Store {
    /// Disables or re-enables an account of this tenant. Disabling, in the same
    /// transaction, ends all its sessions and API tokens (enabling brings no token back) and
    /// cancels its queued and running jobs (queued ones end and their holds are released;
    /// running ones stop at their worker's next heartbeat); the jobs touched are returned so
    /// their watchers can be told. Disabling the site's last enabled admin is refused as a
    /// conflict on `admin`.
    pub async fn set_user_disabled(
        &self,
        tenant: TenantId,
        id: UserId,
        disabled: bool,
        now: Timestamp,
    ) -> Result<CanceledJobs, StoreError> {
        self.change_user_disabled(tenant, id, disabled, None, now)
            .await?
            .map_err(|_| StoreError::Conflict("admin"))
    }

    /// [`Store::set_user_disabled`] by an admin of the tenant (or a super-admin), with an
    /// audit row (`user.disable` or `user.enable`, the state before and after) in the same
    /// transaction. Refused when the admin is no longer one, or when it would disable the
    /// site's last enabled admin. Asking for the state the account is already in writes
    /// nothing, not even an audit row.
    pub async fn admin_set_user_disabled(
        &self,
        tenant: TenantId,
        id: UserId,
        disabled: bool,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<Result<CanceledJobs, AccountChangeRefusal>, StoreError> {
        self.change_user_disabled(tenant, id, disabled, Some(actor), now)
            .await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %id, disabled))]
    async fn change_user_disabled(
        &self,
        tenant: TenantId,
        id: UserId,
        disabled: bool,
        actor: Option<&Actor>,
        now: Timestamp,
    ) -> Result<Result<CanceledJobs, AccountChangeRefusal>, StoreError> {
        let mut canceled = CanceledJobs::default();
        in_transaction!(self, |tx| {
            lock_for_admin_change!(tx, tenant, actor);
            // Jobs before the account's row, in the order a worker's report and the
            // owner's cancel lock them (job, then account), so the two cannot deadlock.
            if disabled {
                tx.cancel_every_active_job(id, now, &mut canceled).await?;
            }
            // The row locked (a no-op write) before it is read, so the audit's "before" is
            // what this change replaced.
            let was: Option<(Option<i64>, String)> = sqlx::query_as(
                "update users set updated_at = updated_at where tenant_id = $1 and id = $2 \
                 and password_hash <> '!deleted' returning disabled_at, role",
            )
            .bind(tenant.0)
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((was_disabled_at, role)) = was else {
                return Err(StoreError::NotFound("user"));
            };
            if was_disabled_at.is_some() == disabled {
                // Already so (a second click, two admins at once): returning rolls the
                // transaction back, so nothing is written and the first change's time and
                // audit row stand alone. A disabled account has no jobs left to cancel.
                return Ok(Ok(CanceledJobs::default()));
            }
            if disabled && role == "tenant_admin" {
                refuse_last_admin!(tx, tenant, id);
            }
            sqlx::query(
                "update users set disabled_at = $3, updated_at = $4 where tenant_id = $1 and id = $2",
            )
            .bind(tenant.0)
            .bind(id.0)
            .bind(disabled.then_some(now.millis()))
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            if disabled {
                // A submission that held credits on the account's row before this update
                // could take it committed its job meanwhile: cancel that one too.
                tx.cancel_every_active_job(id, now, &mut canceled).await?;
                sqlx::query("delete from sessions where user_id = $1")
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                end_api_tokens!(tx, id, now);
            }
            if let Some(actor) = actor {
                let state = |off: bool| if off { "disabled" } else { "active" };
                write_audit!(
                    tx,
                    Some(tenant.0),
                    actor,
                    if disabled {
                        "user.disable"
                    } else {
                        "user.enable"
                    },
                    id.to_string(),
                    state(was_disabled_at.is_some()),
                    state(disabled),
                    now
                );
            }
        });
        Ok(Ok(canceled))
    }

    /// Sets the language an account of `tenant` (`None`: a platform account) reads pages
    /// and mails in; `None` follows the site.
    #[tracing::instrument(skip_all, fields(user = %id))]
    pub async fn set_user_language(
        &self,
        tenant: Option<TenantId>,
        id: UserId,
        language: Option<Lang>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            let done = sqlx::query(
                "update users set language = $3, updated_at = $4 \
                 where id = $1 and (tenant_id = $2 or (tenant_id is null and $2 is null))",
            )
            .bind(id.0)
            .bind(tenant.map(|t| t.0))
            .bind(language.map(|l| l.code()))
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
