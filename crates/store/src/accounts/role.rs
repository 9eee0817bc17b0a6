//! An account's role within its site: made an admin (from the site's console, the
//! platform's, or the command line) or made a plain user again (from the site's console).

use atelier_domain::{Role, TenantId, Timestamp, UserId};

use super::guard::{lock_for_admin_change, refuse_last_admin, AccountChangeRefusal};
use crate::backend::in_transaction;
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

impl Store {
    /// Changes an account's role within its tenant. With `actor` (a super-admin in the
    /// platform's console), the change writes an audit row `user.role` with the role before
    /// and after, in the same transaction; without one (the command line), none. A role the
    /// account already has writes nothing. A refusal (see [`Store::admin_set_user_role`]) is
    /// a conflict on `admin`.
    pub async fn set_user_role(
        &self,
        tenant: TenantId,
        id: UserId,
        role: Role,
        actor: Option<&Actor>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.change_role(tenant, id, role, actor, now)
            .await?
            .map_err(|_| StoreError::Conflict("admin"))
    }

    /// An admin of the tenant changes an account's role, audited as in
    /// [`Store::set_user_role`]. Refused when the admin is no longer one, or when it would
    /// take the role from the site's last enabled admin.
    pub async fn admin_set_user_role(
        &self,
        tenant: TenantId,
        id: UserId,
        role: Role,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<Result<(), AccountChangeRefusal>, StoreError> {
        self.change_role(tenant, id, role, Some(actor), now).await
    }

    #[tracing::instrument(skip_all, fields(tenant = %tenant, user = %id, role = role.as_str()))]
    async fn change_role(
        &self,
        tenant: TenantId,
        id: UserId,
        role: Role,
        actor: Option<&Actor>,
        now: Timestamp,
    ) -> Result<Result<(), AccountChangeRefusal>, StoreError> {
        if role == Role::SuperAdmin {
            return Err(StoreError::Corrupt(
                "a tenant's account cannot become a super-admin".to_owned(),
            ));
        }
        in_transaction!(self, |tx| {
            lock_for_admin_change!(tx, tenant, actor);
            // The row locked (a no-op write) before it is read, so "before" is what this
            // change replaces.
            let was: Option<(String, Option<i64>)> = sqlx::query_as(
                "update users set updated_at = updated_at where tenant_id = $1 and id = $2 \
                 and password_hash <> '!deleted' returning role, disabled_at",
            )
            .bind(tenant.0)
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((before, disabled_at)) = was else {
                return Err(StoreError::NotFound("user"));
            };
            if before == role.as_str() {
                // Already so (a second click): returning rolls back; nothing is written.
                return Ok(Ok(()));
            }
            if before == "tenant_admin" && disabled_at.is_none() {
                refuse_last_admin!(tx, tenant, id);
            }
            sqlx::query(
                "update users set role = $3, updated_at = $4 where tenant_id = $1 and id = $2",
            )
            .bind(tenant.0)
            .bind(id.0)
            .bind(role.as_str())
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            if let Some(actor) = actor {
                write_audit!(
                    tx,
                    Some(tenant.0),
                    actor,
                    "user.role",
                    id.to_string(),
                    before,
                    role.as_str().to_owned(),
                    now
                );
            }
        });
        Ok(Ok(()))
    }
}
