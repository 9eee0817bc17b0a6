//! India Standard Time (UTC+05:30 all year, no daylight saving): the clock a tenant's admins
//! and their banks read. A date an admin types ("payments of 1 December") means that day in
//! India, so its bounds are India's midnights, not UTC's.

use std::fmt;

use time::format_description::BorrowedFormatItem;
use time::macros::{format_description, offset};
use time::{Date, Month, OffsetDateTime, UtcOffset};

use crate::{Timestamp, ValidationError};

const IST: UtcOffset = offset!(+05:30);
const DAY_MILLIS: i64 = 86_400_000;

/// A calendar day in India, as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IndiaDate(Date);

impl IndiaDate {
    /// Reads `YYYY-MM-DD` (what a date input sends). `field` names the form field the
    /// message belongs to.
    pub fn parse(field: &'static str, raw: &str) -> Result<IndiaDate, ValidationError> {
        let raw = raw.trim();
        let refuse = || {
            Err(ValidationError::new(
                field,
                crate::msg!("validation-date-shape", value = format!("{raw:?}")),
            ))
        };
        let mut parts = raw.splitn(3, '-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next())
        else {
            return refuse();
        };
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
            return refuse();
        }
        let (Ok(year), Ok(month), Ok(day)) = (year.parse(), month.parse::<u8>(), day.parse())
        else {
            return refuse();
        };
        let Ok(month) = Month::try_from(month) else {
            return Err(ValidationError::new(
                field,
                crate::msg!(
                    "validation-date-month",
                    value = raw,
                    month = month.to_string()
                ),
            ));
        };
        Date::from_calendar_date(year, month, day)
            .map(IndiaDate)
            .map_err(|_| {
                ValidationError::new(field, crate::msg!("validation-date-day", value = raw))
            })
    }

    /// The day in India at instant `at`.
    pub fn of(at: Timestamp) -> IndiaDate {
        IndiaDate(at.utc().to_offset(IST).date())
    }

    /// Midnight at the start of this day in India.
    pub fn start(self) -> Timestamp {
        let start = self.0.midnight().assume_offset(IST);
        let nanos = start.unix_timestamp_nanos() / 1_000_000;
        Timestamp(i64::try_from(nanos).unwrap_or(i64::MAX))
    }

    /// Midnight at the end of this day in India (the next day's start): a range "through
    /// this day" ends before it.
    pub fn end(self) -> Timestamp {
        self.start().plus_millis(DAY_MILLIS)
    }

    /// The first day of this day's month: where a month's report starts.
    pub fn first_of_month(self) -> IndiaDate {
        IndiaDate(self.0.replace_day(1).unwrap_or(self.0))
    }

    /// How many days `self` through `last` cover, both counted (1 for the same day; 0 or
    /// less when `last` is earlier).
    pub fn days_through(self, last: IndiaDate) -> i64 {
        (last.0 - self.0).whole_days() + 1
    }

    /// The calendar day itself: bank statements date their rows by India's calendar.
    pub fn date(self) -> Date {
        self.0
    }

    /// The day as people read it: "27 Nov 2026".
    pub fn display(self) -> String {
        self.0
            .format(crate::clock::DAY_MONTH_YEAR)
            .unwrap_or_else(|_| self.to_string())
    }
}

/// A calendar day from a bank statement, which dates its rows by India's calendar.
impl From<Date> for IndiaDate {
    fn from(date: Date) -> IndiaDate {
        IndiaDate(date)
    }
}

impl fmt::Display for IndiaDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            u8::from(self.0.month()),
            self.0.day()
        )
    }
}

impl Timestamp {
    fn in_india(self) -> OffsetDateTime {
        self.utc().to_offset(IST)
    }

    /// ISO 8601 in India time, to the second: "2026-11-27T15:30:00+05:30".
    pub fn india_iso(self) -> String {
        const FORMAT: &[BorrowedFormatItem<'_>] =
            format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]+05:30");
        self.in_india()
            .format(FORMAT)
            .unwrap_or_else(|_| self.0.to_string())
    }

    /// The day in India for a person: "27 Nov 2026". A payment at 00:30 on 2 December in
    /// India is a payment of 2 December, though it is still 1 December in UTC.
    pub fn india_date(self) -> String {
        const FORMAT: &[BorrowedFormatItem<'_>] =
            format_description!("[day padding:none] [month repr:short] [year]");
        self.in_india()
            .format(FORMAT)
            .unwrap_or_else(|_| self.0.to_string())
    }

    /// Date and time in India for a person: "27 Nov 2026, 15:30".
    pub fn india_display(self) -> String {
        const FORMAT: &[BorrowedFormatItem<'_>] =
            format_description!("[day padding:none] [month repr:short] [year], [hour]:[minute]");
        self.in_india()
            .format(FORMAT)
            .unwrap_or_else(|_| self.0.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(raw: &str) -> IndiaDate {
        IndiaDate::parse("from", raw).unwrap_or_else(|e| panic!("{raw}: {}", e.message))
    }

    #[test]
    fn a_day_in_india_starts_at_half_past_six_the_evening_before_in_utc() {
        let day = date("2026-11-27");
        // 2026-11-26T18:30:00Z
        assert_eq!(day.start(), Timestamp(1_795_717_800_000));
        assert_eq!(day.end(), Timestamp(1_795_717_800_000 + DAY_MILLIS));
        assert_eq!(IndiaDate::of(day.start()), day);
        assert_eq!(IndiaDate::of(day.end().plus_millis(-1)), day);
        assert_eq!(IndiaDate::of(day.end()), date("2026-11-28"));
        assert_eq!(day.to_string(), "2026-11-27");
        assert_eq!(day.first_of_month(), date("2026-11-01"));
        assert_eq!(day.display(), "27 Nov 2026");
        assert_eq!(date("2026-12-01").display(), "1 Dec 2026");
        // 20:00 UTC on the 27th is already the 28th in India.
        assert_eq!(
            IndiaDate::of(Timestamp(1_795_809_600_000)).display(),
            "28 Nov 2026"
        );
    }

    #[test]
    fn dates_are_written_as_year_month_day() {
        for bad in [
            "",
            "27/11/2026",
            "2026-11",
            "2026-1-27",
            "2026-11-27x",
            "tomorrow",
        ] {
            let Err(e) = IndiaDate::parse("to", bad) else {
                panic!("{bad:?} accepted")
            };
            assert_eq!(e.field, "to");
            assert!(
                e.message.to_string().contains("YYYY-MM-DD"),
                "{}",
                e.message
            );
        }
        let Err(month) = IndiaDate::parse("to", "2026-13-01") else {
            panic!("month 13")
        };
        assert!(
            month.message.to_string().contains("month 13"),
            "{}",
            month.message
        );
        assert!(IndiaDate::parse("to", "2026-02-29").is_err());
        assert_eq!(date(" 2028-02-29 ").to_string(), "2028-02-29");
    }

    #[test]
    fn ranges_count_both_ends() {
        assert_eq!(date("2026-01-01").days_through(date("2026-01-01")), 1);
        assert_eq!(date("2026-01-01").days_through(date("2026-12-31")), 365);
        assert_eq!(date("2028-01-01").days_through(date("2028-12-31")), 366);
        assert_eq!(date("2026-01-02").days_through(date("2026-01-01")), 0);
    }

    #[test]
    fn instants_read_in_india_time() {
        // 2026-11-27T10:00:00.123Z
        let at = Timestamp(1_795_773_600_123);
        assert_eq!(at.india_iso(), "2026-11-27T15:30:00+05:30");
        assert_eq!(at.india_display(), "27 Nov 2026, 15:30");
        // 20:00 UTC is already the next day in India.
        let late = Timestamp(1_795_809_600_000);
        assert_eq!(late.india_iso(), "2026-11-28T01:30:00+05:30");
        assert_eq!(late.india_date(), "28 Nov 2026");
        assert_eq!(late.display_date(), "27 Nov 2026", "still the 27th in UTC");
    }
}
