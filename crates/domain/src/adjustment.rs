//! A tenant admin's adjustment of an account's credits: a non-zero whole number within
//! bounds, with the admin's reason, which the ledger keeps as the row's reference so the
//! books say why the balance moved.

use crate::{msg, CreditChange, LedgerLine, LedgerReason, Msg};

/// The largest adjustment either way: far beyond any real correction, small enough that a
/// slip of the finger (an extra row of zeros) is caught.
pub const MAX_ADJUSTMENT: i64 = 1_000_000;
/// A reason is a few words: enough to tell an auditor why, short enough for a ledger line.
pub const REASON_MIN_CHARS: usize = 3;
pub const REASON_MAX_CHARS: usize = 200;

/// An adjustment that can be applied: `delta` is non-zero and within ±[`MAX_ADJUSTMENT`],
/// `reason` is 3–200 characters of text without control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditAdjustment {
    delta: i64,
    reason: String,
}

/// What is wrong with an adjustment's form, field by field (`delta`, `reason`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdjustmentErrors {
    pub delta: Option<Msg>,
    pub reason: Option<Msg>,
}

impl CreditAdjustment {
    /// Reads the form's two fields as typed; every problem is reported at once.
    pub fn parse(delta: &str, reason: &str) -> Result<CreditAdjustment, AdjustmentErrors> {
        let mut errors = AdjustmentErrors::default();
        // People write "+50" and "1,000": both mean what they say.
        let digits: String = delta
            .trim()
            .trim_start_matches('+')
            .chars()
            .filter(|c| *c != ',' && *c != '_' && !c.is_whitespace())
            .collect();
        let parsed = match digits.parse::<i64>() {
            _ if digits.is_empty() => Err(msg!("admin-users-credits-delta-required")),
            Ok(0) => Err(msg!("admin-users-credits-delta-zero")),
            Ok(n) if n.abs() <= MAX_ADJUSTMENT => Ok(n),
            Ok(_) => Err(msg!(
                "admin-users-credits-delta-range",
                max = MAX_ADJUSTMENT
            )),
            // Too many digits for an i64 is out of range too, not "not a number".
            Err(_)
                if digits
                    .trim_start_matches('-')
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
            {
                Err(msg!(
                    "admin-users-credits-delta-range",
                    max = MAX_ADJUSTMENT
                ))
            }
            Err(_) => Err(msg!("admin-users-credits-delta-number")),
        };
        let reason = reason.trim();
        let length = reason.chars().count();
        if reason.chars().any(char::is_control) {
            errors.reason = Some(msg!("validation-control-characters"));
        } else if length < REASON_MIN_CHARS {
            errors.reason = Some(msg!(
                "admin-users-credits-reason-required",
                min = REASON_MIN_CHARS
            ));
        } else if length > REASON_MAX_CHARS {
            errors.reason = Some(msg!(
                "admin-users-credits-reason-long",
                max = REASON_MAX_CHARS
            ));
        }
        match parsed {
            Ok(delta) if errors.reason.is_none() => Ok(CreditAdjustment {
                delta,
                reason: reason.to_owned(),
            }),
            Ok(_) => Err(errors),
            Err(m) => {
                errors.delta = Some(m);
                Err(errors)
            }
        }
    }

    pub fn delta(&self) -> i64 {
        self.delta
    }

    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The change to the account: the balance moves by `delta`, the hold stays, and the
    /// ledger row (`admin_adjustment`) carries the reason as its reference. The store's
    /// `held ≤ balance` condition refuses a deduction that would eat into held credits.
    pub fn change(&self) -> CreditChange {
        CreditChange {
            balance: self.delta,
            held: 0,
            active_jobs: 0,
            ledger: Some(LedgerLine {
                delta: self.delta,
                reason: LedgerReason::AdminAdjustment,
                reference: self.reason.clone(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Credits, Wallet};

    #[test]
    fn a_signed_whole_number_with_a_reason_is_an_adjustment() {
        let up = CreditAdjustment::parse(" +1,000 ", "  refund for ticket 42 ");
        assert_eq!(up.as_ref().map(CreditAdjustment::delta), Ok(1000));
        assert_eq!(
            up.as_ref().map(CreditAdjustment::reason),
            Ok("refund for ticket 42")
        );
        let down = CreditAdjustment::parse("-5", "duplicate grant");
        assert_eq!(
            down.map(|a| a.change().ledger.map(|l| l.delta)),
            Ok(Some(-5))
        );
    }

    #[test]
    fn zero_nonsense_and_huge_amounts_are_refused_with_the_reason_checked_too() {
        for (delta, reason, delta_bad, reason_bad) in [
            ("0", "a reason", true, false),
            ("", "a reason", true, false),
            ("ten", "a reason", true, false),
            ("1.5", "a reason", true, false),
            ("1000001", "a reason", true, false),
            ("-1000001", "a reason", true, false),
            ("99999999999999999999999", "a reason", true, false),
            ("5", "", false, true),
            ("5", "ok", false, true),
            ("5", &"x".repeat(201), false, true),
            ("5", "bell\u{7}", false, true),
            ("0", "", true, true),
        ] {
            let errors = CreditAdjustment::parse(delta, reason)
                .err()
                .unwrap_or_else(|| panic!("{delta:?} {reason:?} accepted"));
            assert_eq!(errors.delta.is_some(), delta_bad, "{delta:?}");
            assert_eq!(errors.reason.is_some(), reason_bad, "{reason:?}");
        }
        assert!(CreditAdjustment::parse("-1000000", &"x".repeat(200)).is_ok());
    }

    #[test]
    fn a_deduction_may_not_take_held_credits() {
        let wallet = Wallet {
            balance: Credits::new(10),
            held: Credits::new(4),
        };
        let take = |n: &str| {
            CreditAdjustment::parse(n, "correction")
                .map(|a| wallet.apply(&a.change()).is_ok())
                .unwrap_or(false)
        };
        assert!(take("-6"));
        assert!(!take("-7"));
        assert!(take("50"));
    }
}
