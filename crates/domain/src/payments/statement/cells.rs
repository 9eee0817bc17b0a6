//! Reading one cell of a statement: a date, an amount, a Dr/Cr mark, a UTR, the text shown.

use std::ops::RangeInclusive;

use time::{Date, Month};

use crate::payments::{Paise, Utr};

/// What a date cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateCell {
    Date(Date),
    /// Shaped like a date, but no such day: "31/13/2023", "01 Nox 2023".
    Invalid,
    /// Not shaped like a date at all: a total, a note, a repeated header.
    NotADate,
}

/// Reads the dates Indian banks write, day first: 01/11/23, 01/11/2023, 01-11-2023,
/// "01 Nov 2023", 01-Nov-2023, and 2023-11-01. A time after the date is ignored.
pub(super) fn read_date(cell: &str) -> DateCell {
    let parts: Vec<&str> = without_time(cell.trim())
        .split(['/', '-', ' '])
        .filter(|part| !part.is_empty())
        .collect();
    let [first, month, last] = parts[..] else {
        return DateCell::NotADate;
    };
    let month_word =
        (3..=9).contains(&month.len()) && month.bytes().all(|b| b.is_ascii_alphabetic());
    if !(digits(first, 1..=4) && (digits(month, 1..=2) || month_word) && digits(last, 1..=4)) {
        return DateCell::NotADate;
    }
    let (year, day) = if first.len() == 4 {
        (first, last)
    } else {
        (last, first)
    };
    let year = match (year.len(), year.parse::<i32>()) {
        (2, Ok(year)) => 2000 + year,
        (4, Ok(year)) => year,
        _ => return DateCell::Invalid,
    };
    let day = match (day.len(), day.parse::<u8>()) {
        (1..=2, Ok(day)) => day,
        _ => return DateCell::Invalid,
    };
    let Some(month) = read_month(month) else {
        return DateCell::Invalid;
    };
    Date::from_calendar_date(year, month, day).map_or(DateCell::Invalid, DateCell::Date)
}

fn digits(text: &str, len: RangeInclusive<usize>) -> bool {
    len.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// "11", "Nov", "NOV", "November", "Sept".
fn read_month(text: &str) -> Option<Month> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let number = match text.parse::<u8>() {
        Ok(number) => number,
        Err(_) => {
            let word = text.to_ascii_lowercase();
            let index = NAMES
                .iter()
                .position(|name| word.len() >= 3 && name.starts_with(&word))?;
            u8::try_from(index + 1).ok()?
        }
    };
    Month::try_from(number).ok()
}

/// "01/11/2023 10:23:45 AM" → "01/11/2023"; "2023-11-01T10:23" → "2023-11-01".
fn without_time(cell: &str) -> &str {
    let Some(colon) = cell.find(':') else {
        return cell;
    };
    let before = &cell[..colon];
    // Drop the hour, which stands after the last space (or ISO's "T") before the colon.
    before
        .rfind([' ', 'T'])
        .map_or(before, |hour| &before[..hour])
}

/// What an amount cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AmountCell {
    /// Nothing, or a lone dash.
    Empty,
    /// Signed paise: negative for "-149.00".
    Paise(i64),
    NotANumber,
}

/// Reads "1,49,999.00", "149", "149.5", "-149.00", "₹149", "Rs. 149" exactly, in paise.
pub(super) fn read_amount(cell: &str) -> AmountCell {
    let mut text = cell.trim();
    for currency in ["₹", "INR", "Rs.", "Rs"] {
        if text
            .get(..currency.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(currency))
        {
            text = text[currency.len()..].trim_start();
            break;
        }
    }
    let (negative, number) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(text).trim_start()),
    };
    if number.is_empty() {
        return AmountCell::Empty;
    }
    // Some exports write "149.000"; Paise::parse_rupees takes at most two decimals, so
    // drop decimals past the paise when they are zeros (and only then: 149.005 is no amount).
    let number = match number.split_once('.') {
        Some((whole, fraction))
            if fraction.len() > 2 && fraction.bytes().skip(2).all(|b| b == b'0') =>
        {
            format!("{whole}.{}", &fraction[..2])
        }
        _ => number.to_owned(),
    };
    match Paise::parse_rupees(&number) {
        Ok(paise) if negative => AmountCell::Paise(-paise.get()),
        Ok(paise) => AmountCell::Paise(paise.get()),
        Err(_) => AmountCell::NotANumber,
    }
}

/// Money in or out, from a Dr/Cr column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    Credit,
    Debit,
}

/// "CR", "Cr", "cr.", "C", "Credit" and the same for debits.
pub(super) fn read_direction(cell: &str) -> Option<Direction> {
    match cell
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase()
        .as_str()
    {
        "cr" | "c" | "credit" => Some(Direction::Credit),
        "dr" | "d" | "debit" => Some(Direction::Debit),
        _ => None,
    }
}

/// What a cell says about a payment's UTR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum UtrCell {
    Found(Utr),
    /// Two different 12-digit numbers: guessing could approve the wrong payment.
    Ambiguous,
    Absent,
}

/// Finds the UTR in a reference or narration cell: a standalone run of exactly 12 digits
/// (account numbers and serials of 11 or 13 digits stand nearby), or HDFC's reference of
/// "0000" and the 12 digits.
pub(super) fn find_utr(cell: &str) -> UtrCell {
    let cell = cell.trim();
    if cell.len() > 12 && cell.bytes().all(|b| b.is_ascii_digit()) {
        let (padding, last) = cell.split_at(cell.len() - 12);
        if padding.bytes().all(|b| b == b'0') {
            return Utr::parse(last).map_or(UtrCell::Absent, UtrCell::Found);
        }
    }
    // Splitting at every non-digit leaves the maximal digit runs, so a run of length 12 is
    // one with no digit on either side.
    let mut runs = cell
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 12);
    let Some(first) = runs.next() else {
        return UtrCell::Absent;
    };
    if runs.any(|run| run != first) {
        return UtrCell::Ambiguous;
    }
    Utr::parse(first).map_or(UtrCell::Absent, UtrCell::Found)
}

/// The payment references (`PaymentReference`) named in `cells`: each word of letters and
/// digits that reads as one, in order, once each.
pub(super) fn mentioned_references(cells: &[&str]) -> Vec<crate::payments::PaymentReference> {
    let mut found: Vec<crate::payments::PaymentReference> = Vec::new();
    for word in cells
        .iter()
        .flat_map(|cell| cell.split(|c: char| !c.is_ascii_alphanumeric()))
    {
        if let Some(reference) = crate::payments::PaymentReference::parse(word) {
            if !found.contains(&reference) {
                found.push(reference);
            }
        }
    }
    found
}

/// The longest text kept for showing a credit.
const SHOWN_CHARS: usize = 120;

/// The reference and narration as one line for the admin to read: distinct cells joined,
/// control characters and runs of spaces made single spaces, cut at [`SHOWN_CHARS`].
pub(super) fn shown_text(cells: &[&str]) -> String {
    let mut joined = String::new();
    for cell in cells {
        let cell = cell.trim();
        if !cell.is_empty() && !joined.contains(cell) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(cell);
        }
    }
    let words: Vec<&str> = joined
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect();
    let line = words.join(" ");
    if line.chars().count() <= SHOWN_CHARS {
        return line;
    }
    let mut cut: String = line.chars().take(SHOWN_CHARS - 1).collect();
    cut.push('…');
    cut
}
