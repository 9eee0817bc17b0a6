//! Server-side sessions: one row per browser, found by the hash of its cookie (the cookie's
//! value itself is never stored), carrying its form token and, once signed in, its account.

use atelier_domain::{TenantId, Timestamp, User, UserId};
use uuid::Uuid;

use crate::accounts::{UserRow, USER_COLUMNS};
use crate::backend::{in_transaction, on_reader, parameters, VALUES_PER_QUERY};
use crate::{Store, StoreError};

/// A session as found from its cookie.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub id_hash: String,
    pub csrf_token: String,
    pub user: Option<User>,
    pub last_seen_at: Timestamp,
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

    /// Of these sessions, those still signed in (not expired, seen since `idle_since`, their
    /// account not disabled), with their account: one read for every live-status stream of
    /// a node, however many are open.
    pub async fn signed_in_sessions(
        &self,
        id_hashes: &[String],
        now: Timestamp,
        idle_since: Timestamp,
    ) -> Result<Vec<(String, UserId)>, StoreError> {
        let mut live = Vec::new();
        for chunk in id_hashes.chunks(VALUES_PER_QUERY) {
            let sql = format!(
                "select s.id_hash, s.user_id from sessions s join users u on u.id = s.user_id \
                 where s.id_hash in ({}) and s.expires_at > $1 and s.last_seen_at > $2 \
                 and u.disabled_at is null",
                parameters(3, chunk.len())
            );
            let rows: Vec<(String, Uuid)> = on_reader!(self, |pool| {
                let mut query = sqlx::query_as(&sql)
                    .bind(now.millis())
                    .bind(idle_since.millis());
                for hash in chunk {
                    query = query.bind(hash.as_str());
                }
                query.fetch_all(pool).await?
            });
            live.extend(rows.into_iter().map(|(hash, user)| (hash, UserId(user))));
        }
        Ok(live)
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

    /// Removes sessions past their absolute or idle expiry, and single-use links past theirs
    /// (used or not).
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
}
