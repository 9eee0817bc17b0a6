//! Bank-statement matching: reading the CSV statement a tenant's bank exports and finding
//! the credits that pay pending requests.
//!
//! A UTR a user typed proves nothing by itself (screenshots are forged, real ones reused);
//! a credit with that UTR in the tenant's own statement does. Exports differ per bank, so an
//! admin maps the columns once ([`ColumnMapping`], with presets per [`Bank`]) and the file
//! is read against that mapping:
//!
//! - the header row is found wherever it is (exports open with rows of account details);
//! - only credits are kept; debits, totals, summaries and notes are skipped;
//! - a row of the table that cannot be read becomes a [`LineProblem`] naming its line and
//!   cell, and reading goes on;
//! - amounts become paise exactly, never through a float.
//!
//! [`match_statement`] then pairs credits with pending requests by UTR, amount and date.
//! Deciding stays with the admin: nothing here approves anything.

use std::fmt;

use time::Date;

use crate::payments::{Paise, PaymentReference, Utr};

mod cells;
mod mapping;
#[cfg(test)]
mod match_tests;
mod matching;
mod records;
mod table;
#[cfg(test)]
mod tests;

pub use mapping::{AmountColumns, Bank, ColumnMapping};
pub use matching::{match_statement, Match, MatchKind, PendingPayment, MATCH_WINDOW_DAYS};

use records::{decode, rows, Row, DELIMITERS};
use table::{find_header, read_row, RowOutcome};

/// The largest statement read: 5 MB holds years of a small shop's transactions.
pub const MAX_STATEMENT_BYTES: usize = 5 * 1024 * 1024;
/// The most rows read from one statement, preamble and footer included.
pub const MAX_STATEMENT_ROWS: usize = 50_000;

/// What a statement holds for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The 1-based line of the header row found.
    pub header_line: usize,
    pub credits: Vec<StatementCredit>,
    pub problems: Vec<LineProblem>,
}

/// Money that came in, as one row of the statement shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementCredit {
    /// The 1-based line in the file.
    pub line: usize,
    pub date: Date,
    /// `None` when the row names no UTR, or two different ones.
    pub utr: Option<Utr>,
    pub amount: Paise,
    /// The narration and reference, shortened, for the admin to read.
    pub text: String,
    /// The payment references (ours, like `AT7K3M9QPX`) the row's narration and reference
    /// cells name: the note the payer wrote, when the bank kept it.
    pub references: Vec<PaymentReference>,
}

/// What a credit's note says about the request it carries the UTR of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteCheck {
    /// The note names this request's reference: the payer is the one who asked.
    NamesThis,
    /// The note names another reference and not this one. Whose it is decides what it
    /// means: another person's request (someone may have confirmed that person's payment with
    /// its UTR), or none (a checkout page opened again, or a word that looks like one).
    NamesAnother(PaymentReference),
    /// The note names no reference (banks cut narrations short): it proves nothing either way.
    Silent,
}

impl StatementCredit {
    /// Whether this credit's note names `reference`, another reference, or none.
    pub fn note_check(&self, reference: &str) -> NoteCheck {
        if self.references.iter().any(|r| r.as_str() == reference) {
            return NoteCheck::NamesThis;
        }
        match self.references.first() {
            Some(other) => NoteCheck::NamesAnother(other.clone()),
            None => NoteCheck::Silent,
        }
    }
}

/// A row of the table that could not be read. Shown as "line 27: the amount ...".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub message: crate::Msg,
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Why a file cannot be read as a statement at all. [`StatementError::message`] says it to
/// the admin in their language; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub enum StatementError {
    TooLarge,
    TooManyRows,
    Empty,
    Spreadsheet,
    Pdf,
    NotText,
    NoHeader {
        /// The mapped column names that the closest row lacks.
        expected: Vec<String>,
    },
}

impl StatementError {
    pub fn message(&self) -> crate::Msg {
        match self {
            StatementError::TooLarge => crate::msg!("validation-statement-too-large"),
            StatementError::TooManyRows => crate::msg!("validation-statement-too-many-rows"),
            StatementError::Empty => crate::msg!("validation-statement-empty"),
            StatementError::Spreadsheet => crate::msg!("validation-statement-spreadsheet"),
            StatementError::Pdf => crate::msg!("validation-statement-pdf"),
            StatementError::NotText => crate::msg!("validation-statement-not-text"),
            StatementError::NoHeader { expected } => {
                // `"A"`, `"A" and "B"`, `"A", "B" and "C"`: the catalogue joins the last
                // name on with its own word for "and".
                let quoted: Vec<String> = expected.iter().map(|name| format!("{name:?}")).collect();
                let (last, rest) = quoted.split_last().map_or(("", &[][..]), |(l, r)| (l, r));
                crate::msg!(
                    "validation-statement-no-header",
                    count = quoted.len(),
                    rest = rest.join(", "),
                    last = last
                )
            }
        }
    }
}

/// Reads a bank's CSV statement with `mapping` and keeps its credits.
pub fn parse_statement(bytes: &[u8], mapping: &ColumnMapping) -> Result<Statement, StatementError> {
    let text = decode(bytes)?;
    let mut closest: Option<Vec<String>> = None;
    // A "CSV" export may be separated by tabs or semicolons: the right separator is the one
    // under which the mapped header appears.
    for delimiter in DELIMITERS {
        let rows: Vec<Row> = rows(&text, delimiter)
            .take(MAX_STATEMENT_ROWS + 1)
            .collect();
        if rows.len() > MAX_STATEMENT_ROWS {
            return Err(StatementError::TooManyRows);
        }
        match find_header(&rows, mapping) {
            Ok((header, columns)) => {
                let mut statement = Statement {
                    header_line: rows[header].line,
                    credits: Vec::new(),
                    problems: Vec::new(),
                };
                for row in &rows[header + 1..] {
                    match read_row(row, &columns) {
                        RowOutcome::Credit(credit) => statement.credits.push(credit),
                        RowOutcome::Problem(problem) => statement.problems.push(problem),
                        RowOutcome::Skip => {}
                    }
                }
                return Ok(statement);
            }
            Err(missing) => {
                if closest.as_ref().is_none_or(|c| missing.len() < c.len()) {
                    closest = Some(missing);
                }
            }
        }
    }
    Err(StatementError::NoHeader {
        expected: closest.unwrap_or_default(),
    })
}

/// How many header rows [`header_candidates`] offers, and how far down it looks.
const CANDIDATES: usize = 5;
const CANDIDATE_ROWS: usize = 200;

/// Rows that may be a file's header, for an admin mapping columns by hand: rows near the top
/// with at least three filled cells, each a name (a letter in it, not a date or a number),
/// the widest first (account details above the table fill fewer cells than its header).
/// Each row's filled cells, trimmed. Empty for a file [`parse_statement`] would refuse
/// before looking.
pub fn header_candidates(bytes: &[u8]) -> Vec<Vec<String>> {
    let Ok(text) = decode(bytes) else {
        return Vec::new();
    };
    let candidates_by = |delimiter: u8| -> Vec<Vec<String>> {
        let mut candidates: Vec<Vec<String>> = rows(&text, delimiter)
            .take(CANDIDATE_ROWS)
            .map(|row| {
                row.record
                    .iter()
                    .map(str::trim)
                    .filter(|cell| !cell.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<String>>()
            })
            .filter(|cells| cells.len() >= 3 && cells.iter().all(|cell| looks_like_a_name(cell)))
            .collect();
        // A stable sort: equally wide rows keep the file's order.
        candidates.sort_by_key(|cells| std::cmp::Reverse(cells.len()));
        candidates.truncate(CANDIDATES);
        candidates
    };
    // Split by the wrong separator a header stays one cell, so the file's separator is the
    // one giving the widest candidate (the first such, on a tie).
    DELIMITERS
        .into_iter()
        .map(candidates_by)
        .rev()
        .max_by_key(|candidates| candidates.first().map_or(0, Vec::len))
        .unwrap_or_default()
}

fn looks_like_a_name(cell: &str) -> bool {
    cell.chars().any(char::is_alphabetic)
        && cells::read_date(cell) == cells::DateCell::NotADate
        && !matches!(cells::read_amount(cell), cells::AmountCell::Paise(_))
}
