//! `POST /admin/users/{id}/invite`: a site's admin sends a new invitation link to an
//! account of the site that was invited (a first admin made from the platform console) and
//! has not chosen a password yet; the profile shows when the last link went out.

use atelier_domain::UserId;
use axum::response::{IntoResponse, Redirect, Response};

use super::live_target;
use super::profile::{render, Typed};
use crate::accounts::FormErrors;
use crate::admin::invitations::{refusal, send_again};
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

pub(crate) async fn resend_invitation(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<UserId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    // Another site's account, or none, is not found.
    let user = live_target(&page, id).await?;
    let site = page.site.clone();
    let outcome = send_again(&page, &me, ip, &site, &user).await?;
    let Some((status, why)) = refusal(outcome, &user) else {
        return Ok(Redirect::to(&format!("/admin/users/{}?done=invited", user.id)).into_response());
    };
    let mut errors = FormErrors::new();
    errors.insert("invite", page.tr(&why));
    render(
        &page,
        &me,
        &user,
        None,
        None,
        errors,
        Typed::default(),
        status,
    )
    .await
}
