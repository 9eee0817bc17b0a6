use atelier_domain::ImageId;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::status::may_view;
use crate::auth::CurrentUser;
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ImageQuery {
    download: Option<String>,
}

/// "pixelforge-a-lighthouse-at-dusk-0190b2c4.png": readable, and made only of safe characters.
fn download_name(slug: &str, prompt: &str, id: ImageId) -> String {
    let words: Vec<String> = prompt
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_ascii_lowercase)
        .collect();
    let short_id: String = id.0.simple().to_string().chars().take(8).collect();
    if words.is_empty() {
        format!("{slug}-{short_id}.png")
    } else {
        format!("{slug}-{}-{short_id}.png", words.join("-"))
    }
}

async fn serve(
    page: Page,
    user: atelier_domain::User,
    id: ImageId,
    thumb: bool,
    download: bool,
) -> Result<Response, AppError> {
    let site = page.tenant()?;
    let state = &page.state;
    let record = state
        .store
        .find_image(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if record.tenant_id != site.tenant.id || !may_view(&user, record.tenant_id, record.user_id) {
        return Err(AppError::NotFound);
    }
    let path = if thumb {
        state
            .storage
            .thumb_path(record.tenant_id, id, record.width, record.height)
    } else {
        state.storage.image_path(record.tenant_id, id)
    };
    let bytes = tokio::fs::read(&path).await.map_err(|e| {
        tracing::error!(image = %id, error = %e, "a recorded image is missing from storage");
        AppError::NotFound
    })?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    // Opened on its own ("Open full size"), the browser shows the image in a page of its
    // own making, whose inline styles the site's policy would block (a blank-styled view):
    // an image gets a policy for an image.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        ),
    );
    if download {
        let prompt = state
            .find_job(record.tenant_id, None, record.job_id)
            .await?
            .map(|j| j.prompt)
            .unwrap_or_default();
        let name = download_name(site.tenant.slug.as_str(), &prompt, id);
        if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    Ok(response)
}

pub(crate) async fn full(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<ImageId>,
    PageQuery(query): PageQuery<ImageQuery>,
) -> Result<Response, AppError> {
    let download = query
        .download
        .as_deref()
        .is_some_and(|d| d == "1" || d == "true");
    serve(page, user, id, false, download).await
}

pub(crate) async fn thumb(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<ImageId>,
) -> Result<Response, AppError> {
    serve(page, user, id, true, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_are_readable_and_safe() {
        let id = ImageId(uuid::Uuid::nil());
        assert_eq!(
            download_name(
                "pixelforge",
                "A lighthouse, at dusk! \"quoted\" ../../etc",
                id
            ),
            "pixelforge-a-lighthouse-at-dusk-quoted-etc-00000000.png"
        );
        assert_eq!(download_name("demo", "🙂", id), "demo-00000000.png");
    }
}
