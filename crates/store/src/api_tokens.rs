//! Personal API tokens: shown once, stored as a SHA-256, revocable. A token ends for good
//! when its account's password is reset or changed, or the account is disabled.

use atelier_domain::{ApiTokenId, TenantId, Timestamp, User, UserId};
use uuid::Uuid;

use crate::accounts::{UserRow, USER_COLUMNS};
use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

/// A token as listed on the account page (never the secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenInfo {
    pub id: ApiTokenId,
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

/// How stale `last_used_at` may get before a request writes it again.
const LAST_USED_RESOLUTION_MS: i64 = 60_000;

/// Ends every live API token of `$user` inside the caller's transaction (a password reset
/// or change, a disabled account). Ended tokens stay ended: enabling the account again
/// brings none back.
macro_rules! end_api_tokens {
    ($tx:ident, $user:expr, $now:expr) => {
        sqlx::query(
            "update api_tokens set revoked_at = $2 where user_id = $1 and revoked_at is null",
        )
        .bind($user.0)
        .bind($now.millis())
        .execute(&mut *$tx)
        .await?
    };
}
pub(crate) use end_api_tokens;

impl Store {
    /// Stores a new token unless the account already holds `max_live` live ones; `None`
    /// then. The account's row is locked first (a no-op write: a row lock on PostgreSQL,
    /// and SQLite's `BEGIN IMMEDIATE` already serialises writers), so parallel requests
    /// are counted one after another and the cap holds under any concurrency.
    #[tracing::instrument(skip_all, fields(user = %user))]
    pub async fn create_api_token(
        &self,
        tenant: TenantId,
        user: UserId,
        name: &str,
        token_hash: &str,
        max_live: i64,
        now: Timestamp,
    ) -> Result<Option<ApiTokenId>, StoreError> {
        let id = ApiTokenId(Uuid::now_v7());
        let inserted = in_transaction!(self, |tx| {
            let locked = sqlx::query(
                "update users set updated_at = updated_at where id = $1 and tenant_id = $2",
            )
            .bind(user.0)
            .bind(tenant.0)
            .execute(&mut *tx)
            .await?;
            if locked.rows_affected() == 0 {
                return Err(StoreError::NotFound("user"));
            }
            sqlx::query(
                "insert into api_tokens (id, tenant_id, user_id, name, token_hash, created_at) \
                 select $1, $2, $3, $4, $5, $6 \
                 where (select count(*) from api_tokens \
                        where user_id = $3 and revoked_at is null) < $7",
            )
            .bind(id.0)
            .bind(tenant.0)
            .bind(user.0)
            .bind(name)
            .bind(token_hash)
            .bind(now.millis())
            .bind(max_live)
            .execute(&mut *tx)
            .await?
            .rows_affected()
        });
        Ok((inserted == 1).then_some(id))
    }

    /// A user's live tokens, newest first.
    pub async fn list_api_tokens(&self, user: UserId) -> Result<Vec<ApiTokenInfo>, StoreError> {
        let rows: Vec<(Uuid, String, i64, Option<i64>)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select id, name, created_at, last_used_at from api_tokens \
                 where user_id = $1 and revoked_at is null order by created_at desc, id desc",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(id, name, created, used)| ApiTokenInfo {
                id: ApiTokenId(id),
                name,
                created_at: Timestamp(created),
                last_used_at: used.map(Timestamp),
            })
            .collect())
    }

    /// Whether `token_hash` is a live token of `user` made since `since`: a new token's page
    /// shows only a token it can prove is the person's own and new.
    pub async fn is_fresh_api_token(
        &self,
        user: UserId,
        token_hash: &str,
        since: Timestamp,
    ) -> Result<bool, StoreError> {
        let (found,): (i64,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select count(*) from api_tokens where user_id = $1 and token_hash = $2 \
                 and revoked_at is null and created_at >= $3",
            )
            .bind(user.0)
            .bind(token_hash)
            .bind(since.millis())
            .fetch_one(pool)
            .await?
        });
        Ok(found > 0)
    }

    /// Revokes one of the user's own tokens; false when there is no such live token.
    pub async fn revoke_api_token(
        &self,
        user: UserId,
        id: ApiTokenId,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let done = in_transaction!(self, |tx| {
            sqlx::query(
                "update api_tokens set revoked_at = $3 where id = $1 and user_id = $2 and revoked_at is null",
            )
            .bind(id.0)
            .bind(user.0)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }

    /// The account a bearer token belongs to on this tenant, if the token is live and the
    /// account enabled. Records the use at most once a minute.
    pub async fn authenticate_api_token(
        &self,
        tenant: TenantId,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<Option<User>, StoreError> {
        let sql = format!(
            "select {USER_COLUMNS}, t.id as token_id, t.last_used_at from api_tokens t \
             join users u on u.id = t.user_id \
             where t.token_hash = $1 and t.tenant_id = $2 and t.revoked_at is null and u.disabled_at is null"
        );
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            user: UserRow,
            token_id: Uuid,
            last_used_at: Option<i64>,
        }
        let row: Option<Row> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(token_hash)
                .bind(tenant.0)
                .fetch_optional(pool)
                .await?
        });
        let Some(row) = row else {
            return Ok(None);
        };
        if row
            .last_used_at
            .is_none_or(|t| now.millis() - t > LAST_USED_RESOLUTION_MS)
        {
            in_transaction!(self, |tx| {
                sqlx::query("update api_tokens set last_used_at = $2 where id = $1")
                    .bind(row.token_id)
                    .bind(now.millis())
                    .execute(&mut *tx)
                    .await?;
            });
        }
        row.user.into_user().map(Some)
    }
}
