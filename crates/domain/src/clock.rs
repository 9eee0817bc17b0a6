//! Time as a dependency: everything that depends on "now" asks a [`Clock`], so tests can
//! move time forward instead of sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// Milliseconds since the Unix epoch, UTC. Stored as a 64-bit integer in both databases so
/// that comparisons are exact and portable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Timestamp(pub i64);

/// A day as people read it: "27 Nov 2026".
pub(crate) const DAY_MONTH_YEAR: &[BorrowedFormatItem<'_>] =
    format_description!("[day padding:none] [month repr:short] [year]");

impl Timestamp {
    pub fn millis(self) -> i64 {
        self.0
    }

    pub fn plus_millis(self, millis: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(millis))
    }

    /// This instant on the UTC calendar; instants past what `time` can hold (beyond the
    /// years ±9999) are clamped to its limits.
    pub(crate) fn utc(self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0) * 1_000_000).unwrap_or(
            if self.0 < 0 {
                PrimitiveDateTime::MIN.assume_utc()
            } else {
                PrimitiveDateTime::MAX.assume_utc()
            },
        )
    }

    /// The calendar year (UTC) this instant falls in.
    pub fn year(self) -> i64 {
        i64::from(self.utc().year())
    }

    /// RFC 3339 in UTC with milliseconds, e.g. "2026-11-27T10:00:00.000Z".
    pub fn rfc3339(self) -> String {
        const FORMAT: &[BorrowedFormatItem<'_>] = format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
        );
        self.utc()
            .format(FORMAT)
            .unwrap_or_else(|_| self.0.to_string())
    }

    /// "27 Nov 2026" (the day in UTC; [`crate::IndiaDate::display`] for India's).
    pub fn display_date(self) -> String {
        self.utc()
            .format(DAY_MONTH_YEAR)
            .unwrap_or_else(|_| self.0.to_string())
    }
}

/// A source of the current time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> Timestamp;
}

/// The wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let millis = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        Timestamp(i64::try_from(millis).unwrap_or(i64::MAX))
    }
}

/// A clock that only moves when told to; for tests of expiry rules.
#[derive(Debug)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn new(start: Timestamp) -> Self {
        Self(AtomicI64::new(start.0))
    }

    pub fn advance_millis(&self, millis: i64) {
        self.0.fetch_add(millis, Ordering::SeqCst);
    }

    pub fn set(&self, at: Timestamp) {
        self.0.store(at.0, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(Timestamp(1_000));
        assert_eq!(clock.now(), Timestamp(1_000));
        clock.advance_millis(3_600_000);
        assert_eq!(clock.now(), Timestamp(3_601_000));
    }

    #[test]
    fn years_turn_at_midnight_utc() {
        assert_eq!(Timestamp(0).year(), 1970);
        assert_eq!(Timestamp(1_798_761_599_999).year(), 2026); // 2026-12-31T23:59:59.999Z
        assert_eq!(Timestamp(1_798_761_600_000).year(), 2027);
        assert_eq!(Timestamp(951_782_400_000).year(), 2000); // 2000-02-29
        assert_eq!(Timestamp(951_782_400_000).display_date(), "29 Feb 2000");
        assert_eq!(Timestamp(1_795_773_600_000).display_date(), "27 Nov 2026");
        assert_eq!(
            Timestamp(1_795_773_600_123).rfc3339(),
            "2026-11-27T10:00:00.123Z"
        );
    }

    #[test]
    fn dates_read_the_same_on_every_side_of_the_epoch() {
        assert_eq!(Timestamp(0).rfc3339(), "1970-01-01T00:00:00.000Z");
        assert_eq!(Timestamp(-1).rfc3339(), "1969-12-31T23:59:59.999Z");
        assert_eq!(Timestamp(-1).year(), 1969);
        assert_eq!(Timestamp(5).display_date(), "1 Jan 1970");
        // 2024-03-01T00:00:00Z follows a leap day; 2100 has none.
        assert_eq!(Timestamp(1_709_251_200_000).display_date(), "1 Mar 2024");
        assert_eq!(
            Timestamp(1_709_251_200_000 - 1).rfc3339(),
            "2024-02-29T23:59:59.999Z"
        );
        assert_eq!(Timestamp(4_107_542_400_000).display_date(), "1 Mar 2100");
        assert_eq!(
            Timestamp(4_107_542_400_000 - 1).display_date(),
            "28 Feb 2100"
        );
        // Far outside the calendar: clamped, never a panic.
        assert_eq!(Timestamp(i64::MAX).year(), 9999);
        assert_eq!(Timestamp(i64::MIN).year(), -9999);
    }

    #[test]
    fn system_clock_is_after_2020() {
        assert!(SystemClock.now() > Timestamp(1_577_836_800_000));
    }
}
