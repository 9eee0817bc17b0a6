use std::path::Path;

use atelier_domain::{Role, User};
use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use casbin::{CoreApi, DefaultModel, Enforcer, FileAdapter};

use crate::auth::SessionHandle;
use crate::tenancy::Site;
use crate::{AppError, AppState};

/// The access policy could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("access policy ({model} + {policy}): {message}")]
pub struct AccessError {
    model: String,
    policy: String,
    message: String,
}

/// The Casbin model and policy from `config/`: who may use which route. Read-only after
/// start, so requests consult it in parallel without a lock.
pub struct AccessPolicy {
    enforcer: Enforcer,
    /// Decisions depend only on (role, kind of site, route, method), a small finite set, and
    /// the policy does not change while the process runs: each is evaluated once.
    decisions: moka::sync::Cache<(String, String, String, String), bool>,
}

impl AccessPolicy {
    pub async fn load(model: &Path, policy: &Path) -> Result<AccessPolicy, AccessError> {
        let error = |message: String| AccessError {
            model: model.display().to_string(),
            policy: policy.display().to_string(),
            message,
        };
        let model_text = tokio::fs::read_to_string(model)
            .await
            .map_err(|e| error(e.to_string()))?;
        if !policy.exists() {
            return Err(error("the policy file does not exist".to_owned()));
        }
        let model = DefaultModel::from_str(&model_text)
            .await
            .map_err(|e| error(e.to_string()))?;
        let adapter = FileAdapter::new(policy.to_path_buf());
        let enforcer = Enforcer::new(model, adapter)
            .await
            .map_err(|e| error(e.to_string()))?;
        Ok(AccessPolicy {
            enforcer,
            decisions: moka::sync::Cache::new(10_000),
        })
    }

    /// Whether `role` may `method` the route `route` on a site of kind `site`.
    pub fn allows(&self, role: &str, site: &str, route: &str, method: &str) -> bool {
        let key = (
            role.to_owned(),
            site.to_owned(),
            route.to_owned(),
            method.to_owned(),
        );
        self.decisions.get_with(key, || {
            self.enforcer
                .enforce((role, site, route, method))
                .unwrap_or_else(|e| {
                    tracing::error!(error = %e, "access policy evaluation failed; refusing");
                    false
                })
        })
    }
}

/// The role a (possibly signed-out) visitor acts as on a site: an account's role applies on
/// its own tenant's site; super-admins act as super-admin everywhere.
pub(crate) fn role_on(site: &Site, user: Option<&User>) -> &'static str {
    let Some(user) = user else {
        return "anonymous";
    };
    match (site, user.role) {
        (_, Role::SuperAdmin) => "super_admin",
        (Site::Tenant(t), role) if user.tenant_id == Some(t.tenant.id) => role.as_str(),
        _ => "anonymous",
    }
}

pub(crate) fn site_kind(site: &Site) -> &'static str {
    match site {
        Site::Tenant(_) => "tenant",
        Site::Platform => "platform",
    }
}

/// The one guard: every routed page asks the policy. Signed-out visitors who are refused
/// are sent to sign in; signed-in ones get 403.
pub(crate) async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| request.uri().path().to_owned());
    let Some(site) = request.extensions().get::<Site>().cloned() else {
        return AppError::NotFound.into_response();
    };
    let user = request
        .extensions()
        .get::<SessionHandle>()
        .and_then(SessionHandle::user);
    let worker = request
        .extensions()
        .get::<crate::worker_api::WorkerIdentity>()
        .is_some();
    let role = if worker {
        "worker"
    } else {
        role_on(&site, user.as_ref())
    };
    // HEAD is a GET without the body (axum answers it from the GET handler): the policy
    // speaks of GET only.
    let method = match *request.method() {
        Method::HEAD => "GET",
        ref other => other.as_str(),
    };
    let kind = site_kind(&site);
    if state.access.allows(role, kind, &route, method) {
        return next.run(request).await;
    }
    let api = request.uri().path().starts_with("/api/");
    // A route that not even a super-admin may use on this kind of site does not exist
    // here (a tenant page asked of the platform host, say).
    // Workers are no accounts: the worker API's routes are granted to workers alone.
    let exists = |method: &str| {
        state.access.allows("super_admin", kind, &route, method)
            || state.access.allows("worker", kind, &route, method)
    };
    if !exists(method) {
        // An API route asked with a method it lacks: 405 with the methods the policy grants
        // it (`Allow`), answered here, so no handler ever runs for a method the policy does
        // not name. The API's layer turns it into its JSON error.
        let mut served: Vec<&str> = ["GET", "POST", "PUT", "PATCH", "DELETE"]
            .into_iter()
            .filter(|other| exists(other))
            .collect();
        if api && !served.is_empty() {
            if served.contains(&"GET") {
                served.push("HEAD");
            }
            return (
                axum::http::StatusCode::METHOD_NOT_ALLOWED,
                [(axum::http::header::ALLOW, served.join(", "))],
            )
                .into_response();
        }
        return crate::error::not_found_at(request.uri().path());
    }
    if crate::worker_api::is_worker_path(request.uri().path()) {
        return crate::worker_api::unauthorized().into_response();
    }
    if api {
        return if role == "anonymous" {
            crate::api::ApiError::unauthorized().into_response()
        } else {
            crate::api::ApiError::forbidden().into_response()
        };
    }
    if role == "anonymous" {
        let target = request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".to_owned());
        let next_param: String =
            serde_urlencoded::to_string([("next", target.as_str())]).unwrap_or_default();
        return Redirect::to(&format!("/login?{next_param}")).into_response();
    }
    AppError::Forbidden.into_response()
}
