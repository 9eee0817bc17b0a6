//! Server-side sessions and single-use tokens. Only hashes of the secrets are stored.

use atelier_domain::{CreditChange, Credits, LedgerReason, TenantId, Timestamp, User, UserId};
use uuid::Uuid;

use crate::accounts::{UserRow, USER_COLUMNS};
use crate::backend::{in_transaction, on_reader};
use crate::ledger::CreditWriter;
use crate::{Store, StoreError};

/// A session as found from its cookie.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub id_hash: String,
    pub csrf_token: String,
    pub user: Option<User>,
    pub last_seen_at: Timestamp,
}

/// What a single-use link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    PasswordReset,
    EmailVerification,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::PasswordReset => "password_reset",
            TokenPurpose::EmailVerification => "email_verification",
        }
    }
}

/// The outcome of presenting a single-use link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenOutcome {
    /// The link worked (and is now used up) for this account.
    Accepted(UserId),
    Expired,
    AlreadyUsed,
    Unknown,
}

/// Looks a single-use link up inside the caller's transaction and, when it works, marks it
/// used there; losing a race to another use of the same link answers `AlreadyUsed`.
macro_rules! use_token {
    ($tx:ident, $hash:expr, $purpose:expr, $now:expr) => {{
        let row: Option<(Uuid, i64, Option<i64>)> = sqlx::query_as(
            "select user_id, expires_at, used_at from auth_tokens where token_hash = $1 and purpose = $2",
        )
        .bind($hash)
        .bind($purpose.as_str())
        .fetch_optional(&mut *$tx)
        .await?;
        match classify(row, $now) {
            TokenOutcome::Accepted(user) => {
                let used = sqlx::query(
                    "update auth_tokens set used_at = $2 where token_hash = $1 and used_at is null",
                )
                .bind($hash)
                .bind($now.millis())
                .execute(&mut *$tx)
                .await?;
                if used.rows_affected() == 1 {
                    TokenOutcome::Accepted(user)
                } else {
                    TokenOutcome::AlreadyUsed
                }
            }
            other => other,
        }
    }};
}

impl Store {
    /// Stores a new session; `tenant` is `None` on the platform host.
    pub async fn create_session(
        &self,
        id_hash: &str,
        tenant: Option<TenantId>,
        user: Option<UserId>,
        csrf_token: &str,
        expires_at: Timestamp,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query(
                "insert into sessions (id_hash, tenant_id, user_id, csrf_token, created_at, \
                 last_seen_at, expires_at) values ($1, $2, $3, $4, $5, $5, $6)",
            )
            .bind(id_hash)
            .bind(tenant.map(|t| t.0))
            .bind(user.map(|u| u.0))
            .bind(csrf_token)
            .bind(now.millis())
            .bind(expires_at.millis())
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// The live session with this hash on this site: not past its absolute expiry, seen
    /// since `idle_since`, and whose account (if any) is not disabled.
    pub async fn find_session(
        &self,
        id_hash: &str,
        tenant: Option<TenantId>,
        now: Timestamp,
        idle_since: Timestamp,
    ) -> Result<Option<SessionRecord>, StoreError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id_hash: String,
            csrf_token: String,
            last_seen_at: i64,
            user_id: Option<Uuid>,
        }
        let row: Option<Row> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select id_hash, csrf_token, last_seen_at, user_id from sessions \
                 where id_hash = $1 and (tenant_id = $2 or (tenant_id is null and $2 is null)) \
                 and expires_at > $3 and last_seen_at > $4",
            )
            .bind(id_hash)
            .bind(tenant.map(|t| t.0))
            .bind(now.millis())
            .bind(idle_since.millis())
            .fetch_optional(pool)
            .await?
        });
        let Some(row) = row else {
            return Ok(None);
        };
        let user = match row.user_id {
            None => None,
            Some(id) => {
                let sql = format!(
                    "select {USER_COLUMNS} from users u where u.id = $1 and u.disabled_at is null"
                );
                let user: Option<UserRow> = on_reader!(self, |pool| {
                    sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
                });
                match user {
                    Some(u) => Some(u.into_user()?),
                    // A signed-in session whose account is gone or disabled is no session.
                    None => return Ok(None),
                }
            }
        };
        Ok(Some(SessionRecord {
            id_hash: row.id_hash,
            csrf_token: row.csrf_token,
            user,
            last_seen_at: Timestamp(row.last_seen_at),
        }))
    }

    /// Records activity, which pushes back the idle expiry.
    pub async fn touch_session(&self, id_hash: &str, now: Timestamp) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query("update sessions set last_seen_at = $2 where id_hash = $1")
                .bind(id_hash)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query("delete from sessions where id_hash = $1")
                .bind(id_hash)
                .execute(&mut *tx)
                .await?;
        });
        Ok(())
    }

    /// Sessions of an account, for tests and the admin console.
    pub async fn count_sessions(&self, user: UserId) -> Result<i64, StoreError> {
        let (n,): (i64,) = on_reader!(self, |pool| {
            sqlx::query_as("select count(*) from sessions where user_id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await?
        });
        Ok(n)
    }

    /// Removes sessions past their absolute or idle expiry, and used or expired tokens.
    pub async fn purge_expired_sessions(
        &self,
        now: Timestamp,
        idle_since: Timestamp,
    ) -> Result<u64, StoreError> {
        let removed = in_transaction!(self, |tx| {
            let sessions =
                sqlx::query("delete from sessions where expires_at <= $1 or last_seen_at <= $2")
                    .bind(now.millis())
                    .bind(idle_since.millis())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            let tokens = sqlx::query("delete from auth_tokens where expires_at <= $1")
                .bind(now.millis())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            sessions + tokens
        });
        Ok(removed)
    }

    /// Stores a single-use link's hash. Earlier unused links of the same purpose stop working.
    pub async fn create_auth_token(
        &self,
        token_hash: &str,
        user: UserId,
        purpose: TokenPurpose,
        expires_at: Timestamp,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query(
                "update auth_tokens set used_at = $3 where user_id = $1 and purpose = $2 and used_at is null",
            )
            .bind(user.0)
            .bind(purpose.as_str())
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "insert into auth_tokens (token_hash, user_id, purpose, expires_at, created_at) \
                 values ($1, $2, $3, $4, $5)",
            )
            .bind(token_hash)
            .bind(user.0)
            .bind(purpose.as_str())
            .bind(expires_at.millis())
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// Whether a link would work now, without using it (to show the reset form).
    pub async fn check_auth_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<TokenOutcome, StoreError> {
        let row: Option<(Uuid, i64, Option<i64>)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select user_id, expires_at, used_at from auth_tokens where token_hash = $1 and purpose = $2",
            )
            .bind(token_hash)
            .bind(purpose.as_str())
            .fetch_optional(pool)
            .await?
        });
        Ok(classify(row, now))
    }

    /// Uses a password-reset link: sets the new password and ends every session of the
    /// account, all in one transaction, so a link works exactly once.
    #[tracing::instrument(skip_all)]
    pub async fn reset_password_with_token(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<TokenOutcome, StoreError> {
        let outcome = in_transaction!(self, |tx| {
            let outcome = use_token!(tx, token_hash, TokenPurpose::PasswordReset, now);
            if let TokenOutcome::Accepted(user) = outcome {
                sqlx::query("update users set password_hash = $2, updated_at = $3 where id = $1")
                    .bind(user.0)
                    .bind(password_hash)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("delete from sessions where user_id = $1")
                    .bind(user.0)
                    .execute(&mut *tx)
                    .await?;
            }
            outcome
        });
        Ok(outcome)
    }

    /// Uses an address-verification link; grants a waiting sign-up bonus of `bonus` through
    /// the ledger in the same transaction. Says whether the bonus was granted now.
    #[tracing::instrument(skip_all)]
    pub async fn verify_email_with_token(
        &self,
        token_hash: &str,
        bonus: i64,
        now: Timestamp,
    ) -> Result<(TokenOutcome, bool), StoreError> {
        let outcome = in_transaction!(self, |tx| {
            let mut bonus_granted = false;
            let outcome = use_token!(tx, token_hash, TokenPurpose::EmailVerification, now);
            if let TokenOutcome::Accepted(user) = outcome {
                sqlx::query(
                    "update users set email_verified_at = coalesce(email_verified_at, $2), updated_at = $2 where id = $1",
                )
                .bind(user.0)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
                // The bonus is granted once: only the update that clears the flag credits it.
                let granted = sqlx::query(
                    "update users set bonus_pending = false \
                     where id = $1 and bonus_pending and tenant_id is not null",
                )
                .bind(user.0)
                .execute(&mut *tx)
                .await?;
                if granted.rows_affected() == 1 && bonus > 0 {
                    let grant =
                        CreditChange::grant(Credits::new(bonus), LedgerReason::SignupBonus, "");
                    tx.apply_credit_change(user, &grant, None, None, now)
                        .await?;
                    bonus_granted = true;
                }
            }
            (outcome, bonus_granted)
        });
        Ok(outcome)
    }
}

fn classify(row: Option<(Uuid, i64, Option<i64>)>, now: Timestamp) -> TokenOutcome {
    match row {
        None => TokenOutcome::Unknown,
        Some((_, _, Some(_))) => TokenOutcome::AlreadyUsed,
        Some((_, expires_at, None)) if expires_at <= now.millis() => TokenOutcome::Expired,
        Some((user, _, None)) => TokenOutcome::Accepted(UserId(user)),
    }
}
