//! The settings themselves: what the server and the command line start with, section by
//! section, each with defaults that need nothing installed and the rules between its values.

use std::net::SocketAddr;
use std::path::PathBuf;

use atelier_domain::{HostName, Slug};
use serde::Deserialize;

use crate::SecretUrl;

/// Everything the server and the command line need to start.
#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    /// Holds the database password, if any: shown redacted, exposed only to connect.
    pub database_url: SecretUrl,
    pub data_dir: PathBuf,
    /// Tenants answer on `{slug}.{base_domain}`.
    pub base_domain: HostName,
    /// The host that serves `/platform`.
    pub platform_host: HostName,
    pub platform_name: String,
    /// The tenant served on localhost, created on first start.
    pub default_tenant: Slug,
    pub themes_dir: PathBuf,
    pub tenants_dir: PathBuf,
    /// Holds the SMTP password, if any: shown redacted, exposed only to connect.
    pub smtp_url: Option<SecretUrl>,
    pub http: HttpSettings,
    pub jobs: JobSettings,
    pub sessions: SessionSettings,
    pub limits: LimitSettings,
    /// Reload templates from disk on every render (for theme work; slower).
    pub reload_templates: bool,
    /// How visitors reach the sites: "https" in production (cookies get `Secure` and the
    /// `__Host-` prefix), "http" on a developer's machine.
    pub public_scheme: PublicScheme,
    /// The port in links to the sites; `None` uses the scheme's default, except that a
    /// plain-http development server links to its own listening port.
    pub public_port: Option<u16>,
    /// The sender address of all mail; the display name is the tenant's name.
    pub mail_from: String,
    pub rbac_model: PathBuf,
    pub rbac_policy: PathBuf,
    /// The image models on offer (`config/models.json`).
    pub models: PathBuf,
    /// Signs the form tokens of signed-out visitors. Every node must have the same one;
    /// unset, each node keeps a key of its own in `<data_dir>/form-token.key`.
    pub form_key: Option<secrecy::SecretString>,
}

impl Settings {
    /// The origin visitors use for a host, e.g. `https://pixelforge.example` or, on a
    /// development server, `http://demo.localhost:8080`.
    pub fn public_origin(&self, host: &str) -> String {
        let port = match (self.public_port, self.public_scheme) {
            (Some(port), _) => Some(port),
            (None, PublicScheme::Http) if self.listen.port() != 80 => Some(self.listen.port()),
            (None, _) => None,
        };
        match port {
            Some(p) => format!("{}://{host}:{p}", self.public_scheme.as_str()),
            None => format!("{}://{host}", self.public_scheme.as_str()),
        }
    }
}

/// The scheme visitors use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublicScheme {
    Http,
    Https,
}

impl PublicScheme {
    pub fn as_str(self) -> &'static str {
        match self {
            PublicScheme::Http => "http",
            PublicScheme::Https => "https",
        }
    }
}

/// How long sessions live.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SessionSettings {
    /// A signed-in session ends after this long without a request.
    pub idle_hours: u64,
    /// … and this long after sign-in, whatever happens.
    pub absolute_hours: u64,
    /// A signed-out visitor's form token (a signed cookie, no session row) lives this long.
    pub anonymous_hours: u64,
}

impl SessionSettings {
    pub(crate) fn check(&self) -> Result<(), (&'static str, &'static str)> {
        if self.idle_hours == 0 || self.absolute_hours < self.idle_hours {
            return Err((
                "sessions",
                "idle_hours must be at least 1 and absolute_hours at least idle_hours",
            ));
        }
        Ok(())
    }
}

impl Default for SessionSettings {
    fn default() -> Self {
        Self {
            idle_hours: 24 * 7,
            absolute_hours: 24 * 30,
            anonymous_hours: 12,
        }
    }
}

/// Abuse limits.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitSettings {
    pub login_per_ip_per_minute: u32,
    pub login_per_account_per_hour: u32,
    pub reset_per_ip_per_hour: u32,
    pub reset_per_account_per_hour: u32,
    /// Mail sent at a visitor's request (confirmation links, again or at sign-up, and
    /// reset links), per client address and per account (site and email address).
    pub mail_per_ip_per_hour: u32,
    pub mail_per_account_per_hour: u32,
    /// Payment requests one user may have waiting for an admin's decision at once.
    pub pending_payments_per_user: u32,
    /// Live-status streams one user may hold open on a node; a new one closes the oldest,
    /// whose page then polls instead.
    pub live_streams_per_user: u32,
    /// Password hashes and checks (sign-in, sign-up, password changes) run at once; each
    /// takes 19 MB and a core while it runs. `None`: one per core.
    pub password_hashes_at_once: Option<u32>,
    /// How long a password check waits for its turn before the visitor is asked to try
    /// again in a few seconds (503).
    pub password_hash_wait_ms: u64,
    /// A header set by the reverse proxy with the client's address (e.g. "x-forwarded-for",
    /// whose last entry is used); unset trusts the connection's address.
    pub client_ip_header: Option<String>,
}

impl LimitSettings {
    pub(crate) fn check(&self) -> Result<(), (&'static str, &'static str)> {
        let limits = [
            self.login_per_ip_per_minute,
            self.login_per_account_per_hour,
            self.reset_per_ip_per_hour,
            self.reset_per_account_per_hour,
            self.mail_per_ip_per_hour,
            self.mail_per_account_per_hour,
            self.pending_payments_per_user,
            self.live_streams_per_user,
            self.password_hashes_at_once.unwrap_or(1),
        ];
        if limits.contains(&0) {
            return Err(("limits", "every limit must be at least 1"));
        }
        Ok(())
    }
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            login_per_ip_per_minute: 10,
            login_per_account_per_hour: 10,
            reset_per_ip_per_hour: 10,
            reset_per_account_per_hour: 3,
            mail_per_ip_per_hour: 20,
            mail_per_account_per_hour: 5,
            pending_payments_per_user: 3,
            live_streams_per_user: 6,
            password_hashes_at_once: None,
            password_hash_wait_ms: 10_000,
            client_ip_header: None,
        }
    }
}

/// Limits of the HTTP layer.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HttpSettings {
    pub request_timeout_secs: u64,
    pub body_limit_bytes: usize,
    /// How long a tenant lookup may be reused when another node changed it.
    pub tenant_cache_ttl_secs: u64,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            request_timeout_secs: 30,
            body_limit_bytes: 1024 * 1024,
            tenant_cache_ttl_secs: 30,
        }
    }
}

/// The rules of the job queue that pages and workers both follow.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JobSettings {
    /// A job not finished this long after submission fails. Until super-admins save the
    /// platform's rules at /platform/settings; then theirs.
    pub deadline_secs: u64,
    /// Attempts in all: the first plus the retries. Like `deadline_secs`, until saved in
    /// the console.
    pub max_attempts: u32,
    /// Queued and running jobs one user may have at once.
    pub active_per_user: u32,
    /// A claimed job returns to the queue when its worker is silent this long.
    pub lease_secs: u64,
    /// How often a worker reports progress.
    pub heartbeat_secs: u64,
    /// Workers inside `atelier serve`; 0 turns them off (remote workers only).
    pub embedded_workers: u32,
    /// Pace of the demo backend's ten progress steps, so progress can be watched.
    pub demo_step_ms: u64,
    /// A remote worker whose jobs fail this many times in a row is paused.
    pub pause_worker_after_failures: u32,
    /// The largest image a remote worker may upload.
    pub worker_upload_bytes: u64,
    /// How long a remote worker's claim waits for a job before it is answered "nothing".
    pub worker_wait_secs: u64,
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            deadline_secs: 300,
            max_attempts: 3,
            active_per_user: 4,
            lease_secs: 30,
            heartbeat_secs: 5,
            embedded_workers: 1,
            demo_step_ms: 150,
            pause_worker_after_failures: 3,
            worker_upload_bytes: 32 * 1024 * 1024,
            worker_wait_secs: 25,
        }
    }
}

impl JobSettings {
    /// The rules between the queue's settings; a broken one names its key.
    pub(crate) fn check(&self) -> Result<(), (&'static str, &'static str)> {
        if self.max_attempts == 0 || self.max_attempts > 10 {
            return Err(("jobs.max_attempts", "must be between 1 and 10"));
        }
        if self.active_per_user == 0 || self.lease_secs == 0 || self.heartbeat_secs == 0 {
            return Err((
                "jobs",
                "active_per_user, lease_secs and heartbeat_secs must be at least 1",
            ));
        }
        if self.heartbeat_secs * 2 > self.lease_secs {
            return Err((
                "jobs.heartbeat_secs",
                "must be at most half of jobs.lease_secs, or leases expire between heartbeats",
            ));
        }
        if self.pause_worker_after_failures == 0 {
            return Err(("jobs.pause_worker_after_failures", "must be at least 1"));
        }
        if self.worker_upload_bytes < 1024 {
            return Err(("jobs.worker_upload_bytes", "must be at least 1024"));
        }
        if self.worker_wait_secs > 25 {
            return Err((
                "jobs.worker_wait_secs",
                "must be at most 25, inside the 30-second request timeout",
            ));
        }
        if !(10..=86_400).contains(&self.deadline_secs) {
            return Err((
                "jobs.deadline_secs",
                "must be between 10 seconds and a day (86400)",
            ));
        }
        Ok(())
    }
}
