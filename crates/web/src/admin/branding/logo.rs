//! The site's logo: uploaded as a file (multipart; a PNG, JPEG or WebP, checked and cleaned
//! into a PNG by `atelier_media::clean_logo`), removed, and served from the data folder under a name of
//! its own, so its address can be cached for a year and a new logo gets a new one.

use std::io::ErrorKind;

use atelier_domain::{msg, TenantSettings};
use atelier_media::LogoError;
use atelier_store::SettingsChange;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::{render_saved, Notice};
use crate::admin::audit_actor;
use crate::auth::{check_form_token, ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::routes::Routes;
use crate::tenancy::Site;
use crate::{AppError, AppState};

/// Where the logo is posted.
const LOGO_PATH: &str = "/admin/branding/logo";
/// Where a stored logo is served, followed by its id and `.png`.
const SERVED_AT: &str = "/brand/logo/";
/// The file's field in the form.
const FILE_FIELD: &str = "logo";
/// The most of an upload read. A file a few times larger than a logo may be is still read
/// to its end (and dropped), so the admin gets the form back with a message rather than a
/// connection cut off mid-upload.
const UPLOAD_LIMIT_BYTES: usize = 4 * atelier_media::LOGO_MAX_BYTES;

pub(super) fn routes() -> Routes {
    // The upload's own cap is set where every body is capped (`crate::layers`), by
    // [`upload_limit`]; axum's default cap for extractors would otherwise apply too.
    let upload = Routes::new()
        .post(LOGO_PATH, upload)
        .layer(DefaultBodyLimit::disable());
    Routes::new()
        .merge(upload)
        .post("/admin/branding/logo/remove", remove)
}

/// The body limit of a request that uploads a logo, larger than the general one.
pub(crate) fn upload_limit(method: &Method, path: &str) -> Option<usize> {
    (*method == Method::POST && path == LOGO_PATH).then_some(UPLOAD_LIMIT_BYTES)
}

/// The file as it arrived.
enum File {
    Missing,
    Received(Vec<u8>),
    /// Larger than a logo may be; its bytes were dropped.
    TooLarge,
    /// The body ended early or could not be read as a form.
    Broken,
}

/// Reads the form token and the file: multipart as the form sends it, else a url-encoded
/// form, which has a token but no file.
async fn read(request: Request) -> (String, File) {
    let is_multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/")
        });
    if !is_multipart {
        let Ok(body) = axum::body::to_bytes(request.into_body(), UPLOAD_LIMIT_BYTES).await else {
            return (String::new(), File::Broken);
        };
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
        let token = pairs
            .into_iter()
            .find(|(k, _)| k == "csrf_token")
            .map(|(_, v)| v)
            .unwrap_or_default();
        return (token, File::Missing);
    }
    let Ok(mut multipart) = Multipart::from_request(request, &()).await else {
        return (String::new(), File::Broken);
    };
    let (mut token, mut file) = (String::new(), File::Missing);
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return (token, file),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return (String::new(), File::TooLarge)
            }
            Err(_) => return (String::new(), File::Broken),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let keep = match name.as_str() {
            FILE_FIELD => atelier_media::LOGO_MAX_BYTES,
            "csrf_token" => 256,
            _ => 0,
        };
        let (mut bytes, mut overflow) = (Vec::new(), false);
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    let room = keep.saturating_sub(bytes.len());
                    overflow |= chunk.len() > room;
                    bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                }
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return (String::new(), File::TooLarge)
                }
                Err(_) => return (String::new(), File::Broken),
            }
        }
        if name == FILE_FIELD {
            // A form without a chosen file still sends the field, empty.
            file = if overflow {
                File::TooLarge
            } else if bytes.is_empty() {
                File::Missing
            } else {
                File::Received(bytes)
            };
        } else if name == "csrf_token" {
            token = String::from_utf8_lossy(&bytes).into_owned();
        }
    }
}

/// The id of a logo this site stored, from its address.
fn stored_logo(url: &str) -> Option<Uuid> {
    let id = url.strip_prefix(SERVED_AT)?.strip_suffix(".png")?;
    Uuid::try_parse(id).ok()
}

/// The page again with a problem next to the logo's field.
async fn refused(page: &Page, message: String) -> Result<Response, AppError> {
    let notice = Notice {
        done: String::new(),
        logo_error: Some(message),
    };
    render_saved(page, notice, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// Sets the site's logo address to `url` (empty: none), audited; the address it had.
async fn set_logo_url(
    page: &Page,
    me: &atelier_domain::User,
    ip: ClientIp,
    url: String,
) -> Result<String, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let apply = move |s: &mut TenantSettings| s.logo_url.clone_from(&url);
    let change = SettingsChange {
        action: "tenant.branding",
        apply: &apply,
        describe: TenantSettings::describe_branding,
    };
    let now = page.state.clock.now();
    let (before, _) = page
        .state
        .store
        .change_tenant_settings(tenant, &change, &audit_actor(me, ip), now)
        .await?;
    page.state.tenants.forget_tenant(tenant).await;
    Ok(before.logo_url)
}

/// Removes the file of a logo no longer shown, when it is one this site stored.
async fn forget_file(page: &Page, old_url: &str) -> Result<(), AppError> {
    if let Some(old) = stored_logo(old_url) {
        let tenant = page.tenant()?.tenant.id;
        page.state.storage.remove_logo(tenant, old).await;
    }
    Ok(())
}

pub(crate) async fn upload(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    request: Request,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let (token, file) = read(request).await;
    let max_kb = atelier_media::LOGO_MAX_BYTES / 1024;
    let bytes = match file {
        // Nothing is acted on, so the token need not be read.
        File::TooLarge => {
            return refused(
                &page,
                page.tr(&msg!("admin-branding-logo-too-large", kb = max_kb)),
            )
            .await
        }
        File::Broken => return refused(&page, page.tr(&msg!("admin-branding-logo-broken"))).await,
        File::Missing => {
            check_form_token(page.session.csrf_token().as_deref(), &token)?;
            return refused(&page, page.tr(&msg!("admin-branding-logo-missing"))).await;
        }
        File::Received(bytes) => {
            check_form_token(page.session.csrf_token().as_deref(), &token)?;
            bytes
        }
    };
    let id = match page.state.storage.store_logo(tenant, bytes).await {
        Ok(id) => id,
        Err(LogoError::Io(e)) => return Err(AppError::Internal(e.to_string())),
        Err(LogoError::TooLarge) => {
            return refused(
                &page,
                page.tr(&msg!("admin-branding-logo-too-large", kb = max_kb)),
            )
            .await
        }
        Err(LogoError::NotAccepted) => {
            return refused(&page, page.tr(&msg!("admin-branding-logo-not-accepted"))).await;
        }
        Err(LogoError::Unreadable(why)) => {
            tracing::info!(reason = %why, "a logo upload could not be read");
            return refused(&page, page.tr(&msg!("admin-branding-logo-unreadable"))).await;
        }
        Err(LogoError::TooManyPixels { width, height }) => {
            let side = atelier_media::LOGO_MAX_SIDE;
            let said = msg!(
                "admin-branding-logo-too-wide",
                // Pixel counts as sides are written, "1024" rather than "1,024".
                width = width.to_string(),
                height = height.to_string(),
                side = side.to_string()
            );
            return refused(&page, page.tr(&said)).await;
        }
    };
    let url = format!("{SERVED_AT}{}.png", id.simple());
    let old = match set_logo_url(&page, &me, ip, url).await {
        Ok(old) => old,
        Err(e) => {
            page.state.storage.remove_logo(tenant, id).await;
            return Err(e);
        }
    };
    forget_file(&page, &old).await?;
    tracing::info!(admin = %me.id, "site logo changed");
    Ok(Redirect::to("/admin/branding?done=logo").into_response())
}

pub(crate) async fn remove(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let old = set_logo_url(&page, &me, ip, String::new()).await?;
    forget_file(&page, &old).await?;
    tracing::info!(admin = %me.id, "site logo removed");
    Ok(Redirect::to("/admin/branding?done=logo-removed").into_response())
}

/// Serves a logo this site stored. Its address names it for good, so browsers keep it a
/// year; it is sent as nothing but a PNG, and opened on its own it runs nothing.
pub(crate) async fn serve_logo(
    State(state): State<AppState>,
    site: Site,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let Site::Tenant(site) = site else {
        return Err(AppError::NotFound);
    };
    let id = stored_logo(&format!("{SERVED_AT}{file}")).ok_or(AppError::NotFound)?;
    let bytes = match tokio::fs::read(state.storage.logo_path(site.tenant.id, id)).await {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::Internal(e.to_string())),
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, "image/png"),
        (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        ),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    Ok(response)
}
