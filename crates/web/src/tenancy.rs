//! Which site a request is for, decided from its `Host` header:
//! a tenant's custom domain, then `{slug}.{base_domain}`, then the platform host, then
//! loopback names for the default tenant. Anything else is a plain 404 naming no tenant.

use std::sync::Arc;
use std::time::{Duration, Instant};

use atelier_config::Settings;
use atelier_domain::{msg, Clock, HostName, Lang, PlatformRules, Slug, TenantId, TenantStatus};
use atelier_store::{Actor, NewTenant, Store, StoreError, TenantSite};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use moka::Expiry;

use crate::platform_rules::RulesInForce;
use crate::{AppError, AppState};

/// What a host name leads to.
#[derive(Debug, Clone)]
pub enum Resolution {
    Tenant(Arc<TenantSite>),
    Platform,
    Unknown,
}

/// The site a request is for, placed in the request's extensions by [`resolve_site`].
#[derive(Debug, Clone)]
pub enum Site {
    Tenant(Arc<TenantSite>),
    Platform,
}

impl<S: Send + Sync> FromRequestParts<S> for Site {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Site>()
            .cloned()
            .ok_or(AppError::NotFound)
    }
}

/// The host a tenant's request came in on: one that resolves to that tenant (its sub-domain,
/// one of its domains, or a loopback name for the default tenant), never an arbitrary
/// `Host`. Links a person asks for by mail (a reset, a confirmation) go back to it, so they
/// work wherever the site already works for them.
#[derive(Debug, Clone)]
pub(crate) struct ServedHost(pub HostName);

/// Unknown hosts are remembered briefly, so a flood of made-up names does not reach the
/// database, yet a domain added on another node starts working quickly.
const UNKNOWN_HOST_TTL: Duration = Duration::from_secs(5);

struct ResolutionExpiry {
    ttl: Duration,
}

impl Expiry<HostName, Resolution> for ResolutionExpiry {
    fn expire_after_create(
        &self,
        _: &HostName,
        value: &Resolution,
        _: Instant,
    ) -> Option<Duration> {
        Some(match value {
            Resolution::Unknown => self.ttl.min(UNKNOWN_HOST_TTL),
            _ => self.ttl,
        })
    }
}

/// Resolves hosts to sites, with a cache that a change clears at once on this node
/// ([`TenantDirectory::changed`], [`TenantDirectory::forget_tenant`]); the other nodes are
/// told through PostgreSQL, with their entries' expiry (`http.tenant_cache_ttl_secs`) as the
/// fallback.
#[derive(Clone)]
pub struct TenantDirectory {
    store: Store,
    settings: Arc<Settings>,
    clock: Arc<dyn Clock>,
    cache: moka::future::Cache<HostName, Resolution>,
    /// Whether each tenant has a pack on sale: every page asks (its "Buy" links show only
    /// then), so it is remembered like the tenant itself.
    packs_on_sale: moka::future::Cache<TenantId, bool>,
    /// The platform's rules: each site's size limit follows them.
    rules: RulesInForce,
}

impl TenantDirectory {
    pub fn new(store: Store, settings: Arc<Settings>, clock: Arc<dyn Clock>) -> Self {
        let ttl = Duration::from_secs(settings.http.tenant_cache_ttl_secs);
        let cache = moka::future::Cache::builder()
            .max_capacity(10_000)
            .expire_after(ResolutionExpiry { ttl })
            .build();
        let packs_on_sale = moka::future::Cache::builder()
            .max_capacity(10_000)
            .time_to_live(ttl)
            .build();
        let file_rules =
            PlatformRules::from_file(settings.jobs.deadline_secs, settings.jobs.max_attempts);
        Self {
            settings,
            clock,
            cache,
            packs_on_sale,
            rules: RulesInForce::new(store.clone(), file_rules),
            store,
        }
    }

    /// The platform's rules in force on this node.
    pub fn rules(&self) -> PlatformRules {
        self.rules.get()
    }

    /// Reads the platform's rules again; when they changed, forgets the cached sites, whose
    /// size limits follow them. Whether they changed.
    pub async fn reload_rules(&self) -> Result<bool, StoreError> {
        let changed = self.rules.reload().await?;
        if changed {
            self.invalidate();
        }
        Ok(changed)
    }

    /// Saves new platform rules (with their audit row), puts them in force here at once and
    /// tells the other nodes.
    pub async fn save_rules(&self, new: &PlatformRules, actor: &Actor) -> Result<(), StoreError> {
        self.store
            .save_platform_rules(new, &self.rules.file(), actor, self.clock.now())
            .await?;
        self.reload_rules().await?;
        self.changed().await;
        Ok(())
    }

    /// Whether `tenant` sells credits: it has a UPI ID to be paid at and at least one pack on
    /// sale. Pages show their "Buy" links only then.
    pub async fn sells_credits(&self, tenant: &atelier_domain::Tenant) -> Result<bool, StoreError> {
        if crate::payments::upi_payee(&tenant.settings).is_none() {
            return Ok(false);
        }
        let id = tenant.id;
        let store = &self.store;
        self.packs_on_sale
            .try_get_with(id, async move {
                Ok::<_, StoreError>(!store.list_packs(id, true).await?.is_empty())
            })
            .await
            .map_err(|e| StoreError::Corrupt(format!("pack lookup failed: {e}")))
    }

    pub async fn resolve(&self, host: &HostName) -> Result<Resolution, StoreError> {
        self.cache
            .try_get_with_by_ref(host, self.look_up(host))
            .await
            .map_err(|e| StoreError::Corrupt(format!("tenant lookup failed: {e}")))
    }

    async fn look_up(&self, host: &HostName) -> Result<Resolution, StoreError> {
        if let Some(tenant) = self.store.find_tenant_by_domain(host).await? {
            return self.site(tenant).await;
        }
        if let Some(label) = host.subdomain_of(&self.settings.base_domain) {
            if let Ok(slug) = Slug::parse(label) {
                if let Some(tenant) = self.store.find_tenant_by_slug(&slug).await? {
                    return self.site(tenant).await;
                }
            }
        }
        if *host == self.settings.platform_host {
            return Ok(Resolution::Platform);
        }
        if host.is_loopback() {
            if let Some(tenant) = self
                .store
                .find_tenant_by_slug(&self.settings.default_tenant)
                .await?
            {
                return self.site(tenant).await;
            }
        }
        Ok(Resolution::Unknown)
    }

    async fn site(&self, mut tenant: atelier_domain::Tenant) -> Result<Resolution, StoreError> {
        // The platform's size cap bounds the site's own maximum wherever it is read (pages,
        // the API, the FAQ); the stored value stays, so raising the cap brings it back.
        let settings = &mut tenant.settings;
        settings.max_image_side = self.rules().max_side(settings.max_image_side);
        let domains = self.store.tenant_domains(tenant.id).await?;
        Ok(Resolution::Tenant(Arc::new(TenantSite { tenant, domains })))
    }

    /// After a change to tenants made here: forgets the cached lookups on this node, and
    /// tells the other nodes to forget theirs (on PostgreSQL; the TTL stays as the fallback
    /// should the word be lost).
    pub async fn changed(&self) {
        self.invalidate();
        if let Err(e) = self.store.announce_tenant_change().await {
            tracing::warn!(error = %e, "other nodes were not told of a tenant change; they catch up within the cache's TTL");
        }
    }

    /// Forgets every cached lookup: after a change here, or when another node announces one.
    pub fn invalidate(&self) {
        self.cache.invalidate_all();
        self.packs_on_sale.invalidate_all();
    }

    /// Forgets what is remembered about one tenant (the lookups that lead to it, whether it
    /// sells credits), so its next request reads it afresh: called after each change to its
    /// packs or payee on this node; the other nodes are told to forget theirs.
    pub async fn forget_tenant(&self, id: TenantId) {
        if let Err(e) = self.store.announce_tenant_change().await {
            tracing::warn!(error = %e, "other nodes were not told of a tenant change; they catch up within the cache's TTL");
        }
        self.packs_on_sale.invalidate(&id).await;
        let hosts: Vec<Arc<HostName>> = self
            .cache
            .iter()
            .filter(|(_, resolution)| {
                matches!(resolution, Resolution::Tenant(site) if site.tenant.id == id)
            })
            .map(|(host, _)| host)
            .collect();
        for host in hosts {
            self.cache.invalidate(host.as_ref()).await;
        }
    }

    pub async fn create(&self, new: &NewTenant) -> Result<atelier_domain::Tenant, StoreError> {
        let tenant = self.store.create_tenant(new, self.clock.now()).await?;
        self.changed().await;
        Ok(tenant)
    }
}

/// The answer for a host that is no site of ours: the same few bytes whatever host or path
/// was asked, in the language the browser asks for.
fn unknown_host(headers: &axum::http::HeaderMap) -> Response {
    let lang = visitor_language(headers);
    let title = msg!("errors-no-site-title").in_lang(lang);
    let text = msg!("errors-no-site").in_lang(lang);
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        format!(
            "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
             <body><h1>{title}</h1><p>{text}</p></body></html>\n"
        ),
    )
        .into_response()
}

/// The language of a request that reaches no site: its browser's choice among every
/// language we ship, else English.
fn visitor_language(headers: &axum::http::HeaderMap) -> Lang {
    headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| atelier_i18n::negotiate(v, &Lang::ALL))
        .unwrap_or(Lang::En)
}

/// A plain-text 503 saying `message` in `lang`.
fn unavailable_text(message: &atelier_domain::Msg, lang: Lang) -> Response {
    let text = format!("{}\n", message.in_lang(lang));
    (StatusCode::SERVICE_UNAVAILABLE, text).into_response()
}

/// The request's host: the `Host` header, or the authority of an absolute URI (HTTP/2).
fn request_host(request: &Request) -> Option<HostName> {
    let raw = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| request.uri().authority().map(|a| a.as_str().to_owned()))?;
    HostName::from_header(&raw).ok()
}

/// Paths a suspended site still serves: what its "unavailable" page needs, and its workers.
fn served_while_suspended(path: &str) -> bool {
    // Its own workers still report on what they were rendering when it closed (a claim
    // finds none of its jobs while it is closed).
    path.starts_with("/static/")
        || path.starts_with("/api/worker/")
        || path == "/brand.css"
        || path == "/favicon.svg"
}

/// Middleware: resolves the site, or answers 404 (unknown host) or 503 (suspended tenant).
pub(crate) async fn resolve_site(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(host) = request_host(&request) else {
        return unknown_host(request.headers());
    };
    let site = match state.tenants.resolve(&host).await {
        Ok(Resolution::Tenant(site)) => site,
        Ok(Resolution::Platform) => {
            request.extensions_mut().insert(Site::Platform);
            return next.run(request).await;
        }
        Ok(Resolution::Unknown) => return unknown_host(request.headers()),
        Err(e) => {
            tracing::error!(error = %e, %host, "tenant resolution failed");
            let lang = visitor_language(request.headers());
            return unavailable_text(&msg!("errors-service-unavailable"), lang);
        }
    };
    let suspended = site.tenant.status == TenantStatus::Suspended;
    if suspended && !served_while_suspended(request.uri().path()) {
        return suspended_page(&state, site, request.uri().path(), request.headers());
    }
    request.extensions_mut().insert(ServedHost(host));
    request.extensions_mut().insert(Site::Tenant(site));
    next.run(request).await
}

fn suspended_page(
    state: &AppState,
    site: Arc<TenantSite>,
    path: &str,
    headers: &axum::http::HeaderMap,
) -> Response {
    let site = Site::Tenant(site);
    let lang = crate::language::of_site(state, &site, None, headers);
    match crate::pages::render(
        state,
        &site,
        None,
        "unavailable.html",
        path,
        lang,
        minijinja::context! {},
    ) {
        Ok(Html(body)) => {
            let mut response = (StatusCode::SERVICE_UNAVAILABLE, Html(body)).into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("3600"));
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "unavailable page failed to render");
            unavailable_text(&msg!("errors-unavailable-title"), lang)
        }
    }
}
