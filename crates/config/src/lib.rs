//! Atelier's settings: `config/atelier.toml` (or the file named by `ATELIER_CONFIG`), then
//! environment overrides. Every field has a default that needs nothing installed.
#![forbid(unsafe_code)]

mod load;
mod models;
mod secret_url;
mod settings;
mod workflow;

use std::path::PathBuf;

pub use load::Sources;
pub use models::{Model, ModelCatalog, ModelDefaults, ModelLimits, Models};
pub use secret_url::{redact_url, SecretUrl};
pub use settings::{
    HttpSettings, JobSettings, LimitSettings, PublicScheme, SessionSettings, Settings,
};
pub use workflow::{WorkflowTemplate, WorkflowValues, SLOTS as WORKFLOW_SLOTS};

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
