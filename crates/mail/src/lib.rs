//! Mail delivery: the outbox is drained to an SMTP server (plain, STARTTLS or TLS, chosen by
//! the URL), or, with no SMTP server configured, to `.eml` files under the data folder.
//! Failed attempts are retried with exponential backoff; nothing is lost in an outage.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use atelier_domain::Clock;
use atelier_store::{OutgoingMail, Store, StoreError};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::{watch, Notify};

/// Attempts before a message is given up (about 13 hours of retries).
pub const MAX_ATTEMPTS: i64 = 20;
/// How long a claimed message is reserved for the node sending it.
const LEASE_MS: i64 = 120_000;

/// Mail settings that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("smtp_url: {0}")]
    SmtpUrl(String),
    #[error("mail_from: {0:?} is not an email address")]
    From(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

/// What one pass over the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: u32,
    pub retried: u32,
    pub failed: u32,
}

/// Delivers the outbox. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    transport: Transport,
    from_address: lettre::Address,
    clock: Arc<dyn Clock>,
    wake: Notify,
}

/// The delay before attempt `attempts + 1`: 30 s, doubling, at most an hour.
pub fn backoff_ms(attempts: i64) -> i64 {
    let exponent = u32::try_from(attempts.clamp(0, 7)).unwrap_or(7);
    (30_000_i64 << exponent).min(3_600_000)
}

impl Mailer {
    /// `smtp_url` like `smtp://user:pass@host:587?tls=required`, `smtps://host`, or
    /// `smtp://127.0.0.1:2525` (no TLS); `None` writes `.eml` files into `mail_dir`.
    pub fn new(
        store: Store,
        smtp_url: Option<&str>,
        mail_dir: PathBuf,
        from_address: &str,
        clock: Arc<dyn Clock>,
    ) -> Result<Mailer, MailError> {
        let from_address = from_address
            .parse::<lettre::Address>()
            .map_err(|_| MailError::From(from_address.to_owned()))?;
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| MailError::SmtpUrl(e.to_string()))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
            None => Transport::Files(
                AsyncFileTransport::<Tokio1Executor>::new(&mail_dir),
                mail_dir,
            ),
        };
        Ok(Mailer {
            inner: Arc::new(Inner {
                store,
                transport,
                from_address,
                clock,
                wake: Notify::new(),
            }),
        })
    }

    /// Tells the sender that new mail is waiting.
    pub fn wake(&self) {
        self.inner.wake.notify_one();
    }

    /// Sends every message that is due now; returns what happened.
    #[tracing::instrument(skip_all)]
    pub async fn deliver_due(&self) -> Result<DeliveryReport, StoreError> {
        let mut report = DeliveryReport::default();
        loop {
            let now = self.inner.clock.now();
            let batch = self.inner.store.claim_due_mail(now, LEASE_MS, 20).await?;
            if batch.is_empty() {
                return Ok(report);
            }
            for mail in batch {
                self.deliver_one(mail, &mut report).await?;
            }
        }
    }

    async fn deliver_one(
        &self,
        mail: OutgoingMail,
        report: &mut DeliveryReport,
    ) -> Result<(), StoreError> {
        let store = &self.inner.store;
        let message = match self.build(&mail) {
            Ok(m) => m,
            Err(reason) => {
                tracing::error!(mail = %mail.id, %reason, "mail cannot be built; giving up");
                store
                    .mark_mail_attempt_failed(mail.id, &reason, None)
                    .await?;
                report.failed += 1;
                return Ok(());
            }
        };
        let (result, permanent) = match &self.inner.transport {
            Transport::Smtp(smtp) => match smtp.send(message).await {
                Ok(_) => (Ok(()), false),
                Err(e) => {
                    let permanent = e.is_permanent();
                    (Err(e.to_string()), permanent)
                }
            },
            Transport::Files(files, dir) => {
                if let Err(e) = tokio::fs::create_dir_all(dir).await {
                    (Err(format!("cannot create {}: {e}", dir.display())), false)
                } else {
                    match files.send(message).await {
                        Ok(id) => {
                            tracing::info!(
                                mail = %mail.id,
                                to = %mail.to_address,
                                file = %dir.join(format!("{id}.eml")).display(),
                                "no SMTP server configured: mail written to a file"
                            );
                            (Ok(()), false)
                        }
                        Err(e) => (Err(e.to_string()), false),
                    }
                }
            }
        };
        let now = self.inner.clock.now();
        match result {
            Ok(()) => {
                store.mark_mail_sent(mail.id, now).await?;
                report.sent += 1;
            }
            Err(error) => {
                let attempts = mail.attempts + 1;
                let retry_at = (!permanent && attempts < MAX_ATTEMPTS)
                    .then(|| now.plus_millis(backoff_ms(mail.attempts)));
                tracing::warn!(mail = %mail.id, attempts, %error, retry = retry_at.is_some(), "mail not delivered");
                store
                    .mark_mail_attempt_failed(mail.id, &error, retry_at)
                    .await?;
                if retry_at.is_some() {
                    report.retried += 1;
                } else {
                    report.failed += 1;
                }
            }
        }
        Ok(())
    }

    fn build(&self, mail: &OutgoingMail) -> Result<Message, String> {
        let to = mail
            .to_address
            .parse::<Mailbox>()
            .map_err(|e| format!("recipient {:?}: {e}", mail.to_address))?;
        Message::builder()
            .from(Mailbox::new(
                Some(mail.from_name.clone()),
                self.inner.from_address.clone(),
            ))
            .to(to)
            .subject(mail.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                mail.body_text.clone(),
                mail.body_html.clone(),
            ))
            .map_err(|e| e.to_string())
    }

    /// Delivers mail until `shutdown` turns true: at once when woken, when a retry falls
    /// due, and at least every minute (mail queued by other nodes).
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            if let Err(e) = self.deliver_due().await {
                tracing::error!(error = %e, "mail delivery pass failed");
            }
            let now = self.inner.clock.now();
            let wait_ms = match self.inner.store.next_mail_due().await {
                Ok(Some(due)) => (due.millis() - now.millis()).clamp(250, 60_000),
                _ => 60_000,
            };
            let wait = Duration::from_millis(u64::try_from(wait_ms).unwrap_or(60_000));
            tokio::select! {
                () = self.inner.wake.notified() => {}
                () = tokio::time::sleep(wait) => {}
                _ = shutdown.wait_for(|stop| *stop) => {}
            }
            if *shutdown.borrow() {
                return;
            }
        }
    }
}

/// The `from` address used when the settings name none.
pub fn default_from_address(base_domain: &str) -> String {
    format!("no-reply@{base_domain}")
}

#[cfg(test)]
mod tests {
    use super::backoff_ms;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff_ms(0), 30_000);
        assert_eq!(backoff_ms(1), 60_000);
        assert_eq!(backoff_ms(3), 240_000);
        assert_eq!(backoff_ms(7), 3_600_000);
        assert_eq!(backoff_ms(50), 3_600_000);
    }
}
