//! ComfyUI workflow templates: a workflow in ComfyUI's API format whose inputs may name a
//! job's values as `{{name}}`. A string that is exactly `"{{width}}"` becomes the value itself
//! (a number for numbers); a name inside a longer string (`"atelier/{{job}}"`) is replaced as
//! text.

use serde_json::{Map, Value};

/// The values a template may name.
pub const SLOTS: [&str; 10] = [
    "prompt",
    "negative_prompt",
    "width",
    "height",
    "seed",
    "steps",
    "cfg",
    "sampler",
    "checkpoint",
    "job",
];

/// A checked workflow template.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowTemplate {
    graph: Map<String, Value>,
}

/// One job's values for a template.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowValues<'a> {
    pub prompt: &'a str,
    pub negative_prompt: &'a str,
    pub width: u32,
    pub height: u32,
    pub seed: i64,
    pub steps: u32,
    pub cfg: f64,
    pub sampler: &'a str,
    pub checkpoint: &'a str,
    /// Names the job's files on the ComfyUI machine.
    pub job: &'a str,
}

impl WorkflowValues<'_> {
    fn get(&self, slot: &str) -> Option<Value> {
        Some(match slot {
            "prompt" => Value::from(self.prompt),
            "negative_prompt" => Value::from(self.negative_prompt),
            "width" => Value::from(self.width),
            "height" => Value::from(self.height),
            "seed" => Value::from(self.seed),
            "steps" => Value::from(self.steps),
            "cfg" => Value::from(self.cfg),
            "sampler" => Value::from(self.sampler),
            "checkpoint" => Value::from(self.checkpoint),
            "job" => Value::from(self.job),
            _ => return None,
        })
    }
}

impl WorkflowTemplate {
    /// Checks a template: an object of nodes, each with a `class_type` and an `inputs`
    /// object, at least one `SaveImage`, and only known names in `{{…}}`. The error says
    /// which node and what is wrong.
    pub fn parse(text: &str) -> Result<WorkflowTemplate, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let Value::Object(graph) = value else {
            return Err(
                "a workflow is a JSON object of nodes (ComfyUI's API format; \
                        in ComfyUI, \"Export (API)\")"
                    .to_owned(),
            );
        };
        if graph.is_empty() {
            return Err("the workflow has no nodes".to_owned());
        }
        let mut saves = 0;
        for (id, node) in &graph {
            let class = node.get("class_type").and_then(Value::as_str);
            let Some(class) = class else {
                return Err(format!("node {id:?} has no \"class_type\""));
            };
            if !node.get("inputs").is_some_and(Value::is_object) {
                return Err(format!("node {id:?} ({class}) has no \"inputs\" object"));
            }
            saves += usize::from(class == "SaveImage");
            let mut names = Vec::new();
            slots_in(node, &mut names);
            if let Some(unknown) = names.iter().find(|n| !SLOTS.contains(&n.as_str())) {
                return Err(format!(
                    "node {id:?} ({class}) names {{{{{unknown}}}}}, which is not one of {}",
                    SLOTS.join(", ")
                ));
            }
        }
        if saves == 0 {
            return Err("the workflow has no SaveImage node, so it would give no image".to_owned());
        }
        Ok(WorkflowTemplate { graph })
    }

    /// The workflow with `values` in place.
    pub fn fill(&self, values: &WorkflowValues<'_>) -> Value {
        let mut graph = Value::Object(self.graph.clone());
        fill_value(&mut graph, values);
        graph
    }

    /// Whether the template names `slot` anywhere.
    pub fn uses(&self, slot: &str) -> bool {
        let mut names = Vec::new();
        self.graph
            .values()
            .for_each(|node| slots_in(node, &mut names));
        names.iter().any(|n| n == slot)
    }
}

/// The names between `{{` and `}}` in a string.
fn names_in(text: &str) -> impl Iterator<Item = &str> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}").map(|(name, _)| name.trim()))
}

fn slots_in(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::String(s) => names.extend(names_in(s).map(str::to_owned)),
        Value::Array(items) => items.iter().for_each(|v| slots_in(v, names)),
        Value::Object(map) => map.values().for_each(|v| slots_in(v, names)),
        _ => {}
    }
}

fn fill_value(value: &mut Value, values: &WorkflowValues<'_>) {
    match value {
        Value::String(s) => {
            let trimmed = s.trim();
            if let Some(whole) = trimmed
                .strip_prefix("{{")
                .and_then(|rest| rest.strip_suffix("}}"))
                .filter(|name| !name.contains("{{"))
                .and_then(|name| values.get(name.trim()))
            {
                *value = whole;
                return;
            }
            let mut out = String::with_capacity(s.len());
            let mut rest = s.as_str();
            while let Some(start) = rest.find("{{") {
                let Some(len) = rest[start..].find("}}") else {
                    break;
                };
                out.push_str(&rest[..start]);
                let name = rest[start + 2..start + len].trim();
                match values.get(name) {
                    Some(Value::String(text)) => out.push_str(&text),
                    Some(other) => out.push_str(&other.to_string()),
                    None => out.push_str(&rest[start..start + len + 2]),
                }
                rest = &rest[start + len + 2..];
            }
            out.push_str(rest);
            *s = out;
        }
        Value::Array(items) => items.iter_mut().for_each(|v| fill_value(v, values)),
        Value::Object(map) => map.values_mut().for_each(|v| fill_value(v, values)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SD: &str = r#"{
      "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "{{checkpoint}}"}},
      "5": {"class_type": "EmptyLatentImage", "inputs": {"width": "{{width}}", "height": "{{height}}", "batch_size": 1}},
      "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}", "clip": ["4", 1]}},
      "3": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "steps": "{{steps}}", "cfg": "{{cfg}}", "sampler_name": "{{sampler}}"}},
      "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "atelier/{{job}}/img"}}
    }"#;

    fn values() -> WorkflowValues<'static> {
        WorkflowValues {
            prompt: "a \"quoted\" {{seed}} lighthouse",
            negative_prompt: "",
            width: 768,
            height: 512,
            seed: 42,
            steps: 20,
            cfg: 6.5,
            sampler: "euler",
            checkpoint: "sd15.safetensors",
            job: "0192f0c4",
        }
    }

    #[test]
    fn values_go_in_with_their_types() {
        let template = WorkflowTemplate::parse(SD).unwrap_or_else(|e| panic!("{e}"));
        let graph = template.fill(&values());
        assert_eq!(graph["5"]["inputs"]["width"], 768);
        assert_eq!(graph["3"]["inputs"]["seed"], 42);
        assert_eq!(graph["3"]["inputs"]["cfg"], 6.5);
        assert_eq!(graph["3"]["inputs"]["sampler_name"], "euler");
        // A prompt is text, even when it looks like a template value: never filled twice.
        assert_eq!(
            graph["6"]["inputs"]["text"],
            "a \"quoted\" {{seed}} lighthouse"
        );
        assert_eq!(
            graph["9"]["inputs"]["filename_prefix"],
            "atelier/0192f0c4/img"
        );
        assert_eq!(graph["5"]["inputs"]["batch_size"], 1);
        assert!(template.uses("checkpoint") && !template.uses("negative_prompt"));
    }

    #[test]
    fn mistakes_name_the_node() {
        for (text, expect) in [
            ("[]", "JSON object of nodes"),
            ("{}", "no nodes"),
            (
                r#"{"1": {"inputs": {}}}"#,
                "node \"1\" has no \"class_type\"",
            ),
            (r#"{"1": {"class_type": "SaveImage"}}"#, "no \"inputs\""),
            (
                r#"{"1": {"class_type": "EmptyImage", "inputs": {"width": 8}}}"#,
                "no SaveImage",
            ),
            (
                r#"{"2": {"class_type": "SaveImage", "inputs": {"filename_prefix": "{{user}}"}}}"#,
                "node \"2\" (SaveImage) names {{user}}",
            ),
            ("{", "not JSON"),
        ] {
            let err = WorkflowTemplate::parse(text).err().unwrap_or_default();
            assert!(err.contains(expect), "{text}: {err}");
        }
    }
}
