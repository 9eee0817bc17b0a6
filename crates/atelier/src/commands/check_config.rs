//! `atelier check-config`: loads what `serve` would load (settings, themes, access policy,
//! model catalogue, tenant files) without touching the database, and says what is wrong.

use anyhow::bail;
use atelier::provision::{read_tenant_file, tenant_files};
use atelier_config::Settings;
use atelier_web::Themes;

/// Prints a summary of valid settings, or fails naming what is wrong (every broken tenant
/// file at once).
pub async fn check_config(settings: &Settings) -> anyhow::Result<()> {
    let themes = Themes::load(&settings.themes_dir, false)?;
    themes.check()?;
    atelier::catalogues_are_whole()?;
    atelier_web::AccessPolicy::load(&settings.rbac_model, &settings.rbac_policy).await?;
    let models = atelier_config::ModelCatalog::load(&settings.models)?;
    let mut problems = Vec::new();
    let files = tenant_files(&settings.tenants_dir)?;
    for path in &files {
        if let Err(e) = read_tenant_file(path, &themes) {
            problems.push(format!("{e:#}"));
        }
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    println!("Settings are valid.");
    println!("  listen          {}", settings.listen);
    println!("  database        {}", settings.database_url);
    println!("  data folder     {}", settings.data_dir.display());
    println!("  base domain     {}", settings.base_domain);
    println!("  platform host   {}", settings.platform_host);
    println!("  default tenant  {}", settings.default_tenant);
    println!("  themes          {}", themes.names().join(", "));
    println!("  tenant files    {}", files.len());
    println!(
        "  models          {}",
        models
            .models
            .iter()
            .map(atelier_config::Model::label)
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "  mail            {}",
        if settings.smtp_url.is_some() {
            "SMTP"
        } else {
            "written to the data folder"
        }
    );
    Ok(())
}
