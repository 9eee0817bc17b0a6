//! Buying credits by UPI: the values a purchase is made of, each parsed once at the edge.
//!
//! - Money is a whole number of **paise** ([`Paise`]); rupees with two decimals appear only
//!   when it is shown or written into a UPI link.
//! - A tenant sells **packs** (credits for a price); a pack that was ever bought is never
//!   deleted, only deactivated.
//! - A user pays the tenant's **UPI ID** ([`Vpa`]) by scanning a QR code of a
//!   [`upi_link`], then types the payment's 12-digit **UTR** ([`Utr`]); that makes a
//!   **payment request**, pending until an admin approves it (the credits are granted through
//!   the ledger) or rejects it with a reason.
//! - A UTR counts once per tenant while it is pending or approved.
//! - `statement` reads a bank's CSV export and matches its credits against pending requests.

mod money;
pub mod statement;
#[cfg(test)]
mod tests;
mod upi;

pub use money::Paise;
pub use upi::{parse_payee, upi_link, PaymentReference, Utr, Vpa};

use std::fmt;

use serde::Serialize;

use crate::{Credits, ValidationError};

/// A credit pack a tenant sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct PackId(pub uuid::Uuid);

/// A payment request: a user's "I paid, here is the UTR".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PaymentId(pub uuid::Uuid);

impl fmt::Display for PackId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for PaymentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Where a payment request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentState {
    Pending,
    Approved,
    Rejected,
}

impl PaymentState {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentState::Pending => "pending",
            PaymentState::Approved => "approved",
            PaymentState::Rejected => "rejected",
        }
    }

    pub fn parse(raw: &str) -> Option<PaymentState> {
        match raw {
            "pending" => Some(PaymentState::Pending),
            "approved" => Some(PaymentState::Approved),
            "rejected" => Some(PaymentState::Rejected),
            _ => None,
        }
    }
}

/// The largest pack: a lakh of credits.
pub const PACK_MAX_CREDITS: i64 = 100_000;
/// The dearest pack: ₹1,00,000 (UPI's usual per-payment cap for a person).
pub const PACK_MAX_PRICE: Paise = Paise::new(10_000_000);
/// The cheapest pack: ₹1.
pub const PACK_MIN_PRICE: Paise = Paise::new(100);

/// A pack's credits and price, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PackTerms {
    pub credits: Credits,
    pub price: Paise,
}

impl PackTerms {
    pub fn new(credits: i64, price: Paise) -> Result<PackTerms, Vec<ValidationError>> {
        let mut errors = Vec::new();
        if !(1..=PACK_MAX_CREDITS).contains(&credits) {
            errors.push(ValidationError::new(
                "credits",
                crate::msg!(
                    "validation-pack-credits",
                    max = PACK_MAX_CREDITS.to_string()
                ),
            ));
        }
        if price < PACK_MIN_PRICE || price > PACK_MAX_PRICE {
            errors.push(ValidationError::new(
                "price",
                crate::msg!(
                    "validation-pack-price",
                    min = PACK_MIN_PRICE.display(),
                    max = PACK_MAX_PRICE.display()
                ),
            ));
        }
        if errors.is_empty() {
            Ok(PackTerms {
                credits: Credits::new(credits),
                price,
            })
        } else {
            Err(errors)
        }
    }

    /// What one credit costs in this pack, rounded to the paisa, for "₹2.98 per image".
    pub fn price_per_credit(self) -> Paise {
        let credits = self.credits.get().max(1);
        Paise::new((self.price.get() + credits / 2) / credits)
    }
}

/// Why an admin rejected a payment, as the user will read it: 3 to 300 characters.
pub fn parse_reject_reason(raw: &str) -> Result<String, ValidationError> {
    let value = raw.trim();
    let n = value.chars().count();
    if n < 3 {
        return Err(ValidationError::new(
            "reason",
            crate::msg!("validation-reject-reason-short"),
        ));
    }
    if n > 300 {
        return Err(ValidationError::new(
            "reason",
            crate::msg!("validation-reject-reason-long"),
        ));
    }
    crate::refuse_control_characters("reason", value, false)?;
    Ok(value.to_owned())
}
