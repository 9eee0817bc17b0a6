//! Time as a dependency: everything that depends on "now" asks a [`Clock`], so tests can
//! move time forward instead of sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch, UTC. Stored as a 64-bit integer in both databases so
/// that comparisons are exact and portable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn millis(self) -> i64 {
        self.0
    }

    pub fn plus_millis(self, millis: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(millis))
    }

    /// The calendar date (UTC) this instant falls on: (year, month 1-12, day 1-31).
    pub fn civil_date(self) -> (i64, u32, u32) {
        // Howard Hinnant's days-to-civil algorithm.
        let days = self.0.div_euclid(86_400_000);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        (
            year,
            u32::try_from(month).unwrap_or(1),
            u32::try_from(day).unwrap_or(1),
        )
    }

    /// The calendar year (UTC) this instant falls in.
    pub fn year(self) -> i64 {
        self.civil_date().0
    }

    /// RFC 3339 in UTC with milliseconds, e.g. "2026-11-27T10:00:00.000Z".
    pub fn rfc3339(self) -> String {
        let (year, month, day) = self.civil_date();
        let ms_of_day = self.0.rem_euclid(86_400_000);
        let (h, m, s, ms) = (
            ms_of_day / 3_600_000,
            ms_of_day / 60_000 % 60,
            ms_of_day / 1000 % 60,
            ms_of_day % 1000,
        );
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z")
    }

    /// "27 Nov 2026".
    pub fn display_date(self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (year, month, day) = self.civil_date();
        let name = MONTHS
            .get(usize::try_from(month).unwrap_or(1).saturating_sub(1))
            .copied()
            .unwrap_or("");
        format!("{day} {name} {year}")
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
    fn system_clock_is_after_2020() {
        assert!(SystemClock.now() > Timestamp(1_577_836_800_000));
    }
}
