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

pub mod statement;

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

/// An amount of Indian money in paise (1 rupee = 100 paise). Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Paise(i64);

impl Paise {
    pub const fn new(paise: i64) -> Paise {
        Paise(paise)
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    /// Rupees with two decimals and no grouping, as a UPI link's `am` wants it: "149.00".
    pub fn decimal(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// Rupees as people in India write them, with the rupee sign and lakh/crore grouping:
    /// "₹1,49,999.00".
    pub fn display(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}₹{}.{:02}", group_indian(abs / 100), abs % 100)
    }

    /// Parses rupees typed by a person: "149", "149.5", "149.00", "1,499" (commas and a
    /// leading ₹ ignored). At most two decimals; never negative.
    pub fn parse_rupees(raw: &str) -> Result<Paise, String> {
        let cleaned: String = raw
            .trim()
            .trim_start_matches('₹')
            .trim()
            .chars()
            .filter(|c| *c != ',')
            .collect();
        let bad = || {
            format!(
                "{:?} is not an amount in rupees, like 149 or 149.50.",
                raw.trim()
            )
        };
        if cleaned.is_empty() {
            return Err("Enter a price in rupees.".to_owned());
        }
        let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
        {
            return Err(bad());
        }
        if fraction.len() > 2 {
            return Err("Prices have at most two decimals (paise).".to_owned());
        }
        let whole: i64 = whole.parse().map_err(|_| bad())?;
        let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
        whole
            .checked_mul(100)
            .and_then(|p| p.checked_add(fraction))
            .map(Paise)
            .ok_or_else(bad)
    }
}

impl fmt::Display for Paise {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// 149999 → "1,49,999": the last three digits, then groups of two.
fn group_indian(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, last3) = digits.split_at(digits.len() - 3);
    let mut out = String::new();
    let first = head.len() % 2;
    if first == 1 {
        out.push_str(&head[..1]);
    }
    for (i, pair) in head.as_bytes()[first..].chunks(2).enumerate() {
        if i > 0 || first == 1 {
            out.push(',');
        }
        out.push_str(std::str::from_utf8(pair).unwrap_or_default());
    }
    out.push(',');
    out.push_str(last3);
    out
}

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
        let refuse = |message: String| Err(ValidationError::new("utr", message));
        if cleaned.is_empty() {
            return refuse(
                "Enter the 12-digit UTR (UPI transaction ID) shown in your UPI app.".to_owned(),
            );
        }
        if cleaned.len() == 12 && cleaned.chars().all(|c| c.is_ascii_digit()) {
            return Ok(Utr(cleaned));
        }
        if cleaned.chars().any(|c| c.is_ascii_alphabetic())
            && cleaned.chars().all(|c| c.is_ascii_alphanumeric())
        {
            return refuse(
                "That looks like your app's own transaction id, not the UTR. Open the payment \
                 in your UPI app and copy the 12-digit number labelled \"UPI transaction ID\", \
                 \"UTR\" or \"UPI Ref No\"."
                    .to_owned(),
            );
        }
        if cleaned.chars().all(|c| c.is_ascii_digit()) {
            return refuse(format!(
                "A UTR has exactly 12 digits; you entered {}.",
                cleaned.len()
            ));
        }
        // A phone keyboard set to Hindi (०१२…) or a full-width one (０１２…) writes digits
        // that are no symbols to the person typing, so they get their own message.
        if cleaned
            .chars()
            .any(|c| c.is_numeric() && !c.is_ascii_digit())
        {
            return refuse(
                "Type the UTR with the digits 0–9: some of these digits are from another \
                 script (such as Devanagari or full-width), which banks do not use."
                    .to_owned(),
            );
        }
        refuse("A UTR is 12 digits, with no letters or symbols.".to_owned())
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
        let refuse = |message: &str| Err(ValidationError::new("upi_vpa", message.to_owned()));
        let Some((handle, bank)) = value.split_once('@') else {
            return refuse("A UPI ID looks like name@bank, for example pixelforge@okaxis.");
        };
        let handle_ok = (2..=256).contains(&handle.len())
            && handle
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        let bank_ok = (2..=64).contains(&bank.len())
            && bank.starts_with(|c: char| c.is_ascii_alphabetic())
            && bank.chars().all(|c| c.is_ascii_alphanumeric());
        if !handle_ok || !bank_ok {
            return refuse(
                "A UPI ID is letters, digits, dots, dashes or underscores, then @ and the bank's \
                 handle (letters and digits), for example pixelforge@okaxis.",
            );
        }
        if !handle.chars().any(|c| c.is_ascii_alphanumeric()) {
            return refuse(
                "The part of a UPI ID before the @ needs letters or digits, not only dots, \
                 dashes or underscores, for example pixelforge@okaxis.",
            );
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
            "Enter the name UPI apps should show as the payee.".to_owned(),
        ));
    }
    if value.chars().count() > 60 {
        return Err(ValidationError::new(
            "upi_payee",
            "The payee name is at most 60 characters.".to_owned(),
        ));
    }
    crate::refuse_control_characters("upi_payee", value, false)?;
    Ok(value.to_owned())
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
pub const PACK_MAX_PRICE: Paise = Paise(10_000_000);
/// The cheapest pack: ₹1.
pub const PACK_MIN_PRICE: Paise = Paise(100);

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
                format!("A pack holds between 1 and {PACK_MAX_CREDITS} credits."),
            ));
        }
        if price < PACK_MIN_PRICE || price > PACK_MAX_PRICE {
            errors.push(ValidationError::new(
                "price",
                format!(
                    "A pack costs between {} and {}.",
                    PACK_MIN_PRICE.display(),
                    PACK_MAX_PRICE.display()
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
        Paise((self.price.0 + credits / 2) / credits)
    }
}

/// Why an admin rejected a payment, as the user will read it: 3 to 300 characters.
pub fn parse_reject_reason(raw: &str) -> Result<String, ValidationError> {
    let value = raw.trim();
    let n = value.chars().count();
    if n < 3 {
        return Err(ValidationError::new(
            "reason",
            "Say why, in a few words: the user reads this in their mail.".to_owned(),
        ));
    }
    if n > 300 {
        return Err(ValidationError::new(
            "reason",
            "Keep the reason under 300 characters.".to_owned(),
        ));
    }
    crate::refuse_control_characters("reason", value, false)?;
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paise_show_as_rupees_with_indian_grouping() {
        assert_eq!(Paise::new(14_999_900).display(), "₹1,49,999.00");
        assert_eq!(Paise::new(14_900).display(), "₹149.00");
        assert_eq!(Paise::new(5).display(), "₹0.05");
        assert_eq!(Paise::new(10_000_000_000).display(), "₹10,00,00,000.00");
        assert_eq!(Paise::new(12_345_678_900).display(), "₹12,34,56,789.00");
        assert_eq!(Paise::new(12_345_678).display(), "₹1,23,456.78");
        assert_eq!(Paise::new(14_900).decimal(), "149.00");
        assert_eq!(Paise::new(1_234_567).decimal(), "12345.67");
    }

    #[test]
    fn rupees_typed_by_people_become_paise() {
        assert_eq!(Paise::parse_rupees("149"), Ok(Paise::new(14_900)));
        assert_eq!(Paise::parse_rupees(" ₹1,499.5 "), Ok(Paise::new(149_950)));
        assert_eq!(Paise::parse_rupees("0.99"), Ok(Paise::new(99)));
        assert!(Paise::parse_rupees("1.999").is_err());
        assert!(Paise::parse_rupees("-5").is_err());
        assert!(Paise::parse_rupees("abc").is_err());
        assert!(Paise::parse_rupees("").is_err());
        assert!(Paise::parse_rupees("99999999999999999999").is_err());
    }

    #[test]
    fn a_utr_is_twelve_digits_and_pasted_spaces_do_not_matter() {
        assert_eq!(
            Utr::parse(" 4321 8765 0912 ").map(|u| u.0),
            Ok("432187650912".to_owned())
        );
        let Err(short) = Utr::parse("12345") else {
            panic!("a 5-digit UTR was accepted");
        };
        assert!(short.message.contains("you entered 5"), "{}", short.message);
        let Err(gpay) = Utr::parse("CICAgMC2qrWXLA") else {
            panic!("Google Pay's own id was accepted");
        };
        assert!(gpay.message.contains("12-digit"), "{}", gpay.message);
        assert!(Utr::parse("1234567890123").is_err());
        let Err(symbol) = Utr::parse("12345678901!") else {
            panic!("a symbol was accepted");
        };
        assert!(
            symbol.message.contains("no letters or symbols"),
            "{}",
            symbol.message
        );
        for other_script in ["४३२१८७६५०९१२", "４３２１８７６５０９１２", "4321 8765 091२"]
        {
            let Err(e) = Utr::parse(other_script) else {
                panic!("{other_script} was accepted");
            };
            assert!(
                e.message.contains("digits 0–9"),
                "{other_script}: {}",
                e.message
            );
        }
        assert!(Utr::parse("").is_err());
    }

    #[test]
    fn a_upi_id_needs_a_handle_and_a_bank() {
        assert_eq!(
            Vpa::parse(" PixelForge@OKAXIS ").map(|v| v.0),
            Ok("pixelforge@okaxis".to_owned())
        );
        assert!(Vpa::parse("pixelforge").is_err());
        assert!(Vpa::parse("a@b").is_err());
        assert!(Vpa::parse("pixel forge@okaxis").is_err());
        assert!(Vpa::parse("shop@ok.axis").is_err());
        assert!(Vpa::parse("@okaxis").is_err());
        for punctuation in ["..@okaxis", "-_@okaxis", "._.@okaxis"] {
            let Err(e) = Vpa::parse(punctuation) else {
                panic!("{punctuation} was accepted");
            };
            assert!(
                e.message.contains("needs letters or digits"),
                "{}",
                e.message
            );
        }
        assert!(Vpa::parse("a.b@okaxis").is_ok());
    }

    #[test]
    fn the_upi_link_encodes_spaces_as_percent_twenty() {
        let vpa = Vpa::parse("pixelforge@okaxis").unwrap_or_else(|e| panic!("{e:?}"));
        let reference =
            PaymentReference::parse("AT23456789").unwrap_or_else(|| panic!("reference"));
        assert_eq!(
            upi_link(&vpa, "PixelForge Creative & Co", Paise::new(14_900), &reference),
            "upi://pay?pa=pixelforge@okaxis&pn=PixelForge%20Creative%20%26%20Co&am=149.00&cu=INR&tn=AT23456789"
        );
    }

    #[test]
    fn references_are_short_unambiguous_and_round_trip() {
        let r = PaymentReference::generate().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.as_str().len(), 10);
        assert_eq!(PaymentReference::parse(&r.as_str().to_lowercase()), Some(r));
        assert_eq!(PaymentReference::parse("AT0000000O"), None);
        assert_eq!(PaymentReference::parse("XX23456789"), None);
    }

    #[test]
    fn pack_terms_are_bounded_and_price_per_credit_rounds() {
        let terms = PackTerms::new(50, Paise::new(14_900)).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(terms.price_per_credit(), Paise::new(298));
        assert_eq!(
            PackTerms::new(0, Paise::new(50)).map_err(|e| e.len()),
            Err(2)
        );
        assert!(PackTerms::new(1, PACK_MAX_PRICE).is_ok());
    }

    #[test]
    fn reasons_are_short_sentences() {
        assert!(parse_reject_reason("no").is_err());
        assert!(parse_reject_reason(&"x".repeat(301)).is_err());
        assert_eq!(
            parse_reject_reason("  No credit with this UTR in our statement. "),
            Ok("No credit with this UTR in our statement.".to_owned())
        );
    }
}
