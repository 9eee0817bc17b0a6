//! The `atelier` command line.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context};
use atelier::provision::{read_tenant_file, tenant_files, TenantFile};
use atelier::App;
use atelier_config::{Settings, Sources};
use atelier_domain::{
    Email, NewPassword, Role, Slug, SystemClock, TenantSettingsInput, TenantStatus,
};
use atelier_store::{NewUser, Store};
use atelier_web::Themes;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "atelier",
    version,
    about = "White-label, multi-tenant AI image generation"
)]
struct Cli {
    /// Settings file [default: config/atelier.toml, or $ATELIER_CONFIG]
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the sites (and apply pending migrations first)
    Serve {
        /// Address to listen on [default: settings' listen, 127.0.0.1:8080]
        #[arg(long, value_name = "ADDR")]
        listen: Option<SocketAddr>,
    },
    /// Apply pending database migrations and exit
    Migrate,
    /// Check the settings, themes and tenant files, and say what is wrong
    CheckConfig,
    /// Manage tenants
    #[command(subcommand)]
    Tenant(TenantCommand),
    /// Manage platform accounts
    #[command(subcommand)]
    Admin(AdminCommand),
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a super-admin, who signs in on the platform host (password from
    /// $ATELIER_ADMIN_PASSWORD, or asked for)
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "")]
        name: String,
    },
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Create a tenant from options or from a tenant file
    Create {
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
    },
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    atelier::telemetry::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn load_settings(cli: &Cli) -> anyhow::Result<Settings> {
    let env = |key: &str| std::env::var(key).ok().filter(|v| !v.is_empty());
    Ok(Settings::load(Sources {
        file: cli.config.as_deref(),
        env: &env,
    })?)
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings = load_settings(&cli)?;
    match cli.command {
        Command::Serve { listen } => {
            if let Some(listen) = listen {
                settings.listen = listen;
            }
            serve(settings).await
        }
        Command::Migrate => {
            let store = Store::connect(settings.database_url.expose_secret()).await?;
            store.migrate().await?;
            println!("Database {} is up to date.", settings.database_url);
            Ok(())
        }
        Command::CheckConfig => check_config(&settings).await,
        Command::Tenant(command) => tenant(settings, command).await,
        Command::Admin(AdminCommand::Create { email, name }) => {
            create_super_admin(settings, &email, &name).await
        }
    }
}

/// The new super-admin's password: from the environment (scripts), else asked twice.
fn admin_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("ATELIER_ADMIN_PASSWORD") {
        if !password.is_empty() {
            return Ok(password);
        }
    }
    let first = rpassword::prompt_password("Password for the new super-admin: ")
        .context("cannot read a password; set ATELIER_ADMIN_PASSWORD instead")?;
    let second = rpassword::prompt_password("The same password again: ")?;
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(first)
}

async fn create_super_admin(settings: Settings, email: &str, name: &str) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {}", e.message))?;
    let password = NewPassword::parse(&admin_password()?, &[email.as_str(), name])
        .map_err(|e| anyhow::anyhow!("password: {}", e.message))?;
    let hash =
        tokio::task::spawn_blocking(move || atelier_domain::hash_password(&password)).await??;
    let store = Store::connect(settings.database_url.expose_secret()).await?;
    store.migrate().await?;
    let new = NewUser {
        tenant_id: None,
        email: email.clone(),
        name: name.trim().to_owned(),
        password_hash: hash,
        role: Role::SuperAdmin,
        signup_bonus: 0,
        bonus_now: false,
        signup_ip: String::new(),
    };
    match store
        .create_user(&new, atelier_domain::Clock::now(&SystemClock))
        .await
    {
        Ok(_) => {
            println!(
                "Super-admin {email} created. Sign in at {}/login",
                settings.public_origin(settings.platform_host.as_str())
            );
            Ok(())
        }
        Err(atelier_store::StoreError::Conflict(_)) => {
            bail!("a platform account with the email {email} already exists")
        }
        Err(e) => Err(e.into()),
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let listen = settings.listen;
    let database = settings.database_url.redacted();
    let default_tenant = settings.default_tenant.clone();
    let app = App::build(settings, Arc::new(SystemClock)).await?;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener.local_addr()?;
    // Scripts and tests read this line to find the port when listening on port 0.
    println!("Atelier is listening on http://{address} (database {database}, default tenant {default_tenant})");
    app.serve(listener, shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing open requests");
}

async fn check_config(settings: &Settings) -> anyhow::Result<()> {
    let themes = Themes::load(&settings.themes_dir, false)?;
    themes.check()?;
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

async fn tenant(settings: Settings, command: TenantCommand) -> anyhow::Result<()> {
    let store = Store::connect(settings.database_url.expose_secret()).await?;
    store.migrate().await?;
    let clock = SystemClock;
    match command {
        TenantCommand::Create {
            slug,
            name,
            domains,
            theme,
            credit_name,
            signup_bonus,
            file,
        } => {
            let themes = Themes::load(&settings.themes_dir, false)?;
            let new = match file {
                Some(path) => read_tenant_file(&path, &themes)?,
                None => {
                    let input = TenantSettingsInput {
                        name: name.unwrap_or_default(),
                        theme,
                        credit_name,
                        signup_bonus,
                        ..TenantSettingsInput::default()
                    };
                    let file = TenantFile {
                        slug: slug.unwrap_or_default(),
                        status: TenantStatus::Active,
                        domains,
                        settings: input,
                    };
                    file.parse("the options", &themes)?
                }
            };
            let tenant = store
                .create_tenant(&new, atelier_domain::Clock::now(&clock))
                .await
                .map_err(|e| match e {
                    atelier_store::StoreError::Conflict(field) => {
                        anyhow::anyhow!("that {field} is already used by another tenant")
                    }
                    other => other.into(),
                })?;
            println!(
                "Created tenant {} ({}): http://{}.{}/",
                tenant.slug, tenant.settings.name, tenant.slug, settings.base_domain
            );
            Ok(())
        }
        TenantCommand::List => {
            let sites = store.list_tenants().await?;
            if sites.is_empty() {
                println!(
                    "No tenants yet. Create one with `atelier tenant create --slug S --name N`."
                );
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
        TenantCommand::AdminAdd { slug, email } => {
            let slug = Slug::parse(&slug)?;
            let email =
                Email::parse(&email).map_err(|e| anyhow::anyhow!("--email: {}", e.message))?;
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
                    atelier_domain::Clock::now(&clock),
                )
                .await?;
            println!("{email} is now an admin of {slug}.");
            Ok(())
        }
        TenantCommand::Export { slug, output } => {
            let slug = Slug::parse(&slug)?;
            let Some(tenant) = store.find_tenant_by_slug(&slug).await? else {
                bail!("there is no tenant {slug}; `atelier tenant list` shows them");
            };
            let domains = store.tenant_domains(tenant.id).await?;
            let file = TenantFile::from_site(&atelier_store::TenantSite { tenant, domains });
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
    }
}
