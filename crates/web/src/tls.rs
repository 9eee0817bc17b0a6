//! `GET /tls/ask?domain=…`: the question a TLS-terminating proxy asks before it fetches a
//! certificate on demand (Caddy's `on_demand_tls { ask … }`). Yes (200) only for a host an
//! active site answers on: a tenant's own domain or `{slug}.{base_domain}`, and the platform
//! host; no (404) for anything else, so nobody can make the proxy request certificates for
//! names that are not ours. It answers on any host, before tenancy, like the probes.

use atelier_domain::{HostName, TenantStatus};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;

use crate::routes::Routes;
use crate::tenancy::Resolution;
use crate::AppState;

pub(crate) fn router() -> Routes {
    Routes::new().get("/tls/ask", ask)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AskQuery {
    domain: String,
}

async fn ask(
    State(state): State<AppState>,
    Query(query): Query<AskQuery>,
) -> (StatusCode, &'static str) {
    let no = (StatusCode::NOT_FOUND, "no\n");
    let Ok(host) = HostName::from_header(query.domain.trim()) else {
        return no;
    };
    // Loopback names never get a public certificate.
    if host.is_loopback() {
        return no;
    }
    match state.tenants.resolve(&host).await {
        Ok(Resolution::Tenant(site)) if site.tenant.status == TenantStatus::Active => {
            // A tenant's own domain must be a name of the public internet (one listed in a
            // tenant file, or saved before the console checked, may not be); sub-domains of
            // the base domain are the operator's to choose.
            let under_base = host.subdomain_of(&state.settings.base_domain).is_some();
            if under_base || host.is_public_name() {
                (StatusCode::OK, "yes\n")
            } else {
                no
            }
        }
        Ok(Resolution::Platform) => (StatusCode::OK, "yes\n"),
        Ok(_) => no,
        Err(e) => {
            tracing::error!(error = %e, "the certificate question could not be answered");
            (StatusCode::SERVICE_UNAVAILABLE, "unavailable\n")
        }
    }
}
