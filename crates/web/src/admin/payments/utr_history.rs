//! What became of other requests with the same UTR in this tenant. A rejected UTR can be
//! confirmed again at once, by anyone; the admin deciding the new request should see that
//! it was rejected before, by whom and why. Read for a whole page (the desk's rows, a
//! statement's preview) in one query, never one per row.

use std::collections::{BTreeSet, HashMap};

use atelier_domain::{msg, Lang, PaymentId, PaymentState, TenantId};
use atelier_store::PaymentRecord;

use crate::pages::Page;
use crate::when;
use crate::AppError;

/// The requests of a tenant with the UTRs a page shows, by UTR, newest first.
pub(crate) struct UtrHistory {
    by_utr: HashMap<String, Vec<PaymentRecord>>,
}

impl UtrHistory {
    /// Every request of `tenant` whose UTR is one of `utrs`, in any state.
    pub(crate) async fn of<'a>(
        page: &Page,
        tenant: TenantId,
        utrs: impl IntoIterator<Item = &'a str>,
    ) -> Result<UtrHistory, AppError> {
        let utrs: Vec<&str> = utrs
            .into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut by_utr: HashMap<String, Vec<PaymentRecord>> = HashMap::new();
        if utrs.is_empty() {
            return Ok(UtrHistory { by_utr });
        }
        for record in page.state.store.payments_with_utrs(tenant, &utrs).await? {
            by_utr.entry(record.utr.clone()).or_default().push(record);
        }
        Ok(UtrHistory { by_utr })
    }

    /// What became of the decided requests with `utr`, newest first, leaving out `except`
    /// (the row the notes are shown beside), in `lang`.
    pub(crate) fn notes(&self, utr: &str, except: Option<PaymentId>, lang: Lang) -> Vec<String> {
        self.by_utr
            .get(utr)
            .into_iter()
            .flatten()
            .filter(|record| Some(record.id) != except)
            .filter_map(|record| decision_note(record, lang))
            .collect()
    }
}

/// "This UTR was rejected on 27 Nov 2026 by boss@example.com: “No such credit.”
/// (asha@example.com, reference AT23456789)." The day is India's, as on the desk. `None`
/// for a request still waiting (the only kind without a decision's time).
fn decision_note(record: &PaymentRecord, lang: Lang) -> Option<String> {
    let date = when::date(lang, record.decided_at?);
    let by = match &record.decided_by {
        Some(by) => by.clone(),
        None => msg!("admin-payments-former-admin").in_lang(lang),
    };
    let (email, reference) = (&record.user_email, &record.reference);
    let note = match record.state {
        PaymentState::Approved => msg!(
            "admin-payments-utr-approved",
            date = date,
            by = by,
            email = email,
            reference = reference,
        ),
        PaymentState::Rejected if !record.reason.is_empty() => msg!(
            "admin-payments-utr-rejected-reason",
            date = date,
            by = by,
            reason = &record.reason,
            email = email,
            reference = reference,
        ),
        PaymentState::Rejected => msg!(
            "admin-payments-utr-rejected",
            date = date,
            by = by,
            email = email,
            reference = reference,
        ),
        PaymentState::Pending => return None,
    };
    Some(note.in_lang(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_domain::{Credits, PackId, Paise, Timestamp};

    fn record(utr: &str, state: PaymentState, reason: &str) -> PaymentRecord {
        PaymentRecord {
            id: PaymentId(uuid::Uuid::now_v7()),
            tenant_id: TenantId(uuid::Uuid::now_v7()),
            tenant_slug: "pixelforge".to_owned(),
            user_id: None,
            user_email: "asha@example.com".to_owned(),
            pack_id: PackId(uuid::Uuid::now_v7()),
            credits: Credits::new(50),
            amount: Paise::new(14_900),
            reference: "AT23456789".to_owned(),
            payee_vpa: "pixelforge@okaxis".to_owned(),
            payee_name: "PixelForge Creative".to_owned(),
            utr: utr.to_owned(),
            state,
            reason: reason.to_owned(),
            created_at: Timestamp(1_795_773_600_000),
            // 20:00 UTC on the 27th: the 28th in India.
            decided_at: (state != PaymentState::Pending).then_some(Timestamp(1_795_809_600_000)),
            decided_by: Some("boss@pixelforge.example".to_owned()),
        }
    }

    #[test]
    fn notes_say_who_decided_when_in_india_and_why_leaving_out_the_row_itself() {
        let rejected = record("432187650912", PaymentState::Rejected, "No such credit.");
        let pending = record("432187650912", PaymentState::Pending, "");
        let history = UtrHistory {
            by_utr: HashMap::from([(
                "432187650912".to_owned(),
                vec![pending.clone(), rejected.clone()],
            )]),
        };
        assert_eq!(
            history.notes("432187650912", Some(pending.id), Lang::En),
            [
                "This UTR was rejected on 28 Nov 2026 by boss@pixelforge.example: \
              \u{201c}No such credit.\u{201d} (asha@example.com, reference AT23456789)."
            ]
        );
        assert!(history
            .notes("432187650912", Some(rejected.id), Lang::En)
            .is_empty());
        assert!(history.notes("999999999999", None, Lang::En).is_empty());
        let approved = record("432187650913", PaymentState::Approved, "");
        assert_eq!(
            decision_note(&approved, Lang::En).as_deref(),
            Some(
                "This UTR was approved on 28 Nov 2026 by boss@pixelforge.example \
                 (asha@example.com, reference AT23456789)."
            )
        );
    }
}
