//! Atelier's HTTP face: tenancy by host, themed pages, and the middleware every response
//! passes through. Handlers never hold a pool or write SQL; they call the store.
#![forbid(unsafe_code)]

mod accounts;
mod admin;
mod api;
mod auth;
mod cursor;
mod error;
mod health;
#[cfg(test)]
mod i18n_checks;
mod jobs;
mod language;
mod layers;
mod mail;
mod page_query;
mod pages;
mod path_id;
mod payments;
mod platform_rules;
mod routes;
mod tenancy;
mod themes;
mod tls;
mod when;
mod worker_api;

use std::sync::Arc;

use atelier_config::Models;
use atelier_config::Settings;
use atelier_domain::Clock;
use atelier_domain::JobId;
use atelier_mail::Mailer;
use atelier_media::ImageStorage;
use atelier_store::Store;
use axum::Router;
use routes::Routes;
use tokio::sync::{broadcast, Notify};

pub use auth::{
    AccessError, AccessPolicy, ApiTokenCache, ClientIp, FormKey, PasswordTurn, PasswordWork,
    SessionHandle, Throttles,
};
pub use error::AppError;
pub use health::{Shutdown, TaskHealth, TaskState};
pub use routes::{Access, ServedRoute};
pub use tenancy::{Resolution, Site, TenantDirectory};
pub use themes::{ThemeError, Themes};

/// What every handler can reach: one pointer, so the many clones a request makes (each
/// extractor takes its own) cost one counter each rather than one per field.
#[derive(Clone)]
pub struct AppState(Arc<StateParts>);

impl std::ops::Deref for AppState {
    type Target = StateParts;

    fn deref(&self) -> &StateParts {
        &self.0
    }
}

/// The parts of [`AppState`].
pub struct StateParts {
    pub store: Store,
    pub settings: Arc<Settings>,
    pub tenants: TenantDirectory,
    pub themes: Arc<Themes>,
    pub access: Arc<AccessPolicy>,
    pub throttles: Arc<Throttles>,
    /// Password hashing and checking, a few at a time (`limits.password_hashes_at_once`).
    pub password_work: PasswordWork,
    /// Signs signed-out visitors' form tokens (no session row for them).
    pub form_key: Arc<FormKey>,
    pub mailer: Mailer,
    /// The image models on offer; reloaded without a restart.
    pub models: Models,
    pub storage: ImageStorage,
    /// Wakes idle embedded workers when a job is queued on this node.
    pub queue_wake: Arc<Notify>,
    /// Wakes one remote worker's waiting claim (`/api/worker/v1/claim`) when a job is queued
    /// on this node.
    pub worker_wake: Arc<Notify>,
    /// Jobs that changed on this node, for live status pages.
    pub job_events: broadcast::Sender<JobId>,
    /// The jobs this node's live-status streams watch, kept current by one task.
    pub live: jobs::LiveJobs,
    /// API tokens' accounts, per site, for two seconds.
    pub api_tokens: auth::ApiTokenCache,
    /// Jobs that have ended (succeeded, failed, canceled), which never change again: status
    /// pages and API clients poll them, and this answers without the database.
    finished_jobs: moka::sync::Cache<JobId, Arc<atelier_domain::Job>>,
    /// How long a job took lately, read at most every few seconds: every queued job's
    /// estimate uses it, and it moves slowly.
    recent_render: moka::sync::Cache<(), Option<i64>>,
    /// The models some online worker takes for a site, read at most every few seconds.
    served_models: moka::sync::Cache<atelier_domain::TenantId, Arc<Vec<String>>>,
    pub clock: Arc<dyn Clock>,
    /// The supervised background tasks, for /readyz.
    pub tasks: TaskHealth,
    /// Requested when the node stops: ends live-status streams and background tasks.
    pub shutdown: Shutdown,
}

/// What [`AppState::new`] needs besides the store and settings.
pub struct Services {
    pub themes: Themes,
    pub access: AccessPolicy,
    pub mailer: Mailer,
    pub models: Models,
    pub clock: Arc<dyn Clock>,
}

impl AppState {
    pub fn new(store: Store, settings: Settings, services: Services) -> Self {
        let Services {
            themes,
            access,
            mailer,
            models,
            clock,
        } = services;
        let settings = Arc::new(settings);
        let live = jobs::LiveJobs::new(settings.limits.live_streams_per_user);
        let tenants = TenantDirectory::new(store.clone(), settings.clone(), clock.clone());
        Self(Arc::new(StateParts {
            store,
            throttles: Arc::new(Throttles::new(&settings.limits, clock.clone())),
            password_work: PasswordWork::from_settings(&settings.limits),
            form_key: Arc::new(FormKey::from_settings(&settings)),
            storage: ImageStorage::new(settings.data_dir.join("images")),
            settings,
            tenants,
            themes: Arc::new(themes),
            access: Arc::new(access),
            mailer,
            models,
            queue_wake: Arc::new(Notify::new()),
            worker_wake: Arc::new(Notify::new()),
            job_events: broadcast::channel(1024).0,
            live,
            api_tokens: auth::ApiTokenCache::default(),
            finished_jobs: moka::sync::Cache::builder()
                .max_capacity(20_000)
                .time_to_idle(std::time::Duration::from_secs(600))
                .build(),
            recent_render: moka::sync::Cache::builder()
                .time_to_live(std::time::Duration::from_secs(5))
                .build(),
            served_models: moka::sync::Cache::builder()
                .time_to_live(std::time::Duration::from_secs(5))
                .max_capacity(10_000)
                .build(),
            clock,
            tasks: TaskHealth::default(),
            shutdown: Shutdown::default(),
        }))
    }

    /// The average render time of the latest jobs, in milliseconds, for wait estimates;
    /// read again at most every 5 seconds.
    pub async fn recent_render_millis(&self) -> Result<Option<i64>, atelier_store::StoreError> {
        if let Some(ms) = self.recent_render.get(&()) {
            return Ok(ms);
        }
        let ms = self.store.recent_render_millis().await?;
        self.recent_render.insert((), ms);
        Ok(ms)
    }

    /// The models some worker that can take `tenant`'s jobs is online for: remote workers
    /// seen in the last minute, and this node's embedded workers (demo models, shared
    /// pool). Read at most every 5 s per site.
    pub async fn models_served(
        &self,
        tenant: atelier_domain::TenantId,
    ) -> Result<Arc<Vec<String>>, atelier_store::StoreError> {
        if let Some(served) = self.served_models.get(&tenant) {
            return Ok(served);
        }
        let since = atelier_domain::Timestamp(self.clock.now().millis() - 60_000);
        let (mut served, shared) = self.store.models_served_for(tenant, since).await?;
        if shared && self.settings.jobs.embedded_workers > 0 {
            served.extend(self.models.current().ids_for_backend("demo"));
            served.sort();
            served.dedup();
        }
        let served = Arc::new(served);
        self.served_models.insert(tenant, served.clone());
        Ok(served)
    }

    /// Forgets every ended job kept in memory (an account was deleted: its prompts are gone).
    pub fn forget_finished_jobs(&self) {
        self.finished_jobs.invalidate_all();
    }

    /// A job of `tenant`, and of `owner` when given; ended jobs come from memory.
    pub async fn find_job(
        &self,
        tenant: atelier_domain::TenantId,
        owner: Option<atelier_domain::UserId>,
        id: JobId,
    ) -> Result<Option<atelier_domain::Job>, atelier_store::StoreError> {
        let visible = |job: &atelier_domain::Job| {
            job.tenant_id == tenant && owner.is_none_or(|user| job.user_id == user)
        };
        if let Some(job) = self.finished_jobs.get(&id) {
            return Ok(visible(&job).then(|| job.as_ref().clone()));
        }
        // Read without the owner, so the job is kept for whoever asks next.
        let Some(job) = self.store.find_job(tenant, None, id).await? else {
            return Ok(None);
        };
        if !job.status.is_active() {
            self.finished_jobs.insert(id, Arc::new(job.clone()));
        }
        Ok(visible(&job).then_some(job))
    }
}

/// The application's routes in three parts, each behind its own layers.
struct RouteParts {
    /// Pages and the JSON API: every one decided by the access policy.
    guarded: Routes,
    /// The brand stylesheet and theme files: public on every site.
    assets: Routes,
    /// Health probes: public, on any host, before tenancy.
    probes: Routes,
}

fn route_parts(state: &AppState) -> RouteParts {
    RouteParts {
        guarded: pages::router()
            .merge(accounts::router())
            .merge(admin::router())
            .merge(jobs::router())
            .merge(payments::router())
            .merge(language::router())
            .merge(api::router())
            .merge(worker_api::router()),
        assets: pages::assets(state),
        probes: health::router().merge(tls::router()),
    }
}

/// Every (method, path) [`router`] serves, and who decides access to it.
pub fn routes(state: &AppState) -> Vec<ServedRoute> {
    let parts = route_parts(state);
    let guarded = parts.guarded.served(Access::Policy);
    let assets = parts.assets.served(Access::Public);
    let probes = parts.probes.served(Access::Public);
    guarded.chain(assets).chain(probes).collect()
}

/// The whole application: every route with every layer.
pub fn router(state: AppState) -> Router {
    use axum::middleware::{from_fn, from_fn_with_state};
    let parts = route_parts(&state);
    let guarded = parts
        .guarded
        .into_router()
        .route_layer(from_fn_with_state(state.clone(), auth::guard));
    let site = guarded
        .merge(parts.assets.into_router())
        .fallback(pages::not_found)
        .layer(from_fn(auth::same_origin_only))
        .layer(from_fn_with_state(state.clone(), error::render_error_pages))
        .layer(from_fn_with_state(state.clone(), api::in_readers_language))
        .layer(from_fn_with_state(state.clone(), auth::load_session))
        .layer(from_fn_with_state(state.clone(), tenancy::resolve_site))
        .layer(axum::middleware::map_response(layers::vary_by_reader));
    let app = parts
        .probes
        .into_router()
        .merge(site)
        .with_state(state.clone());
    layers::apply(app, &state.settings)
}
