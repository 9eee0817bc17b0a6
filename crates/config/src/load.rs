//! Reading the settings: the file, then the environment over it, then the defaults; every
//! value checked once, a mistake naming its key and where it came from.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use atelier_domain::{HostName, Slug};
use serde::Deserialize;

use crate::{
    ConfigError, HttpSettings, JobSettings, LimitSettings, PublicScheme, SecretUrl,
    SessionSettings, Settings, DEFAULT_CONFIG_PATH,
};

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
    form_key: Option<String>,
    http: HttpSettings,
    jobs: JobSettings,
    sessions: SessionSettings,
    limits: LimitSettings,
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
        let smtp_url = smtp_url.map(SecretUrl::new);

        let section_rules = [
            file.jobs.check(),
            file.sessions.check(),
            file.limits.check(),
        ];
        if let Some((key, message)) = section_rules.into_iter().find_map(Result::err) {
            return Err(ConfigError::Invalid {
                origin: file_origin,
                key,
                message: message.to_owned(),
            });
        }
        let (form_key, origin) = pick("ATELIER_FORM_KEY", file.form_key);
        if form_key.as_ref().is_some_and(|k| k.chars().count() < 32) {
            return Err(ConfigError::Invalid {
                origin,
                key: "form_key",
                message: "must be at least 32 characters (e.g. `openssl rand -hex 32`)".to_owned(),
            });
        }
        let mail_from = file
            .mail_from
            .unwrap_or_else(|| format!("no-reply@{base_domain}"));

        Ok(Settings {
            listen,
            database_url: SecretUrl::new(database_url),
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
            form_key: form_key.map(secrecy::SecretString::from),
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
        assert_eq!(s.database_url.expose_secret(), "sqlite://data/atelier.db");
        assert_eq!(s.default_tenant.as_str(), "demo");
        assert_eq!((s.jobs.max_attempts, s.jobs.deadline_secs), (3, 300));
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
        assert_eq!(s.database_url.expose_secret(), "postgres://u:p@db/atelier");
        assert_eq!(s.base_domain.as_str(), "file.example");
        assert_eq!(s.platform_host.as_str(), "admin.example.com");
        assert_eq!(s.data_dir, PathBuf::from("/var/lib/atelier"));
        assert_eq!(
            s.smtp_url.as_ref().map(SecretUrl::expose_secret),
            Some("smtp://mail:25")
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
        assert_eq!(
            s.database_url.expose_secret(),
            "sqlite:///srv/at/atelier.db"
        );
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
        for (toml, key) in [
            (
                "[jobs]\nlease_secs = 10\nheartbeat_secs = 6",
                "jobs.heartbeat_secs",
            ),
            ("[jobs]\ndeadline_secs = 5", "jobs.deadline_secs"),
            (
                "[sessions]\nidle_hours = 48\nabsolute_hours = 24",
                "sessions",
            ),
            ("[limits]\nreset_per_ip_per_hour = 0", "limits"),
            ("[limits]\nmail_per_account_per_hour = 0", "limits"),
            ("[limits]\npending_payments_per_user = 0", "limits"),
            ("[limits]\npassword_hashes_at_once = 0", "limits"),
            ("form_key = \"too short\"", "form_key"),
        ] {
            let err = load(toml, &[])
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.contains(&format!(": {key}: ")), "{toml}: {err}");
        }
        let err = load("", &[("ATELIER_DATABASE_URL", "mysql://x")])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("database_url"), "{err}");
    }

    #[test]
    fn debug_output_shows_no_password() {
        let s = load(
            "smtp_url = \"smtp://mailer:smtp-s3cret@mail.example:587\"",
            &[
                (
                    "ATELIER_DATABASE_URL",
                    "postgres://atelier:db-s3cret@db:5432/atelier",
                ),
                (
                    "ATELIER_FORM_KEY",
                    "form-key-s3cret-of-forty-characters-long",
                ),
            ],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(s.form_key.is_some());
        let shown = format!("{s:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(
            shown.contains("postgres://atelier:***@db:5432/atelier")
                && shown.contains("smtp://mailer:***@mail.example:587"),
            "the URLs stay readable without their passwords: {shown}"
        );
    }
}
