//! Finding the statement's header row and reading the rows under it.

use super::cells::{
    find_utr, mentioned_references, read_amount, read_date, read_direction, shown_text, AmountCell,
    DateCell, Direction, UtrCell,
};
use super::mapping::{normalise_name, AmountColumns, ColumnMapping};
use super::records::Row;
use super::{LineProblem, StatementCredit};
use crate::payments::Paise;

/// Where the mapped columns stand in the header row.
pub(super) struct Columns<'m> {
    mapping: &'m ColumnMapping,
    date: usize,
    reference: usize,
    narration: Option<usize>,
    amount: usize,
    /// The Dr/Cr column of a single amount column.
    direction: Option<usize>,
}

/// The header row: the first row holding every mapped column name. `Err` carries the names
/// missing from the row that came closest.
pub(super) fn find_header<'m>(
    rows: &[Row],
    mapping: &'m ColumnMapping,
) -> Result<(usize, Columns<'m>), Vec<String>> {
    let wanted: Vec<&str> = mapping
        .columns()
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    let mut closest = wanted.clone();
    for (index, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row.record.iter().map(normalise_name).collect();
        if let Some(columns) = locate(&cells, mapping) {
            return Ok((index, columns));
        }
        let missing: Vec<&str> = wanted
            .iter()
            .copied()
            .filter(|name| position(&cells, name).is_none())
            .collect();
        if missing.len() < closest.len() {
            closest = missing;
        }
    }
    Err(closest.into_iter().map(str::to_owned).collect())
}

/// The mapped columns' places in a row of normalised cells, if it holds them all.
fn locate<'m>(cells: &[String], mapping: &'m ColumnMapping) -> Option<Columns<'m>> {
    let at = |name: &str| position(cells, name);
    let (amount, direction) = match &mapping.amount {
        AmountColumns::Split { credit, debit } => {
            // Only the credit column is read, but a header without the debit column is
            // not the one the mapping describes.
            at(debit)?;
            (at(credit)?, None)
        }
        AmountColumns::Single { amount, direction } => (
            at(amount)?,
            match direction {
                Some(direction) => Some(at(direction)?),
                None => None,
            },
        ),
    };
    Some(Columns {
        mapping,
        date: at(&mapping.date)?,
        reference: at(&mapping.reference)?,
        narration: match &mapping.narration {
            Some(narration) => Some(at(narration)?),
            None => None,
        },
        amount,
        direction,
    })
}

fn position(cells: &[String], name: &str) -> Option<usize> {
    let name = normalise_name(name);
    cells
        .iter()
        .position(|cell| !cell.is_empty() && *cell == name)
}

/// What one row under the header comes to.
pub(super) enum RowOutcome {
    Credit(StatementCredit),
    Problem(LineProblem),
    /// A debit, a blank or zero row, or a row outside the table (totals, summaries, notes).
    Skip,
}

pub(super) fn read_row(row: &Row, columns: &Columns<'_>) -> RowOutcome {
    let date_cell = row.cell(columns.date);
    // Totals and narrations wrapped onto a second row have no date.
    if date_cell.is_empty() {
        return RowOutcome::Skip;
    }
    let reference = row.cell(columns.reference);
    let narration = columns.narration.map_or("", |index| row.cell(index));
    let utr = match find_utr(reference) {
        UtrCell::Absent => find_utr(narration),
        found_or_ambiguous => found_or_ambiguous,
    };
    let date = match read_date(date_cell) {
        DateCell::Date(date) => Some(date),
        DateCell::Invalid => None,
        // A row that names a UTR is a transaction even when its date is unreadable; any
        // other row without a date (a summary, a footnote) is not part of the table.
        DateCell::NotADate if utr != UtrCell::Absent => None,
        DateCell::NotADate => return RowOutcome::Skip,
    };
    let problem = |message: crate::Msg| {
        RowOutcome::Problem(LineProblem {
            line: row.line,
            message,
        })
    };
    let amount = match credit_amount(row, columns) {
        Ok(Some(amount)) => amount,
        Ok(None) => return RowOutcome::Skip,
        Err(message) => return problem(message),
    };
    let Some(date) = date else {
        return problem(crate::msg!(
            "validation-statement-date",
            value = format!("{date_cell:?}"),
            column = format!("{:?}", columns.mapping.date)
        ));
    };
    RowOutcome::Credit(StatementCredit {
        line: row.line,
        date,
        utr: match utr {
            UtrCell::Found(utr) => Some(utr),
            UtrCell::Ambiguous | UtrCell::Absent => None,
        },
        amount,
        text: shown_text(&[narration, reference]),
        references: mentioned_references(&[narration, reference]),
    })
}

/// The money a row brings in: `Ok(None)` for a debit or a row without an amount, `Err` with
/// the sentence naming the cell when it cannot be read.
fn credit_amount(row: &Row, columns: &Columns<'_>) -> Result<Option<Paise>, crate::Msg> {
    let (column, direction) = match &columns.mapping.amount {
        AmountColumns::Split { credit, .. } => (credit, None),
        AmountColumns::Single { amount, direction } => (amount, direction.as_ref()),
    };
    let cell = row.cell(columns.amount);
    if let (Some(index), Some(name)) = (columns.direction, direction) {
        let mark = row.cell(index);
        match read_direction(mark) {
            Some(Direction::Credit) => {}
            // A debit cannot match a payment, so its amount is not even read.
            Some(Direction::Debit) => return Ok(None),
            // A dated row without money, such as an opening balance.
            None if cell.is_empty() => return Ok(None),
            None => {
                return Err(crate::msg!(
                    "validation-statement-direction",
                    column = format!("{name:?}"),
                    value = format!("{mark:?}")
                ))
            }
        }
    }
    let paise = match read_amount(cell) {
        AmountCell::Empty => return Ok(None),
        AmountCell::Paise(paise) => paise,
        AmountCell::NotANumber => {
            return Err(crate::msg!(
                "validation-statement-amount",
                value = format!("{cell:?}"),
                column = format!("{column:?}")
            ))
        }
    };
    // With a Dr/Cr column the mark says which way the money went and a sign adds nothing;
    // otherwise (a deposit column or a signed amount) negative money is a debit.
    let paise = if columns.direction.is_some() {
        paise.abs()
    } else {
        paise
    };
    Ok((paise > 0).then(|| Paise::new(paise)))
}
