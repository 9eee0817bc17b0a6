//! The platform console's tenants: create one with its first admin (`/platform/tenants/new`,
//! `POST /platform/tenants`), edit one (`/platform/tenants/{slug}`), suspend and resume it.
//! One file per action; here, what they share: the platform-host check, the domains field
//! and how a change reaches every node at once.

mod create;
mod edit;
mod status;

pub(crate) use create::{create, new_form};
pub(crate) use edit::{save, show, show_refusal, tenant_at};
pub(crate) use status::{resume, suspend};

use atelier_domain::host::HostNameError;
use atelier_domain::{msg, HostName, Msg, TenantId};

use crate::pages::Page;
use crate::tenancy::Site;
use crate::{AppError, AppState};

/// The console lives on the platform host only; elsewhere its routes are not found.
pub(crate) fn platform_only(page: &Page) -> Result<(), AppError> {
    match page.site {
        Site::Platform => Ok(()),
        Site::Tenant(_) => Err(AppError::NotFound),
    }
}

/// After a tenant or its domains changed: every cached lookup on this node goes (a new
/// domain may be remembered as unknown), and the other nodes are told to forget theirs.
pub(crate) async fn tenants_changed(state: &AppState) {
    state.tenants.changed().await;
}

/// Why a host name is refused, in words.
fn host_problem(line: &str, e: &HostNameError) -> Msg {
    let domain = line.to_owned();
    match e {
        HostNameError::Empty | HostNameError::InvalidLabel => {
            msg!("platform-console-domain-labels", domain = domain)
        }
        HostNameError::TooLong => msg!("platform-console-domain-too-long", domain = domain),
        HostNameError::InvalidCharacter => {
            msg!("platform-console-domain-characters", domain = domain)
        }
    }
}

/// The domains field (one per line) as host names: each well formed, a name on the public
/// internet (not the platform's own names), listed once, and held by no other tenant than
/// `this` (the one being edited). Every problem is returned, each naming its domain.
pub(crate) async fn parse_domains(
    page: &Page,
    raw: &str,
    this: Option<TenantId>,
) -> Result<Result<Vec<HostName>, String>, AppError> {
    let state = &page.state;
    let mut domains: Vec<HostName> = Vec::new();
    let mut problems: Vec<Msg> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let host = match HostName::parse(line) {
            Ok(host) => host,
            Err(e) => {
                problems.push(host_problem(line, &e));
                continue;
            }
        };
        let name = host.as_str().to_owned();
        let base = &state.settings.base_domain;
        if host == state.settings.platform_host
            || host == *base
            || name.ends_with(&format!(".{base}"))
        {
            problems.push(msg!("platform-console-domain-ours", domain = name));
        } else if !host.is_public_name() {
            problems.push(msg!("platform-console-domain-not-public", domain = name));
        } else if domains.contains(&host) {
            problems.push(msg!("platform-console-domain-twice", domain = name));
        } else if let Some(holder) = state
            .store
            .find_tenant_by_domain(&host)
            .await?
            .filter(|t| Some(t.id) != this)
        {
            problems.push(msg!(
                "platform-console-domain-taken",
                domain = name,
                site = holder.settings.name.as_str(),
                slug = holder.slug.as_str()
            ));
        } else {
            domains.push(host);
        }
    }
    if problems.is_empty() {
        Ok(Ok(domains))
    } else {
        let words: Vec<String> = problems.iter().map(|m| page.tr(m)).collect();
        Ok(Err(words.join(" ")))
    }
}
