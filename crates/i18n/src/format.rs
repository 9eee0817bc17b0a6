//! Numbers, money and dates as a reader in India expects them, in their language.

use crate::{text, Arg, Lang};

/// Digits grouped the Indian way: the last three, then pairs ("1,49,999", "12,34,56,789").
pub fn group_indian(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, tail) = digits.split_at(digits.len() - 3);
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
    out.push_str(tail);
    out
}

/// A whole number with Indian grouping and a minus sign when negative.
pub fn number(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_indian(n.unsigned_abs()))
}

/// Paise as rupees with the sign, grouping and two decimals: "₹1,49,999.00".
pub fn rupees(paise: i64) -> String {
    let sign = if paise < 0 { "-" } else { "" };
    let abs = paise.unsigned_abs();
    format!("{sign}₹{}.{:02}", group_indian(abs / 100), abs % 100)
}

/// A calendar day in `lang`: "27 Nov 2026", "27 नव॰ 2026".
pub fn date(lang: Lang, year: i32, month: u8, day: u8) -> String {
    text(
        lang,
        "format-date",
        &[
            ("day", Arg::Text(day.to_string())),
            ("month", Arg::Text(month_name(lang, month))),
            ("year", Arg::Text(year.to_string())),
        ],
    )
}

/// A day and a time of day in `lang`: "27 Nov 2026, 15:30".
pub fn date_time(lang: Lang, year: i32, month: u8, day: u8, hour: u8, minute: u8) -> String {
    text(
        lang,
        "format-date-time",
        &[
            ("date", Arg::Text(date(lang, year, month, day))),
            ("time", Arg::Text(format!("{hour:02}:{minute:02}"))),
        ],
    )
}

fn month_name(lang: Lang, month: u8) -> String {
    let id = match month {
        1 => "month-jan",
        2 => "month-feb",
        3 => "month-mar",
        4 => "month-apr",
        5 => "month-may",
        6 => "month-jun",
        7 => "month-jul",
        8 => "month-aug",
        9 => "month-sep",
        10 => "month-oct",
        11 => "month-nov",
        _ => "month-dec",
    };
    text(lang, id, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_in_lakhs_and_crores() {
        assert_eq!(group_indian(0), "0");
        assert_eq!(group_indian(999), "999");
        assert_eq!(group_indian(1_000), "1,000");
        assert_eq!(group_indian(149_999), "1,49,999");
        assert_eq!(group_indian(1_234_567), "12,34,567");
        assert_eq!(group_indian(123_456_789), "12,34,56,789");
        assert_eq!(number(-100_000), "-1,00,000");
        assert_eq!(rupees(14_999_900), "₹1,49,999.00");
        assert_eq!(rupees(-5), "-₹0.05");
    }

    #[test]
    fn dates_are_written_in_the_readers_language() {
        assert_eq!(date(Lang::En, 2026, 11, 27), "27 Nov 2026");
        let hindi = date(Lang::Hi, 2026, 11, 27);
        assert!(hindi.contains("2026") && !hindi.contains("Nov"), "{hindi}");
        assert_eq!(date_time(Lang::En, 2026, 1, 5, 9, 7), "5 Jan 2026, 09:07");
    }
}
