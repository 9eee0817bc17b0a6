//! The image models on offer, from `config/models.json`.

use atelier_domain::{msg, Lang};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde::Deserialize;

use crate::workflow::{WorkflowTemplate, WorkflowValues};
use crate::ConfigError;

/// A model's values for what a person does not choose, and the size it starts at.
#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelDefaults {
    #[serde(default = "default_steps")]
    pub steps: u32,
    #[serde(default = "default_cfg")]
    pub cfg: f64,
    #[serde(default = "default_sampler")]
    pub sampler: String,
    /// The checkpoint file on the ComfyUI machine (`{{checkpoint}}`).
    #[serde(default)]
    pub checkpoint: String,
    #[serde(default = "default_side")]
    pub width: u32,
    #[serde(default = "default_side")]
    pub height: u32,
}

fn default_steps() -> u32 {
    25
}
fn default_cfg() -> f64 {
    7.0
}
fn default_sampler() -> String {
    "euler".to_owned()
}
fn default_side() -> u32 {
    512
}

impl Default for ModelDefaults {
    fn default() -> Self {
        Self {
            steps: default_steps(),
            cfg: default_cfg(),
            sampler: default_sampler(),
            checkpoint: String::new(),
            width: default_side(),
            height: default_side(),
        }
    }
}

/// What a model can draw.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelLimits {
    /// The longest side, in pixels; the tenant's own limit applies too.
    #[serde(default)]
    pub max_side: Option<u32>,
}

/// One image model on offer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
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
    #[serde(default)]
    pub defaults: ModelDefaults,
    #[serde(default)]
    pub limits: ModelLimits,
    /// The name and description in other languages, by language code:
    /// `"translations": { "hi": { "name": "…", "description": "…" } }`. A language without
    /// an entry shows the English ones.
    #[serde(default)]
    pub translations: std::collections::BTreeMap<String, ModelText>,
    /// The workflow file, read and checked (`comfyui` models).
    #[serde(skip)]
    pub template: Option<Arc<WorkflowTemplate>>,
}

/// A model's name and description in one language.
#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelText {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

impl Model {
    /// What one image of this model costs.
    pub fn job_cost(&self) -> atelier_domain::Credits {
        atelier_domain::job_cost(self.cost.map(atelier_domain::Credits::new))
    }

    pub fn is_demo(&self) -> bool {
        self.backend == "demo"
    }

    /// The workflow ComfyUI runs for one job of this model; `None` for the demo backend.
    pub fn workflow_for(&self, job: &atelier_domain::Job) -> Option<serde_json::Value> {
        let template = self.template.as_ref()?;
        let job_id = job.id.to_string();
        Some(template.fill(&WorkflowValues {
            prompt: &job.prompt,
            negative_prompt: &job.negative_prompt,
            width: u32::try_from(job.width).unwrap_or(0),
            height: u32::try_from(job.height).unwrap_or(0),
            seed: job.seed,
            steps: self.defaults.steps,
            cfg: self.defaults.cfg,
            sampler: &self.defaults.sampler,
            checkpoint: &self.defaults.checkpoint,
            job: &job_id,
        }))
    }

    /// The longest side a job of this model may ask for, under the tenant's `site_max`.
    pub fn max_side(&self, site_max: u32) -> u32 {
        self.limits.max_side.map_or(site_max, |m| m.min(site_max))
    }

    /// The name as shown to people: demo models say so.
    pub fn label(&self) -> String {
        self.label_in(Lang::En)
    }

    /// The name in `lang`, without the demo mark (pages show that as a badge).
    pub fn name_in(&self, lang: Lang) -> &str {
        self.translations
            .get(lang.code())
            .map_or(self.name.as_str(), |t| t.name.as_str())
    }

    /// The name as shown to a reader of `lang` where only text fits (a menu option, the
    /// API); demo models say so in it.
    pub fn label_in(&self, lang: Lang) -> String {
        let name = self.name_in(lang);
        // Decided by the backend, not by the name: a translated name says nothing of it.
        if self.is_demo() {
            msg!("model-demo-label", name = name).in_lang(lang)
        } else {
            name.to_owned()
        }
    }

    /// The description for a reader of `lang`.
    pub fn description_in(&self, lang: Lang) -> &str {
        self.translations
            .get(lang.code())
            .filter(|t| !t.description.is_empty())
            .map_or(self.description.as_str(), |t| t.description.as_str())
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
        let mut catalog = Self::parse(&origin, &text)?;
        let folder = path.parent().unwrap_or_else(|| Path::new("."));
        for (i, model) in catalog.models.iter_mut().enumerate() {
            let Some(file) = &model.workflow else {
                continue;
            };
            let file = folder.join(file);
            let invalid = |message: String| ConfigError::Invalid {
                origin: origin.clone(),
                key: "workflow",
                message: format!("entry {i} ({}): {}: {message}", model.id, file.display()),
            };
            let text = std::fs::read_to_string(&file).map_err(|e| invalid(e.to_string()))?;
            let template = WorkflowTemplate::parse(&text).map_err(invalid)?;
            if template.uses("checkpoint") && model.defaults.checkpoint.trim().is_empty() {
                return Err(ConfigError::Invalid {
                    origin: origin.clone(),
                    key: "defaults.checkpoint",
                    message: format!(
                        "entry {i} ({}): its workflow names {{{{checkpoint}}}}, so say which \
                         checkpoint file to load",
                        model.id
                    ),
                });
            }
            model.template = Some(Arc::new(template));
        }
        Ok(catalog)
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
            for (code, text) in &m.translations {
                if Lang::parse(code).is_none_or(|l| l.code() != code) {
                    return Err(invalid(
                        "translations",
                        format!(
                            "entry {i} ({}): {code:?} is not a language we ship (hi)",
                            m.id
                        ),
                    ));
                }
                if text.name.trim().is_empty() {
                    return Err(invalid(
                        "translations",
                        format!("entry {i} ({}): the {code} name is empty", m.id),
                    ));
                }
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
            let d = &m.defaults;
            if !(1..=150).contains(&d.steps) {
                return Err(invalid(
                    "defaults.steps",
                    format!("entry {i} ({}): steps are from 1 to 150", m.id),
                ));
            }
            if !(0.0..=30.0).contains(&d.cfg) {
                return Err(invalid(
                    "defaults.cfg",
                    format!("entry {i} ({}): cfg is from 0 to 30", m.id),
                ));
            }
            if d.sampler.trim().is_empty() {
                return Err(invalid(
                    "defaults.sampler",
                    format!("entry {i} ({}): name a sampler (euler, dpmpp_2m, …)", m.id),
                ));
            }
            let max = m.limits.max_side.unwrap_or(4096);
            if !(64..=4096).contains(&max) {
                return Err(invalid(
                    "limits.max_side",
                    format!("entry {i} ({}): from 64 to 4096 pixels", m.id),
                ));
            }
            if [d.width, d.height]
                .iter()
                .any(|side| !(64..=max).contains(side))
            {
                return Err(invalid(
                    "defaults.width",
                    format!(
                        "entry {i} ({}): the default size {}×{} must be from 64 to {max} pixels a side",
                        m.id, d.width, d.height
                    ),
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

    /// The ids of the models `backend` draws (`demo`, `comfyui`).
    pub fn ids_for_backend(&self, backend: &str) -> Vec<String> {
        self.models
            .iter()
            .filter(|m| m.backend == backend)
            .map(|m| m.id.clone())
            .collect()
    }

    /// The models a tenant offers: those it enabled, or all when it named none.
    pub fn offered<'a>(&'a self, enabled: &'a [String]) -> impl Iterator<Item = &'a Model> + 'a {
        self.models
            .iter()
            .filter(move |m| enabled.is_empty() || enabled.contains(&m.id))
    }
}

/// The catalogue in use, which an operator may reload without a restart (`SIGHUP`, or the
/// platform console). Readers take the whole catalogue of one moment.
#[derive(Debug, Clone)]
pub struct Models {
    path: Option<PathBuf>,
    current: Arc<RwLock<Arc<ModelCatalog>>>,
}

impl Models {
    /// A catalogue read from `path`, which [`Models::reload`] reads again.
    pub fn load(path: &Path) -> Result<Models, ConfigError> {
        let catalog = ModelCatalog::load(path)?;
        Ok(Models {
            path: Some(path.to_path_buf()),
            current: Arc::new(RwLock::new(Arc::new(catalog))),
        })
    }

    /// A fixed catalogue (tests).
    pub fn fixed(catalog: ModelCatalog) -> Models {
        Models {
            path: None,
            current: Arc::new(RwLock::new(Arc::new(catalog))),
        }
    }

    pub fn current(&self) -> Arc<ModelCatalog> {
        match self.current.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Reads the file again; on a mistake the catalogue in use stays and the error says
    /// where. Returns how many models are on offer now.
    pub fn reload(&self) -> Result<usize, ConfigError> {
        let Some(path) = &self.path else {
            return Ok(self.current().models.len());
        };
        let catalog = Arc::new(ModelCatalog::load(path)?);
        let count = catalog.models.len();
        match self.current.write() {
            Ok(mut guard) => *guard = catalog,
            Err(poisoned) => *poisoned.into_inner() = catalog,
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests;
