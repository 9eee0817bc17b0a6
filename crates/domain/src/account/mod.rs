//! Accounts: who a person is on a site (roles, ids), and the values they give us, each in a
//! file of its own: text fields (`text.rs`), passwords (`password.rs`), secrets for cookies
//! and links (`secret.rs`).

mod password;
mod secret;
mod text;

use std::fmt;

use serde::Serialize;

pub use password::{
    hash_password, verify_password, HashMemory, NewPassword, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS,
};
pub use secret::{hash_token, random_bytes, RandomError, SecretToken};
pub use text::{
    refuse_control_characters, Email, PersonName, TokenName, PERSON_NAME_MAX_CHARS,
    TOKEN_NAME_MAX_CHARS,
};

/// What an account may do; decided by the access policy in `config/rbac_policy.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    User,
    TenantAdmin,
    SuperAdmin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::TenantAdmin => "tenant_admin",
            Role::SuperAdmin => "super_admin",
        }
    }

    pub fn parse(raw: &str) -> Option<Role> {
        match raw {
            "user" => Some(Role::User),
            "tenant_admin" => Some(Role::TenantAdmin),
            "super_admin" => Some(Role::SuperAdmin),
            _ => None,
        }
    }
}

/// An account's internal identifier; random, so safe in URLs of the admin console.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct UserId(pub uuid::Uuid);

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A personal API token's identifier (never its secret): what the account page names to
/// revoke one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ApiTokenId(pub uuid::Uuid);

impl fmt::Display for ApiTokenId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An account as the rest of the system sees it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    /// `None` for platform accounts (super-admins).
    pub tenant_id: Option<crate::TenantId>,
    pub email: Email,
    pub name: String,
    pub role: Role,
    pub balance: crate::Credits,
    pub held: crate::Credits,
    pub email_verified: bool,
    pub bonus_pending: bool,
    pub disabled: bool,
    /// Deleted by its owner or an admin: the row stays for the books (ledger, payments),
    /// says nothing of the person, and no one changes it any more.
    pub deleted: bool,
    /// The language the person chose; `None` follows the site and their browser.
    pub language: Option<crate::Lang>,
    pub created_at: crate::Timestamp,
}

impl User {
    /// The account's credits, for the rules in [`crate::credits`].
    pub fn wallet(&self) -> crate::Wallet {
        crate::Wallet {
            balance: self.balance,
            held: self.held,
        }
    }

    /// Credits that a new job may hold.
    pub fn available(&self) -> crate::Credits {
        self.wallet().available()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for r in [Role::User, Role::TenantAdmin, Role::SuperAdmin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
    }
}
