//! The upload form: which bank's layout the statement has (a preset, or the admin's own
//! column names), remembered per tenant, and the file.

use std::collections::HashMap;

use atelier_domain::payments::statement::{AmountColumns, Bank, ColumnMapping};
use atelier_domain::{msg, Lang};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::accounts::FormErrors;
use crate::pages::Page;
use crate::AppError;

/// The bank choice that names the columns by hand.
const OTHER: &str = "other";

/// The form's fields as typed (or as the remembered mapping fills them).
#[derive(Debug, Clone, Default, Serialize)]
pub(super) struct MappingFields {
    /// A preset's name, [`OTHER`], or empty when none was chosen yet.
    pub bank: String,
    pub date_column: String,
    pub reference_column: String,
    pub narration_column: String,
    /// "split" (deposit and withdrawal columns) or "single" (one amount column).
    pub amounts: String,
    pub credit_column: String,
    pub debit_column: String,
    pub amount_column: String,
    pub direction_column: String,
}

impl MappingFields {
    /// The fields a mapping fills: its preset's name when it is one, else "other" with its
    /// column names.
    pub(super) fn of(mapping: &ColumnMapping) -> MappingFields {
        let bank = Bank::ALL
            .into_iter()
            .find(|bank| ColumnMapping::preset(*bank) == *mapping)
            .map_or(OTHER, Bank::as_str);
        let mut fields = MappingFields {
            bank: bank.to_owned(),
            date_column: mapping.date.clone(),
            reference_column: mapping.reference.clone(),
            narration_column: mapping.narration.clone().unwrap_or_default(),
            ..MappingFields::default()
        };
        match &mapping.amount {
            AmountColumns::Split { credit, debit } => {
                fields.amounts = "split".to_owned();
                fields.credit_column.clone_from(credit);
                fields.debit_column.clone_from(debit);
            }
            AmountColumns::Single { amount, direction } => {
                fields.amounts = "single".to_owned();
                fields.amount_column.clone_from(amount);
                fields.direction_column = direction.clone().unwrap_or_default();
            }
        }
        fields
    }

    /// The fields as posted (missing ones empty).
    pub(super) fn from_posted(posted: &HashMap<String, String>) -> MappingFields {
        let field = |name: &str| posted.get(name).map_or("", |v| v.trim()).to_owned();
        MappingFields {
            bank: field("bank"),
            date_column: field("date_column"),
            reference_column: field("reference_column"),
            narration_column: field("narration_column"),
            amounts: field("amounts"),
            credit_column: field("credit_column"),
            debit_column: field("debit_column"),
            amount_column: field("amount_column"),
            direction_column: field("direction_column"),
        }
    }

    /// The mapping these fields choose, or each field's problem (in `lang`).
    pub(super) fn mapping(&self, lang: Lang) -> Result<ColumnMapping, FormErrors> {
        let mut errors = FormErrors::new();
        if self.bank != OTHER {
            return match Bank::parse(&self.bank) {
                Some(bank) => Ok(ColumnMapping::preset(bank)),
                None => {
                    errors.insert(
                        "bank",
                        msg!("admin-payments-statement-choose-bank").in_lang(lang),
                    );
                    Err(errors)
                }
            };
        }
        let optional = |name: &str| (!name.is_empty()).then(|| name.to_owned());
        let amount = match self.amounts.as_str() {
            "split" => AmountColumns::Split {
                credit: self.credit_column.clone(),
                debit: self.debit_column.clone(),
            },
            "single" => AmountColumns::Single {
                amount: self.amount_column.clone(),
                direction: optional(&self.direction_column),
            },
            _ => {
                errors.insert(
                    "amounts",
                    msg!("admin-payments-statement-choose-amounts").in_lang(lang),
                );
                return Err(errors);
            }
        };
        let mapping = ColumnMapping {
            date: self.date_column.clone(),
            reference: self.reference_column.clone(),
            narration: optional(&self.narration_column),
            amount,
        };
        mapping.check().map(|()| mapping).map_err(|problems| {
            problems
                .into_iter()
                .map(|problem| (problem.field, problem.message.in_lang(lang)))
                .collect()
        })
    }
}

/// A bank the form offers.
#[derive(Serialize)]
struct BankChoice {
    value: &'static str,
    label: &'static str,
    /// The preset's columns, for the admin to compare with their file.
    columns: String,
}

fn bank_choices(lang: Lang) -> Vec<BankChoice> {
    Bank::ALL
        .into_iter()
        .map(|bank| {
            let preset = ColumnMapping::preset(bank);
            let amounts = match &preset.amount {
                AmountColumns::Split { credit, debit } => format!("{credit} / {debit}"),
                AmountColumns::Single { amount, direction } => match direction {
                    Some(direction) => msg!(
                        "admin-payments-statement-columns-with",
                        amount = amount,
                        direction = direction
                    )
                    .in_lang(lang),
                    None => amount.clone(),
                },
            };
            BankChoice {
                value: bank.as_str(),
                label: bank.label(),
                columns: format!("{}, {}, {amounts}", preset.date, preset.reference),
            }
        })
        .collect()
}

/// What the form shows besides its fields: a problem with the file and, when the file had
/// no header row the mapping names, the rows that look like headers.
#[derive(Default)]
pub(super) struct FormProblems {
    pub errors: FormErrors,
    pub header_hints: Vec<Vec<String>>,
}

/// Renders the upload form with `fields`.
pub(super) async fn render(
    page: &Page,
    fields: &MappingFields,
    problems: FormProblems,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = minijinja::context! {
        banks => bank_choices(page.lang),
        form => fields,
        errors => problems.errors,
        header_hints => problems.header_hints,
        max_megabytes => atelier_domain::payments::statement::MAX_STATEMENT_BYTES / (1024 * 1024),
    };
    let Html(body) = page.render_form("admin/statement.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

/// The tenant's remembered mapping as form fields; empty when there is none (or it no
/// longer reads, which only asks the admin to choose again).
pub(super) async fn remembered(page: &Page) -> Result<MappingFields, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let saved = page.state.store.statement_mapping(tenant).await?;
    Ok(saved
        .and_then(|json| serde_json::from_str::<ColumnMapping>(&json).ok())
        .map(|mapping| MappingFields::of(&mapping))
        .unwrap_or_default())
}

/// GET: the form, filled from the mapping used last.
pub(crate) async fn show(page: Page) -> Result<Response, AppError> {
    let fields = remembered(&page).await?;
    render(&page, &fields, FormProblems::default(), StatusCode::OK).await
}
