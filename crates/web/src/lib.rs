//! Atelier's HTTP face: tenancy by host, themed pages, and the middleware every response
//! passes through. Handlers never hold a pool or write SQL; they call the store.

mod error;
mod health;
mod layers;
mod pages;
mod tenancy;
mod themes;

use std::sync::Arc;

use atelier_config::Settings;
use atelier_domain::Clock;
use atelier_store::Store;
use axum::Router;

pub use error::AppError;
pub use tenancy::{CurrentTenant, Resolution, Site, TenantDirectory};
pub use themes::{ThemeError, Themes};

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub settings: Arc<Settings>,
    pub tenants: TenantDirectory,
    pub themes: Arc<Themes>,
    pub clock: Arc<dyn Clock>,
}

impl AppState {
    pub fn new(store: Store, settings: Settings, themes: Themes, clock: Arc<dyn Clock>) -> Self {
        let settings = Arc::new(settings);
        let tenants = TenantDirectory::new(store.clone(), settings.clone(), clock.clone());
        Self {
            store,
            settings,
            tenants,
            themes: Arc::new(themes),
            clock,
        }
    }
}

/// The whole application: every route with every layer.
pub fn router(state: AppState) -> Router {
    let site = pages::router(&state)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::render_error_pages,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            tenancy::resolve_site,
        ));
    let app = health::router().merge(site).with_state(state.clone());
    layers::apply(app, &state.settings)
}
