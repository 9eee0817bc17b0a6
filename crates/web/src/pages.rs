//! The public pages of a site: landing, FAQ, privacy, terms, the brand stylesheet and the
//! theme's static files. Every page is rendered from the tenant's settings.

use atelier_domain::{
    CreditUnit, HostName, Lang, Msg, TenantSettings, IMAGE_SIDE_STEP, MIN_IMAGE_SIDE,
};
use std::sync::Arc;

use atelier_store::TenantSite;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;
use tower_http::services::ServeDir;

use crate::auth::SessionHandle;
use crate::routes::Routes;
use crate::tenancy::Site;
use crate::themes::DEFAULT_THEME;
use crate::{AppError, AppState};

/// The public pages; guarded like every page route.
pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/", home)
        .get("/faq", faq)
        .get("/privacy", privacy)
        .get("/terms", terms)
}

/// Static files and the brand stylesheet: public, outside the guard.
pub(crate) fn assets(state: &AppState) -> Routes {
    let mut routes = Routes::new()
        .get("/brand.css", brand_css)
        .get("/favicon.svg", favicon)
        .get("/brand/logo/{file}", crate::admin::serve_logo);
    let themes = state.themes.dir();
    let default_static = themes.join(DEFAULT_THEME).join("static");
    for name in state.themes.names() {
        let own = ServeDir::new(themes.join(name).join("static"))
            .fallback(ServeDir::new(&default_static));
        routes = routes.files(&format!("/static/{name}"), own);
    }
    routes.layer(axum::middleware::from_fn(static_cache_headers))
}

/// What a page handler needs to render: the state, the site, the session and the path.
pub(crate) struct Page {
    pub state: AppState,
    pub site: Site,
    pub session: SessionHandle,
    pub path: String,
    /// Whether the site sells credits (a UPI ID and a pack on sale): its "Buy" links show
    /// only then.
    pub sells_credits: bool,
    /// The reader's language (see [`crate::language`]).
    pub lang: Lang,
    /// On a tenant's site, the host the request came in on.
    pub served_host: Option<HostName>,
}

impl FromRequestParts<AppState> for Page {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let site = Site::from_request_parts(parts, state).await?;
        let session = SessionHandle::from_request_parts(parts, state).await?;
        let lang = crate::language::of_site(state, &site, session.user().as_ref(), &parts.headers);
        Ok(Page {
            state: state.clone(),
            sells_credits: sells_credits(state, &site).await?,
            site,
            session,
            path: parts.uri.path().to_owned(),
            lang,
            served_host: parts
                .extensions
                .get::<crate::tenancy::ServedHost>()
                .map(|h| h.0.clone()),
        })
    }
}

/// Whether `site` sells credits; the platform host sells none.
pub(crate) async fn sells_credits(state: &AppState, site: &Site) -> Result<bool, AppError> {
    match site {
        Site::Tenant(site) => Ok(state.tenants.sells_credits(&site.tenant).await?),
        Site::Platform => Ok(false),
    }
}

impl Page {
    pub fn render(
        &self,
        template: &str,
        extra: minijinja::Value,
    ) -> Result<Html<String>, AppError> {
        render(
            &self.state,
            &self.site,
            Some(&self.session),
            template,
            &self.path,
            self.lang,
            minijinja::context! { sells_credits => self.sells_credits, ..extra },
        )
    }

    /// A message in the reader's language, for text a handler puts on a page.
    pub fn tr(&self, message: &Msg) -> String {
        message.in_lang(self.lang)
    }

    /// Renders a page with a form: starts a session for the form token when needed.
    pub async fn render_form(
        &self,
        template: &str,
        extra: minijinja::Value,
    ) -> Result<Html<String>, AppError> {
        self.session.ensure_csrf_token(&self.state).await?;
        self.render(template, extra)
    }

    /// The tenant of a tenant site; on the platform host the page does not exist.
    pub fn tenant(&self) -> Result<&Arc<TenantSite>, AppError> {
        match &self.site {
            Site::Tenant(site) => Ok(site),
            Site::Platform => Err(AppError::NotFound),
        }
    }
}

/// Versioned asset URLs (`?v=`) never change content, so browsers may keep them a year;
/// anything else under /static is revalidated hourly.
async fn static_cache_headers(request: Request, next: Next) -> Response {
    let is_static = request.uri().path().starts_with("/static/");
    let versioned = request
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p.starts_with("v=")));
    let mut response = next.run(request).await;
    if is_static && response.status().is_success() {
        let value = if versioned {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=3600"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// The tenant as templates see it.
#[derive(Serialize)]
struct TenantView<'a> {
    slug: &'a str,
    name: &'a str,
    tagline: &'a str,
    legal_name: &'a str,
    logo_url: &'a str,
    theme: &'a str,
    credit: &'a CreditUnit,
    signup_bonus: i64,
    max_image_side: i64,
    min_image_side: i64,
    size_step: i64,
    support_email: &'a str,
    support_whatsapp: &'a str,
    white_label_offer: bool,
}

impl<'a> TenantView<'a> {
    fn new(slug: &'a str, s: &'a TenantSettings) -> Self {
        Self {
            slug,
            name: &s.name,
            tagline: &s.tagline,
            legal_name: &s.legal_name,
            logo_url: &s.logo_url,
            theme: s.theme.as_str(),
            credit: &s.credit,
            signup_bonus: s.signup_bonus,
            max_image_side: s.max_image_side,
            min_image_side: MIN_IMAGE_SIDE,
            size_step: IMAGE_SIDE_STEP,
            support_email: &s.support_email,
            support_whatsapp: &s.support_whatsapp,
            white_label_offer: s.white_label_offer,
        }
    }
}

/// The platform host is branded as the platform itself, in the default theme.
fn platform_settings(state: &AppState) -> TenantSettings {
    TenantSettings::platform_defaults(&state.settings.platform_name)
}

/// The signed-in account as templates see it.
#[derive(Serialize)]
struct UserView<'a> {
    email: &'a str,
    name: &'a str,
    role: &'a str,
    balance: i64,
    held: i64,
    available: i64,
    email_verified: bool,
    bonus_pending: bool,
}

/// Renders a page of `site` with the context every template may use, plus `extra`.
pub(crate) fn render(
    state: &AppState,
    site: &Site,
    session: Option<&SessionHandle>,
    template: &str,
    current_path: &str,
    lang: Lang,
    extra: minijinja::Value,
) -> Result<Html<String>, AppError> {
    let user = session.and_then(SessionHandle::user);
    let user_view = user.as_ref().map(|u| UserView {
        email: u.email.as_str(),
        name: &u.name,
        role: u.role.as_str(),
        balance: u.balance.get(),
        held: u.held.get(),
        available: u.available().get(),
        email_verified: u.email_verified,
        bonus_pending: u.bonus_pending,
    });
    let csrf_token = session
        .and_then(SessionHandle::csrf_token)
        .unwrap_or_default();
    let platform;
    let (slug, settings, version) = match site {
        Site::Tenant(site) => (
            site.tenant.slug.as_str(),
            &site.tenant.settings,
            site.tenant.updated_at.millis(),
        ),
        Site::Platform => {
            platform = platform_settings(state);
            ("platform", &platform, 0)
        }
    };
    let rules = state.tenants.rules();
    // What an image costs on this site: its cheapest model's price.
    let credit_cost = state
        .models
        .current()
        .offered(&settings.enabled_models)
        .map(|m| settings.model_cost(&m.id, m.job_cost()))
        .min()
        .unwrap_or_else(|| atelier_domain::job_cost(None));
    let ctx = minijinja::context! {
        tenant => TenantView::new(slug, settings),
        jobs => minijinja::context! {
            deadline_minutes => rules.deadline_minutes(),
            retries => rules.retries(),
            attempts => rules.max_attempts,
            credit_cost => credit_cost.get(),
        },
        platform_name => &state.settings.platform_name,
        is_platform => matches!(site, Site::Platform),
        brand_css_url => minijinja::Value::from_safe_string(format!("/brand.css?v={version}")),
        favicon_url => minijinja::Value::from_safe_string(format!("/favicon.svg?v={version}")),
        current_path => current_path,
        languages => crate::language::menu(settings, lang),
        year => state.clock.now().year(),
        user => user_view,
        csrf_token => csrf_token,
        ..extra
    };
    let body = state
        .themes
        .render(settings.theme.as_str(), template, ctx, lang)?;
    Ok(Html(body))
}

async fn home(page: Page, headers: axum::http::HeaderMap) -> Result<Html<String>, AppError> {
    match page.site {
        Site::Tenant(_) => page.render("landing.html", minijinja::context! {}),
        Site::Platform => {
            // Scheme-relative and on the port the visitor used, so it works behind TLS
            // and on a developer's :8080 alike.
            let port = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .and_then(|h| h.rsplit_once(':'))
                .map(|(_, p)| p)
                .filter(|p| p.chars().all(|c| c.is_ascii_digit()))
                .map(|p| format!(":{p}"))
                .unwrap_or_default();
            let settings = &page.state.settings;
            let demo_url = format!(
                "//{}.{}{port}/",
                settings.default_tenant, settings.base_domain
            );
            page.render("platform.html", minijinja::context! { demo_url })
        }
    }
}

async fn faq(page: Page) -> Result<Html<String>, AppError> {
    page.tenant()?;
    page.render("faq.html", minijinja::context! {})
}

async fn privacy(page: Page) -> Result<Html<String>, AppError> {
    page.tenant()?;
    page.render("privacy.html", minijinja::context! {})
}

async fn terms(page: Page) -> Result<Html<String>, AppError> {
    page.tenant()?;
    page.render("terms.html", minijinja::context! {})
}

/// The settings a site is drawn with: its tenant's, or the platform host's own.
fn site_settings<'a>(state: &AppState, site: &'a Site) -> std::borrow::Cow<'a, TenantSettings> {
    match site {
        Site::Tenant(site) => std::borrow::Cow::Borrowed(&site.tenant.settings),
        Site::Platform => std::borrow::Cow::Owned(platform_settings(state)),
    }
}

/// The tenant's colours as CSS custom properties: a stylesheet rather than inline style,
/// so the content security policy can forbid inline styles.
async fn brand_css(State(state): State<AppState>, site: Site) -> Response {
    let settings = site_settings(&state, &site);
    let css = format!(
        ":root {{\n  --brand-primary: {};\n  --brand-primary-contrast: {};\n  --brand-accent: {};\n  --brand-accent-contrast: {};\n}}\n",
        settings.color_primary,
        settings.color_primary.readable_text(),
        settings.color_accent,
        settings.color_accent.readable_text(),
    );
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            // The page links it with ?v=<last change>, so a change is seen at once.
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        css,
    )
        .into_response()
}

/// The site's own icon: its initial on its primary colour (a site with a logo uses the
/// logo instead; `base.html` chooses).
async fn favicon(State(state): State<AppState>, site: Site) -> Response {
    let settings = site_settings(&state, &site);
    let initial: String = settings
        .name
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_else(|| "A".to_owned());
    // The initial is a letter or digit, so it needs no escaping in the SVG.
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">\
         <rect width=\"64\" height=\"64\" rx=\"14\" fill=\"{bg}\"/>\
         <text x=\"32\" y=\"43\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\" \
         font-size=\"34\" font-weight=\"700\" fill=\"{fg}\">{initial}</text></svg>",
        bg = settings.color_primary,
        fg = settings.color_primary.readable_text(),
    );
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        svg,
    )
        .into_response()
}

pub(crate) async fn not_found(uri: axum::http::Uri) -> Response {
    crate::error::not_found_at(uri.path())
}
