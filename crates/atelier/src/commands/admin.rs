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
    /// Set a new password for a super-admin who forgot theirs (from $ATELIER_ADMIN_PASSWORD,
    /// or asked for); their sessions and API tokens end
    Password {
        #[arg(long)]
        email: String,
    },
}

/// Runs one `atelier admin` command.
pub async fn run(settings: Settings, command: AdminCommand) -> anyhow::Result<()> {
    match command {
        AdminCommand::Create { email, name } => create_super_admin(settings, &email, &name).await,
        AdminCommand::Password { email } => new_password(settings, &email).await,
    }
}

/// A super-admin's new password: from the environment (scripts), else asked twice.
fn admin_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("ATELIER_ADMIN_PASSWORD") {
        if !password.is_empty() {
            return Ok(password);
        }
    }
    let first = rpassword::prompt_password("Password for the super-admin: ")
        .context("cannot read a password; set ATELIER_ADMIN_PASSWORD instead")?;
    let second = rpassword::prompt_password("The same password again: ")?;
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(first)
}

/// The address given, and the password's hash once it passes the rules.
async fn email_and_hash(email: &str, name: &str) -> anyhow::Result<(Email, String)> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {}", e.message))?;
    let password = NewPassword::parse(&admin_password()?, &[email.as_str(), name])
        .map_err(|e| anyhow::anyhow!("password: {}", e.message))?;
    let hash = tokio::task::spawn_blocking(move || {
        atelier_domain::hash_password(&password, &mut HashMemory::new())
    })
    .await??;
    Ok((email, hash))
}

async fn new_password(settings: Settings, email: &str) -> anyhow::Result<()> {
    let (email, hash) = email_and_hash(email, "").await?;
    let store = Store::connect(settings.database_url.expose_secret()).await?;
    store.migrate().await?;
    let Some((user, _)) = store.find_credentials(None, &email).await? else {
        bail!("there is no platform account with the email {email}");
    };
    store
        .set_password(
            user.id,
            &hash,
            None,
            atelier_domain::Clock::now(&SystemClock),
        )
        .await?;
    println!(
        "New password set for {email}. Sign in at {}/login",
        settings.public_origin(settings.platform_host.as_str())
    );
    Ok(())
}

async fn create_super_admin(settings: Settings, email: &str, name: &str) -> anyhow::Result<()> {
    let (email, hash) = email_and_hash(email, name).await?;
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
