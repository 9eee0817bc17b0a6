//! `/admin/limits`: what the site allows and who answers its people. The largest image
//! side, the sign-up bonus, how many jobs one person may have queued or running (never more
//! than the platform allows), the models offered and their prices here, the support
//! contacts, and the prompt block-list. Each save is audited (`tenant.limits`) and seen on
//! every page at once.

use std::collections::BTreeMap;

use atelier_domain::tenant::MODEL_COSTS;
use atelier_domain::{msg, Lang, Msg, TenantSettings};
use atelier_store::SettingsChange;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::accounts::FormErrors;
use crate::admin::{audit_actor, beside_field};
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::{AppError, AppState};

/// The form's values as typed (numbers as text, so a mistyped one comes back as it was).
#[derive(Serialize, Default)]
struct LimitsForm {
    max_image_side: String,
    signup_bonus: String,
    active_jobs_per_user: String,
    support_email: String,
    support_whatsapp: String,
    prompt_blocklist: String,
}

/// One model of the catalogue, as the form lists it.
#[derive(Serialize)]
struct ModelRow {
    id: String,
    name: String,
    enabled: bool,
    /// This site's own price, as typed; empty for the catalogue's.
    cost: String,
    catalogue_cost: i64,
    /// What is wrong with `cost`, shown beside its box; empty when nothing is.
    error: String,
}

impl LimitsForm {
    fn of(s: &TenantSettings) -> LimitsForm {
        LimitsForm {
            max_image_side: s.max_image_side.to_string(),
            signup_bonus: s.signup_bonus.to_string(),
            active_jobs_per_user: s.active_jobs_per_user.to_string(),
            support_email: s.support_email.clone(),
            support_whatsapp: s.support_whatsapp.clone(),
            prompt_blocklist: s.prompt_blocklist.entries().join("\n"),
        }
    }
}

fn model_rows(
    state: &AppState,
    lang: Lang,
    enabled: &[String],
    costs: &[(String, String)],
    cost_errors: &BTreeMap<String, String>,
) -> Vec<ModelRow> {
    let catalogue = state.models.current();
    catalogue
        .models
        .iter()
        .map(|m| ModelRow {
            id: m.id.clone(),
            name: m.name_in(lang).to_owned(),
            enabled: enabled.is_empty() || enabled.contains(&m.id),
            cost: costs
                .iter()
                .find(|(id, _)| *id == m.id)
                .map(|(_, c)| c.clone())
                .unwrap_or_default(),
            catalogue_cost: m.job_cost().get(),
            error: cost_errors.get(&m.id).cloned().unwrap_or_default(),
        })
        .collect()
}

fn platform_cap(state: &AppState) -> i64 {
    i64::from(state.settings.jobs.active_per_user)
}

async fn render(
    page: &Page,
    form: &LimitsForm,
    models: Vec<ModelRow>,
    errors: FormErrors,
    saved: bool,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = minijinja::context! {
        form => form,
        models => models,
        errors => errors,
        saved => saved,
        platform_active_cap => platform_cap(&page.state),
        platform_max_side => page.state.tenants.rules().size_cap,
        blocklist_max => atelier_domain::tenant::MAX_BLOCKED_ENTRIES,
    };
    let Html(body) = page.render_form("admin/limits.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Done {
    done: String,
}

pub(crate) async fn show(page: Page, PageQuery(q): PageQuery<Done>) -> Result<Response, AppError> {
    let s = &page.tenant()?.tenant.settings;
    let costs: Vec<(String, String)> = s
        .model_costs
        .iter()
        .map(|(id, c)| (id.clone(), c.to_string()))
        .collect();
    let models = model_rows(
        &page.state,
        page.lang,
        &s.enabled_models,
        &costs,
        &BTreeMap::new(),
    );
    let form = LimitsForm::of(s);
    render(
        &page,
        &form,
        models,
        FormErrors::new(),
        q.done == "saved",
        StatusCode::OK,
    )
    .await
}

/// The posted form: one value per field, `models` once per ticked model, and `cost_<id>`
/// for each model's price here (empty for the catalogue's).
pub(crate) async fn save(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(posted): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let state = &page.state;
    let lang = page.lang;
    let field = |name: &str| {
        posted
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let form = LimitsForm {
        max_image_side: field("max_image_side"),
        signup_bonus: field("signup_bonus"),
        active_jobs_per_user: field("active_jobs_per_user"),
        support_email: field("support_email"),
        support_whatsapp: field("support_whatsapp"),
        prompt_blocklist: field("prompt_blocklist"),
    };
    let catalogue = state.models.current();
    let ticked: Vec<String> = catalogue
        .models
        .iter()
        .filter(|m| posted.iter().any(|(k, v)| k == "models" && *v == m.id))
        .map(|m| m.id.clone())
        .collect();
    let costs: Vec<(String, String)> = catalogue
        .models
        .iter()
        .map(|m| {
            (
                m.id.clone(),
                field(&format!("cost_{}", m.id)).trim().to_owned(),
            )
        })
        .collect();

    let mut errors = FormErrors::new();
    let mut number = |name: &'static str, raw: &str| -> i64 {
        raw.trim().parse::<i64>().unwrap_or_else(|_| {
            errors.insert(name, msg!("admin-limits-whole-number").in_lang(lang));
            0
        })
    };
    let mut input = site.tenant.settings.to_input();
    input.max_image_side = number("max_image_side", &form.max_image_side);
    input.signup_bonus = number("signup_bonus", &form.signup_bonus);
    input.active_jobs_per_user = number("active_jobs_per_user", &form.active_jobs_per_user);
    let (model_costs, cost_errors) = prices(lang, &site.tenant.settings.credit.plural, &costs);
    input.model_costs = model_costs;
    input.support_email.clone_from(&form.support_email);
    input.support_whatsapp.clone_from(&form.support_whatsapp);
    input.prompt_blocklist = form.prompt_blocklist.lines().map(str::to_owned).collect();
    // Every model ticked is stored as "all", so a model the platform adds later is offered too.
    input.enabled_models = if ticked.len() == catalogue.models.len() {
        Vec::new()
    } else {
        ticked.clone()
    };
    if ticked.is_empty() && !catalogue.models.is_empty() {
        errors.insert(
            "enabled_models",
            msg!("admin-limits-no-model").in_lang(lang),
        );
    }
    let size_cap = state.tenants.rules().size_cap;
    if input.max_image_side > size_cap {
        errors.insert(
            "max_image_side",
            msg!("admin-limits-side-over-platform", cap = size_cap).in_lang(lang),
        );
    }
    let cap = platform_cap(state);
    if input.active_jobs_per_user > cap {
        errors.insert(
            "active_jobs_per_user",
            msg!("admin-limits-active-over-platform", cap = cap).in_lang(lang),
        );
    }
    let wanted = match TenantSettings::parse(&input) {
        Ok(wanted) if errors.is_empty() && cost_errors.is_empty() => Some(wanted),
        Ok(_) => None,
        Err(list) => {
            for e in list {
                let label = label(e.field, &site.tenant.settings.credit.plural);
                errors
                    .entry(e.field)
                    .or_insert(beside_field(label, &e.message, lang));
            }
            None
        }
    };
    let Some(wanted) = wanted else {
        let models = model_rows(state, lang, &ticked_or_none(&ticked), &costs, &cost_errors);
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&page, &form, models, errors, false, status).await;
    };
    let apply = |s: &mut TenantSettings| {
        s.max_image_side = wanted.max_image_side;
        s.signup_bonus = wanted.signup_bonus;
        s.active_jobs_per_user = wanted.active_jobs_per_user;
        s.enabled_models.clone_from(&wanted.enabled_models);
        s.model_costs.clone_from(&wanted.model_costs);
        s.support_email.clone_from(&wanted.support_email);
        s.support_whatsapp.clone_from(&wanted.support_whatsapp);
        s.prompt_blocklist = wanted.prompt_blocklist.clone();
    };
    let change = SettingsChange {
        action: "tenant.limits",
        apply: &apply,
        describe: TenantSettings::describe_limits,
    };
    let tenant = site.tenant.id;
    state
        .store
        .change_tenant_settings(tenant, &change, &audit_actor(&me, ip), state.clock.now())
        .await?;
    state.tenants.forget_tenant(tenant).await;
    tracing::info!(admin = %me.id, "site limits changed");
    Ok(Redirect::to("/admin/limits?done=saved").into_response())
}

/// The prices typed for each model (`(id, text)`; empty for the catalogue's), read, and what
/// is wrong with each that does not read, by model id, so the page says it beside that
/// model's price box rather than once for the whole list.
fn prices(
    lang: Lang,
    units: &str,
    typed: &[(String, String)],
) -> (BTreeMap<String, i64>, BTreeMap<String, String>) {
    let mut costs = BTreeMap::new();
    let mut errors = BTreeMap::new();
    for (id, raw) in typed.iter().filter(|(_, raw)| !raw.is_empty()) {
        match raw.parse::<i64>() {
            Ok(cost) if MODEL_COSTS.contains(&cost) => {
                costs.insert(id.clone(), cost);
            }
            Ok(_) => {
                let (min, max) = (*MODEL_COSTS.start(), *MODEL_COSTS.end());
                let message = msg!(
                    "admin-limits-price-range",
                    min = min,
                    max = max,
                    units = units
                );
                errors.insert(id.clone(), message.in_lang(lang));
            }
            Err(_) => {
                let message = msg!("admin-limits-price-number");
                errors.insert(id.clone(), message.in_lang(lang));
            }
        }
    }
    (costs, errors)
}

/// The ticked models as the form shows them again: none ticked stays none (not "all").
fn ticked_or_none(ticked: &[String]) -> Vec<String> {
    if ticked.is_empty() {
        vec![String::new()]
    } else {
        ticked.to_vec()
    }
}

/// The label of a limits field, for a refusal that follows a field's name.
fn label(field: &str, units: &str) -> Option<Msg> {
    Some(match field {
        "max_image_side" => msg!("admin-limits-max-side"),
        "signup_bonus" => msg!("admin-limits-bonus", units = units),
        "active_jobs_per_user" => msg!("admin-limits-active"),
        "support_email" => msg!("admin-limits-support-email"),
        "support_whatsapp" => msg!("admin-limits-support-whatsapp"),
        "prompt_blocklist" => msg!("admin-limits-blocklist-label"),
        _ => return None,
    })
}
