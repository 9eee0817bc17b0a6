//! Declarative tenants: `tenants/*.toml` files create the tenants that are missing; after
//! that the database is the source of truth, and `atelier tenant export` writes one back.
//! A file's credit packs are given to its tenant only when this creates it: a tenant that
//! already exists is left as it is, packs included, even if it has none (its admins add
//! them on /admin/packs). Every file is still read and checked at each start: a file that
//! does not pass stops the start when its tenant would be created from it, and is only
//! warned about when the tenant exists (the rules may have grown stricter since).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use atelier_domain::{
    HostName, PackTerms, Paise, Slug, TenantSettings, TenantSettingsInput, TenantStatus,
};
use atelier_store::{NewTenant, Store, TenantSite};
use atelier_web::AppState;
use serde::{Deserialize, Serialize};

/// The shape of a tenant file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantFile {
    pub slug: String,
    #[serde(default)]
    pub status: TenantStatus,
    /// Custom domains, e.g. `["pixelforge.example", "www.pixelforge.example"]`.
    #[serde(default)]
    pub domains: Vec<String>,
    pub settings: TenantSettingsInput,
    /// The credit packs it sells, in the order buyers see them (`[[packs]]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packs: Vec<PackFile>,
}

/// One `[[packs]]` entry: `credits`, `price` in rupees as a string ("149.00"), and
/// `active = false` for a pack kept off sale (on sale when left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub credits: i64,
    pub price: String,
    #[serde(default = "on_sale", skip_serializing_if = "is_on_sale")]
    pub active: bool,
}

fn on_sale() -> bool {
    true
}

fn is_on_sale(active: &bool) -> bool {
    *active
}

/// A tenant file, checked: the tenant to create and the packs to give it.
#[derive(Debug, Clone)]
pub struct TenantPlan {
    pub tenant: NewTenant,
    /// Each pack's terms, and whether it is on sale.
    pub packs: Vec<(PackTerms, bool)>,
}

impl TenantFile {
    /// Checks every field; `origin` names the file in messages.
    pub fn parse(&self, origin: &str, themes: &atelier_web::Themes) -> anyhow::Result<TenantPlan> {
        let slug = Slug::parse(&self.slug).map_err(|e| anyhow::anyhow!("{origin}: {e}"))?;
        let settings = TenantSettings::parse(&self.settings).map_err(|errors| {
            let list: Vec<String> = errors.iter().map(|e| format!("settings.{e}")).collect();
            anyhow::anyhow!("{origin}: {}", list.join("; "))
        })?;
        if !themes.contains(settings.theme.as_str()) {
            bail!(
                "{origin}: settings.theme: there is no theme {:?} in {} (found: {})",
                settings.theme.as_str(),
                themes.dir().display(),
                themes.names().join(", ")
            );
        }
        let domains = self
            .domains
            .iter()
            .map(|d| {
                HostName::parse(d).map_err(|e| anyhow::anyhow!("{origin}: domains: {d:?}: {e}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let packs = self
            .packs
            .iter()
            .enumerate()
            .map(|(i, pack)| {
                let at = format!("{origin}: packs[{i}]");
                let price = Paise::parse_rupees(&pack.price)
                    .map_err(|message| anyhow::anyhow!("{at}.price: {message}"))?;
                let terms = PackTerms::new(pack.credits, price).map_err(|errors| {
                    let list: Vec<String> = errors
                        .iter()
                        .map(|e| format!("{at}.{}: {}", e.field, e.message))
                        .collect();
                    anyhow::anyhow!("{}", list.join("; "))
                })?;
                Ok((terms, pack.active))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(TenantPlan {
            tenant: NewTenant {
                slug,
                status: self.status,
                settings,
                domains,
            },
            packs,
        })
    }

    /// The file that creates `site` with `packs` again.
    pub fn from_site(site: &TenantSite, packs: &[atelier_store::Pack]) -> TenantFile {
        TenantFile {
            slug: site.tenant.slug.to_string(),
            status: site.tenant.status,
            domains: site.domains.iter().map(ToString::to_string).collect(),
            settings: site.tenant.settings.to_input(),
            packs: packs
                .iter()
                .map(|p| PackFile {
                    credits: p.terms.credits.get(),
                    price: p.terms.price.decimal(),
                    active: p.active,
                })
                .collect(),
        }
    }

    /// The file of the tenant `slug` as the database has it, with its packs; `None` when
    /// there is no such tenant.
    pub async fn export(store: &Store, slug: &Slug) -> anyhow::Result<Option<TenantFile>> {
        let Some(tenant) = store.find_tenant_by_slug(slug).await? else {
            return Ok(None);
        };
        let domains = store.tenant_domains(tenant.id).await?;
        let packs = store.list_packs(tenant.id, false).await?;
        Ok(Some(TenantFile::from_site(
            &TenantSite { tenant, domains },
            &packs,
        )))
    }
}

/// Reads and checks a tenant file.
pub fn read_tenant_file(path: &Path, themes: &atelier_web::Themes) -> anyhow::Result<TenantPlan> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {origin}"))?;
    let file: TenantFile = toml::from_str(&text).map_err(|e| anyhow::anyhow!("{origin}: {e}"))?;
    file.parse(&origin, themes)
}

/// The `*.toml` files of a folder, sorted; none when the folder does not exist.
pub fn tenant_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Creates the tenants of `dir` that do not exist yet, with their packs; leaves existing
/// ones untouched (the database is the source of truth once a tenant exists).
pub async fn provision_dir(state: &AppState, dir: &Path) -> anyhow::Result<()> {
    for path in tenant_files(dir)? {
        let plan = read_tenant_file(&path, &state.themes);
        // A file whose tenant exists is not applied; one that no longer passes the rules
        // must not keep every site from starting.
        let slug = match &plan {
            Ok(plan) => Some(plan.tenant.slug.clone()),
            Err(_) => std::fs::read_to_string(&path)
                .ok()
                .and_then(|text| toml::from_str::<TenantFile>(&text).ok())
                .and_then(|file| Slug::parse(&file.slug).ok()),
        };
        if let Some(slug) = &slug {
            if state.store.find_tenant_by_slug(slug).await?.is_some() {
                match &plan {
                    Err(e) => tracing::warn!(
                        %slug,
                        "the tenant exists, so its file is not applied; the file no longer passes the rules: {e:#}"
                    ),
                    Ok(_) => tracing::debug!(%slug, "tenant exists; its file is not applied again"),
                }
                continue;
            }
        }
        let TenantPlan { tenant: new, packs } = plan?;
        let tenant =
            state.tenants.create(&new).await.with_context(|| {
                format!("{}: cannot create tenant {}", path.display(), new.slug)
            })?;
        let made = state
            .store
            .seed_packs(tenant.id, &packs, state.clock.now())
            .await
            .with_context(|| {
                format!(
                    "{}: cannot create the packs of {}",
                    path.display(),
                    new.slug
                )
            })?;
        state.tenants.forget_tenant(tenant.id).await;
        tracing::info!(slug = %new.slug, file = %path.display(), packs = made, "tenant created from file");
    }
    Ok(())
}

/// Creates the tenant served on localhost when it does not exist, so a fresh start serves
/// a working site.
pub async fn ensure_default_tenant(state: &AppState) -> anyhow::Result<()> {
    let slug = state.settings.default_tenant.clone();
    if state.store.find_tenant_by_slug(&slug).await?.is_some() {
        return Ok(());
    }
    let settings = TenantSettings::parse(&TenantSettingsInput {
        name: "Atelier Demo".to_owned(),
        tagline: "Describe it in a sentence, watch it appear in seconds.".to_owned(),
        credit_name: "Credit".to_owned(),
        ..TenantSettingsInput::default()
    })
    .map_err(|e| anyhow::anyhow!("default tenant settings: {e:?}"))?;
    let new = NewTenant {
        slug: slug.clone(),
        status: TenantStatus::Active,
        settings,
        domains: Vec::new(),
    };
    match state.tenants.create(&new).await {
        Ok(_) => {
            tracing::info!(%slug, "default tenant created");
            Ok(())
        }
        // Another node created it at the same moment.
        Err(atelier_store::StoreError::Conflict(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}
