//! `atelier admin`: platform accounts, which no site lets anyone sign up for.

use anyhow::{bail, Context};
use atelier_config::Settings;
use atelier_domain::{Email, HashMemory, NewPassword, Role, SystemClock};
use atelier_store::{NewUser, Store};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum AdminCommand {
    /// Create a super-admin, who signs in on the platform host (password from
    /// $ATELIER_ADMIN_PASSWORD, or asked for)
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "")]
        name: String,
    },
}

/// Runs one `atelier admin` command.
pub async fn run(settings: Settings, command: AdminCommand) -> anyhow::Result<()> {
    match command {
        AdminCommand::Create { email, name } => create_super_admin(settings, &email, &name).await,
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
    let hash = tokio::task::spawn_blocking(move || {
        atelier_domain::hash_password(&password, &mut HashMemory::new())
    })
    .await??;
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
        language: None,
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
