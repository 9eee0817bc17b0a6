//! The image models on offer, from `config/models.json`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::ConfigError;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
