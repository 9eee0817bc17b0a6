//! Putting a pack on sale or taking it off, moving it up or down the list, and deleting one
//! nobody ever bought.

use atelier_domain::{msg, PackId, User};
use axum::http::StatusCode;
use axum::response::Response;

use super::{changed, done, render, Shown};
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::payments::credits_label;
use crate::AppError;

async fn set_active(
    page: Page,
    me: User,
    ip: ClientIp,
    id: PackId,
    active: bool,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let actor = audit_actor(&me, ip);
    let found = page
        .state
        .store
        .set_pack_active(tenant, id, active, &actor, page.state.clock.now())
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    changed(&page).await?;
    Ok(done(if active { "activated" } else { "deactivated" }))
}

pub(crate) async fn activate(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    set_active(page, me, ip, id, true).await
}

pub(crate) async fn deactivate(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    set_active(page, me, ip, id, false).await
}

async fn move_pack(
    page: Page,
    me: User,
    ip: ClientIp,
    id: PackId,
    up: bool,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let actor = audit_actor(&me, ip);
    let found = page
        .state
        .store
        .move_pack(tenant, id, up, &actor, page.state.clock.now())
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    changed(&page).await?;
    Ok(done("moved"))
}

pub(crate) async fn move_up(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    move_pack(page, me, ip, id, true).await
}

pub(crate) async fn move_down(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    move_pack(page, me, ip, id, false).await
}

/// Deletes a pack nobody ever bought. A bought one stays on record (its requests name it):
/// the page says to deactivate it instead, with 409.
pub(crate) async fn delete(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let store = &page.state.store;
    let Some(pack) = store.find_pack(tenant, id).await? else {
        return Err(AppError::NotFound);
    };
    let deleted = !pack.bought
        && store
            .delete_pack(tenant, id, &audit_actor(&me, ip), page.state.clock.now())
            .await?;
    if deleted {
        changed(&page).await?;
        return Ok(done("deleted"));
    }
    // Bought, possibly a moment ago; or deleted by another admin meanwhile.
    if store.find_pack(tenant, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let credits = &page.tenant()?.tenant.settings.credit;
    let alert = msg!(
        "packs-bought-refused",
        pack = credits_label(page.lang, credits, pack.terms.credits.get()),
        price = pack.terms.price.display(),
    );
    let shown = Shown {
        alert: Some(page.tr(&alert)),
        ..Shown::default()
    };
    render(&page, shown, StatusCode::CONFLICT).await
}
