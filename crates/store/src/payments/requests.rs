//! Payment requests: made by a user who paid, read by the user, the desk and the receipt.

use atelier_domain::{
    Credits, PackId, PackTerms, Paise, PaymentId, PaymentReference, PaymentState, TenantId,
    Timestamp, UserId, Utr, Vpa,
};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

/// What a user confirms after paying: the payment as the checkout page showed it to them
/// (the web layer vouches for that with a signed checkout), and the UTR of the payment.
#[derive(Debug, Clone)]
pub struct NewPayment {
    pub tenant: TenantId,
    pub user: UserId,
    pub user_email: String,
    pub pack: PackId,
    /// The pack's credits and price when the buyer was shown them: what the QR code asked
    /// for and what the buyer was promised, whatever the pack says now.
    pub terms: PackTerms,
    /// The UPI ID and payee name the buyer was told to pay.
    pub payee_vpa: Vpa,
    pub payee_name: String,
    pub reference: PaymentReference,
    pub utr: Utr,
}

/// Why a request was not taken; each is the user's to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentRefusal {
    /// The pack is not this tenant's (or no longer exists).
    PackUnavailable,
    /// This UTR is already pending or approved in this tenant, whoever sent it.
    UtrTaken,
    /// The user already has this many requests waiting.
    TooManyPending { cap: i64 },
}

/// A payment request as the user, the desk and the receipt show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRecord {
    pub id: PaymentId,
    pub tenant_id: TenantId,
    pub tenant_slug: String,
    /// `None` once the account was deleted; the record stays.
    pub user_id: Option<UserId>,
    pub user_email: String,
    pub pack_id: PackId,
    pub credits: Credits,
    pub amount: Paise,
    pub reference: String,
    /// The UPI ID and payee name the buyer was shown, so the receipt names where the money
    /// went even after the tenant changes its UPI ID.
    pub payee_vpa: String,
    pub payee_name: String,
    pub utr: String,
    pub state: PaymentState,
    pub reason: String,
    pub created_at: Timestamp,
    pub decided_at: Option<Timestamp>,
    pub decided_by: Option<String>,
}

pub(super) const PAYMENT_COLUMNS: &str = "r.id, r.tenant_id, t.slug, r.user_id, r.user_email, \
     r.pack_id, r.credits, r.amount_paise, r.reference, r.payee_vpa, r.payee_name, r.utr, r.status, r.reason, r.created_at, \
     r.decided_at, d.email as decided_by";

pub(super) const PAYMENT_FROM: &str = "payment_requests r join tenants t on t.id = r.tenant_id \
     left join users d on d.id = r.decided_by";

#[derive(sqlx::FromRow)]
pub(super) struct PaymentRow {
    id: Uuid,
    tenant_id: Uuid,
    slug: String,
    user_id: Option<Uuid>,
    user_email: String,
    pack_id: Uuid,
    credits: i64,
    amount_paise: i64,
    reference: String,
    payee_vpa: String,
    payee_name: String,
    utr: String,
    status: String,
    reason: String,
    created_at: i64,
    decided_at: Option<i64>,
    decided_by: Option<String>,
}

impl PaymentRow {
    pub(super) fn into_record(self) -> Result<PaymentRecord, StoreError> {
        Ok(PaymentRecord {
            id: PaymentId(self.id),
            tenant_id: TenantId(self.tenant_id),
            tenant_slug: self.slug,
            user_id: self.user_id.map(UserId),
            user_email: self.user_email,
            pack_id: PackId(self.pack_id),
            credits: Credits::new(self.credits),
            amount: Paise::new(self.amount_paise),
            reference: self.reference,
            payee_vpa: self.payee_vpa,
            payee_name: self.payee_name,
            utr: self.utr,
            state: PaymentState::parse(&self.status)
                .ok_or_else(|| StoreError::Corrupt(format!("payment status {}", self.status)))?,
            reason: self.reason,
            created_at: Timestamp(self.created_at),
            decided_at: self.decided_at.map(Timestamp),
            decided_by: self.decided_by,
        })
    }
}

impl Store {
    /// Records a user's "I paid", with the terms, payee and reference it carries (what the
    /// buyer was shown, not what the pack says now). The user's row is locked first (a no-op write), so two
    /// confirmations at once are counted one after the other against the cap on pending
    /// requests; the UTR's uniqueness is the database's unique index.
    pub async fn create_payment_request(
        &self,
        new: &NewPayment,
        max_pending: i64,
        now: Timestamp,
    ) -> Result<Result<PaymentId, PaymentRefusal>, StoreError> {
        let id = PaymentId(Uuid::now_v7());
        let outcome = in_transaction!(self, |tx| {
            let locked = sqlx::query(
                "update users set updated_at = updated_at where id = $1 and tenant_id = $2",
            )
            .bind(new.user.0)
            .bind(new.tenant.0)
            .execute(&mut *tx)
            .await?;
            if locked.rows_affected() == 0 {
                return Err(StoreError::NotFound("user"));
            }
            let (pending,): (i64,) = sqlx::query_as(
                "select count(*) from payment_requests where user_id = $1 and status = 'pending'",
            )
            .bind(new.user.0)
            .fetch_one(&mut *tx)
            .await?;
            if pending >= max_pending {
                return Ok(Err(PaymentRefusal::TooManyPending { cap: max_pending }));
            }
            // The pack need only be the tenant's, not on sale now: the checkout was signed
            // while it was on sale, and a buyer who paid before an admin took it off sale
            // has paid all the same. Refusing would leave their money unrecorded; recorded,
            // an admin sees it and decides.
            let inserted = sqlx::query(
                "insert into payment_requests (id, tenant_id, user_id, user_email, pack_id, \
                 credits, amount_paise, reference, payee_vpa, payee_name, utr, status, created_at) \
                 select $1, $2, $3, $4, p.id, $6, $7, $8, $9, $10, $11, 'pending', $12 \
                 from credit_packs p where p.id = $5 and p.tenant_id = $2",
            )
            .bind(id.0)
            .bind(new.tenant.0)
            .bind(new.user.0)
            .bind(&new.user_email)
            .bind(new.pack.0)
            .bind(new.terms.credits.get())
            .bind(new.terms.price.get())
            .bind(new.reference.as_str())
            .bind(new.payee_vpa.as_str())
            .bind(&new.payee_name)
            .bind(new.utr.as_str())
            .bind(now.millis())
            .execute(&mut *tx)
            .await;
            match inserted {
                Ok(done) if done.rows_affected() == 1 => Ok(id),
                Ok(_) => Err(PaymentRefusal::PackUnavailable),
                Err(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                    // Nothing else was written; the transaction rolls back as it drops.
                    return Ok(Err(PaymentRefusal::UtrTaken));
                }
                Err(e) => return Err(e.into()),
            }
        });
        Ok(outcome)
    }

    /// One request of `tenant`, and of `owner` when given.
    pub async fn find_payment(
        &self,
        tenant: TenantId,
        owner: Option<UserId>,
        id: PaymentId,
    ) -> Result<Option<PaymentRecord>, StoreError> {
        let sql = format!(
            "select {PAYMENT_COLUMNS} from {PAYMENT_FROM} \
             where r.id = $1 and r.tenant_id = $2 and ($3 is null or r.user_id = $3)"
        );
        let row: Option<PaymentRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(id.0)
                .bind(tenant.0)
                .bind(owner.map(|u| u.0))
                .fetch_optional(pool)
                .await?
        });
        row.map(PaymentRow::into_record).transpose()
    }

    /// A user's requests, newest first: `limit` of them, older than `before` (the last row
    /// of the previous page: its submission time and id) when given.
    pub async fn user_payments(
        &self,
        tenant: TenantId,
        user: UserId,
        before: Option<(Timestamp, PaymentId)>,
        limit: i64,
    ) -> Result<Vec<PaymentRecord>, StoreError> {
        let sql = format!(
            "select {PAYMENT_COLUMNS} from {PAYMENT_FROM} \
             where r.tenant_id = $1 and r.user_id = $2 \
             and ($3 is null or (r.created_at, r.id) < ($3, $4)) \
             order by r.created_at desc, r.id desc limit $5"
        );
        let (before_at, before_id) = before.map(|(t, id)| (t.millis(), id.0)).unzip();
        let rows: Vec<PaymentRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(user.0)
                .bind(before_at)
                .bind(before_id)
                .bind(limit)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(PaymentRow::into_record).collect()
    }
}
