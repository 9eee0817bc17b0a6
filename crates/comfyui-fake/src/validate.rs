//! `POST /prompt`'s validation, after ComfyUI's `validate_prompt` and `validate_inputs`
//! (execution.py): the same error types, messages, details and `node_errors` shape. Like
//! ComfyUI it converts literal inputs in place (`"64"` becomes `64`), so the queued graph is
//! the converted one.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use crate::catalogue::{class, NodeClass};

/// How deep a chain of links may go: Python's recursion limit stops ComfyUI somewhere
/// near here too, and the fake's stack must hold it (validation runs on a thread with a
/// stack of [`DEEP_STACK`] bytes).
pub(crate) const MAX_DEPTH: usize = 1000;

/// The stack of the thread that walks a graph.
const DEEP_STACK: usize = 256 << 20;

/// Runs `walk` on a thread with a stack deep enough for [`MAX_DEPTH`] levels of recursion
/// (a debug build's frames are large). A test server that cannot start a thread is beyond
/// help, so that panics.
pub(crate) fn on_deep_stack<T: Send>(walk: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        match std::thread::Builder::new()
            .name("graph-walk".to_owned())
            .stack_size(DEEP_STACK)
            .spawn_scoped(scope, walk)
        {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(e) => panic!("cannot start a thread to walk the graph: {e}"),
        }
    })
}

/// A Python exception raised while validating, as ComfyUI reports one.
struct Raised {
    exception_type: &'static str,
    message: String,
}

/// What validation decided.
pub(crate) enum Verdict {
    /// Queue it: the outputs that validated (others are named in `node_errors`).
    Accepted {
        outputs: Vec<String>,
        node_errors: Value,
    },
    /// HTTP 400 with this `error` and `node_errors`.
    Refused { error: Value, node_errors: Value },
}

fn top_error(kind: &str, message: &str, details: &str) -> Value {
    json!({"type": kind, "message": message, "details": details, "extra_info": {}})
}

/// Python's `str()` of a JSON value, near enough for messages.
pub(crate) fn py_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Null => "None".to_owned(),
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or_default();
            if f.fract() == 0.0 && f.abs() < 1e16 {
                format!("{f:.1}")
            } else {
                format!("{f}")
            }
        }
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(py_repr).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

/// Python's `repr()`: strings in single quotes.
fn py_repr(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        other => py_str(other),
    }
}

/// `int(val)`.
fn to_int(value: &Value) -> Result<Value, String> {
    match value {
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(value.clone()),
        Value::Number(n) => Ok(json!(n.as_f64().unwrap_or_default().trunc() as i64)),
        Value::Bool(b) => Ok(json!(i64::from(*b))),
        Value::String(s) => s
            .trim()
            .parse::<i64>()
            .map(|i| json!(i))
            .map_err(|_| format!("invalid literal for int() with base 10: '{s}'")),
        Value::Null => Err(
            "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"
                .to_owned(),
        ),
        _ => Err(
            "int() argument must be a string, a bytes-like object or a real number, not 'dict'"
                .to_owned(),
        ),
    }
}

/// `float(val)`.
fn to_float(value: &Value) -> Result<Value, String> {
    match value {
        Value::Number(n) => Ok(json!(n.as_f64().unwrap_or_default())),
        Value::Bool(b) => Ok(json!(if *b { 1.0 } else { 0.0 })),
        Value::String(s) => s
            .trim()
            .parse::<f64>()
            .map(|f| json!(f))
            .map_err(|_| format!("could not convert string to float: '{s}'")),
        _ => Err("float() argument must be a string or a real number".to_owned()),
    }
}

fn as_f64(value: &Value) -> Option<f64> {
    value.as_f64()
}

struct Validator<'a> {
    prompt: &'a mut Map<String, Value>,
    checkpoints: &'a [String],
    /// Node id → (valid, reasons), in the order nodes were validated.
    validated: Vec<(String, bool, Vec<Value>)>,
    visiting: BTreeSet<String>,
}

impl Validator<'_> {
    fn result(&self, id: &str) -> Option<bool> {
        self.validated
            .iter()
            .find(|(n, _, _)| n == id)
            .map(|(_, valid, _)| *valid)
    }

    fn record(&mut self, id: &str, valid: bool, reasons: Vec<Value>) {
        if let Some(entry) = self.validated.iter_mut().find(|(n, _, _)| n == id) {
            *entry = (id.to_owned(), valid, reasons);
        } else {
            self.validated.push((id.to_owned(), valid, reasons));
        }
    }

    fn class_of(&self, id: &str) -> Result<NodeClass, Raised> {
        let node = self.prompt.get(id).ok_or_else(|| Raised {
            exception_type: "KeyError",
            message: format!("'{id}'"),
        })?;
        let name = node["class_type"].as_str().unwrap_or_default();
        class(name, self.checkpoints).ok_or_else(|| Raised {
            exception_type: "KeyError",
            message: format!("'{name}'"),
        })
    }

    /// `validate_inputs`: whether `id` and everything it draws from is valid.
    fn node(&mut self, id: &str) -> Result<bool, Raised> {
        if let Some(valid) = self.result(id) {
            return Ok(valid);
        }
        if self.visiting.len() >= MAX_DEPTH || !self.visiting.insert(id.to_owned()) {
            return Err(Raised {
                exception_type: "RecursionError",
                message: "maximum recursion depth exceeded".to_owned(),
            });
        }
        let outcome = self.inputs_of(id);
        self.visiting.remove(id);
        let (valid, errors) = outcome?;
        self.record(id, valid && errors.is_empty(), errors);
        Ok(self.result(id).unwrap_or(false))
    }

    fn inputs_of(&mut self, id: &str) -> Result<(bool, Vec<Value>), Raised> {
        let spec = self.class_of(id)?;
        let required = spec.info["input"]["required"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut errors = Vec::new();
        let mut valid = true;
        for (name, config) in &required {
            let Some(value) = self.prompt[id]["inputs"].get(name).cloned() else {
                errors.push(json!({
                    "type": "required_input_missing",
                    "message": "Required input is missing",
                    "details": name,
                    "extra_info": {"input_name": name},
                }));
                continue;
            };
            let input_type = &config[0];
            let options = &config[1];
            if let Value::Array(link) = &value {
                if link.len() != 2 {
                    errors.push(json!({
                        "type": "bad_linked_input",
                        "message": "Bad linked input, must be a length-2 list of [node_id, slot_index]",
                        "details": name,
                        "extra_info": {"input_name": name, "input_config": config, "received_value": value},
                    }));
                    continue;
                }
                let from = match &link[0] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let from_class = self.class_of(&from)?;
                let slot = link[1].as_u64().ok_or_else(|| Raised {
                    exception_type: "TypeError",
                    message: "tuple indices must be integers or slices, not str".to_owned(),
                })?;
                let received = from_class
                    .returns
                    .get(slot as usize)
                    .ok_or_else(|| Raised {
                        exception_type: "IndexError",
                        message: "tuple index out of range".to_owned(),
                    })?;
                let wanted = input_type.as_str().unwrap_or_default();
                if *received != wanted && wanted != "*" {
                    errors.push(json!({
                        "type": "return_type_mismatch",
                        "message": "Return type mismatch between linked nodes",
                        "details": format!("{name}, received_type({received}) mismatch input_type({wanted})"),
                        "extra_info": {"input_name": name, "input_config": config, "received_type": received, "linked_node": value},
                    }));
                    continue;
                }
                match self.node(&from) {
                    Ok(true) => {}
                    Ok(false) => valid = false,
                    Err(raised) => {
                        valid = false;
                        let reasons = vec![json!({
                            "type": "exception_during_inner_validation",
                            "message": "Exception when validating inner node",
                            "details": raised.message,
                            "extra_info": {
                                "input_name": name,
                                "input_config": config,
                                "exception_message": raised.message,
                                "exception_type": raised.exception_type,
                                "traceback": ["  File \"execution.py\", in validate_inputs\n"],
                                "linked_node": value,
                            },
                        })];
                        self.record(&from, false, reasons);
                    }
                }
                continue;
            }
            let converted = match input_type.as_str() {
                Some("INT") => to_int(&value),
                Some("FLOAT") => to_float(&value),
                Some("STRING") => Ok(json!(py_str(&value))),
                Some("BOOLEAN") => Ok(json!(
                    !matches!(&value, Value::Bool(false) | Value::Null)
                        && value != json!(0)
                        && value != json!("")
                )),
                _ => Ok(value.clone()),
            };
            let value = match converted {
                Ok(v) => v,
                Err(message) => {
                    errors.push(json!({
                        "type": "invalid_input_type",
                        "message": format!("Failed to convert an input value to a {} value", py_str(input_type)),
                        "details": format!("{name}, {}, {message}", py_str(&value)),
                        "extra_info": {"input_name": name, "input_config": config, "received_value": value, "exception_message": message},
                    }));
                    continue;
                }
            };
            self.prompt[id]["inputs"][name] = value.clone();
            if let (Some(min), Some(v)) = (options.get("min").and_then(as_f64), as_f64(&value)) {
                if v < min {
                    errors.push(json!({
                        "type": "value_smaller_than_min",
                        "message": format!("Value {} smaller than min of {}", py_str(&value), py_str(&options["min"])),
                        "details": name,
                        "extra_info": {"input_name": name, "input_config": config, "received_value": value},
                    }));
                    continue;
                }
            }
            if let (Some(max), Some(v)) = (options.get("max").and_then(as_f64), as_f64(&value)) {
                if v > max {
                    errors.push(json!({
                        "type": "value_bigger_than_max",
                        "message": format!("Value {} bigger than max of {}", py_str(&value), py_str(&options["max"])),
                        "details": name,
                        "extra_info": {"input_name": name, "input_config": config, "received_value": value},
                    }));
                    continue;
                }
            }
            if let Value::Array(choices) = input_type {
                if !choices.contains(&value) {
                    let (list_info, input_config) = if choices.len() > 20 {
                        (format!("(list of length {})", choices.len()), Value::Null)
                    } else {
                        (py_str(input_type), config.clone())
                    };
                    errors.push(json!({
                        "type": "value_not_in_list",
                        "message": "Value not in list",
                        "details": format!("{name}: '{}' not in {list_info}", py_str(&value)),
                        "extra_info": {"input_name": name, "input_config": input_config, "received_value": value},
                    }));
                }
            }
        }
        Ok((valid, errors))
    }
}

/// Validates `prompt` (the graph of a `POST /prompt`) and converts its literal inputs.
pub(crate) fn validate(prompt: &mut Map<String, Value>, checkpoints: &[String]) -> Verdict {
    on_deep_stack(|| validate_here(prompt, checkpoints))
}

fn validate_here(prompt: &mut Map<String, Value>, checkpoints: &[String]) -> Verdict {
    let no_errors = || json!({});
    let mut outputs = BTreeSet::new();
    for (id, node) in prompt.iter() {
        let Some(class_type) = node.get("class_type") else {
            return Verdict::Refused {
                error: top_error(
                    "invalid_prompt",
                    "Cannot execute because a node is missing the class_type property.",
                    &format!("Node ID '#{id}'"),
                ),
                node_errors: no_errors(),
            };
        };
        let name = class_type.as_str().unwrap_or_default();
        let Some(spec) = class(name, checkpoints) else {
            return Verdict::Refused {
                error: top_error(
                    "invalid_prompt",
                    &format!(
                        "Cannot execute because node {} does not exist.",
                        py_str(class_type)
                    ),
                    &format!("Node ID '#{id}'"),
                ),
                node_errors: no_errors(),
            };
        };
        if spec.output_node {
            outputs.insert(id.clone());
        }
    }
    if outputs.is_empty() {
        return Verdict::Refused {
            error: top_error("prompt_no_outputs", "Prompt has no outputs", ""),
            node_errors: no_errors(),
        };
    }
    let mut validator = Validator {
        prompt,
        checkpoints,
        validated: Vec::new(),
        visiting: BTreeSet::new(),
    };
    let mut good = Vec::new();
    let mut failed: Vec<(String, Vec<Value>)> = Vec::new();
    let mut node_errors: BTreeMap<String, Value> = BTreeMap::new();
    for output in outputs {
        let valid = match validator.node(&output) {
            Ok(valid) => valid,
            Err(raised) => {
                let reasons = vec![json!({
                    "type": "exception_during_validation",
                    "message": "Exception when validating node",
                    "details": raised.message,
                    "extra_info": {
                        "exception_type": raised.exception_type,
                        "traceback": ["  File \"execution.py\", in validate_prompt\n"],
                    },
                })];
                validator.record(&output, false, reasons);
                false
            }
        };
        if valid {
            good.push(output);
            continue;
        }
        let own = validator
            .validated
            .iter()
            .find(|(n, _, _)| *n == output)
            .map(|(_, _, reasons)| reasons.clone())
            .unwrap_or_default();
        failed.push((output.clone(), own));
        for (node, valid, reasons) in &validator.validated {
            if *valid || reasons.is_empty() {
                continue;
            }
            let class_type = validator.prompt[node.as_str()]["class_type"].clone();
            let entry = node_errors.entry(node.clone()).or_insert_with(
                || json!({"errors": reasons, "dependent_outputs": [], "class_type": class_type}),
            );
            if let Some(list) = entry["dependent_outputs"].as_array_mut() {
                list.push(json!(output));
            }
        }
    }
    let node_errors = Value::Object(node_errors.into_iter().collect());
    if good.is_empty() {
        let details: Vec<String> = failed
            .iter()
            .flat_map(|(_, reasons)| reasons.iter())
            .map(|r| format!("{}: {}", py_str(&r["message"]), py_str(&r["details"])))
            .collect();
        return Verdict::Refused {
            error: top_error(
                "prompt_outputs_failed_validation",
                "Prompt outputs failed validation",
                &details.join("\n"),
            ),
            node_errors,
        };
    }
    Verdict::Accepted {
        outputs: good,
        node_errors,
    }
}

#[cfg(test)]
mod tests;
