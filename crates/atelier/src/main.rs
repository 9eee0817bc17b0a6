//! The `atelier` command line: the options, and which command runs. Each command lives in
//! `commands/`.

mod commands;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use atelier_config::{Settings, Sources};
use clap::{Parser, Subcommand};

use commands::{admin::AdminCommand, tenant::TenantCommand};

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
    /// Render jobs for a server from this machine (a GPU machine running ComfyUI)
    Worker(commands::worker::WorkerArgs),
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

fn load_settings(file: Option<&std::path::Path>) -> anyhow::Result<Settings> {
    let env = |key: &str| std::env::var(key).ok().filter(|v| !v.is_empty());
    Ok(Settings::load(Sources { file, env: &env })?)
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    // A worker machine has no settings file: its command line says everything.
    let command = match cli.command {
        Command::Worker(args) => return commands::worker::run(args).await,
        other => other,
    };
    let mut settings = load_settings(cli.config.as_deref())?;
    match command {
        Command::Serve { listen } => {
            if let Some(listen) = listen {
                settings.listen = listen;
            }
            commands::serve::serve(settings).await
        }
        Command::Migrate => commands::serve::migrate(&settings).await,
        Command::CheckConfig => commands::check_config::check_config(&settings).await,
        Command::Tenant(command) => commands::tenant::run(settings, command).await,
        Command::Admin(command) => commands::admin::run(settings, command).await,
        Command::Worker(args) => commands::worker::run(args).await,
    }
}
