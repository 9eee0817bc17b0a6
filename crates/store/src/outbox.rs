//! The mail outbox: mail waits here until an SMTP server accepts it, so an outage delays
//! mail and loses none. Claims are leased, so several nodes can deliver side by side.

use atelier_domain::{TenantId, Timestamp};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader};
use crate::{Store, StoreError};

/// A message to send.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub tenant_id: Option<TenantId>,
    pub to: String,
    pub from_name: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
}

/// A message claimed for delivery.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutgoingMail {
    pub id: Uuid,
    pub to_address: String,
    pub from_name: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attempts: i64,
}

/// Counts of the outbox by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

/// Queues `$mail` on `$tx`, so a change and the mail that tells of it commit together;
/// evaluates to the message's id.
macro_rules! insert_mail {
    ($tx:ident, $mail:expr, $now:expr) => {{
        let id = uuid::Uuid::now_v7();
        let mail: &$crate::outbox::NewMail = $mail;
        sqlx::query(
            "insert into mail_outbox (id, tenant_id, to_address, from_name, subject, body_text, \
             body_html, next_attempt_at, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
        )
        .bind(id)
        .bind(mail.tenant_id.map(|t| t.0))
        .bind(&mail.to)
        .bind(&mail.from_name)
        .bind(&mail.subject)
        .bind(&mail.body_text)
        .bind(&mail.body_html)
        .bind($now.millis())
        .execute(&mut *$tx)
        .await?;
        id
    }};
}
pub(crate) use insert_mail;

impl Store {
    pub async fn enqueue_mail(&self, mail: &NewMail, now: Timestamp) -> Result<Uuid, StoreError> {
        Ok(in_transaction!(self, |tx| insert_mail!(tx, mail, now)))
    }

    /// Claims up to `limit` messages that are due, each for `lease_ms`; a node that dies
    /// while sending leaves them to be claimed again when the lease runs out.
    pub async fn claim_due_mail(
        &self,
        now: Timestamp,
        lease_ms: i64,
        limit: i64,
    ) -> Result<Vec<OutgoingMail>, StoreError> {
        let candidates: Vec<(Uuid,)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select id from mail_outbox where status = 'pending' and next_attempt_at <= $1 \
                 and (locked_until is null or locked_until <= $1) order by next_attempt_at limit $2",
            )
            .bind(now.millis())
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        let mut claimed = Vec::new();
        for (id,) in candidates {
            let mail: Option<OutgoingMail> = in_transaction!(self, |tx| {
                let won = sqlx::query(
                    "update mail_outbox set locked_until = $2 where id = $1 and status = 'pending' \
                     and (locked_until is null or locked_until <= $3)",
                )
                .bind(id)
                .bind(now.millis() + lease_ms)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
                if won.rows_affected() == 1 {
                    sqlx::query_as(
                        "select id, to_address, from_name, subject, body_text, body_html, attempts \
                         from mail_outbox where id = $1",
                    )
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?
                } else {
                    None
                }
            });
            claimed.extend(mail);
        }
        Ok(claimed)
    }

    pub async fn mark_mail_sent(&self, id: Uuid, now: Timestamp) -> Result<(), StoreError> {
        in_transaction!(self, |tx| {
            sqlx::query(
                "update mail_outbox set status = 'sent', sent_at = $2, attempts = attempts + 1, \
                 locked_until = null, last_error = '' where id = $1",
            )
            .bind(id)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    /// Records a failed attempt: tried again at `retry_at`, or given up when `None`.
    pub async fn mark_mail_attempt_failed(
        &self,
        id: Uuid,
        error: &str,
        retry_at: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        let error: String = error.chars().take(1000).collect();
        in_transaction!(self, |tx| {
            sqlx::query(
                "update mail_outbox set attempts = attempts + 1, locked_until = null, last_error = $2, \
                 status = case when $3 then 'pending' else 'failed' end, \
                 next_attempt_at = coalesce($4, next_attempt_at) where id = $1",
            )
            .bind(id)
            .bind(&error)
            .bind(retry_at.is_some())
            .bind(retry_at.map(Timestamp::millis))
            .execute(&mut *tx)
            .await?;
        });
        Ok(())
    }

    pub async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let rows: Vec<(String, i64)> = on_reader!(self, |pool| {
            sqlx::query_as("select status, count(*) from mail_outbox group by status")
                .fetch_all(pool)
                .await?
        });
        let mut counts = OutboxCounts::default();
        for (status, n) in rows {
            match status.as_str() {
                "pending" => counts.pending = n,
                "sent" => counts.sent = n,
                _ => counts.failed = n,
            }
        }
        Ok(counts)
    }

    /// The soonest time a pending message is due, so the sender can sleep until then.
    pub async fn next_mail_due(&self) -> Result<Option<Timestamp>, StoreError> {
        let (next,): (Option<i64>,) = on_reader!(self, |pool| {
            sqlx::query_as("select min(next_attempt_at) from mail_outbox where status = 'pending'")
                .fetch_one(pool)
                .await?
        });
        Ok(next.map(Timestamp))
    }
}
