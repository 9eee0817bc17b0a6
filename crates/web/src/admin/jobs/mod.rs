//! `/admin/jobs`: every job of the site, newest first, a keyset page at a time (never
//! OFFSET, never a count), filtered by state, account, model and days in India's calendar;
//! why a job failed, who ran it and for how long; and Cancel on the jobs still queued or
//! running ([`cancel`]).

mod cancel;
mod view;

pub(crate) use cancel::cancel;

use atelier_domain::{msg, Job, JobStatus, Msg};
use atelier_store::{AdminJob, JobWorker};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::accounts::FormErrors;
use crate::cursor::{keep_page, ListView, PageCursor, Pager};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::when;
use crate::AppError;
use view::JobsQuery;

/// Rows on one page.
const JOBS_PAGE: i64 = 25;

/// One job as a row of the list.
#[derive(Serialize)]
struct Row {
    id: String,
    submitted: String,
    submitted_iso: String,
    user_id: String,
    user_email: String,
    model: String,
    /// "1024 × 768".
    size: String,
    state: &'static str,
    state_label: String,
    attempts: String,
    /// Why it failed, for a failed job.
    reason: Option<String>,
    worker: Option<String>,
    worker_pool: Option<String>,
    render_time: Option<String>,
    image_id: Option<String>,
    /// Queued, or running and not yet told to stop.
    cancelable: bool,
}

/// A model the filter offers: its id and its name in the reader's language.
#[derive(Serialize)]
struct ModelChoice {
    id: String,
    label: String,
}

pub(crate) async fn list(
    page: Page,
    PageQuery(query): PageQuery<JobsQuery>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let (mut records, errors) = match query.view(&page).await? {
        Ok(view) => {
            let records = page
                .state
                .store
                .admin_jobs(tenant, &view.filter, view.after, JOBS_PAGE + 1)
                .await?;
            (records, FormErrors::new())
        }
        Err(errors) => (Vec::new(), errors),
    };
    let older_url = keep_page(&mut records, JOBS_PAGE).map(|last| {
        let cursor = PageCursor::new(last.job.created_at, last.job.id.0).to_string();
        query.filter_url(&[("after", &cursor)])
    });
    let pagination = Pager::new(&query.filter_url(&[]), query.is_paged(), older_url);
    let catalog = page.state.models.current();
    let rows: Vec<Row> = records.iter().map(|r| row(&page, &catalog, r)).collect();
    let mut models: Vec<ModelChoice> = catalog
        .models
        .iter()
        .map(|m| ModelChoice {
            id: m.id.clone(),
            label: m.label_in(page.lang),
        })
        .collect();
    // A model taken out of the catalogue since still names its old jobs.
    let asked = query.model.trim();
    if !asked.is_empty() && !models.iter().any(|m| m.id == asked) {
        models.push(ModelChoice {
            id: asked.to_owned(),
            label: asked.to_owned(),
        });
    }
    let notice = match query.done.as_str() {
        "canceled" => Some(msg!("admin-jobs-done-canceled")),
        "stopping" => Some(msg!("admin-jobs-done-stopping")),
        "over" => Some(msg!("admin-jobs-done-over")),
        _ => None,
    }
    .map(|m| page.tr(&m));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let ctx = minijinja::context! {
        rows => rows,
        models => models,
        filter => minijinja::context! {
            state => query.state.trim(),
            user => query.user.trim(),
            model => asked,
            from => query.from.trim(),
            to => query.to.trim(),
        },
        view_fields => query.view_fields(),
        errors => errors,
        filtered => query.is_filtered(),
        pagination => pagination,
        notice => notice,
    };
    let body = page.render_form("admin/jobs.html", ctx).await?;
    Ok((status, body).into_response())
}

fn row(page: &Page, catalog: &atelier_config::ModelCatalog, record: &AdminJob) -> Row {
    let lang = page.lang;
    let job = &record.job;
    let model = catalog
        .get(&job.model)
        .map_or_else(|| job.model.clone(), |m| m.label_in(lang));
    let (worker, worker_pool) = match &record.worker {
        Some(JobWorker::Own(name)) => (Some(name.clone()), None),
        Some(JobWorker::Shared(name)) => (
            Some(name.clone()),
            Some(msg!("admin-jobs-worker-shared").in_lang(lang)),
        ),
        Some(JobWorker::Other(name)) => (Some(name.clone()), None),
        None => (None, None),
    };
    // Ours in the reader's language, a worker's own words as it said them.
    let reason = (job.status == JobStatus::Failed).then(|| {
        if job.error.is_empty() {
            msg!("admin-jobs-no-reason").in_lang(lang)
        } else {
            atelier_domain::job_error_text(&job.error, lang)
        }
    });
    Row {
        id: job.id.to_string(),
        submitted: when::date_time(lang, job.created_at),
        submitted_iso: job.created_at.india_iso(),
        user_id: job.user_id.to_string(),
        user_email: record.user_email.clone(),
        model,
        // As text, so the catalogue's number format does not group "1,024".
        size: msg!(
            "admin-jobs-size",
            width = job.width.to_string(),
            height = job.height.to_string()
        )
        .in_lang(lang),
        state: job.status.as_str(),
        state_label: state_label(job).in_lang(lang),
        attempts: msg!(
            "admin-jobs-attempts",
            attempts = job.attempts,
            max = job.max_attempts
        )
        .in_lang(lang),
        reason,
        worker,
        worker_pool,
        render_time: render_time(job).map(|ms| crate::when::duration(lang, ms)),
        image_id: (job.status == JobStatus::Succeeded)
            .then_some(job.image_id)
            .flatten()
            .map(|id| id.to_string()),
        cancelable: job.status == JobStatus::Queued
            || (job.status == JobStatus::Running && !job.cancel_requested),
    }
}

/// A job's state as the admin reads it; a running job told to stop says so.
fn state_label(job: &Job) -> Msg {
    match job.status {
        JobStatus::Queued => msg!("admin-jobs-state-queued"),
        JobStatus::Running if job.cancel_requested => msg!("admin-jobs-state-stopping"),
        JobStatus::Running => msg!("admin-jobs-state-running"),
        JobStatus::Succeeded => msg!("admin-jobs-state-succeeded"),
        JobStatus::Failed => msg!("admin-jobs-state-failed"),
        JobStatus::Canceled => msg!("admin-jobs-state-canceled"),
    }
}

/// How long the last attempt of a finished job rendered, in milliseconds.
fn render_time(job: &Job) -> Option<i64> {
    match (job.status, job.started_at, job.finished_at) {
        (JobStatus::Succeeded | JobStatus::Failed, Some(start), Some(end)) => {
            Some((end.millis() - start.millis()).max(0))
        }
        _ => None,
    }
}
