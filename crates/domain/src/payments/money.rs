//! Indian money: paise, as integers, shown as rupees.

use std::fmt;

use serde::Serialize;

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
        atelier_i18n::format::rupees(self.0)
    }

    /// Parses rupees typed by a person: "149", "149.5", "149.00", "1,499" (commas and a
    /// leading ₹ ignored). At most two decimals; never negative. The error is for the person
    /// who typed it.
    pub fn parse_rupees(raw: &str) -> Result<Paise, crate::Msg> {
        let cleaned: String = raw
            .trim()
            .trim_start_matches('₹')
            .trim()
            .chars()
            .filter(|c| *c != ',')
            .collect();
        let bad = || crate::msg!("validation-rupees", value = format!("{:?}", raw.trim()));
        if cleaned.is_empty() {
            return Err(crate::msg!("validation-rupees-empty"));
        }
        let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
        {
            return Err(bad());
        }
        if fraction.len() > 2 {
            return Err(crate::msg!("validation-rupees-decimals"));
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
