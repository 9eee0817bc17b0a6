//! `GET /platform/tenants/new` and `POST /platform/tenants`: a new tenant with its slug,
//! name, domains and first admin, who is mailed an invitation in the site's default
//! language. The site answers on its domains as soon as the form returns.

use std::sync::Arc;

use atelier_domain::{msg, Email, Slug, Tenant, TenantId, TenantSettings, TenantStatus};
use atelier_store::{ConsoleTenant, NewTenant, StoreError, TenantSite};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{parse_domains, platform_only, tenants_changed};
use crate::accounts::{invitation, FormErrors};
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::tenancy::Site;
use crate::AppError;

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub(crate) struct NewTenantForm {
    slug: String,
    name: String,
    domains: String,
    admin_email: String,
}

async fn render(
    page: &Page,
    form: &NewTenantForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = minijinja::context! {
        form => form,
        errors => errors,
        base_domain => page.state.settings.base_domain.as_str(),
    };
    let Html(body) = page.render_form("platform/tenant_new.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn new_form(
    page: Page,
    CurrentUser(_): CurrentUser,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    render(
        &page,
        &NewTenantForm::default(),
        FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn create(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<NewTenantForm>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let state = &page.state;
    let mut errors = FormErrors::new();
    let slug = match Slug::parse(&form.slug) {
        // `/platform/tenants/new` is the form itself: a tenant of that name could not be
        // edited at its address.
        Ok(slug) if slug.as_str() == "new" => {
            errors.insert("slug", page.tr(&msg!("validation-slug-reserved")));
            None
        }
        Ok(slug) if state.store.find_tenant_by_slug(&slug).await?.is_some() => {
            errors.insert(
                "slug",
                page.tr(&msg!("platform-console-slug-taken", slug = slug.as_str())),
            );
            None
        }
        Ok(slug) => Some(slug),
        Err(e) => {
            errors.insert("slug", page.tr(&e.message));
            None
        }
    };
    let settings = match TenantSettings::defaults_named(&form.name) {
        Ok(settings) => Some(settings),
        Err(problems) => {
            for e in problems {
                errors.insert(
                    if e.field == "name" { "name" } else { "form" },
                    page.tr(&e.message),
                );
            }
            None
        }
    };
    let domains = match parse_domains(&page, &form.domains, None).await? {
        Ok(domains) => Some(domains),
        Err(problem) => {
            errors.insert("domains", problem);
            None
        }
    };
    let email = match Email::parse(&form.admin_email) {
        Ok(email) => Some(email),
        Err(e) => {
            errors.insert("admin_email", page.tr(&e.message));
            None
        }
    };
    let (Some(slug), Some(settings), Some(domains), Some(email)) = (slug, settings, domains, email)
    else {
        return render(&page, &form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };

    // The site as it will be, so the invitation can name it and link to its address.
    let now = state.clock.now();
    let id = TenantId(uuid::Uuid::now_v7());
    let site = Site::Tenant(Arc::new(TenantSite {
        tenant: Tenant {
            id,
            slug: slug.clone(),
            status: TenantStatus::Active,
            settings: settings.clone(),
            created_at: now,
            updated_at: now,
        },
        domains: domains.clone(),
    }));
    let admin = invitation(state, &site, &email, settings.default_language).await?;
    let new = ConsoleTenant {
        id,
        tenant: NewTenant {
            slug: slug.clone(),
            status: TenantStatus::Active,
            settings,
            domains,
        },
        admin,
    };
    let actor = audit_actor(&me, ip);
    match state
        .store
        .create_tenant_with_admin(&new, &actor, now)
        .await
    {
        Ok(_) => {}
        // Another console took the slug or a domain since the checks above.
        Err(StoreError::Conflict(field)) => {
            let (key, message) = match field {
                "slug" => (
                    "slug",
                    msg!("platform-console-slug-taken", slug = slug.as_str()),
                ),
                _ => ("domains", msg!("platform-console-domain-just-taken")),
            };
            errors.insert(key, page.tr(&message));
            return render(&page, &form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        Err(e) => return Err(e.into()),
    }
    state.mailer.wake();
    tenants_changed(state).await;
    tracing::info!(by = %me.id, tenant = %slug, "tenant created from the console");
    Ok(Redirect::to(&format!("/platform/tenants/{slug}?done=created")).into_response())
}
