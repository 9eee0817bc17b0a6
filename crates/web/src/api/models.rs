use axum::response::{IntoResponse, Response};
use axum::Json;

use super::{ApiError, ApiUser};
use crate::pages::Page;

/// The models this site offers, and the sizes it accepts.
pub(super) async fn models(page: Page, _: ApiUser) -> Result<Response, ApiError> {
    let settings = &page.tenant().map_err(ApiError::from)?.tenant.settings;
    let list: Vec<_> = page
        .state
        .models
        .current()
        .offered(&settings.enabled_models)
        .map(|m| {
            serde_json::json!({
                "id": m.id, "name": m.label_in(page.lang), "description": m.description_in(page.lang), "demo": m.is_demo(),
                "cost": settings.model_cost(&m.id, m.job_cost()).get(),
            })
        })
        .collect();
    Ok(Json(serde_json::json!({
        "models": list,
        "max_image_side": settings.max_image_side,
        "min_image_side": atelier_domain::MIN_IMAGE_SIDE,
        "size_step": atelier_domain::IMAGE_SIDE_STEP,
    }))
    .into_response())
}
