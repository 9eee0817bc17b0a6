//! Invitations: an admin account made by someone else (a tenant's first admin, a new
//! super-admin) starts without a password anyone knows, and its owner is mailed a
//! single-use link to choose one. The account, its link and the mail are written in one
//! transaction, so nobody is invited by a link that was never sent, nor sent a link to
//! nothing. Also here: the platform's own accounts, listed, added and removed.

use atelier_domain::{Email, Role, TenantId, Timestamp, UserId};
use uuid::Uuid;

use crate::api_tokens::end_api_tokens;
use crate::auth_tokens::{classify, TokenOutcome};
use crate::backend::{in_transaction, on_reader};
use crate::outbox::NewMail;
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// An account to create and the invitation that lets its owner in.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub email: Email,
    /// The hash of a random password nobody is told: a sign-in before the invitation is
    /// accepted fails like any wrong password, and takes as long.
    pub password_hash: String,
    /// The hash of the link's token (the token itself is only in the mail).
    pub token_hash: String,
    pub expires_at: Timestamp,
    /// The invitation mail, queued with the account.
    pub mail: NewMail,
}

/// Creates the invited account (of `$tenant`, `None` for the platform, with `$role`), its
/// link and its mail on `$tx`; evaluates to the account's id. An address already taken
/// there is a conflict on `email`.
macro_rules! insert_invited {
    ($tx:ident, $tenant:expr, $role:expr, $invitation:expr, $now:expr) => {{
        let id = uuid::Uuid::now_v7();
        let invitation: &$crate::invitations::Invitation = $invitation;
        sqlx::query(
            "insert into users (id, tenant_id, email, name, password_hash, role, created_at, \
             updated_at) values ($1, $2, $3, '', $4, $5, $6, $6)",
        )
        .bind(id)
        .bind($tenant)
        .bind(invitation.email.as_str())
        .bind(&invitation.password_hash)
        .bind($role.as_str())
        .bind($now.millis())
        .execute(&mut *$tx)
        .await
        .map_err(|e| $crate::StoreError::from_unique(e, &["email"]))?;
        sqlx::query(
            "insert into auth_tokens (token_hash, user_id, purpose, expires_at, created_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(&invitation.token_hash)
        .bind(id)
        .bind($crate::auth_tokens::TokenPurpose::Invitation.as_str())
        .bind(invitation.expires_at.millis())
        .bind($now.millis())
        .execute(&mut *$tx)
        .await?;
        $crate::outbox::insert_mail!($tx, &invitation.mail, $now);
        id
    }};
}
pub(crate) use insert_invited;

/// Finds an invitation whose account belongs to `$2`'s tenant, or to the platform when
/// `$2` is null: a link is unknown on any other site.
const FIND_INVITATION: &str = "select a.user_id, a.expires_at, a.used_at from auth_tokens a \
     join users u on u.id = a.user_id \
     where a.token_hash = $1 and a.purpose = 'invitation' \
     and (u.tenant_id = $2 or (u.tenant_id is null and $2 is null))";

/// A platform account as the super-admins page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformAdmin {
    pub id: UserId,
    pub email: String,
    /// Invited and has not chosen a password yet.
    pub invited: bool,
    pub created_at: Timestamp,
}

/// Why a super-admin was not removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminRemoval {
    Removed,
    /// Nobody removes their own account here: another super-admin does.
    Yourself,
    /// The platform always keeps one super-admin.
    LastOne,
}

/// Uses up every open invitation link of an account (`$1`) as of `$2`: once it has a
/// password, however it was chosen, no older link may set another over it.
pub(crate) const USE_UP_INVITATIONS: &str = "update auth_tokens set used_at = $2 \
     where user_id = $1 and purpose = 'invitation' and used_at is null";

impl Store {
    /// Whether an invitation link would work on the site of `tenant` (`None`: the
    /// platform host) now, without using it.
    pub async fn check_invitation(
        &self,
        tenant: Option<TenantId>,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<TokenOutcome, StoreError> {
        let row: Option<(Uuid, i64, Option<i64>)> = on_reader!(self, |pool| {
            sqlx::query_as(FIND_INVITATION)
                .bind(token_hash)
                .bind(tenant.map(|t| t.0))
                .fetch_optional(pool)
                .await?
        });
        Ok(classify(row, now))
    }

    /// Accepts an invitation: sets the chosen password, marks the address verified (the
    /// link reached it) and uses the link up, in one transaction, so it works once.
    #[tracing::instrument(skip_all, fields(tenant = ?tenant))]
    pub async fn accept_invitation(
        &self,
        tenant: Option<TenantId>,
        token_hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<TokenOutcome, StoreError> {
        let outcome = in_transaction!(self, |tx| {
            let row: Option<(Uuid, i64, Option<i64>)> = sqlx::query_as(FIND_INVITATION)
                .bind(token_hash)
                .bind(tenant.map(|t| t.0))
                .fetch_optional(&mut *tx)
                .await?;
            let TokenOutcome::Accepted(user) = classify(row, now) else {
                return Ok(classify(row, now));
            };
            let used = sqlx::query(
                "update auth_tokens set used_at = $2 where token_hash = $1 and used_at is null",
            )
            .bind(token_hash)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            if used.rows_affected() != 1 {
                return Ok(TokenOutcome::AlreadyUsed);
            }
            // Links this one replaced are used up with it: the account has a password now,
            // and the consoles no longer list it as invited.
            sqlx::query(USE_UP_INVITATIONS)
                .bind(user.0)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "update users set password_hash = $2, \
                 email_verified_at = coalesce(email_verified_at, $3), updated_at = $3 \
                 where id = $1",
            )
            .bind(user.0)
            .bind(password_hash)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            sqlx::query("delete from sessions where user_id = $1")
                .bind(user.0)
                .execute(&mut *tx)
                .await?;
            end_api_tokens!(tx, user, now);
            TokenOutcome::Accepted(user)
        });
        Ok(outcome)
    }

    /// The platform's accounts (super-admins), by address. There are a handful, so the
    /// page lists them all.
    pub async fn list_platform_admins(&self) -> Result<Vec<PlatformAdmin>, StoreError> {
        let rows: Vec<(Uuid, String, bool, i64)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select u.id, u.email, exists (select 1 from auth_tokens a where a.user_id = u.id \
                 and a.purpose = 'invitation' and a.used_at is null), u.created_at \
                 from users u where u.tenant_id is null order by u.email",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, email, invited, created_at)| PlatformAdmin {
                id: UserId(id),
                email,
                invited,
                created_at: Timestamp(created_at),
            })
            .collect())
    }

    /// Creates a super-admin from an invitation, with an audit row (`platform.admin.add`).
    #[tracing::instrument(skip_all)]
    pub async fn invite_super_admin(
        &self,
        invitation: &Invitation,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<UserId, StoreError> {
        let id = in_transaction!(self, |tx| {
            let id = insert_invited!(tx, None::<Uuid>, Role::SuperAdmin, invitation, now);
            write_audit!(
                tx,
                None::<Uuid>,
                actor,
                "platform.admin.add",
                invitation.email.as_str(),
                "",
                "super-admin, invited",
                now
            );
            id
        });
        Ok(UserId(id))
    }

    /// Removes a super-admin (its sessions go with it), with an audit row
    /// (`platform.admin.remove`); never the actor's own account, never the last one.
    #[tracing::instrument(skip_all, fields(user = %id))]
    pub async fn remove_super_admin(
        &self,
        id: UserId,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<AdminRemoval, StoreError> {
        if id == actor.id {
            return Ok(AdminRemoval::Yourself);
        }
        let outcome = in_transaction!(self, |tx| {
            // Locks every platform account first (a no-op write: row locks on PostgreSQL;
            // SQLite's write transaction is alone anyway), so two super-admins removing
            // each other at once are counted one after the other and one always stays.
            sqlx::query("update users set updated_at = updated_at where tenant_id is null")
                .execute(&mut *tx)
                .await?;
            let (count,): (i64,) =
                sqlx::query_as("select count(*) from users where tenant_id is null")
                    .fetch_one(&mut *tx)
                    .await?;
            let email: Option<(String,)> =
                sqlx::query_as("select email from users where id = $1 and tenant_id is null")
                    .bind(id.0)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some((email,)) = email else {
                return Err(StoreError::NotFound("user"));
            };
            if count <= 1 {
                return Ok(AdminRemoval::LastOne);
            }
            sqlx::query("delete from users where id = $1 and tenant_id is null")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            write_audit!(
                tx,
                None::<Uuid>,
                actor,
                "platform.admin.remove",
                email.as_str(),
                "super-admin",
                "",
                now
            );
            AdminRemoval::Removed
        });
        Ok(outcome)
    }
}
