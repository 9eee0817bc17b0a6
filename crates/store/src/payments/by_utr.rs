//! Requests looked up by the UTRs and references a bank statement names: the statement's
//! preview says which of its credits were approved (or rejected) before, and whose reference
//! a payment's note carries.

use atelier_domain::TenantId;

use super::requests::{PaymentRow, PAYMENT_COLUMNS, PAYMENT_FROM};
use super::PaymentRecord;
use crate::backend::{on_reader, parameters, VALUES_PER_QUERY};
use crate::{Store, StoreError};

impl Store {
    /// Every request of `tenant`, in any state, whose UTR is one of `utrs`; newest first
    /// for each UTR.
    pub async fn payments_with_utrs(
        &self,
        tenant: TenantId,
        utrs: &[&str],
    ) -> Result<Vec<PaymentRecord>, StoreError> {
        self.payments_where_in(tenant, Column::Utr, utrs).await
    }

    /// Every request of `tenant`, in any state, whose reference is one of `references`.
    pub async fn payments_with_references(
        &self,
        tenant: TenantId,
        references: &[&str],
    ) -> Result<Vec<PaymentRecord>, StoreError> {
        self.payments_where_in(tenant, Column::Reference, references)
            .await
    }

    async fn payments_where_in(
        &self,
        tenant: TenantId,
        column: Column,
        values: &[&str],
    ) -> Result<Vec<PaymentRecord>, StoreError> {
        let column = match column {
            Column::Utr => "r.utr",
            Column::Reference => "r.reference",
        };
        let mut records = Vec::new();
        for chunk in values.chunks(VALUES_PER_QUERY) {
            let sql = format!(
                "select {PAYMENT_COLUMNS} from {PAYMENT_FROM} \
                 where r.tenant_id = $1 and {column} in ({}) \
                 order by {column}, r.created_at desc, r.id desc",
                parameters(2, chunk.len())
            );
            let rows: Vec<PaymentRow> = on_reader!(self, |pool| {
                let mut query = sqlx::query_as(&sql).bind(tenant.0);
                for value in chunk {
                    query = query.bind(*value);
                }
                query.fetch_all(pool).await?
            });
            for row in rows {
                records.push(row.into_record()?);
            }
        }
        Ok(records)
    }
}

/// The indexed columns requests are looked up by.
#[derive(Clone, Copy)]
enum Column {
    Utr,
    Reference,
}
