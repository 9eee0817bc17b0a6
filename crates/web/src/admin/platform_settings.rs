//! `/platform/settings`: the platform's rules (size cap, deadline, retries), changed by
//! super-admins. A save is audited and in force at once on every node (this one reloads the
//! rules; the others hear of it as of any tenant change); images already queued keep the
//! deadline and attempts they were queued with. Until the first save the settings file's
//! values are in force, and the page says so. The limit of images one person may have
//! waiting stays in the settings file: it guards the servers, not a product rule.

use atelier_domain::platform_rules::{MAX_ATTEMPTS, MAX_DEADLINE_MINUTES};
use atelier_domain::{msg, PlatformRules};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::accounts::FormErrors;
use crate::admin::tenants::platform_only;
use crate::admin::{audit_actor, beside_field};
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Done {
    done: String,
}

/// The form as posted, and as shown again with its errors.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub(crate) struct RulesForm {
    size_cap: String,
    deadline_minutes: String,
    retries: String,
}

impl RulesForm {
    fn of(rules: &PlatformRules) -> Self {
        Self {
            size_cap: rules.size_cap.to_string(),
            deadline_minutes: rules.deadline_minutes().to_string(),
            retries: rules.retries().to_string(),
        }
    }
}

async fn render(
    page: &Page,
    form: &RulesForm,
    errors: FormErrors,
    saved: bool,
    status: StatusCode,
) -> Result<Response, AppError> {
    let state = &page.state;
    let ctx = minijinja::context! {
        form => form,
        errors => errors,
        saved => saved,
        from_file => state.store.saved_platform_rules().await?.is_none(),
        deadline_max => MAX_DEADLINE_MINUTES,
        retries_max => MAX_ATTEMPTS - 1,
        active_per_user => state.settings.jobs.active_per_user,
    };
    let Html(body) = page.render_form("platform/settings.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn show(
    page: Page,
    CurrentUser(_): CurrentUser,
    PageQuery(done): PageQuery<Done>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let form = RulesForm::of(&page.state.tenants.rules());
    let saved = done.done == "saved";
    render(&page, &form, FormErrors::new(), saved, StatusCode::OK).await
}

pub(crate) async fn save(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<RulesForm>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let in_force = page.state.tenants.rules();
    let rules = match PlatformRules::parse(&form.size_cap, &form.deadline_minutes, &form.retries) {
        // A deadline the file set in seconds shows rounded up to minutes; left as shown, it
        // stays as it was rather than becoming the rounded figure.
        Ok(rules) if form.deadline_minutes.trim() == in_force.deadline_minutes().to_string() => {
            PlatformRules {
                deadline_secs: in_force.deadline_secs,
                ..rules
            }
        }
        Ok(rules) => rules,
        Err(list) => {
            let mut errors = FormErrors::new();
            for e in list {
                let label = match e.field {
                    "size_cap" => Some(msg!("platform-settings-size-cap")),
                    "deadline_minutes" => Some(msg!("platform-settings-deadline")),
                    "retries" => Some(msg!("platform-settings-retries")),
                    _ => None,
                };
                errors.insert(e.field, beside_field(label, &e.message, page.lang));
            }
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render(&page, &form, errors, false, status).await;
        }
    };
    page.state
        .tenants
        .save_rules(&rules, &audit_actor(&me, ip))
        .await?;
    tracing::info!(by = %me.id, rules = %rules.describe(), "platform rules changed");
    Ok(Redirect::to("/platform/settings?done=saved").into_response())
}
