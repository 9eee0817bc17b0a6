//! Buying credits, the user's side: the packs on sale, paying one by UPI (QR code, UPI ID,
//! reference), confirming the payment with its UTR, and the page of each request, which
//! is a printable receipt once approved. One file per action; admins decide requests
//! elsewhere.

mod buy;
mod checkout;
mod confirm;
mod list;
mod qr;
mod receipt;

use atelier_domain::{msg, CreditUnit, Lang, PackId, PackTerms, PaymentState, TenantSettings, Vpa};
use atelier_store::{Pack, PaymentRecord};
use serde::Serialize;

pub(crate) use list::{parse_payments_cursor, payments_page};

use crate::routes::Routes;
use crate::when;

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/buy", buy::show)
        .post("/buy/confirm", confirm::submit)
        .get("/payments/{id}", receipt::show)
}

/// Whom a tenant's buyers pay: its UPI ID, and the payee name UPI apps show.
#[derive(Debug, Clone)]
pub(crate) struct UpiPayee {
    pub vpa: Vpa,
    pub name: String,
}

/// The tenant's payee, when it has a UPI ID a UPI app accepts. The payee name falls back
/// to the site's name: a `upi://pay` link must carry one.
pub(crate) fn upi_payee(settings: &TenantSettings) -> Option<UpiPayee> {
    let vpa = Vpa::parse(&settings.upi_vpa).ok()?;
    let name = if settings.upi_payee.trim().is_empty() {
        settings.name.clone()
    } else {
        settings.upi_payee.trim().to_owned()
    };
    Some(UpiPayee { vpa, name })
}

/// A pack as the buy page shows it.
#[derive(Serialize)]
struct PackView {
    id: String,
    credits: i64,
    /// "50 Sparks", in the reader's language.
    credits_label: String,
    /// "₹149.00".
    price: String,
    /// "₹2.98": what one credit costs in this pack.
    price_per_credit: String,
}

impl PackView {
    fn new(pack: &Pack, unit: &CreditUnit, lang: Lang) -> Self {
        Self::shown(pack.id, pack.terms, unit, lang)
    }

    /// Pack `id` with `terms`: a checkout shows the terms it was opened with, which may
    /// no longer be the pack's.
    fn shown(id: PackId, terms: PackTerms, unit: &CreditUnit, lang: Lang) -> Self {
        Self {
            id: id.to_string(),
            credits: terms.credits.get(),
            credits_label: credits_label(lang, unit, terms.credits.get()),
            price: terms.price.display(),
            price_per_credit: terms.price_per_credit().display(),
        }
    }
}

/// `n` credits with the site's unit, in `lang`: "50 Sparks", "1,000 Sparks".
pub(crate) fn credits_label(lang: Lang, unit: &CreditUnit, n: i64) -> String {
    msg!(
        "payments-credits",
        count = n,
        unit = &unit.singular,
        units = &unit.plural
    )
    .in_lang(lang)
}

/// A payment request as the account page and its own page show it.
#[derive(Serialize)]
pub(crate) struct PaymentView {
    url: String,
    /// "50 Sparks".
    credits_label: String,
    credits: i64,
    /// "₹149.00".
    amount: String,
    reference: String,
    /// Where the buyer was told to pay, as it was then.
    payee_vpa: String,
    payee_name: String,
    utr: String,
    /// pending, approved or rejected.
    state: &'static str,
    /// The state in the reader's language: "Waiting for approval".
    state_label: String,
    /// Moments in India time, where UPI buyers and their banks are: "2 Dec 2026, 00:30".
    submitted: String,
    decided: Option<String>,
    /// The day of the decision in India: a receipt's date.
    decided_on: Option<String>,
    reason: String,
}

impl PaymentView {
    pub(crate) fn new(record: &PaymentRecord, unit: &CreditUnit, lang: Lang) -> Self {
        let state_label = match record.state {
            PaymentState::Pending => msg!("payments-state-pending"),
            PaymentState::Approved => msg!("payments-state-approved"),
            PaymentState::Rejected => msg!("payments-state-rejected"),
        };
        Self {
            url: format!("/payments/{}", record.id),
            credits_label: credits_label(lang, unit, record.credits.get()),
            credits: record.credits.get(),
            amount: record.amount.display(),
            reference: record.reference.clone(),
            payee_vpa: record.payee_vpa.clone(),
            payee_name: record.payee_name.clone(),
            utr: record.utr.clone(),
            state: record.state.as_str(),
            state_label: state_label.in_lang(lang),
            submitted: when::date_time(lang, record.created_at),
            decided: record.decided_at.map(|at| when::date_time(lang, at)),
            decided_on: record.decided_at.map(|at| when::date(lang, at)),
            reason: record.reason.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tenant_is_paid_only_at_a_upi_id_apps_accept() {
        let mut settings =
            TenantSettings::defaults_named("PixelForge").unwrap_or_else(|e| panic!("{e:?}"));
        assert!(upi_payee(&settings).is_none(), "no UPI ID set");
        settings.upi_vpa = "shop@ok.axis".to_owned();
        assert!(upi_payee(&settings).is_none(), "not one a UPI app takes");
        settings.upi_vpa = "Shop@OkAxis".to_owned();
        let payee = upi_payee(&settings).unwrap_or_else(|| panic!("payee"));
        assert_eq!(payee.vpa.as_str(), "shop@okaxis");
        assert_eq!(payee.name, "PixelForge", "the site's name stands in");
        settings.upi_payee = " PixelForge Creative ".to_owned();
        assert_eq!(
            upi_payee(&settings).map(|p| p.name).as_deref(),
            Some("PixelForge Creative")
        );
    }
}
