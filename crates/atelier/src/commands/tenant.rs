//! `atelier tenant`: create, list, export tenants and name their admins, on the database
//! the settings point at (migrated first, so a fresh database works).

use std::path::PathBuf;

use anyhow::{bail, Context};
use atelier::provision::{read_tenant_file, TenantFile, TenantPlan};
use atelier_config::Settings;
use atelier_domain::{Clock, Email, Role, Slug, SystemClock, TenantSettingsInput, TenantStatus};
use atelier_store::{Store, StoreError};
use atelier_web::Themes;
use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum TenantCommand {
    /// Create a tenant from options or from a tenant file
    Create(CreateOptions),
    /// List tenants with their status and domains
    List,
    /// Make an existing account of a tenant one of its admins
    AdminAdd {
        slug: String,
        #[arg(long)]
        email: String,
    },
    /// Write a tenant as a tenant file (to standard output, or --output)
    Export {
        slug: String,
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Args)]
pub struct CreateOptions {
    /// Short name: the sub-domain under the base domain
    #[arg(long, required_unless_present = "file")]
    slug: Option<String>,
    /// Site name shown to visitors
    #[arg(long, required_unless_present = "file")]
    name: Option<String>,
    /// A custom domain (repeat for several)
    #[arg(long = "domain", value_name = "DOMAIN")]
    domains: Vec<String>,
    #[arg(long, default_value = "default")]
    theme: String,
    /// Name of one credit, e.g. "Spark"
    #[arg(long, default_value = "Credit")]
    credit_name: String,
    #[arg(long, default_value_t = 20)]
    signup_bonus: i64,
    /// Read everything from a tenant file (as written by `tenant export`)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["slug", "name", "domains"])]
    file: Option<PathBuf>,
}

/// Runs one `atelier tenant` command.
pub async fn run(settings: Settings, command: TenantCommand) -> anyhow::Result<()> {
    let store = Store::connect(settings.database_url.expose_secret()).await?;
    store.migrate().await?;
    match command {
        TenantCommand::Create(options) => create(&store, &settings, options).await,
        TenantCommand::List => list(&store, &settings).await,
        TenantCommand::AdminAdd { slug, email } => {
            add_admin(&store, &settings, &slug, &email).await
        }
        TenantCommand::Export { slug, output } => export(&store, &slug, output).await,
    }
}

/// Creates a tenant from its file, or from the options read as a tenant file would be.
async fn create(store: &Store, settings: &Settings, options: CreateOptions) -> anyhow::Result<()> {
    let themes = Themes::load(&settings.themes_dir, false)?;
    let TenantPlan { tenant: new, packs } = match options.file {
        Some(path) => read_tenant_file(&path, &themes)?,
        None => {
            let input = TenantSettingsInput {
                name: options.name.unwrap_or_default(),
                theme: options.theme,
                credit_name: options.credit_name,
                signup_bonus: options.signup_bonus,
                ..TenantSettingsInput::default()
            };
            let file = TenantFile {
                slug: options.slug.unwrap_or_default(),
                status: TenantStatus::Active,
                domains: options.domains,
                settings: input,
                packs: Vec::new(),
            };
            file.parse("the options", &themes)?
        }
    };
    let tenant = store
        .create_tenant(&new, SystemClock.now())
        .await
        .map_err(|e| match e {
            StoreError::Conflict(field) => {
                anyhow::anyhow!("that {field} is already used by another tenant")
            }
            other => other.into(),
        })?;
    store
        .seed_packs(tenant.id, &packs, SystemClock.now())
        .await
        .context("cannot create the tenant's packs")?;
    println!(
        "Created tenant {} ({}): http://{}.{}/",
        tenant.slug, tenant.settings.name, tenant.slug, settings.base_domain
    );
    Ok(())
}

/// Prints one line per tenant: slug, status, name, theme and every host it answers on.
async fn list(store: &Store, settings: &Settings) -> anyhow::Result<()> {
    let sites = store.list_tenants().await?;
    if sites.is_empty() {
        println!("No tenants yet. Create one with `atelier tenant create --slug S --name N`.");
        return Ok(());
    }
    println!(
        "{:<20} {:<10} {:<28} {:<10} domains",
        "slug", "status", "name", "theme"
    );
    for site in sites {
        let t = &site.tenant;
        let mut hosts = vec![format!("{}.{}", t.slug, settings.base_domain)];
        hosts.extend(site.domains.iter().map(ToString::to_string));
        println!(
            "{:<20} {:<10} {:<28} {:<10} {}",
            t.slug.as_str(),
            t.status.as_str(),
            t.settings.name,
            t.settings.theme.as_str(),
            hosts.join(", ")
        );
    }
    Ok(())
}

/// Makes an account that already signed up on the tenant's site one of its admins.
async fn add_admin(
    store: &Store,
    settings: &Settings,
    slug: &str,
    email: &str,
) -> anyhow::Result<()> {
    let slug = Slug::parse(slug)?;
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {}", e.message))?;
    let Some(tenant) = store.find_tenant_by_slug(&slug).await? else {
        bail!("there is no tenant {slug}; `atelier tenant list` shows them");
    };
    let Some((user, _)) = store.find_credentials(Some(tenant.id), &email).await? else {
        bail!(
            "{email} has no account on {slug}; they sign up at {}/register first",
            settings.public_origin(&format!("{slug}.{}", settings.base_domain))
        );
    };
    store
        .set_user_role(
            tenant.id,
            user.id,
            Role::TenantAdmin,
            None,
            SystemClock.now(),
        )
        .await?;
    println!("{email} is now an admin of {slug}.");
    Ok(())
}

/// Writes the tenant as a tenant file (settings, domains and packs), which `tenant create
/// --file` reads back.
async fn export(store: &Store, slug: &str, output: Option<PathBuf>) -> anyhow::Result<()> {
    let slug = Slug::parse(slug)?;
    let Some(file) = TenantFile::export(store, &slug).await? else {
        bail!("there is no tenant {slug}; `atelier tenant list` shows them");
    };
    let text = format!(
        "# Tenant {slug}, exported by `atelier tenant export`.\n{}",
        toml::to_string_pretty(&file)?
    );
    match output {
        Some(path) => {
            std::fs::write(&path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            println!("Wrote {}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}
