use atelier_domain::{msg, parse_seed, random_bytes, ImageSize, JobId, Lang, NewJob, Prompt};
use atelier_store::{QueueRules, StoreError};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::view::JobView;
use crate::accounts::FormErrors;
use crate::auth::{CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::{AppError, AppState};

#[derive(Deserialize, Default, Serialize, Clone)]
#[serde(default)]
pub(crate) struct GenerateForm {
    pub prompt: String,
    pub negative_prompt: String,
    pub model: String,
    pub width: String,
    pub height: String,
    pub seed: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct GenerateQuery {
    /// A job of the user's: shown first, and its prompt and settings fill the form, so the
    /// next image is a change away.
    job: Option<String>,
    /// With `job`: its seed too ("use this seed").
    seed: Option<String>,
}

/// How many finished images the page shows when nothing is in progress.
const LATEST_SHOWN: i64 = 4;

#[derive(Serialize)]
struct ModelOption {
    id: String,
    /// For the menu's options: the name, with the demo mark in words.
    label: String,
    /// For a single model: the name, and a badge when it is a demo.
    name: String,
    demo: bool,
    description: String,
}

#[derive(Serialize)]
struct Preset {
    label: String,
    width: i64,
    height: i64,
}

/// Common sizes that fit the tenant's maximum side, named in `lang`.
fn size_presets(max_side: i64, lang: Lang) -> Vec<Preset> {
    [
        (msg!("jobs-preset-square"), 512, 512),
        (msg!("jobs-preset-square"), 768, 768),
        (msg!("jobs-preset-square"), 1024, 1024),
        (msg!("jobs-preset-portrait"), 512, 768),
        (msg!("jobs-preset-portrait"), 768, 1024),
        (msg!("jobs-preset-landscape"), 768, 512),
        (msg!("jobs-preset-landscape"), 1024, 768),
        (msg!("jobs-preset-wide"), 1024, 576),
    ]
    .into_iter()
    .filter(|(_, w, h)| *w <= max_side && *h <= max_side)
    .map(|(name, width, height)| Preset {
        // Sides as the size fields show them: "1024", not "1,024".
        label: name
            .arg("width", width.to_string())
            .arg("height", height.to_string())
            .in_lang(lang),
        width,
        height,
    })
    .collect()
}

/// The rules every submission to this site is held to: the platform's deadline and
/// attempts in force now (the job keeps them), and the site's own limit of active jobs per
/// person, bounded by the platform's.
pub(crate) fn queue_rules(
    state: &AppState,
    settings: &atelier_domain::TenantSettings,
) -> QueueRules {
    let rules = state.tenants.rules();
    QueueRules {
        max_attempts: rules.max_attempts,
        deadline_ms: rules.deadline_secs * 1000,
        active_cap: settings.active_job_cap(i64::from(state.settings.jobs.active_per_user)),
    }
}

/// The field and the block-list entry of the first prompt of a submission that holds one
/// the site refuses. Checked before anything is queued or held, so a refusal costs nothing.
pub(crate) fn blocked_entry<'a>(
    settings: &'a atelier_domain::TenantSettings,
    form: &GenerateForm,
) -> Option<(&'static str, &'a str)> {
    let list = &settings.prompt_blocklist;
    list.find_in(&form.prompt)
        .map(|entry| ("prompt", entry))
        .or_else(|| {
            list.find_in(&form.negative_prompt)
                .map(|entry| ("negative_prompt", entry))
        })
}

fn model_options(page: &Page) -> Result<Vec<ModelOption>, AppError> {
    let enabled = &page.tenant()?.tenant.settings.enabled_models;
    Ok(page
        .state
        .models
        .current()
        .offered(enabled)
        .map(|m| ModelOption {
            id: m.id.clone(),
            label: m.label_in(page.lang),
            name: m.name_in(page.lang).to_owned(),
            demo: m.is_demo(),
            description: m.description_in(page.lang).to_owned(),
        })
        .collect())
}

async fn render(
    page: &Page,
    user: &atelier_domain::User,
    form: GenerateForm,
    errors: FormErrors,
    focus: Option<JobId>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let site = page.tenant()?;
    let state = &page.state;
    let lang = page.lang;
    let mut jobs =
        JobView::build_all(state, &state.store.active_jobs(user.id).await?, lang).await?;
    jobs.reverse(); // newest first
                    // Nothing in progress: the latest results, rather than an empty page.
    let in_progress = !jobs.is_empty();
    if !in_progress && focus.is_none() {
        let latest = state.store.list_jobs(user.id, None, LATEST_SHOWN).await?;
        jobs = JobView::build_all(state, &latest, lang).await?;
    }
    let mut focus_job = None;
    if let Some(id) = focus {
        if let Some(job) = state.find_job(site.tenant.id, Some(user.id), id).await? {
            let view = JobView::build(state, &job, lang).await?;
            if job.status.is_active() {
                // Shown first among the active ones.
                jobs.retain(|j| j.id != view.id);
                jobs.insert(0, view);
            } else {
                focus_job = Some(view);
            }
        }
    }
    let ctx = minijinja::context! {
        models => model_options(page)?,
        size_presets => size_presets(site.tenant.settings.max_image_side, lang),
        form => form,
        errors => errors,
        job_list => jobs,
        in_progress => in_progress,
        focus_job => focus_job,
        focus_id => focus.map(|f| f.to_string()),
    };
    let Html(body) = page.render_form("generate.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn form(
    page: Page,
    CurrentUser(user): CurrentUser,
    PageQuery(query): PageQuery<GenerateQuery>,
) -> Result<Response, AppError> {
    let site = page.tenant()?;
    let side = 512.min(site.tenant.settings.max_image_side).to_string();
    let focus = query
        .job
        .as_deref()
        .and_then(|j| super::parse_job_id(j).ok());
    let shown = match focus {
        Some(id) => {
            page.state
                .find_job(site.tenant.id, Some(user.id), id)
                .await?
        }
        None => None,
    };
    let form = match shown {
        // The job's own prompt and settings: the user changes what they want and goes again.
        Some(job) => GenerateForm {
            prompt: job.prompt,
            negative_prompt: job.negative_prompt,
            model: job.model,
            width: job.width.to_string(),
            height: job.height.to_string(),
            seed: if query.seed.is_some() {
                job.seed.to_string()
            } else {
                String::new()
            },
        },
        None => GenerateForm {
            model: model_options(&page)?
                .first()
                .map(|m| m.id.clone())
                .unwrap_or_default(),
            width: side.clone(),
            height: side,
            ..GenerateForm::default()
        },
    };
    render(&page, &user, form, FormErrors::new(), focus, StatusCode::OK).await
}

/// Checks a submission; every problem is reported next to its field, in `lang`.
pub(crate) fn parse_job(
    state: &AppState,
    lang: Lang,
    enabled_models: &[String],
    max_side: i64,
    form: &GenerateForm,
) -> Result<NewJob, FormErrors> {
    let mut errors = FormErrors::new();
    let prompt = Prompt::parse("prompt", &form.prompt, true)
        .map_err(|e| errors.insert("prompt", e.message.in_lang(lang)))
        .ok();
    let negative = Prompt::parse("negative_prompt", &form.negative_prompt, false)
        .map_err(|e| errors.insert("negative_prompt", e.message.in_lang(lang)))
        .ok();
    let catalog = state.models.current();
    let offered: Vec<_> = catalog.offered(enabled_models).collect();
    let model = offered
        .iter()
        .find(|m| m.id == form.model)
        .or_else(|| (form.model.is_empty() && offered.len() == 1).then(|| &offered[0]))
        .copied();
    if model.is_none() {
        errors.insert("model", msg!("jobs-error-model").in_lang(lang));
    }
    // The model's own limit, when it has one, under the site's.
    let max_side = model.map_or(max_side, |m| {
        i64::from(m.max_side(u32::try_from(max_side).unwrap_or(u32::MAX)))
    });
    let model = model.map(|m| m.id.clone());
    let size = ImageSize::parse(&form.width, &form.height, max_side)
        .map_err(|list| {
            for e in list {
                errors.insert(e.field, e.message.in_lang(lang));
            }
        })
        .ok();
    let seed = parse_seed(&form.seed)
        .map_err(|e| errors.insert("seed", e.message.in_lang(lang)))
        .ok();
    match (prompt, negative, model, size, seed) {
        (Some(prompt), Some(negative_prompt), Some(model), Some(size), Some(seed))
            if errors.is_empty() =>
        {
            let seed = seed.unwrap_or_else(|| {
                random_bytes::<8>()
                    .map(|b| i64::from_le_bytes(b) & i64::MAX)
                    .unwrap_or(0)
            });
            Ok(NewJob {
                prompt,
                negative_prompt,
                model,
                size,
                seed,
            })
        }
        _ => Err(errors),
    }
}

/// What one image of `model` costs on this site: its own price, else the catalogue's.
pub(crate) fn job_cost(
    state: &AppState,
    settings: &atelier_domain::TenantSettings,
    model: &str,
) -> atelier_domain::Credits {
    let catalogue = state.models.current().get(model).map_or_else(
        || atelier_domain::job_cost(None),
        atelier_config::Model::job_cost,
    );
    settings.model_cost(model, catalogue)
}

/// Queues a job for `user`; wakes the workers and tells live pages.
pub(crate) async fn queue_job(
    state: &AppState,
    settings: &atelier_domain::TenantSettings,
    tenant: atelier_domain::TenantId,
    user: atelier_domain::UserId,
    new: &NewJob,
) -> Result<atelier_domain::Job, StoreError> {
    let job = state
        .store
        .submit_job(
            tenant,
            user,
            new,
            job_cost(state, settings, &new.model),
            queue_rules(state, settings),
            state.clock.now(),
        )
        .await?;
    state.queue_wake.notify_one();
    state.worker_wake.notify_one();
    let _ = state.job_events.send(job.id);
    tracing::info!(job = %job.id, %user, "job queued");
    Ok(job)
}

pub(crate) async fn submit(
    page: Page,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<GenerateForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let settings = &site.tenant.settings;
    let state = &page.state;
    let parsed = parse_job(
        state,
        page.lang,
        &settings.enabled_models,
        settings.max_image_side,
        &form,
    );
    let parsed = match blocked_entry(settings, &form) {
        Some((field, entry)) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.insert(field, page.tr(&msg!("limits-prompt-blocked", word = entry)));
            Err(errors)
        }
        None => parsed,
    };
    let new = match parsed {
        Ok(new) => new,
        Err(errors) => {
            return render(
                &page,
                &user,
                form,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    match queue_job(state, settings, site.tenant.id, user.id, &new).await {
        Ok(job) => Ok(Redirect::to(&format!("/generate?job={}", job.id)).into_response()),
        Err(StoreError::NotEnoughCredits { available }) => {
            let mut errors = FormErrors::new();
            let mut said = page.tr(&msg!(
                "jobs-error-credits",
                cost = job_cost(state, settings, &new.model).get(),
                available = available.max(0),
                unit = &settings.credit.singular,
                units = &settings.credit.plural,
            ));
            // Pointing at a shop that sells nothing would only frustrate.
            if page.sells_credits {
                said.push(' ');
                said.push_str(&page.tr(&msg!("jobs-error-credits-buy")));
            }
            errors.insert("credits", said);
            render(
                &page,
                &user,
                form,
                errors,
                None,
                StatusCode::PAYMENT_REQUIRED,
            )
            .await
        }
        Err(StoreError::TooManyActiveJobs { cap }) => {
            let mut errors = FormErrors::new();
            errors.insert("form", page.tr(&msg!("jobs-error-too-many", cap = cap)));
            render(
                &page,
                &user,
                form,
                errors,
                None,
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
