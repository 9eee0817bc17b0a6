//! The desk's lists of payment requests, and what the desk remembers per tenant (the bank
//! statement's columns).

use atelier_domain::{PaymentId, PaymentState, TenantId, Timestamp};

use super::requests::{PaymentRow, PAYMENT_COLUMNS, PAYMENT_FROM};
use super::PaymentRecord;
use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

/// Which requests the desk lists.
#[derive(Debug, Clone, Default)]
pub struct DeskFilter {
    pub state: Option<PaymentState>,
    /// A UTR, a reference or (part of) an email address.
    pub query: Option<String>,
    /// Submitted at or after.
    pub from: Option<Timestamp>,
    /// Submitted before.
    pub until: Option<Timestamp>,
}

/// The order of a desk page: the waiting queue is worked oldest first; decided requests are
/// looked up newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskOrder {
    OldestFirst,
    NewestFirst,
}

impl Store {
    /// A page of the desk: requests of `tenant` (of every tenant with `None`, for the
    /// platform) matching `filter`, `limit` of them after `after` (the last row of the
    /// previous page: its submission time and id) in `order`.
    pub async fn payment_desk(
        &self,
        tenant: Option<TenantId>,
        filter: &DeskFilter,
        order: DeskOrder,
        after: Option<(Timestamp, PaymentId)>,
        limit: i64,
    ) -> Result<Vec<PaymentRecord>, StoreError> {
        let (compare, direction) = match order {
            DeskOrder::OldestFirst => (">", "asc"),
            DeskOrder::NewestFirst => ("<", "desc"),
        };
        let query = filter
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty());
        // An email is searched by prefix; a UTR and a reference exactly (they are indexed).
        let email_prefix = query.map(|q| {
            let escaped = q
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("{escaped}%")
        });
        let exact = query.map(|q| q.replace([' ', '-'], "").to_uppercase());
        let sql = format!(
            "select {PAYMENT_COLUMNS} from {PAYMENT_FROM} \
             where ($1 is null or r.tenant_id = $1) \
             and ($2 is null or r.status = $2) \
             and ($3 is null or r.utr = $4 or r.reference = $4 or r.user_email like $3 escape '\\') \
             and ($5 is null or r.created_at >= $5) and ($6 is null or r.created_at < $6) \
             and ($7 is null or (r.created_at, r.id) {compare} ($7, $8)) \
             order by r.created_at {direction}, r.id {direction} limit $9"
        );
        let (after_at, after_id) = after.map(|(t, id)| (t.millis(), id.0)).unzip();
        let rows: Vec<PaymentRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.map(|t| t.0))
                .bind(filter.state.map(PaymentState::as_str))
                .bind(email_prefix.as_deref())
                .bind(exact.as_deref())
                .bind(filter.from.map(Timestamp::millis))
                .bind(filter.until.map(Timestamp::millis))
                .bind(after_at)
                .bind(after_id)
                .bind(limit)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(PaymentRow::into_record).collect()
    }

    /// How many requests of a tenant wait for a decision.
    pub async fn pending_payment_count(&self, tenant: TenantId) -> Result<i64, StoreError> {
        let (count,): (i64,) = on_reader!(self, |pool| {
            sqlx::query_as(
                "select count(*) from payment_requests where tenant_id = $1 and status = 'pending'",
            )
            .bind(tenant.0)
            .fetch_one(pool)
            .await?
        });
        Ok(count)
    }

    /// The bank-statement column mapping the tenant used last (JSON), if any.
    pub async fn statement_mapping(&self, tenant: TenantId) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = on_reader!(self, |pool| {
            sqlx::query_as("select mapping from statement_mappings where tenant_id = $1")
                .bind(tenant.0)
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|(m,)| m))
    }

    /// Remembers the tenant's bank-statement column mapping (JSON).
    pub async fn save_statement_mapping(
        &self,
        tenant: TenantId,
        mapping: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query(
                "insert into statement_mappings (tenant_id, mapping, updated_at) values ($1, $2, $3) \
                 on conflict (tenant_id) do update set mapping = excluded.mapping, \
                 updated_at = excluded.updated_at",
            )
            .bind(tenant.0)
            .bind(mapping)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }
}
