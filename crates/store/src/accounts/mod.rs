//! Accounts: how a `users` row reads as a [`User`], and one file per kind of action on them.
//! Their credits change only through `crate::ledger`.

mod change;
mod credit_history;
mod delete;
pub(crate) mod guard;
mod role;

pub use delete::{AdminDeleteRefusal, DeleteRefusal, DeletedAccount};
pub use guard::AccountChangeRefusal;
mod adjust;
mod profile;
mod search;

pub use adjust::{AdjustRefusal, Adjusted, BelowHeld};
pub use profile::{AdminLedgerEntry, PaymentCounts};
mod read;
mod sign_up;

use atelier_domain::{Credits, Email, Role, TenantId, Timestamp, User, UserId};
use uuid::Uuid;

use crate::StoreError;

/// An account to create.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub tenant_id: Option<TenantId>,
    pub email: Email,
    pub name: String,
    pub password_hash: String,
    pub role: Role,
    /// Credited now when `bonus_now`, otherwise once the address is verified.
    pub signup_bonus: i64,
    pub bonus_now: bool,
    pub signup_ip: String,
    /// The language the person used the site in when they signed up.
    pub language: Option<atelier_domain::Lang>,
}

/// A `users` row as every query that returns accounts selects it: [`USER_COLUMNS`], with the
/// table aliased `u`.
#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    id: Uuid,
    tenant_id: Option<Uuid>,
    email: String,
    name: String,
    role: String,
    balance: i64,
    held: i64,
    email_verified_at: Option<i64>,
    bonus_pending: bool,
    disabled_at: Option<i64>,
    deleted: bool,
    language: Option<String>,
    created_at: i64,
}

pub(crate) const USER_COLUMNS: &str = "u.id, u.tenant_id, u.email, u.name, u.role, u.balance, \
     u.held, u.email_verified_at, u.bonus_pending, u.disabled_at, \
     (u.password_hash = '!deleted') as deleted, u.language, u.created_at";

impl UserRow {
    pub(crate) fn into_user(self) -> Result<User, StoreError> {
        Ok(User {
            id: UserId(self.id),
            tenant_id: self.tenant_id.map(TenantId),
            email: Email::parse(&self.email)
                .map_err(|e| StoreError::Corrupt(format!("user {}: {e}", self.id)))?,
            name: self.name,
            role: Role::parse(&self.role).ok_or_else(|| {
                StoreError::Corrupt(format!("user {}: role {}", self.id, self.role))
            })?,
            balance: Credits::new(self.balance),
            held: Credits::new(self.held),
            email_verified: self.email_verified_at.is_some(),
            bonus_pending: self.bonus_pending,
            disabled: self.disabled_at.is_some(),
            deleted: self.deleted,
            // A code no longer shipped follows the site again rather than failing the account.
            language: self
                .language
                .as_deref()
                .and_then(atelier_domain::Lang::parse),
            created_at: Timestamp(self.created_at),
        })
    }
}

/// Scopes a query to a tenant, or to platform accounts when `tenant` is `None`.
fn tenant_clause(tenant: Option<TenantId>) -> (&'static str, Option<Uuid>) {
    match tenant {
        Some(t) => ("u.tenant_id = $1", Some(t.0)),
        None => ("u.tenant_id is null and $1 is null", None),
    }
}
