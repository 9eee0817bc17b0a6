//! Turning the uploaded bytes into records: refusing what is not CSV text, and numbering
//! lines as a person counts them.

use std::borrow::Cow;

use csv::StringRecord;

use super::{StatementError, MAX_STATEMENT_BYTES};

/// One record of the file and the line it starts on (1-based; a quoted cell may span lines).
pub(super) struct Row {
    pub line: usize,
    pub record: StringRecord,
}

impl Row {
    pub(super) fn cell(&self, index: usize) -> &str {
        self.record.get(index).unwrap_or("").trim()
    }
}

/// The separators tried, in order: banks' "CSV" exports are sometimes separated by tabs
/// (SBI's spreadsheet download) or semicolons.
pub(super) const DELIMITERS: [u8; 3] = [b',', b'\t', b';'];

/// The file's text, refusing what is too large, empty or not text.
pub(super) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, StatementError> {
    if bytes.len() > MAX_STATEMENT_BYTES {
        return Err(StatementError::TooLarge);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(StatementError::Pdf);
    }
    // An .xls (OLE compound file) or .xlsx (zip) workbook.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) || bytes.starts_with(b"PK\x03\x04") {
        return Err(StatementError::Spreadsheet);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // NUL bytes mean binary data or UTF-16, which no bank's CSV export uses.
    if bytes.contains(&0) {
        return Err(StatementError::NotText);
    }
    // A CSV saved by a spreadsheet on Windows may be in Windows-1252 rather than UTF-8. Its
    // structure is ASCII either way, so read each byte as a character (only narrations can
    // differ) rather than refuse the file.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
    };
    if text.trim().is_empty() {
        return Err(StatementError::Empty);
    }
    Ok(text)
}

/// The file's records with the lines they start on.
pub(super) fn rows(text: &str, delimiter: u8) -> impl Iterator<Item = Row> + '_ {
    let mut lines = LineCounter {
        bytes: text.as_bytes(),
        offset: 0,
        line: 1,
    };
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .into_records()
        // Reading text from memory fails only on invalid UTF-8, which a &str cannot hold.
        .map_while(Result::ok)
        .map(move |record| {
            let offset = record.position().map_or(0, |position| {
                usize::try_from(position.byte()).unwrap_or(usize::MAX)
            });
            Row {
                line: lines.line_at(offset),
                record,
            }
        })
}

/// Line numbers counted forward as records are read. The csv crate's own line count goes
/// wrong after blank lines and CRLF endings; its byte offsets are right, except that they
/// point at the line endings before a record rather than at the record.
struct LineCounter<'t> {
    bytes: &'t [u8],
    offset: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn line_at(&mut self, offset: usize) -> usize {
        let mut start = offset.clamp(self.offset, self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        for at in self.offset..start {
            // "\r\n", "\n" and a lone "\r" each end a line.
            let ends_line = match self.bytes[at] {
                b'\n' => true,
                b'\r' => self.bytes.get(at + 1) != Some(&b'\n'),
                _ => false,
            };
            if ends_line {
                self.line += 1;
            }
        }
        self.offset = start;
        self.line
    }
}
