//! Single-use links (password reset, address verification): stored as hashes, used once,
//! and what using one does (a new password, a verified address and its waiting bonus) done
//! in the same transaction as marking it used.
//!
//! A link belongs to the tenant of its account: every lookup names the tenant whose site
//! it was presented on, and on any other site the link is unknown.

use atelier_domain::{CreditChange, Credits, LedgerReason, TenantId, Timestamp, UserId};
use uuid::Uuid;

use crate::api_tokens::end_api_tokens;
use crate::backend::{in_transaction, on_reader};
use crate::ledger::CreditWriter;
use crate::{Store, StoreError};

/// What a single-use link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    PasswordReset,
    EmailVerification,
    /// A new admin's first password (`crate::invitations`).
    Invitation,
}

impl TokenPurpose {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::PasswordReset => "password_reset",
            TokenPurpose::EmailVerification => "email_verification",
            TokenPurpose::Invitation => "invitation",
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

/// Finds a link of one purpose whose account belongs to one tenant.
const FIND_TOKEN: &str = "select a.user_id, a.expires_at, a.used_at from auth_tokens a \
     join users u on u.id = a.user_id \
     where a.token_hash = $1 and a.purpose = $2 and u.tenant_id = $3";

/// Looks a single-use link of `$tenant` up inside the caller's transaction and, when it
/// works, marks it used there; losing a race to another use of the same link answers
/// `AlreadyUsed`.
macro_rules! use_token {
    ($tx:ident, $tenant:expr, $hash:expr, $purpose:expr, $now:expr) => {{
        let row: Option<(Uuid, i64, Option<i64>)> = sqlx::query_as(FIND_TOKEN)
            .bind($hash)
            .bind($purpose.as_str())
            .bind($tenant.0)
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

    /// Whether a link would work on `tenant`'s site now, without using it (to show the
    /// reset form).
    pub async fn check_auth_token(
        &self,
        tenant: TenantId,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<TokenOutcome, StoreError> {
        let row: Option<(Uuid, i64, Option<i64>)> = on_reader!(self, |pool| {
            sqlx::query_as(FIND_TOKEN)
                .bind(token_hash)
                .bind(purpose.as_str())
                .bind(tenant.0)
                .fetch_optional(pool)
                .await?
        });
        Ok(classify(row, now))
    }

    /// Uses a password-reset link of an account of `tenant`: sets the new password and ends
    /// every session and API token of the account, all in one transaction, so a link works
    /// exactly once.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn reset_password_with_token(
        &self,
        tenant: TenantId,
        token_hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<TokenOutcome, StoreError> {
        let outcome = in_transaction!(self, |tx| {
            let outcome = use_token!(tx, tenant, token_hash, TokenPurpose::PasswordReset, now);
            if let TokenOutcome::Accepted(user) = outcome {
                sqlx::query("update users set password_hash = $2, updated_at = $3 where id = $1")
                    .bind(user.0)
                    .bind(password_hash)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                // An invited admin who chose a password this way is no longer invited: an
                // older invitation link must not set another one over it.
                sqlx::query(crate::invitations::USE_UP_INVITATIONS)
                    .bind(user.0)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("delete from sessions where user_id = $1")
                    .bind(user.0)
                    .execute(&mut *tx)
                    .await?;
                end_api_tokens!(tx, user, now);
            }
            outcome
        });
        Ok(outcome)
    }

    /// Uses an address-verification link of an account of `tenant`; grants a waiting
    /// sign-up bonus through the ledger in the same transaction. The bonus is read there
    /// from the account's own tenant, never from the site the link was opened on. Returns
    /// the credits granted now (0 when none were waiting).
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn verify_email_with_token(
        &self,
        tenant: TenantId,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<(TokenOutcome, i64), StoreError> {
        let outcome = in_transaction!(self, |tx| {
            let mut bonus_granted = 0;
            let outcome = use_token!(tx, tenant, token_hash, TokenPurpose::EmailVerification, now);
            if let TokenOutcome::Accepted(user) = outcome {
                sqlx::query(
                    "update users set email_verified_at = coalesce(email_verified_at, $2), updated_at = $2 where id = $1",
                )
                .bind(user.0)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
                // The bonus is granted once: only the update that clears the flag credits it.
                let bonus: Option<(i64,)> = sqlx::query_as(
                    "update users set bonus_pending = false \
                     where id = $1 and bonus_pending and tenant_id is not null \
                     returning (select s.signup_bonus from tenant_settings s \
                                where s.tenant_id = users.tenant_id)",
                )
                .bind(user.0)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((bonus,)) = bonus.filter(|(bonus,)| *bonus > 0) {
                    let grant =
                        CreditChange::grant(Credits::new(bonus), LedgerReason::SignupBonus, "");
                    tx.apply_credit_change(user, &grant, None, None, now)
                        .await?;
                    bonus_granted = bonus;
                }
            }
            (outcome, bonus_granted)
        });
        Ok(outcome)
    }
}

/// What a link's row (user, expiry, use) makes of it at `now`.
pub(crate) fn classify(row: Option<(Uuid, i64, Option<i64>)>, now: Timestamp) -> TokenOutcome {
    match row {
        None => TokenOutcome::Unknown,
        Some((_, _, Some(_))) => TokenOutcome::AlreadyUsed,
        Some((_, expires_at, None)) if expires_at <= now.millis() => TokenOutcome::Expired,
        Some((user, _, None)) => TokenOutcome::Accepted(UserId(user)),
    }
}
