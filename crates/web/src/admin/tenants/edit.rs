//! `GET /platform/tenants/{slug}` and `POST /platform/tenants/{slug}`: a tenant's name, its
//! custom domains and whether the shared worker pool may render its jobs; and from there,
//! suspending or resuming it (`status.rs`).

use atelier_domain::{msg, Slug, Tenant, TenantSettings};
use atelier_store::{StoreError, TenantEdit};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::{parse_domains, platform_only, tenants_changed};
use crate::accounts::FormErrors;
use crate::admin::audit_actor;
use crate::admin::invitations::InvitationRow;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub(crate) struct EditForm {
    name: String,
    domains: String,
    /// A checkbox: present ("on") when ticked.
    use_shared_pool: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Done {
    done: String,
    /// Sent a new invitation to this address.
    invited: String,
    /// This server's signature of it (see `admin::notice_query`).
    n: String,
}

/// The tenant of the path, or not found.
pub(crate) async fn tenant_at(page: &Page, slug: &Slug) -> Result<Tenant, AppError> {
    page.state
        .store
        .find_tenant_by_slug(slug)
        .await?
        .ok_or(AppError::NotFound)
}

async fn render(
    page: &Page,
    tenant: &Tenant,
    form: &EditForm,
    errors: FormErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let state = &page.state;
    let host = format!("{}.{}", tenant.slug, state.settings.base_domain);
    let now = state.clock.now();
    let invited: Vec<InvitationRow> = state
        .store
        .open_invitations(Some(tenant.id))
        .await?
        .into_iter()
        .map(|open| InvitationRow::new(page.lang, open, now))
        .collect();
    let ctx = minijinja::context! {
        site => minijinja::context! {
            slug => tenant.slug.as_str(),
            name => &tenant.settings.name,
            status => tenant.status.as_str(),
            host => &host,
            url => state.settings.public_origin(&host),
        },
        form => form,
        shared_pool => form.use_shared_pool.is_some(),
        invited => invited,
        errors => errors,
        notice => notice,
    };
    let Html(body) = page.render_form("platform/tenant_edit.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

/// The edit form filled from what is stored.
async fn stored_form(page: &Page, tenant: &Tenant) -> Result<EditForm, AppError> {
    let domains = page.state.store.tenant_domains(tenant.id).await?;
    Ok(EditForm {
        name: tenant.settings.name.clone(),
        domains: domains
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        use_shared_pool: tenant.settings.use_shared_pool.then(|| "on".to_owned()),
    })
}

/// The page again with why an action on it (a new invitation) was refused.
pub(crate) async fn show_refusal(
    page: &Page,
    tenant: &Tenant,
    field: &'static str,
    why: String,
    status: StatusCode,
) -> Result<Response, AppError> {
    let form = stored_form(page, tenant).await?;
    let mut errors = FormErrors::new();
    errors.insert(field, why);
    render(page, tenant, &form, errors, None, status).await
}

pub(crate) async fn show(
    page: Page,
    CurrentUser(_): CurrentUser,
    PathId(slug): PathId<Slug>,
    PageQuery(done): PageQuery<Done>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let tenant = tenant_at(&page, &slug).await?;
    let form = stored_form(&page, &tenant).await?;
    let invited =
        crate::admin::notice_vouched(&page.state, &[("invited", done.invited.as_str())], &done.n)
            .then(|| msg!("invite-resend-sent", email = done.invited.as_str()));
    let notice = match done.done.as_str() {
        "created" => Some(msg!(
            "platform-console-created",
            site = tenant.settings.name.as_str()
        )),
        "saved" => Some(msg!("platform-console-saved")),
        "suspended" => Some(msg!("platform-console-suspended-notice")),
        "resumed" => Some(msg!("platform-console-resumed-notice")),
        _ => invited,
    }
    .map(|m| page.tr(&m));
    render(
        &page,
        &tenant,
        &form,
        FormErrors::new(),
        notice,
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn save(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(slug): PathId<Slug>,
    CsrfForm(form): CsrfForm<EditForm>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let state = &page.state;
    let tenant = tenant_at(&page, &slug).await?;
    let mut errors = FormErrors::new();
    // The name is held to a new tenant's rules.
    let name = match TenantSettings::defaults_named(&form.name) {
        Ok(settings) => Some(settings.name),
        Err(problems) => {
            for e in problems.iter().filter(|e| e.field == "name") {
                errors.insert("name", page.tr(&e.message));
            }
            None
        }
    };
    let domains = match parse_domains(&page, &form.domains, Some(tenant.id)).await? {
        Ok(domains) => Some(domains),
        Err(problem) => {
            errors.insert("domains", problem);
            None
        }
    };
    let (Some(name), Some(domains)) = (name, domains) else {
        return render(
            &page,
            &tenant,
            &form,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let edit = TenantEdit {
        name,
        domains,
        use_shared_pool: form.use_shared_pool.is_some(),
    };
    let actor = audit_actor(&me, ip);
    match state
        .store
        .edit_tenant(tenant.id, &edit, &actor, state.clock.now())
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            errors.insert(
                "domains",
                page.tr(&msg!("platform-console-domain-just-taken")),
            );
            return render(
                &page,
                &tenant,
                &form,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    }
    tenants_changed(state).await;
    tracing::info!(by = %me.id, tenant = %slug, "tenant edited from the console");
    Ok(Redirect::to(&format!("/platform/tenants/{slug}?done=saved")).into_response())
}
