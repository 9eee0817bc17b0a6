//! What a UPI payment is made of: the UTR a payer copies from their app, the payee's UPI
//! ID and name, the reference in the payment's note, and the `upi://pay` link.

use std::fmt;

use serde::Serialize;

use super::Paise;
use crate::ValidationError;

/// A UPI transaction reference (UTR / RRN): exactly 12 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Utr(String);

impl Utr {
    /// Accepts the 12 digits with any spaces or dashes a person pasted between them.
    pub fn parse(raw: &str) -> Result<Utr, ValidationError> {
        let cleaned: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        let refuse = |message: crate::Msg| Err(ValidationError::new("utr", message));
        if cleaned.is_empty() {
            return refuse(crate::msg!("validation-utr-empty"));
        }
        if cleaned.len() == 12 && cleaned.chars().all(|c| c.is_ascii_digit()) {
            return Ok(Utr(cleaned));
        }
        if cleaned.chars().any(|c| c.is_ascii_alphabetic())
            && cleaned.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return refuse(crate::msg!("validation-utr-app-id"));
        }
        if cleaned.chars().all(|c| c.is_ascii_digit()) {
            return refuse(crate::msg!(
                "validation-utr-digit-count",
                count = cleaned.len()
            ));
        }
        // A phone keyboard set to Hindi (०१२…) or a full-width one (０１２…) writes digits
        // that are no symbols to the person typing, so they get their own message.
        if cleaned
            .chars()
            .any(|c| c.is_numeric() && !c.is_ascii_digit())
        {
            return refuse(crate::msg!("validation-utr-script"));
        }
        refuse(crate::msg!("validation-utr-symbols"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Utr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A UPI ID (virtual payment address), like `shop@okaxis`: a handle of letters, digits,
/// dots, dashes and underscores (at least one letter or digit), an `@`, and the bank's
/// handle of letters and digits. Tenant settings hold their UPI ID to this too, so no
/// tenant can store one the buy page would refuse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Vpa(String);

impl Vpa {
    pub fn parse(raw: &str) -> Result<Vpa, ValidationError> {
        let value = raw.trim();
        let refuse = |message: crate::Msg| Err(ValidationError::new("upi_vpa", message));
        let Some((handle, bank)) = value.split_once('@') else {
            return refuse(crate::msg!("validation-vpa-shape"));
        };
        let handle_ok = (2..=256).contains(&handle.len())
            && handle
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        let bank_ok = (2..=64).contains(&bank.len())
            && bank.starts_with(|c: char| c.is_ascii_alphabetic())
            && bank.chars().all(|c| c.is_ascii_alphanumeric());
        if !handle_ok || !bank_ok {
            return refuse(crate::msg!("validation-vpa-characters"));
        }
        if !handle.chars().any(|c| c.is_ascii_alphanumeric()) {
            return refuse(crate::msg!("validation-vpa-handle"));
        }
        Ok(Vpa(value.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The short reference a user writes into the UPI payment's note, so an admin can find the
/// request from the bank statement: "AT" and eight letters and digits that cannot be
/// confused (no 0/O, 1/I/L). Alphanumeric only: NPCI declines references with symbols.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PaymentReference(String);

const REFERENCE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const REFERENCE_LEN: usize = 10;

impl PaymentReference {
    pub fn generate() -> Result<PaymentReference, crate::RandomError> {
        let bytes = crate::random_bytes::<8>()?;
        let mut out = String::from("AT");
        for b in bytes {
            out.push(char::from(
                REFERENCE_ALPHABET[usize::from(b) % REFERENCE_ALPHABET.len()],
            ));
        }
        Ok(PaymentReference(out))
    }

    /// A reference this site made (it travels through the buy form).
    pub fn parse(raw: &str) -> Option<PaymentReference> {
        let raw = raw.trim().to_ascii_uppercase();
        let ok = raw.len() == REFERENCE_LEN
            && raw.starts_with("AT")
            && raw.bytes().skip(2).all(|b| REFERENCE_ALPHABET.contains(&b));
        ok.then_some(PaymentReference(raw))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The `upi://pay` link a UPI app opens (and the QR code shows). Spaces are `%20`, never
/// `+`, which some apps show as a plus.
pub fn upi_link(vpa: &Vpa, payee: &str, amount: Paise, reference: &PaymentReference) -> String {
    format!(
        "upi://pay?pa={}&pn={}&am={}&cu=INR&tn={}",
        encode(vpa.as_str()),
        encode(payee),
        amount.decimal(),
        encode(reference.as_str())
    )
}

/// Percent-encodes everything but RFC 3986's unreserved characters (and `@` in a UPI ID,
/// which every app reads as is).
fn encode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'@') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The payee name shown in UPI apps: trimmed, 1 to 60 characters, no control characters.
pub fn parse_payee(raw: &str) -> Result<String, ValidationError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(ValidationError::new(
            "upi_payee",
            crate::msg!("validation-payee-empty"),
        ));
    }
    if value.chars().count() > 60 {
        return Err(ValidationError::new(
            "upi_payee",
            crate::msg!("validation-payee-too-long"),
        ));
    }
    crate::refuse_control_characters("upi_payee", value, false)?;
    Ok(value.to_owned())
}
