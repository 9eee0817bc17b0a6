//! Accounts and the credit ledger. Every change to a balance writes its ledger row in the
//! same transaction.

use atelier_domain::{
    CreditChange, Credits, Email, LedgerEntry, LedgerReason, Role, TenantId, Timestamp, User,
    UserId,
};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader};
use crate::ledger::CreditWriter;
use crate::{Store, StoreError};

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
}

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
    created_at: i64,
}

pub(crate) const USER_COLUMNS: &str = "u.id, u.tenant_id, u.email, u.name, u.role, u.balance, \
     u.held, u.email_verified_at, u.bonus_pending, u.disabled_at, u.created_at";

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
            created_at: Timestamp(self.created_at),
        })
    }
}

/// One page of a tenant's accounts.
#[derive(Debug, Clone)]
pub struct UserPage {
    pub users: Vec<User>,
    pub total: i64,
}

/// delta, reason, reference, created_at
type LedgerRow = (i64, String, String, i64);

/// Scopes a query to a tenant, or to platform accounts when `tenant` is `None`.
fn tenant_clause(tenant: Option<TenantId>) -> (&'static str, Option<Uuid>) {
    match tenant {
        Some(t) => ("u.tenant_id = $1", Some(t.0)),
        None => ("u.tenant_id is null and $1 is null", None),
    }
}

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
                 bonus_pending, signup_ip, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
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

    /// The account with this email on a tenant (or on the platform), with its password hash.
    pub async fn find_credentials(
        &self,
        tenant: Option<TenantId>,
        email: &Email,
    ) -> Result<Option<(User, String)>, StoreError> {
        let (clause, tenant_id) = tenant_clause(tenant);
        let sql = format!(
            "select {USER_COLUMNS}, u.password_hash from users u where {clause} and u.email = $2"
        );
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            password_hash: String,
        }
        let row: Option<Row> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant_id)
                .bind(email.as_str())
                .fetch_optional(pool)
                .await?
        });
        row.map(|r| Ok((r.user.into_user()?, r.password_hash)))
            .transpose()
    }

    /// An account of this tenant (or a platform account); another tenant's is not found.
    pub async fn find_user(
        &self,
        tenant: Option<TenantId>,
        id: UserId,
    ) -> Result<Option<User>, StoreError> {
        let (clause, tenant_id) = tenant_clause(tenant);
        let sql = format!("select {USER_COLUMNS} from users u where {clause} and u.id = $2");
        let row: Option<UserRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant_id)
                .bind(id.0)
                .fetch_optional(pool)
                .await?
        });
        row.map(UserRow::into_user).transpose()
    }

    /// A tenant's accounts, newest first.
    pub async fn list_users(
        &self,
        tenant: TenantId,
        offset: i64,
        limit: i64,
    ) -> Result<UserPage, StoreError> {
        let sql = format!(
            "select {USER_COLUMNS} from users u where u.tenant_id = $1 \
             order by u.created_at desc, u.id desc limit $2 offset $3"
        );
        let (rows, (total,)): (Vec<UserRow>, (i64,)) = on_reader!(self, |pool| {
            let rows = sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(limit)
                .bind(offset)
                .fetch_all(pool)
                .await?;
            let total = sqlx::query_as("select count(*) from users where tenant_id = $1")
                .bind(tenant.0)
                .fetch_one(pool)
                .await?;
            (rows, total)
        });
        Ok(UserPage {
            users: rows
                .into_iter()
                .map(UserRow::into_user)
                .collect::<Result<_, _>>()?,
            total,
        })
    }

    /// Disables or re-enables an account of this tenant. Disabling ends all its sessions in
    /// the same transaction.
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

    /// Sets a new password and ends every session of the account except `keep_session`.
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
        });
        Ok(())
    }

    /// The newest entries of an account's credit history.
    pub async fn ledger_page(
        &self,
        user: UserId,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<LedgerEntry>, i64), StoreError> {
        let (rows, (total,)): (Vec<LedgerRow>, (i64,)) = on_reader!(self, |pool| {
            let rows = sqlx::query_as(
                "select delta, reason, reference, created_at from credit_ledger \
                 where user_id = $1 order by created_at desc, id desc limit $2 offset $3",
            )
            .bind(user.0)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?;
            let total = sqlx::query_as("select count(*) from credit_ledger where user_id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await?;
            (rows, total)
        });
        let entries = rows
            .into_iter()
            .map(|(delta, reason, reference, created_at)| {
                Ok(LedgerEntry {
                    delta,
                    reason: LedgerReason::parse(&reason)
                        .ok_or_else(|| StoreError::Corrupt(format!("ledger reason {reason}")))?,
                    reference,
                    created_at: Timestamp(created_at),
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok((entries, total))
    }

    /// The number of accounts of each tenant.
    pub async fn user_counts(&self) -> Result<Vec<(TenantId, i64)>, StoreError> {
        let rows: Vec<(Uuid, i64)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select tenant_id, count(*) from users where tenant_id is not null group by tenant_id",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(|(t, n)| (TenantId(t), n)).collect())
    }

    /// The sum of an account's ledger; equals its balance (an invariant the tests check).
    pub async fn ledger_sum(&self, user: UserId) -> Result<i64, StoreError> {
        let (sum,): (Option<i64>,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select cast(sum(delta) as bigint) from credit_ledger where user_id = $1",
            )
            .bind(user.0)
            .fetch_one(pool)
            .await?
        });
        Ok(sum.unwrap_or(0))
    }
}
