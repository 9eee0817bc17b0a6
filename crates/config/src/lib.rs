//! Atelier's settings: `config/atelier.toml` (or the file named by `ATELIER_CONFIG`), then
//! environment overrides. Every field has a default that needs nothing installed.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use atelier_domain::{HostName, Slug};
use serde::Deserialize;

/// The file read when `ATELIER_CONFIG` names none.
pub const DEFAULT_CONFIG_PATH: &str = "config/atelier.toml";

/// A setting that could not be used, with where it came from.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {error}")]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{origin}: {key}: {message}")]
    Invalid {
        origin: String,
        key: &'static str,
        message: String,
    },
}

/// Everything the server and the command line need to start.
#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    pub database_url: String,
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
    pub smtp_url: Option<String>,
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
    /// A signed-out visitor's session (it carries the form token) lives this long.
    pub anonymous_hours: u64,
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
    /// A header set by the reverse proxy with the client's address (e.g. "x-forwarded-for",
    /// whose last entry is used); unset trusts the connection's address.
    pub client_ip_header: Option<String>,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            login_per_ip_per_minute: 10,
            login_per_account_per_hour: 10,
            reset_per_ip_per_hour: 10,
            reset_per_account_per_hour: 3,
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
    /// A job not finished this long after submission fails.
    pub deadline_secs: u64,
    /// Attempts in all: the first plus the retries.
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
        }
    }
}

impl JobSettings {
    pub fn retries(&self) -> u32 {
        self.max_attempts.saturating_sub(1)
    }

    /// The deadline in whole minutes, rounded up, for pages.
    pub fn deadline_minutes(&self) -> u64 {
        self.deadline_secs.div_ceil(60)
    }
}

/// The file's shape: everything optional, so a partial file works.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileSettings {
    listen: Option<String>,
    database_url: Option<String>,
    data_dir: Option<PathBuf>,
    base_domain: Option<String>,
    platform_host: Option<String>,
    platform_name: Option<String>,
    default_tenant: Option<String>,
    themes_dir: Option<PathBuf>,
    tenants_dir: Option<PathBuf>,
    smtp_url: Option<String>,
    reload_templates: Option<bool>,
    public_scheme: Option<PublicScheme>,
    public_port: Option<u16>,
    mail_from: Option<String>,
    rbac_model: Option<PathBuf>,
    rbac_policy: Option<PathBuf>,
    models: Option<PathBuf>,
    http: HttpSettings,
    jobs: JobSettings,
    sessions: SessionSettings,
    limits: LimitSettings,
}

/// One image model on offer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub id: String,
    /// Shown in the model menu.
    pub name: String,
    /// `demo` (built-in CPU pictures) or `comfyui`.
    pub backend: String,
    #[serde(default)]
    pub description: String,
    /// The ComfyUI workflow template (API format), for the `comfyui` backend.
    #[serde(default)]
    pub workflow: Option<PathBuf>,
    /// Credits one image costs; 1 when not set (`atelier_domain::credits::job_cost`).
    #[serde(default)]
    pub cost: Option<i64>,
}

impl Model {
    /// What one image of this model costs.
    pub fn job_cost(&self) -> atelier_domain::Credits {
        atelier_domain::job_cost(self.cost.map(atelier_domain::Credits::new))
    }

    pub fn is_demo(&self) -> bool {
        self.backend == "demo"
    }

    /// The name as shown to people: demo models say so.
    pub fn label(&self) -> String {
        if self.is_demo() && !self.name.to_lowercase().contains("demo") {
            format!("{} (demo)", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// The models of `config/models.json`.
#[derive(Debug, Clone, Default)]
pub struct ModelCatalog {
    pub models: Vec<Model>,
}

impl ModelCatalog {
    /// Reads and checks the file; a mistake names the file, the entry and the field.
    pub fn load(path: &Path) -> Result<ModelCatalog, ConfigError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            error: source,
        })?;
        Self::parse(&origin, &text)
    }

    pub fn parse(origin: &str, text: &str) -> Result<ModelCatalog, ConfigError> {
        let invalid = |key: &'static str, message: String| ConfigError::Invalid {
            origin: origin.to_owned(),
            key,
            message,
        };
        let models: Vec<Model> = serde_json::from_str(text).map_err(|e| ConfigError::Parse {
            path: PathBuf::from(origin),
            message: e.to_string(),
        })?;
        if models.is_empty() {
            return Err(invalid("models", "list at least one model".to_owned()));
        }
        for (i, m) in models.iter().enumerate() {
            let ok_id = !m.id.is_empty()
                && m.id.len() <= 64
                && m.id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
            if !ok_id {
                return Err(invalid(
                    "id",
                    format!("entry {i}: {:?} must be letters, digits, - _ .", m.id),
                ));
            }
            if m.name.trim().is_empty() {
                return Err(invalid("name", format!("entry {i} ({}): is empty", m.id)));
            }
            match m.backend.as_str() {
                "demo" => {}
                "comfyui" if m.workflow.is_some() => {}
                "comfyui" => {
                    return Err(invalid(
                        "workflow",
                        format!(
                            "entry {i} ({}): a comfyui model needs a workflow file",
                            m.id
                        ),
                    ))
                }
                other => {
                    return Err(invalid(
                        "backend",
                        format!(
                            "entry {i} ({}): {other:?} is not \"demo\" or \"comfyui\"",
                            m.id
                        ),
                    ))
                }
            }
            if m.cost.is_some_and(|c| !(1..=1000).contains(&c)) {
                return Err(invalid(
                    "cost",
                    format!("entry {i} ({}): a cost is from 1 to 1000 credits", m.id),
                ));
            }
            if models[..i].iter().any(|earlier| earlier.id == m.id) {
                return Err(invalid(
                    "id",
                    format!("entry {i}: {:?} appears twice", m.id),
                ));
            }
        }
        Ok(ModelCatalog { models })
    }

    pub fn get(&self, id: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.id == id)
    }

    /// The models a tenant offers: those it enabled, or all when it named none.
    pub fn offered<'a>(&'a self, enabled: &'a [String]) -> impl Iterator<Item = &'a Model> + 'a {
        self.models
            .iter()
            .filter(move |m| enabled.is_empty() || enabled.contains(&m.id))
    }
}

/// Where settings are read from.
pub struct Sources<'a> {
    /// The configuration file; `None` uses `ATELIER_CONFIG` or [`DEFAULT_CONFIG_PATH`].
    pub file: Option<&'a Path>,
    /// Reads an environment variable; tests pass their own map.
    pub env: &'a dyn Fn(&str) -> Option<String>,
}

impl Settings {
    /// Reads the process environment and the file it names.
    pub fn load_from_environment() -> Result<Settings, ConfigError> {
        Settings::load(Sources {
            file: None,
            env: &|key| std::env::var(key).ok().filter(|v| !v.is_empty()),
        })
    }

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

    pub fn load(sources: Sources<'_>) -> Result<Settings, ConfigError> {
        let env = sources.env;
        let (path, must_exist) = match (sources.file, env("ATELIER_CONFIG")) {
            (Some(path), _) => (path.to_path_buf(), true),
            (None, Some(path)) => (PathBuf::from(path), true),
            (None, None) => (PathBuf::from(DEFAULT_CONFIG_PATH), false),
        };
        let file: FileSettings = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| ConfigError::Parse {
                path: path.clone(),
                message: e.to_string(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => {
                FileSettings::default()
            }
            Err(error) => return Err(ConfigError::Read { path, error }),
        };
        let file_origin = path.display().to_string();

        // Each value: the environment wins over the file, the file over the default.
        let pick = |var: &'static str, from_file: Option<String>| -> (Option<String>, String) {
            match env(var) {
                Some(v) => (Some(v), var.to_owned()),
                None => (from_file, file_origin.clone()),
            }
        };

        let (listen_raw, origin) = pick("ATELIER_LISTEN", file.listen);
        let listen_raw = listen_raw.unwrap_or_else(|| "127.0.0.1:8080".to_owned());
        let listen = listen_raw
            .parse::<SocketAddr>()
            .map_err(|_| ConfigError::Invalid {
                origin,
                key: "listen",
                message: format!("{listen_raw:?} is not an address like 127.0.0.1:8080"),
            })?;

        let (data_dir, _) = pick(
            "ATELIER_DATA_DIR",
            file.data_dir.map(|p| p.display().to_string()),
        );
        let data_dir = PathBuf::from(data_dir.unwrap_or_else(|| "data".to_owned()));

        let (database_url, origin) = pick("ATELIER_DATABASE_URL", file.database_url);
        let database_url = database_url
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("atelier.db").display()));
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError::Invalid {
                origin,
                key: "database_url",
                message: "must start with sqlite:// or postgres://".to_owned(),
            });
        }

        let host = |var: &'static str,
                    key: &'static str,
                    from_file: Option<String>,
                    default: &str|
         -> Result<HostName, ConfigError> {
            let (raw, origin) = pick(var, from_file);
            let raw = raw.unwrap_or_else(|| default.to_owned());
            HostName::parse(&raw).map_err(|e| ConfigError::Invalid {
                origin,
                key,
                message: format!("{raw:?}: {e}"),
            })
        };
        let base_domain = host(
            "ATELIER_BASE_DOMAIN",
            "base_domain",
            file.base_domain,
            "localhost",
        )?;
        let platform_host = host(
            "ATELIER_PLATFORM_HOST",
            "platform_host",
            file.platform_host,
            "platform.localhost",
        )?;

        let default_tenant_raw = file.default_tenant.unwrap_or_else(|| "demo".to_owned());
        let default_tenant =
            Slug::parse(&default_tenant_raw).map_err(|e| ConfigError::Invalid {
                origin: file_origin.clone(),
                key: "default_tenant",
                message: format!("{default_tenant_raw:?} {}", e.message),
            })?;

        let (smtp_url, _) = pick("ATELIER_SMTP_URL", file.smtp_url);

        if file.jobs.max_attempts == 0 || file.jobs.max_attempts > 10 {
            return Err(ConfigError::Invalid {
                origin: file_origin,
                key: "jobs.max_attempts",
                message: "must be between 1 and 10".to_owned(),
            });
        }
        let jobs = &file.jobs;
        if jobs.active_per_user == 0 || jobs.lease_secs == 0 || jobs.heartbeat_secs == 0 {
            return Err(ConfigError::Invalid {
                origin: file_origin,
                key: "jobs",
                message: "active_per_user, lease_secs and heartbeat_secs must be at least 1"
                    .to_owned(),
            });
        }
        if jobs.heartbeat_secs * 2 > jobs.lease_secs {
            return Err(ConfigError::Invalid {
                origin: file_origin,
                key: "jobs.heartbeat_secs",
                message:
                    "must be at most half of jobs.lease_secs, or leases expire between heartbeats"
                        .to_owned(),
            });
        }
        if file.jobs.deadline_secs < 10 {
            return Err(ConfigError::Invalid {
                origin: file_origin,
                key: "jobs.deadline_secs",
                message: "must be at least 10 seconds".to_owned(),
            });
        }

        if file.sessions.idle_hours == 0 || file.sessions.absolute_hours < file.sessions.idle_hours
        {
            return Err(ConfigError::Invalid {
                origin: file_origin,
                key: "sessions",
                message: "idle_hours must be at least 1 and absolute_hours at least idle_hours"
                    .to_owned(),
            });
        }
        let limits = &file.limits;
        if [
            limits.login_per_ip_per_minute,
            limits.login_per_account_per_hour,
            limits.reset_per_ip_per_hour,
            limits.reset_per_account_per_hour,
        ]
        .contains(&0)
        {
            return Err(ConfigError::Invalid {
                origin: file_origin,
                key: "limits",
                message: "every limit must be at least 1".to_owned(),
            });
        }
        let mail_from = file
            .mail_from
            .unwrap_or_else(|| format!("no-reply@{base_domain}"));

        Ok(Settings {
            listen,
            database_url,
            data_dir,
            base_domain,
            platform_host,
            platform_name: file.platform_name.unwrap_or_else(|| "Atelier".to_owned()),
            default_tenant,
            themes_dir: file.themes_dir.unwrap_or_else(|| PathBuf::from("themes")),
            tenants_dir: file.tenants_dir.unwrap_or_else(|| PathBuf::from("tenants")),
            smtp_url,
            http: file.http,
            jobs: file.jobs,
            sessions: file.sessions,
            limits: file.limits,
            reload_templates: file.reload_templates.unwrap_or(false),
            public_scheme: file.public_scheme.unwrap_or(PublicScheme::Http),
            public_port: file.public_port,
            mail_from,
            rbac_model: file
                .rbac_model
                .unwrap_or_else(|| PathBuf::from("config/rbac_model.conf")),
            rbac_policy: file
                .rbac_policy
                .unwrap_or_else(|| PathBuf::from("config/rbac_policy.csv")),
            models: file
                .models
                .unwrap_or_else(|| PathBuf::from("config/models.json")),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::io::Write;

    use super::*;

    fn load(toml: &str, env: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let mut file = tempfile::NamedTempFile::new().map_err(|error| ConfigError::Read {
            path: PathBuf::new(),
            error,
        })?;
        file.write_all(toml.as_bytes())
            .map_err(|error| ConfigError::Read {
                path: PathBuf::new(),
                error,
            })?;
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Settings::load(Sources {
            file: Some(file.path()),
            env: &move |k| env.get(k).cloned(),
        })
    }

    #[test]
    fn an_empty_file_gives_defaults_that_need_nothing_installed() {
        let s = load("", &[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(s.database_url, "sqlite://data/atelier.db");
        assert_eq!(s.default_tenant.as_str(), "demo");
        assert_eq!(s.jobs.retries(), 2);
        assert_eq!(s.jobs.deadline_minutes(), 5);
    }

    #[test]
    fn environment_overrides_the_file() {
        let s = load(
            "listen = \"0.0.0.0:9000\"\nbase_domain = \"file.example\"\n",
            &[
                ("ATELIER_LISTEN", "127.0.0.1:7000"),
                ("ATELIER_DATABASE_URL", "postgres://u:p@db/atelier"),
                ("ATELIER_PLATFORM_HOST", "Admin.Example.com"),
                ("ATELIER_DATA_DIR", "/var/lib/atelier"),
                ("ATELIER_SMTP_URL", "smtp://mail:25"),
            ],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.listen.to_string(), "127.0.0.1:7000");
        assert_eq!(s.database_url, "postgres://u:p@db/atelier");
        assert_eq!(s.base_domain.as_str(), "file.example");
        assert_eq!(s.platform_host.as_str(), "admin.example.com");
        assert_eq!(s.data_dir, PathBuf::from("/var/lib/atelier"));
        assert_eq!(s.smtp_url.as_deref(), Some("smtp://mail:25"));
    }

    #[test]
    fn model_files_are_checked_field_by_field() {
        let ok = ModelCatalog::parse(
            "models.json",
            r#"[{"id":"demo","name":"Abstract","backend":"demo"},{"id":"sdxl","name":"SDXL","backend":"comfyui","workflow":"config/workflows/sdxl.json"}]"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ok.models.len(), 2);
        assert_eq!(
            ok.get("demo").map(Model::label).as_deref(),
            Some("Abstract (demo)")
        );
        let enabled = vec!["sdxl".to_owned()];
        assert_eq!(ok.offered(&enabled).count(), 1);
        assert_eq!(ok.offered(&[]).count(), 2);
        for (text, key) in [
            (r#"[{"id":"x y","name":"X","backend":"demo"}]"#, "id"),
            (r#"[{"id":"x","name":" ","backend":"demo"}]"#, "name"),
            (r#"[{"id":"x","name":"X","backend":"dalle"}]"#, "backend"),
            (r#"[{"id":"x","name":"X","backend":"comfyui"}]"#, "workflow"),
            (
                r#"[{"id":"x","name":"X","backend":"demo"},{"id":"x","name":"Y","backend":"demo"}]"#,
                "id",
            ),
        ] {
            let err = ModelCatalog::parse("config/models.json", text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                err.contains("config/models.json") && err.contains(key),
                "{text}: {err}"
            );
        }
        let err = ModelCatalog::parse(
            "config/models.json",
            r#"[{"id":"x","nme":"X","backend":"demo"}]"#,
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(
            err.contains("config/models.json") && err.contains("nme"),
            "{err}"
        );
    }

    #[test]
    fn public_origins_follow_the_scheme_and_port() {
        let dev = load("", &[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            dev.public_origin("demo.localhost"),
            "http://demo.localhost:8080"
        );
        let prod = load("public_scheme = \"https\"", &[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            prod.public_origin("pixelforge.example"),
            "https://pixelforge.example"
        );
        let odd = load("public_scheme = \"https\"\npublic_port = 8443", &[])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(odd.public_origin("x.example"), "https://x.example:8443");
    }

    #[test]
    fn the_database_url_defaults_into_the_data_dir() {
        let s = load("data_dir = \"/srv/at\"", &[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.database_url, "sqlite:///srv/at/atelier.db");
    }

    #[test]
    fn mistakes_name_the_key_and_where_it_came_from() {
        let err = load("lisen = \"x\"", &[]).err().map(|e| e.to_string());
        assert!(
            err.as_deref().is_some_and(|e| e.contains("lisen")),
            "{err:?}"
        );
        let err = load("", &[("ATELIER_LISTEN", "nonsense")])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("ATELIER_LISTEN") && err.contains("listen"),
            "{err}"
        );
        let err = load("[jobs]\nmax_attempts = 0", &[])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("jobs.max_attempts"), "{err}");
        let err = load("", &[("ATELIER_DATABASE_URL", "mysql://x")])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("database_url"), "{err}");
    }
}
