//! Finding accounts: by email for signing in, by id within a tenant, a tenant's list, and
//! the count per tenant. A tenant's query never returns another tenant's account.

use atelier_domain::{Email, TenantId, Timestamp, User, UserId};
use uuid::Uuid;

use super::{tenant_clause, UserRow, USER_COLUMNS};
use crate::backend::on_reader;
use crate::{Store, StoreError};

impl Store {
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

    /// A tenant's accounts, newest first, a keyset page at a time: up to `limit` after
    /// `before` (created_at and id of the last account seen), through `users_tenant_keyset`,
    /// without counting or offsetting the tenant's accounts.
    pub async fn list_users(
        &self,
        tenant: TenantId,
        before: Option<(Timestamp, UserId)>,
        limit: i64,
    ) -> Result<Vec<User>, StoreError> {
        let (before_at, before_id) =
            before.map_or((i64::MAX, Uuid::max()), |(t, u)| (t.millis(), u.0));
        let sql = format!(
            "select {USER_COLUMNS} from users u where u.tenant_id = $1 \
             and (u.created_at, u.id) < ($2, $3) \
             order by u.created_at desc, u.id desc limit $4"
        );
        let rows: Vec<UserRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(before_at)
                .bind(before_id)
                .bind(limit)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(UserRow::into_user).collect()
    }

    /// The number of accounts of each tenant (deleted ones, kept for the books, not counted):
    /// every account by the tenant index, less the deleted ones by their partial index, as
    /// the dashboard counts.
    pub async fn user_counts(&self) -> Result<Vec<(TenantId, i64)>, StoreError> {
        type Counts = Vec<(Uuid, i64)>;
        let (all, deleted): (Counts, Counts) = on_reader!(self, |pool| {
            let all = sqlx::query_as(
                "select tenant_id, count(*) from users where tenant_id is not null \
                 group by tenant_id",
            )
            .fetch_all(pool)
            .await?;
            let deleted = sqlx::query_as(
                "select tenant_id, count(*) from users where tenant_id is not null \
                 and password_hash = '!deleted' group by tenant_id",
            )
            .fetch_all(pool)
            .await?;
            (all, deleted)
        });
        let deleted: std::collections::HashMap<Uuid, i64> = deleted.into_iter().collect();
        Ok(all
            .into_iter()
            .map(|(t, n)| (TenantId(t), n - deleted.get(&t).copied().unwrap_or(0)))
            .collect())
    }
}
