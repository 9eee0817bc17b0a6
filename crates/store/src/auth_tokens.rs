//! Single-use links (password reset, address verification): stored as hashes, used once,
//! and what using one does (a new password, a verified address and its waiting bonus) done
//! in the same transaction as marking it used.

use atelier_domain::{CreditChange, Credits, LedgerReason, Timestamp, UserId};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader};
use crate::ledger::CreditWriter;
use crate::{Store, StoreError};

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

/// What a link's row (user, expiry, use) makes of it at `now`.
fn classify(row: Option<(Uuid, i64, Option<i64>)>, now: Timestamp) -> TokenOutcome {
    match row {
        None => TokenOutcome::Unknown,
        Some((_, _, Some(_))) => TokenOutcome::AlreadyUsed,
        Some((_, expires_at, None)) if expires_at <= now.millis() => TokenOutcome::Expired,
        Some((user, _, None)) => TokenOutcome::Accepted(UserId(user)),
    }
}
