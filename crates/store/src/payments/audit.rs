//! The audit log: who did what to a tenant's money or settings, when, and from where.
//! Append-only; each row is written in the transaction of the change it describes.

use atelier_domain::{TenantId, Timestamp, UserId};
use uuid::Uuid;

use crate::backend::on_reader;
use crate::{Store, StoreError};

/// The person acting, as the audit log records them.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: UserId,
    pub email: String,
    /// The client address the request came from.
    pub address: String,
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub id: Uuid,
    pub tenant_id: Option<TenantId>,
    pub actor_email: String,
    pub action: String,
    pub subject: String,
    pub before: String,
    pub after: String,
    pub address: String,
    pub created_at: Timestamp,
}

/// Writes one audit row on `$tx` (the change's own transaction).
macro_rules! write_audit {
    ($tx:ident, $tenant:expr, $actor:expr, $action:expr, $subject:expr, $before:expr, $after:expr, $now:expr) => {
        sqlx::query(
            "insert into audit_log (id, tenant_id, actor_id, actor_email, action, subject, \
             before_state, after_state, address, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(uuid::Uuid::now_v7())
        .bind($tenant)
        .bind($actor.id.0)
        .bind(&$actor.email)
        .bind($action)
        .bind($subject)
        .bind($before)
        .bind($after)
        .bind(&$actor.address)
        .bind($now.millis())
        .execute(&mut *$tx)
        .await?
    };
}
pub(crate) use write_audit;

type AuditRow = (
    Uuid,
    Option<Uuid>,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
);

impl Store {
    /// A tenant's audit log (every tenant's with `None`), newest first: `limit` rows older
    /// than `before` (the id of the last row of the previous page; ids are UUIDv7, so they
    /// order by time).
    #[tracing::instrument(skip_all, fields(tenant = ?tenant))]
    pub async fn audit_page(
        &self,
        tenant: Option<TenantId>,
        before: Option<Uuid>,
        limit: i64,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        // Only the conditions that apply, so each page is one range of an index read
        // backwards: (tenant_id, id) for a tenant's log, the primary key for the platform's.
        let mut conditions = Vec::new();
        if tenant.is_some() {
            conditions.push(format!("tenant_id = ${}", conditions.len() + 1));
        }
        if before.is_some() {
            conditions.push(format!("id < ${}", conditions.len() + 1));
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("where {}", conditions.join(" and "))
        };
        let sql = format!(
            "select id, tenant_id, actor_email, action, subject, before_state, after_state, \
             address, created_at from audit_log {filter} order by id desc limit ${}",
            conditions.len() + 1
        );
        let rows: Vec<AuditRow> = on_reader!(self, |pool| {
            let mut query = sqlx::query_as(&sql);
            if let Some(tenant) = tenant {
                query = query.bind(tenant.0);
            }
            if let Some(before) = before {
                query = query.bind(before);
            }
            query.bind(limit).fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(id, tenant, actor_email, action, subject, before, after, address, at)| {
                    AuditRecord {
                        id,
                        tenant_id: tenant.map(TenantId),
                        actor_email,
                        action,
                        subject,
                        before,
                        after,
                        address,
                        created_at: Timestamp(at),
                    }
                },
            )
            .collect())
    }
}
