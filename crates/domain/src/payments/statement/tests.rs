use time::macros::date;
use time::Date;

use super::cells::{find_utr, read_amount, read_date, AmountCell, DateCell, UtrCell};
use super::*;

/// Shaped after each bank's export (see /shared/upi-notes.md, "Bank statements"); names,
/// numbers and UTRs are made up.
const HDFC: &str = include_str!("fixtures/hdfc.csv");
/// SBI's spreadsheet download is text separated by tabs.
const SBI: &str = include_str!("fixtures/sbi.tsv");
const AXIS: &str = include_str!("fixtures/axis.csv");
/// ICICI's table starts in the second column.
const ICICI: &str = include_str!("fixtures/icici.csv");
pub(super) const KOTAK: &str = include_str!("fixtures/kotak.csv");

fn parse(file: &str, mapping: &ColumnMapping) -> Statement {
    parse_statement(file.as_bytes(), mapping).unwrap_or_else(|e| panic!("{e}"))
}

pub(super) fn preset(file: &str, bank: Bank) -> Statement {
    parse(file, &ColumnMapping::preset(bank))
}

/// Each credit as (line, date, UTR, paise).
fn credits(statement: &Statement) -> Vec<(usize, Date, Option<&str>, i64)> {
    statement
        .credits
        .iter()
        .map(|c| {
            (
                c.line,
                c.date,
                c.utr.as_ref().map(Utr::as_str),
                c.amount.get(),
            )
        })
        .collect()
}

/// The error a file is refused with.
fn refused(bytes: &[u8], mapping: &ColumnMapping) -> StatementError {
    match parse_statement(bytes, mapping) {
        Ok(statement) => panic!("read as {statement:?}"),
        Err(error) => error,
    }
}

fn problems(statement: &Statement) -> Vec<String> {
    statement.problems.iter().map(ToString::to_string).collect()
}

pub(super) fn utr(digits: &str) -> Utr {
    Utr::parse(digits).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn hdfc_statement_after_its_preamble_gives_its_credits_and_skips_debits_and_summary() {
    let statement = preset(HDFC, Bank::Hdfc);
    assert_eq!(statement.header_line, 21);
    assert_eq!(
        credits(&statement),
        vec![
            // The UTR from the Ref column's "0000" + 12 digits.
            (23, date!(2023 - 11 - 01), Some("331512345678"), 14_900),
            // A NEFT credit: kept, but it names no UTR.
            (25, date!(2023 - 11 - 03), None, 14_999_900),
            (26, date!(2023 - 11 - 05), Some("331912345678"), 49_900),
        ]
    );
    assert_eq!(problems(&statement), Vec::<String>::new());
    assert!(
        statement.credits[0].text.starts_with("UPI-RAHUL SHARMA-"),
        "{}",
        statement.credits[0].text
    );
}

#[test]
fn sbi_statement_separated_by_tabs_takes_the_utr_from_the_description() {
    let statement = preset(SBI, Bank::Sbi);
    assert_eq!(statement.header_line, 18);
    assert_eq!(
        credits(&statement),
        vec![
            (19, date!(2023 - 11 - 01), Some("331512345678"), 14_900),
            // The Ref column holds a 12-digit account number; the description wins.
            (21, date!(2023 - 11 - 04), Some("332012345678"), 29_900),
        ]
    );
    assert_eq!(problems(&statement), Vec::<String>::new());
}

#[test]
fn axis_statement_reads_upi_p2a_particulars_and_skips_balance_and_total_rows() {
    let statement = preset(AXIS, Bank::Axis);
    assert_eq!(
        credits(&statement),
        vec![
            (17, date!(2023 - 11 - 01), Some("331512345678"), 14_900),
            (19, date!(2023 - 11 - 06), Some("332112345678"), 149_900),
        ]
    );
    assert_eq!(problems(&statement), Vec::<String>::new());
}

#[test]
fn icici_statement_matches_its_padded_headers_with_or_without_the_inner_space() {
    let statement = preset(ICICI, Bank::Icici);
    let expected = vec![
        (15, date!(2023 - 11 - 01), Some("331512345678"), 14_900),
        (17, date!(2023 - 11 - 07), Some("332212345678"), 24_950),
    ];
    assert_eq!(credits(&statement), expected);
    assert_eq!(problems(&statement), Vec::<String>::new());

    let typed = ColumnMapping {
        amount: AmountColumns::Split {
            credit: "deposit amount (INR)".to_owned(),
            debit: "  WITHDRAWAL AMOUNT (INR)".to_owned(),
        },
        ..ColumnMapping::preset(Bank::Icici)
    };
    assert_eq!(credits(&parse(ICICI, &typed)), expected);
}

#[test]
fn kotak_statement_reads_one_amount_column_with_its_dr_cr_mark() {
    let statement = preset(KOTAK, Bank::Kotak);
    assert_eq!(
        credits(&statement),
        vec![
            (15, date!(2023 - 11 - 01), Some("331512345678"), 14_900),
            (17, date!(2023 - 11 - 08), Some("332312345678"), 100_000),
        ]
    );
    assert_eq!(problems(&statement), Vec::<String>::new());
}

#[test]
fn a_malformed_line_is_named_and_the_lines_around_it_still_count() {
    let file = "\
Txn Date,Description,Debit,Credit
01/11/2023,UPI/CR/331512345678/RAHUL,,149.00
02/11/2023,UPI/CR/331612345678/MEERA,,\"12,3x\"
31/13/2023,UPI/CR/331712345678/ANIL,,99.00
04/11/2023,UPI/CR/331812345678/NEHA,,249.50
05/11/2023,UPI/DR/331912345678/SHOP,\"4,5x\",
yesterday,UPI/CR/332012345678/KIRAN,,10.00
";
    let mapping = ColumnMapping::preset(Bank::Sbi);
    let mapping = ColumnMapping {
        date: "Txn Date".to_owned(),
        reference: "Description".to_owned(),
        narration: None,
        ..mapping
    };
    let statement = parse(file, &mapping);
    assert_eq!(
        credits(&statement),
        vec![
            (2, date!(2023 - 11 - 01), Some("331512345678"), 14_900),
            (5, date!(2023 - 11 - 04), Some("331812345678"), 24_950),
        ]
    );
    // The debit on line 6 cannot match, so its unreadable amount is no problem.
    assert_eq!(
        problems(&statement),
        vec![
            "line 3: the amount \"12,3x\" in column \"Credit\" is not a number".to_owned(),
            "line 4: the date \"31/13/2023\" in column \"Txn Date\" is not a date we can read \
             (we read dates like 31/12/2023, 31-12-2023, 31 Dec 2023 or 2023-12-31)"
                .to_owned(),
            "line 7: the date \"yesterday\" in column \"Txn Date\" is not a date we can read \
             (we read dates like 31/12/2023, 31-12-2023, 31 Dec 2023 or 2023-12-31)"
                .to_owned(),
        ]
    );
}

#[test]
fn a_kotak_row_with_an_unknown_dr_cr_mark_is_a_problem_and_a_debit_is_not() {
    let file = "\
Sl. No.,Transaction Date,Description,Chq / Ref No.,Amount,Dr / Cr
1,01-11-2023,UPI/A/331512345678/x,UPI-331512345678,149.00,??
2,02-11-2023,UPI/B/331612345678/x,UPI-331612345678,oops,DR
";
    let statement = preset(file, Bank::Kotak);
    assert_eq!(credits(&statement), vec![]);
    assert_eq!(
        problems(&statement),
        vec!["line 2: column \"Dr / Cr\" says \"??\"; we expected Cr (credit) or Dr (debit)"]
    );
}

#[test]
fn a_missing_header_names_the_columns_it_lacks() {
    let error = refused(SBI.as_bytes(), &ColumnMapping::preset(Bank::Hdfc));
    let StatementError::NoHeader { expected } = &error else {
        panic!("{error:?}");
    };
    assert!(
        expected.contains(&"Deposit Amt.".to_owned()),
        "{expected:?}"
    );
    assert!(
        expected.contains(&"Chq./Ref.No.".to_owned()),
        "{expected:?}"
    );

    // A file with the date and description but neither amount column.
    let file = "Txn Date,Description,Balance\n01/11/2023,UPI/CR/331512345678/A,10.00\n";
    let mapping = ColumnMapping {
        narration: None,
        ..ColumnMapping::preset(Bank::Sbi)
    };
    let error = refused(file.as_bytes(), &mapping);
    assert_eq!(
        error,
        StatementError::NoHeader {
            expected: vec!["Credit".to_owned(), "Debit".to_owned()]
        }
    );
    assert!(
        error
            .to_string()
            .contains("\"Credit\" and \"Debit\" are missing"),
        "{error}"
    );
}

#[test]
fn the_utr_is_a_standalone_run_of_exactly_twelve_digits() {
    let found = |cell: &str| match find_utr(cell) {
        UtrCell::Found(utr) => Some(utr.as_str().to_owned()),
        UtrCell::Ambiguous | UtrCell::Absent => None,
    };
    // A 13-digit serial beside the 12-digit UTR.
    assert_eq!(
        found("NEFT 4897691162095 UPI/CR/331512345678/RAHUL"),
        Some("331512345678".to_owned())
    );
    assert_eq!(
        found("UPI-RAHUL-331512345678-AT7K3M9QPX"),
        Some("331512345678".to_owned())
    );
    // HDFC's Ref column, and the same UTR written twice.
    assert_eq!(found("0000331512345678"), Some("331512345678".to_owned()));
    assert_eq!(
        found("331512345678 / 331512345678"),
        Some("331512345678".to_owned())
    );
    // 16 digits that are not zero-padding, 11 and 13 digits: no UTR.
    assert_eq!(find_utr("1234331512345678"), UtrCell::Absent);
    assert_eq!(find_utr("UPI/33151234567/x 3315123456789"), UtrCell::Absent);
    assert_eq!(find_utr(""), UtrCell::Absent);
    assert_eq!(find_utr("331512345678 331612345678"), UtrCell::Ambiguous);
}

#[test]
fn a_narration_with_two_utrs_keeps_the_credit_without_one() {
    let file = "\
Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance
01/11/23,UPI-A-331512345678-B-331612345678,N3071,01/11/23,,149.00,149.00
02/11/23,UPI-A-1331512345678-331712345678-NOTE,N3072,02/11/23,,150.00,299.00
";
    assert_eq!(
        credits(&preset(file, Bank::Hdfc)),
        vec![
            (2, date!(2023 - 11 - 01), None, 14_900),
            (3, date!(2023 - 11 - 02), Some("331712345678"), 15_000),
        ]
    );
}

#[test]
fn amounts_are_read_to_the_paisa_without_floats() {
    assert_eq!(read_amount("1,49,999.00"), AmountCell::Paise(14_999_900));
    assert_eq!(read_amount(" 149 "), AmountCell::Paise(14_900));
    assert_eq!(read_amount("149.5"), AmountCell::Paise(14_950));
    assert_eq!(read_amount("149.000"), AmountCell::Paise(14_900));
    assert_eq!(read_amount("-450.00"), AmountCell::Paise(-45_000));
    assert_eq!(read_amount("₹ 1,000"), AmountCell::Paise(100_000));
    assert_eq!(read_amount("Rs. 99.99"), AmountCell::Paise(9_999));
    assert_eq!(read_amount("0.1"), AmountCell::Paise(10));
    assert_eq!(read_amount(""), AmountCell::Empty);
    assert_eq!(read_amount("-"), AmountCell::Empty);
    assert_eq!(read_amount("12,3x"), AmountCell::NotANumber);
    assert_eq!(read_amount("149.005"), AmountCell::NotANumber);
    assert_eq!(read_amount("1.2.3"), AmountCell::NotANumber);
}

#[test]
fn dates_are_read_in_the_shapes_banks_write_them() {
    let nov_1 = DateCell::Date(date!(2023 - 11 - 01));
    for cell in [
        "01/11/23",
        "01/11/2023",
        "1/11/2023",
        "01-11-2023",
        "01 Nov 2023",
        "1 NOV 2023",
        "01-Nov-2023",
        "01-Nov-23",
        "01 November 2023",
        "2023-11-01",
        "01/11/2023 10:23:45",
        "01-Nov-2023 10:23 AM",
        "2023-11-01T10:23:45",
    ] {
        assert_eq!(read_date(cell), nov_1, "{cell}");
    }
    for cell in [
        "31/13/2023",
        "30/02/2024",
        "01 Nox 2023",
        "01/11/202",
        "123/11/2023",
    ] {
        assert_eq!(read_date(cell), DateCell::Invalid, "{cell}");
    }
    for cell in [
        "",
        "Txn Date",
        "10000.00",
        "1,49,999.00",
        "Generated On: 05/12/23 10:30:11",
    ] {
        assert_eq!(read_date(cell), DateCell::NotADate, "{cell}");
    }
}

#[test]
fn a_signed_amount_column_without_dr_cr_treats_negative_amounts_as_debits() {
    let file = "Date,Remarks,Amount\n01/11/2023,UPI/331512345678,149.00\n\
                02/11/2023,UPI/331612345678,-149.00\n03/11/2023,UPI/331712345678,0.00\n";
    let mapping = ColumnMapping {
        date: "Date".to_owned(),
        reference: "Remarks".to_owned(),
        narration: None,
        amount: AmountColumns::Single {
            amount: "Amount".to_owned(),
            direction: None,
        },
    };
    assert_eq!(
        credits(&parse(file, &mapping)),
        vec![(2, date!(2023 - 11 - 01), Some("331512345678"), 14_900)]
    );
}

#[test]
fn files_that_are_not_statements_are_refused_with_a_reason() {
    let mapping = ColumnMapping::preset(Bank::Hdfc);
    let refuse = |bytes: &[u8]| refused(bytes, &mapping);
    assert_eq!(refuse(b""), StatementError::Empty);
    assert_eq!(refuse(b"\xEF\xBB\xBF \n\n"), StatementError::Empty);
    assert_eq!(refuse(b"%PDF-1.7\n"), StatementError::Pdf);
    assert_eq!(refuse(b"PK\x03\x04rest"), StatementError::Spreadsheet);
    assert_eq!(
        refuse(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
        StatementError::Spreadsheet
    );
    assert_eq!(refuse(b"\xFF\xFED\x00a\x00"), StatementError::NotText);
    assert_eq!(
        refuse(&vec![b'a'; MAX_STATEMENT_BYTES + 1]),
        StatementError::TooLarge
    );
    assert_eq!(
        refuse("x\n".repeat(MAX_STATEMENT_ROWS + 1).as_bytes()),
        StatementError::TooManyRows
    );
    assert!(
        parse_statement("x\n".repeat(MAX_STATEMENT_ROWS).as_bytes(), &mapping)
            .is_err_and(|e| matches!(e, StatementError::NoHeader { .. }))
    );
}

#[test]
fn a_statement_in_windows_1252_with_a_byte_order_mark_is_read() {
    let mut file = b"\xEF\xBB\xBFDate,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,\
Deposit Amt.,Closing Balance\n"
        .to_vec();
    file.extend_from_slice(b"01/11/23,UPI-REN\xC9E-331512345678,x,01/11/23,,149.00,149.00\n");
    let statement = parse_statement(&file, &ColumnMapping::preset(Bank::Hdfc))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(statement.credits.len(), 1);
    assert!(
        statement.credits[0].text.contains("RENÉE"),
        "{}",
        statement.credits[0].text
    );
}

#[test]
fn header_candidates_offer_the_widest_name_rows_first() {
    let hdfc = header_candidates(HDFC.as_bytes());
    assert_eq!(
        hdfc.first().map(Vec::as_slice),
        Some(
            &[
                "Date",
                "Narration",
                "Chq./Ref.No.",
                "Value Dt",
                "Withdrawal Amt.",
                "Deposit Amt.",
                "Closing Balance"
            ]
            .map(str::to_owned)[..]
        )
    );
    assert!(hdfc.len() <= 5);
    let sbi = header_candidates(SBI.as_bytes());
    assert_eq!(sbi.first().map(|row| row[0].as_str()), Some("Txn Date"));
    assert_eq!(sbi.first().map(Vec::len), Some(7));
    assert_eq!(header_candidates(b"%PDF-1.4"), Vec::<Vec<String>>::new());
}

#[test]
fn column_mappings_round_trip_through_json_and_banks_through_their_names() {
    for bank in Bank::ALL {
        let mapping = ColumnMapping::preset(bank);
        assert_eq!(mapping.check(), Ok(()));
        let json = serde_json::to_string(&mapping).unwrap_or_else(|e| panic!("{e}"));
        let back: ColumnMapping = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, mapping);
        assert_eq!(Bank::parse(bank.as_str()), Some(bank));
    }
    assert_eq!(Bank::parse(" HDFC "), Some(Bank::Hdfc));
    assert_eq!(Bank::parse("yes"), None);
    let blank = ColumnMapping {
        date: " ".to_owned(),
        ..ColumnMapping::preset(Bank::Kotak)
    };
    let Err(errors) = blank.check() else {
        panic!("a blank column name was accepted");
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "date_column");
}

#[test]
fn line_numbers_count_blank_lines_crlf_and_cells_spanning_lines() {
    let file =
        "\r\nDate,Remarks,Amount\r\n\r\n\r\n01/11/2023,\"UPI/331512345678\r\nwrapped\",1\r\n\
                \r\n03/11/2023,UPI/331612345678,2\r03/11/2023,UPI/331712345678,3\n";
    let mapping = ColumnMapping {
        date: "Date".to_owned(),
        reference: "Remarks".to_owned(),
        narration: None,
        amount: AmountColumns::Single {
            amount: "Amount".to_owned(),
            direction: None,
        },
    };
    let statement = parse(file, &mapping);
    assert_eq!(statement.header_line, 2);
    let lines: Vec<usize> = statement.credits.iter().map(|c| c.line).collect();
    assert_eq!(lines, vec![5, 8, 9]);
}
