use atelier_domain::msg;
use atelier_store::StoreError;
use axum::body::Bytes;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::{ApiError, ApiUser};
use crate::jobs::{blocked_entry, job_json, parse_job, queue_job, GenerateForm, JobView};
use crate::pages::Page;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JobRequest {
    prompt: String,
    #[serde(default)]
    negative_prompt: String,
    #[serde(default)]
    model: String,
    width: i64,
    height: i64,
    #[serde(default)]
    seed: Option<i64>,
}

/// Queues a job, holding its cost; answers 202 with the job and where to poll it.
pub(super) async fn create_job(
    page: Page,
    ApiUser(user): ApiUser,
    body: Bytes,
) -> Result<Response, ApiError> {
    let site = page.tenant().map_err(ApiError::from)?.clone();
    let state = &page.state;
    let request: JobRequest = serde_json::from_slice(&body).map_err(|e| {
        ApiError::said(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            msg!("api-invalid-json", detail = e.to_string()),
        )
    })?;
    // The API and the generate form parse a job the same way.
    let form = GenerateForm {
        prompt: request.prompt,
        negative_prompt: request.negative_prompt,
        model: request.model,
        width: request.width.to_string(),
        height: request.height.to_string(),
        seed: request.seed.map(|s| s.to_string()).unwrap_or_default(),
    };
    let settings = &site.tenant.settings;
    // Refused before anything is queued or held: a blocked prompt costs nothing.
    if let Some((field, entry)) = blocked_entry(settings, &form) {
        let said = msg!("limits-prompt-blocked", word = entry).in_lang(page.lang);
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "prompt_blocked",
            said.clone(),
        )
        .with_fields([(field, said)].into_iter().collect()));
    }
    // The fields' messages come in the reader's words, like the form's.
    let new = parse_job(
        state,
        page.lang,
        &settings.enabled_models,
        settings.max_image_side,
        &form,
    )
    .map_err(|fields| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            fields.values().cloned().collect::<Vec<_>>().join(" "),
        )
        .with_fields(fields)
    })?;
    let job = match queue_job(state, settings, site.tenant.id, user.id, &new).await {
        Ok(job) => job,
        Err(StoreError::NotEnoughCredits { available }) => {
            return Err(ApiError::said(
                StatusCode::PAYMENT_REQUIRED,
                "insufficient_credits",
                msg!(
                    "api-insufficient-credits",
                    units = &settings.credit.plural,
                    available = available.max(0),
                ),
            ))
        }
        Err(StoreError::TooManyActiveJobs { cap }) => {
            return Err(ApiError::said(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_active_jobs",
                msg!("api-too-many-active", cap = cap),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let view = JobView::build(state, &job, page.lang).await?;
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, format!("/api/v1/jobs/{}", job.id))],
        Json(job_json(&view)),
    )
        .into_response())
}
