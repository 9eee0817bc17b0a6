//! The JSON API, `/api/v1`, for people's own scripts: bearer tokens only (made on the
//! account page), never cookies, so it needs no CSRF token. Errors are always
//! `{"error": {"code", "message"}}` with a stable `code`.

use std::collections::BTreeMap;

use atelier_domain::{JobId, Timestamp, User};
use atelier_store::StoreError;
use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use crate::jobs::{job_json, parse_job, queue_job, GenerateForm, JobView};
use crate::pages::Page;
use crate::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/jobs", get(list_jobs).post(create_job))
        .route("/api/v1/jobs/{id}", get(get_job))
        .route("/api/v1/me", get(me))
        .route("/api/v1/models", get(models))
}

/// An API error: an HTTP status, a stable machine-readable code, and a sentence.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    fields: Option<BTreeMap<&'static str, String>>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            fields: None,
        }
    }

    pub(crate) fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Send a personal API token as `Authorization: Bearer <token>`; make one on your account page.",
        )
    }

    pub(crate) fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "This token may not do that.",
        )
    }

    pub(crate) fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "There is nothing here.")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = serde_json::json!({ "code": self.code, "message": self.message });
        if let Some(fields) = self.fields {
            error["fields"] = serde_json::json!(fields);
        }
        let mut response =
            (self.status, Json(serde_json::json!({ "error": error }))).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

impl From<crate::AppError> for ApiError {
    fn from(e: crate::AppError) -> Self {
        match e {
            crate::AppError::NotFound => ApiError::not_found(),
            other => {
                tracing::error!(error = %other, "API request failed");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Something went wrong on our side; try again.",
                )
            }
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        crate::AppError::from(e).into()
    }
}

/// The token's account; the guard has already refused requests without one.
fn api_user(page: &Page) -> Result<User, ApiError> {
    page.session
        .user()
        .filter(|_| page.session.is_bearer())
        .ok_or_else(ApiError::unauthorized)
}

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

async fn create_job(page: Page, body: Bytes) -> Result<Response, ApiError> {
    let user = api_user(&page)?;
    let site = page.tenant().map_err(ApiError::from)?.clone();
    let state = &page.state;
    let request: JobRequest = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("The body is not a job request: {e}"),
        )
    })?;
    let form = GenerateForm {
        prompt: request.prompt,
        negative_prompt: request.negative_prompt,
        model: request.model,
        width: request.width.to_string(),
        height: request.height.to_string(),
        seed: request.seed.map(|s| s.to_string()).unwrap_or_default(),
    };
    let settings = &site.tenant.settings;
    let new = parse_job(
        state,
        &settings.enabled_models,
        settings.max_image_side,
        &form,
    )
    .map_err(|fields| {
        let mut error = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            fields.values().cloned().collect::<Vec<_>>().join(" "),
        );
        error.fields = Some(fields);
        error
    })?;
    let job = match queue_job(state, site.tenant.id, user.id, &new).await {
        Ok(job) => job,
        Err(StoreError::NotEnoughCredits { available }) => {
            return Err(ApiError::new(
                StatusCode::PAYMENT_REQUIRED,
                "insufficient_credits",
                format!(
                    "Not enough {}: {} available. Buy more on the site's Buy page.",
                    settings.credit.plural,
                    available.max(0)
                ),
            ))
        }
        Err(StoreError::TooManyActiveJobs { cap }) => {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_active_jobs",
                format!(
                    "At most {cap} jobs may be queued or running at once; wait for one to finish."
                ),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let view = JobView::build(state, &job).await?;
    Ok((
        StatusCode::ACCEPTED,
        [(header::LOCATION, format!("/api/v1/jobs/{}", job.id))],
        Json(job_json(&view)),
    )
        .into_response())
}

async fn get_job(page: Page, Path(id): Path<String>) -> Result<Response, ApiError> {
    let user = api_user(&page)?;
    let id = uuid::Uuid::parse_str(&id)
        .map(JobId)
        .map_err(|_| ApiError::not_found())?;
    let tenant = page.tenant().map_err(ApiError::from)?.tenant.id;
    let job = page
        .state
        .find_job(tenant, Some(user.id), id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let view = JobView::build(&page.state, &job).await?;
    Ok(Json(job_json(&view)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    limit: Option<i64>,
    cursor: Option<String>,
}

/// Cursors are "<created_at millis>.<job id>" of the last job of a page.
fn parse_cursor(raw: &str) -> Option<(Timestamp, JobId)> {
    let (at, id) = raw.split_once('.')?;
    Some((
        Timestamp(at.parse().ok()?),
        JobId(uuid::Uuid::parse_str(id).ok()?),
    ))
}

async fn list_jobs(page: Page, Query(query): Query<ListQuery>) -> Result<Response, ApiError> {
    let user = api_user(&page)?;
    let limit = query.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_limit",
            "limit must be between 1 and 100.",
        ));
    }
    let before = match query.cursor.as_deref() {
        None | Some("") => None,
        Some(raw) => Some(parse_cursor(raw).ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_cursor",
                "Use the next_cursor of a previous page.",
            )
        })?),
    };
    let state = &page.state;
    let jobs = state.store.list_jobs(user.id, before, 0, limit + 1).await?;
    let more = jobs.len() as i64 > limit;
    let shown = &jobs[..jobs.len().min(usize::try_from(limit).unwrap_or(20))];
    let items: Vec<_> = JobView::build_all(state, shown)
        .await?
        .iter()
        .map(job_json)
        .collect();
    let next_cursor = more
        .then(|| jobs.get(usize::try_from(limit - 1).unwrap_or(0)))
        .flatten()
        .map(|j| format!("{}.{}", j.created_at.millis(), j.id));
    Ok(Json(serde_json::json!({ "jobs": items, "next_cursor": next_cursor })).into_response())
}

async fn me(page: Page) -> Result<Response, ApiError> {
    let site = page.tenant().map_err(ApiError::from)?;
    // The token's account may be a moment old; balances must not be.
    let user = page
        .state
        .store
        .find_user(Some(site.tenant.id), api_user(&page)?.id)
        .await?
        .ok_or_else(ApiError::unauthorized)?;
    let settings = &site.tenant.settings;
    Ok(Json(serde_json::json!({
        "email": user.email.as_str(),
        "name": user.name,
        "balance": user.balance,
        "held": user.held,
        "available": user.available(),
        "credit_unit": { "singular": settings.credit.singular, "plural": settings.credit.plural },
    }))
    .into_response())
}

async fn models(page: Page) -> Result<Response, ApiError> {
    api_user(&page)?;
    let settings = &page.tenant().map_err(ApiError::from)?.tenant.settings;
    let list: Vec<_> = page
        .state
        .models
        .offered(&settings.enabled_models)
        .map(|m| {
            serde_json::json!({
                "id": m.id, "name": m.label(), "description": m.description, "demo": m.is_demo(),
            })
        })
        .collect();
    Ok(Json(serde_json::json!({
        "models": list,
        "max_image_side": settings.max_image_side,
        "min_image_side": atelier_domain::MIN_IMAGE_SIDE,
        "size_step": atelier_domain::IMAGE_SIDE_STEP,
    }))
    .into_response())
}
