//! `POST /platform/tenants/{slug}/suspend` and `/resume`: a suspended site shows its branded
//! "unavailable" page on every host it answers on, and its queued jobs wait unclaimed (the
//! queue's claim takes active tenants' jobs only) until it is resumed. Suspending closes a
//! whole business at once, so it asks for the site's slug to be typed first.

use atelier_domain::{msg, Slug, TenantStatus};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::edit::{show_refusal, tenant_at};
use super::{platform_only, tenants_changed};
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

async fn set_status(
    page: Page,
    me: atelier_domain::User,
    ip: ClientIp,
    slug: Slug,
    status: TenantStatus,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let state = &page.state;
    let tenant = tenant_at(&page, &slug).await?;
    let changed = state
        .store
        .change_tenant_status(tenant.id, status, &audit_actor(&me, ip), state.clock.now())
        .await?;
    if changed {
        tenants_changed(state).await;
        tracing::info!(by = %me.id, tenant = %slug, status = status.as_str(), "tenant status changed");
    }
    let done = match status {
        TenantStatus::Suspended => "suspended",
        TenantStatus::Active => "resumed",
    };
    Ok(Redirect::to(&format!("/platform/tenants/{slug}?done={done}")).into_response())
}

/// The suspend form: the slug typed again, to say this is the site meant.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct SuspendForm {
    confirm: String,
}

pub(crate) async fn suspend(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(slug): PathId<Slug>,
    CsrfForm(form): CsrfForm<SuspendForm>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    if !form.confirm.trim().eq_ignore_ascii_case(slug.as_str()) {
        let tenant = tenant_at(&page, &slug).await?;
        let why = page.tr(&msg!(
            "platform-console-suspend-confirm-wrong",
            slug = slug.as_str()
        ));
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return show_refusal(&page, &tenant, "confirm", why, status).await;
    }
    set_status(page, me, ip, slug, TenantStatus::Suspended).await
}

pub(crate) async fn resume(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(slug): PathId<Slug>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    set_status(page, me, ip, slug, TenantStatus::Active).await
}
