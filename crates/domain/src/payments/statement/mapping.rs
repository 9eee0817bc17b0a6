//! Which columns of a bank's export hold the date, the UTR and the amount: a preset per
//! bank we know, or the admin's own mapping, remembered per tenant as JSON.

use serde::{Deserialize, Serialize};

use crate::ValidationError;

/// The banks whose export layout we know (from /shared/upi-notes.md, "Bank statements").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bank {
    Hdfc,
    Sbi,
    Axis,
    Icici,
    Kotak,
}

impl Bank {
    /// Every bank with a preset, in the order a form lists them.
    pub const ALL: [Bank; 5] = [Bank::Hdfc, Bank::Sbi, Bank::Axis, Bank::Icici, Bank::Kotak];

    pub fn as_str(self) -> &'static str {
        match self {
            Bank::Hdfc => "hdfc",
            Bank::Sbi => "sbi",
            Bank::Axis => "axis",
            Bank::Icici => "icici",
            Bank::Kotak => "kotak",
        }
    }

    pub fn parse(raw: &str) -> Option<Bank> {
        Bank::ALL
            .into_iter()
            .find(|bank| bank.as_str().eq_ignore_ascii_case(raw.trim()))
    }

    /// The bank's name as its customers know it.
    pub fn label(self) -> &'static str {
        match self {
            Bank::Hdfc => "HDFC Bank",
            Bank::Sbi => "State Bank of India",
            Bank::Axis => "Axis Bank",
            Bank::Icici => "ICICI Bank",
            Bank::Kotak => "Kotak Mahindra Bank",
        }
    }
}

/// The header names of the columns a statement is read from. Names are compared trimmed, case
/// and spacing ignored, so "Withdrawal Amount (INR )" also matches "withdrawal amount (INR)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping {
    /// The transaction date (not the value date, which can be days later).
    pub date: String,
    /// The column searched first for the UTR.
    pub reference: String,
    /// A second column searched when the first holds no UTR, usually the narration.
    pub narration: Option<String>,
    pub amount: AmountColumns,
}

/// How a statement tells credits from debits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AmountColumns {
    /// A deposit column and a withdrawal column; a row fills one of them.
    Split { credit: String, debit: String },
    /// One amount column, with a Dr/Cr column beside it, or without one a signed amount
    /// where a negative number is a debit.
    Single {
        amount: String,
        direction: Option<String>,
    },
}

impl ColumnMapping {
    /// The columns of `bank`'s CSV export.
    pub fn preset(bank: Bank) -> ColumnMapping {
        let split = |credit: &str, debit: &str| AmountColumns::Split {
            credit: credit.to_owned(),
            debit: debit.to_owned(),
        };
        let mapping =
            |date: &str, reference: &str, narration: Option<&str>, amount| ColumnMapping {
                date: date.to_owned(),
                reference: reference.to_owned(),
                narration: narration.map(str::to_owned),
                amount,
            };
        match bank {
            // The Ref column holds "0000" and the 12-digit UTR; the narration is cut at about
            // 100 characters, so it comes second.
            Bank::Hdfc => mapping(
                "Date",
                "Chq./Ref.No.",
                Some("Narration"),
                split("Deposit Amt.", "Withdrawal Amt."),
            ),
            // SBI's description holds "UPI/CR/<UTR>/NAME"; its Ref column holds "TRANSFER
            // FROM" and an account number, which can be 12 digits too, so it comes second.
            Bank::Sbi => mapping(
                "Txn Date",
                "Description",
                Some("Ref No./Cheque No."),
                split("Credit", "Debit"),
            ),
            // "UPI/P2A/<UTR>/NAME/BANK/note"; the cheque column is empty for UPI.
            Bank::Axis => mapping("Tran Date", "Particulars", None, split("Credit", "Debit")),
            Bank::Icici => mapping(
                "Transaction Date",
                "Transaction Remarks",
                None,
                split("Deposit Amount (INR )", "Withdrawal Amount (INR )"),
            ),
            Bank::Kotak => mapping(
                "Transaction Date",
                "Chq / Ref No.",
                Some("Description"),
                AmountColumns::Single {
                    amount: "Amount".to_owned(),
                    direction: Some("Dr / Cr".to_owned()),
                },
            ),
        }
    }

    /// Every column name with the form field it came from, in the order a message lists them.
    pub(super) fn columns(&self) -> Vec<(&'static str, &str)> {
        let mut columns = vec![("date_column", self.date.as_str())];
        columns.push(("reference_column", self.reference.as_str()));
        if let Some(narration) = &self.narration {
            columns.push(("narration_column", narration.as_str()));
        }
        match &self.amount {
            AmountColumns::Split { credit, debit } => {
                columns.push(("credit_column", credit.as_str()));
                columns.push(("debit_column", debit.as_str()));
            }
            AmountColumns::Single { amount, direction } => {
                columns.push(("amount_column", amount.as_str()));
                if let Some(direction) = direction {
                    columns.push(("direction_column", direction.as_str()));
                }
            }
        }
        columns
    }

    /// Checks a mapping an admin typed: every name filled in, short, and printable. Fields
    /// are named `date_column`, `reference_column`, `narration_column`, `credit_column`,
    /// `debit_column`, `amount_column` and `direction_column`.
    pub fn check(&self) -> Result<(), Vec<ValidationError>> {
        let errors: Vec<ValidationError> = self
            .columns()
            .into_iter()
            .filter_map(|(field, name)| {
                if name.trim().is_empty() {
                    Some(ValidationError::new(
                        field,
                        crate::msg!("validation-column-empty"),
                    ))
                } else if name.chars().count() > 100 {
                    Some(ValidationError::new(
                        field,
                        crate::msg!("validation-column-too-long"),
                    ))
                } else {
                    crate::refuse_control_characters(field, name, false).err()
                }
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A header cell or a mapped name as compared: lower case, without any whitespace (banks pad
/// their headers, and ICICI writes "(INR )").
pub(super) fn normalise_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}
