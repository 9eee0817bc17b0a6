//! POST: reads the uploaded statement with the chosen mapping and shows what it matches.
//! Reading approves nothing; the preview's own form does, for the requests the admin ticks.

use atelier_domain::msg;
use atelier_domain::payments::statement::{header_candidates, parse_statement, StatementError};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::form::{self, FormProblems, MappingFields};
use super::review;
use super::upload::{self, File, FILE_FIELD};
use crate::auth::check_form_token;
use crate::pages::Page;
use crate::AppError;

/// Re-renders the form (422) with `message` beside the file field.
async fn file_problem(
    page: &Page,
    fields: &MappingFields,
    mut problems: FormProblems,
    message: String,
) -> Result<Response, AppError> {
    problems.errors.insert(FILE_FIELD, message);
    form::render(page, fields, problems, StatusCode::UNPROCESSABLE_ENTITY).await
}

pub(crate) async fn upload(page: Page, request: Request) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let upload = upload::read(request).await;
    let mut fields = MappingFields::from_posted(&upload.fields);
    if !upload.complete {
        // Nothing is acted on, so the token need not be read: the form comes back, with the
        // mapping as far as it arrived, else as remembered.
        if fields.bank.is_empty() {
            fields = form::remembered(&page).await?;
        }
        let message = match upload.file {
            File::TooLarge => page.tr(&StatementError::TooLarge.message()),
            _ => page.tr(&msg!("admin-payments-statement-broken")),
        };
        return file_problem(&page, &fields, FormProblems::default(), message).await;
    }
    check_form_token(page.session.csrf_token().as_deref(), upload.token())?;

    let mapping = fields.mapping(page.lang);
    let bytes = match upload.file {
        File::Received(bytes) => Ok(bytes),
        File::Missing => Err(page.tr(&msg!("admin-payments-statement-no-file"))),
        File::TooLarge => Err(page.tr(&StatementError::TooLarge.message())),
        File::Broken => Err(page.tr(&msg!("admin-payments-statement-broken"))),
    };
    let (mapping, bytes) = match (mapping, bytes) {
        (Ok(mapping), Ok(bytes)) => (mapping, bytes),
        (mapping, bytes) => {
            let mut problems = FormProblems {
                errors: mapping.err().unwrap_or_default(),
                header_hints: Vec::new(),
            };
            if let Err(message) = bytes {
                problems.errors.insert(FILE_FIELD, message);
            }
            return form::render(&page, &fields, problems, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };

    // Reading up to 5 MB of CSV is work the executor's threads should not wait on.
    let (mapping, read) = tokio::task::spawn_blocking(move || {
        let read = parse_statement(&bytes, &mapping).map_err(|error| {
            let header_hints = match error {
                StatementError::NoHeader { .. } => header_candidates(&bytes),
                _ => Vec::new(),
            };
            (error, header_hints)
        });
        (mapping, read)
    })
    .await
    .map_err(|e| AppError::Internal(format!("reading a statement: {e}")))?;
    let statement = match read {
        Ok(statement) => statement,
        Err((error, header_hints)) => {
            let problems = FormProblems {
                header_hints,
                ..FormProblems::default()
            };
            return file_problem(&page, &fields, problems, page.tr(&error.message())).await;
        }
    };

    // The file read with this mapping, so it is the one to offer next time.
    let json = serde_json::to_string(&mapping)
        .map_err(|e| AppError::Internal(format!("a column mapping as JSON: {e}")))?;
    page.state
        .store
        .save_statement_mapping(tenant, &json, page.state.clock.now())
        .await?;

    let review = review::review(&page, statement).await?;
    tracing::info!(
        credits = review.credit_lines,
        problems = review.problems_total,
        summary = %review.log_summary,
        "bank statement read"
    );
    Ok(page
        .render_form("admin/statement_preview.html", review.context())
        .await?
        .into_response())
}
