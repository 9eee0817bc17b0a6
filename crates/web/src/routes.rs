//! The route table. Every feature registers its routes through [`Routes`], which writes
//! down each (method, path) as it adds it to the router, so [`crate::routes`] lists exactly
//! what [`crate::router`] serves: the role matrix test walks that list and cannot drift
//! from the router.

use std::convert::Infallible;

use axum::extract::Request;
use axum::handler::Handler;
use axum::http::Method;
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, Route};
use axum::Router;
use tower::{Layer, Service};

use crate::AppState;

/// Who decides whether a route may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The access guard asks the Casbin policy (`config/rbac_policy.csv`).
    Policy,
    /// Open to everyone on any site: probes, the brand stylesheet, theme files.
    Public,
}

/// One method on one path, in the router's own syntax (`/jobs/{id}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedRoute {
    pub method: Method,
    pub path: String,
    pub access: Access,
}

/// A router that remembers what it serves. Built only through these methods, so nothing
/// is served that is not listed.
pub(crate) struct Routes {
    router: Router<AppState>,
    served: Vec<(Method, String)>,
}

impl Routes {
    pub(crate) fn new() -> Self {
        Self {
            router: Router::new(),
            served: Vec::new(),
        }
    }

    /// `handler` for GET (and so HEAD, which axum answers from the GET handler) on `path`.
    pub(crate) fn get<H, T>(self, path: &str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(
            path,
            &[Method::GET, Method::HEAD],
            axum::routing::get(handler),
        )
    }

    /// `handler` for POST on `path`. A path may have both a `get` and a `post`.
    pub(crate) fn post<H, T>(self, path: &str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(path, &[Method::POST], axum::routing::post(handler))
    }

    fn add(mut self, path: &str, methods: &[Method], route: MethodRouter<AppState>) -> Self {
        self.router = self.router.route(path, route);
        self.served
            .extend(methods.iter().map(|m| (m.clone(), path.to_owned())));
        self
    }

    /// A read-only file service (GET and HEAD) for everything under `prefix`, listed as
    /// `{prefix}/{*path}`.
    pub(crate) fn files<T>(mut self, prefix: &str, service: T) -> Self
    where
        T: Service<Request, Error = Infallible> + Clone + Send + Sync + 'static,
        T::Response: IntoResponse,
        T::Future: Send + 'static,
    {
        self.router = self.router.nest_service(prefix, service);
        let path = format!("{prefix}/{{*path}}");
        self.served.push((Method::GET, path.clone()));
        self.served.push((Method::HEAD, path));
        self
    }

    pub(crate) fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self.served.extend(other.served);
        self
    }

    /// Wraps every route added so far in `layer` (see [`Router::layer`]).
    pub(crate) fn layer<L>(mut self, layer: L) -> Self
    where
        L: Layer<Route> + Clone + Send + Sync + 'static,
        L::Service: Service<Request> + Clone + Send + Sync + 'static,
        <L::Service as Service<Request>>::Response: IntoResponse + 'static,
        <L::Service as Service<Request>>::Error: Into<Infallible> + 'static,
        <L::Service as Service<Request>>::Future: Send + 'static,
    {
        self.router = self.router.layer(layer);
        self
    }

    /// What these routes serve, each decided by `access`.
    pub(crate) fn served(&self, access: Access) -> impl Iterator<Item = ServedRoute> + '_ {
        self.served.iter().map(move |(method, path)| ServedRoute {
            method: method.clone(),
            path: path.clone(),
            access,
        })
    }

    pub(crate) fn into_router(self) -> Router<AppState> {
        self.router
    }
}
