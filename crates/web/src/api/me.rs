use axum::response::{IntoResponse, Response};
use axum::Json;

use super::{ApiError, ApiUser};
use crate::pages::Page;

/// The token's account and its credits.
pub(super) async fn me(page: Page, ApiUser(user): ApiUser) -> Result<Response, ApiError> {
    let site = page.tenant().map_err(ApiError::from)?;
    // The token's account may be a moment old; balances must not be.
    let user = page
        .state
        .store
        .find_user(Some(site.tenant.id), user.id)
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
