//! Days and moments as people read them on every page: India's calendar and clock (where
//! the sites' people, their UPI payments and their banks are, so a payment at 00:30 on
//! 2 December is one of 2 December), written in the reader's language ("2 Dec 2026, 00:30",
//! "2 दिस॰ 2026, 00:30"); and how long something took ("850 ms", "2.0 s").

use atelier_domain::{msg, IndiaDate, Lang, Timestamp};
use atelier_i18n::format;

/// A calendar day in India: "27 Nov 2026".
pub(crate) fn day(lang: Lang, day: IndiaDate) -> String {
    let date = day.date();
    format::date(lang, date.year(), u8::from(date.month()), date.day())
}

/// The day in India of a moment: "27 Nov 2026".
pub(crate) fn date(lang: Lang, at: Timestamp) -> String {
    day(lang, IndiaDate::of(at))
}

/// A moment in India, day and time: "27 Nov 2026, 15:30".
pub(crate) fn date_time(lang: Lang, at: Timestamp) -> String {
    let today = IndiaDate::of(at);
    // Minutes since midnight in India; the day's start is India's midnight.
    let minutes = (at.millis() - today.start().millis()).div_euclid(60_000);
    let hour = u8::try_from(minutes / 60).unwrap_or(0);
    let minute = u8::try_from(minutes % 60).unwrap_or(0);
    let date = today.date();
    format::date_time(
        lang,
        date.year(),
        u8::from(date.month()),
        date.day(),
        hour,
        minute,
    )
}

/// A render time, "850 ms" under a second and "12.4 s" from there, rounded to the nearest
/// tenth (1 999 ms is "2.0 s", not "1.9 s"): the dashboard's median and the jobs list say
/// the same time the same way.
pub(crate) fn duration(lang: Lang, ms: i64) -> String {
    let ms = ms.max(0);
    let message = if ms < 1000 {
        msg!("render-time", unit = "ms", value = ms)
    } else {
        let tenths = (ms + 50) / 100;
        let value = format!("{}.{}", tenths / 10, tenths % 10);
        msg!("render-time", unit = "s", value = value)
    };
    message.in_lang(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_read_on_indias_clock() {
        // 2026-12-01T19:00:00Z is 00:30 on 2 December in India.
        let at = Timestamp(1_796_151_600_000);
        assert_eq!(date_time(Lang::En, at), at.india_display());
        assert_eq!(date_time(Lang::En, at), "2 Dec 2026, 00:30");
        assert_eq!(date(Lang::En, at), at.india_date());
        let hindi = date_time(Lang::Hi, at);
        assert!(
            hindi.ends_with("2026, 00:30") && !hindi.contains("Dec"),
            "{hindi}"
        );
        // The last minute of an Indian day.
        let late = Timestamp(1_795_804_200_000 - 60_000);
        assert_eq!(date_time(Lang::En, late), "27 Nov 2026, 23:59");
    }

    #[test]
    fn durations_round_to_the_nearest_tenth_of_a_second() {
        assert_eq!(duration(Lang::En, 850), "850 ms");
        assert_eq!(duration(Lang::En, 999), "999 ms");
        assert_eq!(duration(Lang::En, 1_000), "1.0 s");
        assert_eq!(duration(Lang::En, 1_999), "2.0 s");
        assert_eq!(duration(Lang::En, 12_449), "12.4 s");
        assert_eq!(duration(Lang::En, 12_450), "12.5 s");
        assert_eq!(duration(Lang::En, -5), "0 ms");
        let hindi = duration(Lang::Hi, 1_999);
        assert!(
            hindi.starts_with("2.0 ") && !hindi.ends_with(" s"),
            "{hindi}"
        );
    }
}
