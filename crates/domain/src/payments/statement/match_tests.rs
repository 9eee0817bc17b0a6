//! Matching a statement's credits to pending requests, and what a credit's note says.

use time::macros::date;
use time::Date;

use super::tests::{preset, utr, KOTAK};
use super::*;

fn credit(line: usize, day: Date, utr_digits: &str, paise: i64) -> StatementCredit {
    StatementCredit {
        line,
        date: day,
        utr: Some(utr(utr_digits)),
        amount: Paise::new(paise),
        text: String::new(),
        references: Vec::new(),
    }
}

fn pending(id: u32, utr_digits: &str, paise: i64, submitted: Date) -> PendingPayment<u32> {
    PendingPayment {
        id,
        utr: utr(utr_digits),
        amount: Paise::new(paise),
        submitted,
    }
}

#[test]
fn matching_pairs_utrs_and_judges_amount_and_dates() {
    let submitted = date!(2023 - 11 - 10);
    let statement = Statement {
        header_line: 1,
        credits: vec![
            credit(2, date!(2023 - 11 - 07), "111111111111", 14_900),
            credit(3, date!(2023 - 11 - 13), "222222222222", 14_900),
            credit(4, date!(2023 - 11 - 10), "333333333333", 14_000),
            credit(5, date!(2023 - 11 - 14), "444444444444", 14_900),
            credit(6, date!(2023 - 11 - 06), "555555555555", 14_900),
            // Nobody claimed this UTR, and this credit names none.
            credit(7, date!(2023 - 11 - 10), "999999999999", 14_900),
            StatementCredit {
                utr: None,
                ..credit(8, date!(2023 - 11 - 10), "999999999999", 14_900)
            },
        ],
        problems: Vec::new(),
    };
    let requests = [
        pending(1, "111111111111", 14_900, submitted),
        pending(2, "222222222222", 14_900, submitted),
        pending(3, "333333333333", 14_900, submitted),
        pending(4, "444444444444", 14_900, submitted),
        pending(5, "555555555555", 14_900, submitted),
        pending(6, "666666666666", 14_900, submitted),
    ];
    let found: Vec<(u32, usize, MatchKind)> = match_statement(&statement, &requests)
        .into_iter()
        .map(|m| (m.payment, m.credit_line, m.kind))
        .collect();
    assert_eq!(
        found,
        vec![
            // Three days before and three days after are inside the window.
            (1, 2, MatchKind::Matched),
            (2, 3, MatchKind::Matched),
            (
                3,
                4,
                MatchKind::AmountDiffers {
                    expected: Paise::new(14_900),
                    found: Paise::new(14_000)
                }
            ),
            // Four days after and four days before are not.
            (4, 5, MatchKind::OutsideDates),
            (5, 6, MatchKind::OutsideDates),
        ]
    );
}

#[test]
fn a_request_paid_by_two_credit_lines_is_reported_twice() {
    let statement = Statement {
        header_line: 1,
        credits: vec![
            credit(2, date!(2023 - 11 - 10), "111111111111", 14_900),
            credit(9, date!(2023 - 11 - 11), "111111111111", 14_900),
        ],
        problems: Vec::new(),
    };
    let requests = [pending(1, "111111111111", 14_900, date!(2023 - 11 - 10))];
    let lines: Vec<(usize, MatchKind)> = match_statement(&statement, &requests)
        .into_iter()
        .map(|m| (m.credit_line, m.kind))
        .collect();
    assert_eq!(
        lines,
        vec![(2, MatchKind::Matched), (9, MatchKind::Matched)]
    );
}

#[test]
fn a_parsed_statement_matches_the_requests_it_pays() {
    let statement = preset(KOTAK, Bank::Kotak);
    let requests = [
        pending(1, "331512345678", 14_900, date!(2023 - 11 - 01)),
        pending(2, "332312345678", 14_900, date!(2023 - 11 - 08)),
        // The debit's UTR: a user cannot claim money that went out.
        pending(3, "331698765432", 45_000, date!(2023 - 11 - 02)),
    ];
    let found: Vec<(u32, usize, MatchKind)> = match_statement(&statement, &requests)
        .into_iter()
        .map(|m| (m.payment, m.credit_line, m.kind))
        .collect();
    assert_eq!(
        found,
        vec![
            (1, 15, MatchKind::Matched),
            (
                2,
                17,
                MatchKind::AmountDiffers {
                    expected: Paise::new(14_900),
                    found: Paise::new(100_000)
                }
            ),
        ]
    );
}

#[test]
fn a_credits_note_names_its_reference_another_or_none() {
    let file = "Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt.,Deposit Amt.,Closing Balance\n\
        01/11/23,UPI-ASHA-ASHA@OKSBI-SBIN0001-331512345678-AT7K3M9QPX,0000331512345678,01/11/23,,149.00,1\n\
        01/11/23,UPI-RAVI-RAVI@OKSBI-SBIN0001-331612345679-PAYMENT,0000331612345679,01/11/23,,149.00,1\n\
        01/11/23,UPI-MEERA at23456789 and AT23456789 AT0000000O,0000331712345670,01/11/23,,149.00,1\n";
    let statement = parse_statement(file.as_bytes(), &ColumnMapping::preset(Bank::Hdfc))
        .unwrap_or_else(|e| panic!("{e}"));
    let [asha, ravi, meera] = statement.credits.as_slice() else {
        panic!("{:?}", statement.credits);
    };
    assert_eq!(asha.note_check("AT7K3M9QPX"), NoteCheck::NamesThis);
    assert_eq!(
        asha.note_check("AT23456789"),
        NoteCheck::NamesAnother(
            PaymentReference::parse("AT7K3M9QPX").unwrap_or_else(|| panic!("reference"))
        )
    );
    assert_eq!(ravi.note_check("AT7K3M9QPX"), NoteCheck::Silent);
    // Any case, named once; a word that only looks like one (0 and O are not in the
    // alphabet) is not a reference.
    assert_eq!(meera.references.len(), 1, "{:?}", meera.references);
    assert_eq!(meera.note_check("AT23456789"), NoteCheck::NamesThis);
}
