//! Requests looked up by the UTRs a bank statement names: the statement's preview says which
//! of its credits were approved (or rejected) before.

use atelier_domain::TenantId;

use super::requests::{PaymentRow, PAYMENT_COLUMNS, PAYMENT_FROM};
use super::PaymentRecord;
use crate::backend::on_reader;
use crate::{Store, StoreError};

/// UTRs asked about per query: well under either database's limit on bound values.
const UTRS_PER_QUERY: usize = 500;

impl Store {
    /// Every request of `tenant`, in any state, whose UTR is one of `utrs`; newest first
    /// for each UTR.
    pub async fn payments_with_utrs(
        &self,
        tenant: TenantId,
        utrs: &[&str],
    ) -> Result<Vec<PaymentRecord>, StoreError> {
        let mut records = Vec::new();
        for chunk in utrs.chunks(UTRS_PER_QUERY) {
            let placeholders: Vec<String> = (2..chunk.len() + 2).map(|n| format!("${n}")).collect();
            let sql = format!(
                "select {PAYMENT_COLUMNS} from {PAYMENT_FROM} \
                 where r.tenant_id = $1 and r.utr in ({}) \
                 order by r.utr, r.created_at desc, r.id desc",
                placeholders.join(", ")
            );
            let rows: Vec<PaymentRow> = on_reader!(self, |pool| {
                let mut query = sqlx::query_as(&sql).bind(tenant.0);
                for utr in chunk {
                    query = query.bind(*utr);
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
