//! What each node class "does" in the fake: images are solid colours of the requested size,
//! a sampler paces its steps and sends progress and previews, SaveImage writes real PNGs
//! with the graph in them.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use crate::catalogue::Action;
use crate::pictures::{preview_png, python_json, solid_png, with_text};
use crate::state::{timestamp, Shared};

/// Where the fake pretends its output folder is, for error messages.
const OUTPUT_DIR: &str = "/comfyui/output";

/// A value passed along a link.
#[derive(Debug, Clone)]
pub(crate) enum Val {
    Model,
    Clip,
    Vae,
    Conditioning(String),
    Latent {
        width: u32,
        height: u32,
        batch: u32,
        tint: [u8; 3],
    },
    Image {
        width: u32,
        height: u32,
        batch: u32,
        rgb: [u8; 3],
    },
}

/// Why a node did not finish.
pub(crate) enum NodeFailure {
    Interrupted,
    Raised {
        exception_type: String,
        message: String,
    },
}

fn raised(message: impl Into<String>) -> NodeFailure {
    NodeFailure::Raised {
        exception_type: "Exception".to_owned(),
        message: message.into(),
    }
}

/// What a node runs with.
pub(crate) struct NodeRun<'a> {
    pub shared: &'a Arc<Shared>,
    pub id: &'a str,
    pub action: Action,
    /// Its literal inputs (converted by validation).
    pub literals: &'a Value,
    /// Its linked inputs, resolved.
    pub links: Vec<(String, Val)>,
    pub prompt_id: &'a str,
    pub client: Option<&'a str>,
    /// The whole graph and the prompt's extra data, for the PNG's text chunks.
    pub graph: &'a Value,
    pub extra_data: &'a Value,
}

impl NodeRun<'_> {
    fn int(&self, name: &str) -> u64 {
        self.literals[name].as_u64().unwrap_or_default()
    }

    fn dim(&self, name: &str) -> u32 {
        u32::try_from(self.int(name)).unwrap_or(u32::MAX)
    }

    fn link(&self, name: &str) -> Result<&Val, NodeFailure> {
        self.links
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
            .ok_or_else(|| raised(format!("input {name} is missing")))
    }

    fn interrupted(&self) -> bool {
        self.shared.interrupt.load(Ordering::SeqCst)
    }

    /// Takes the node delay, rereading it as it goes: a test that shortens it ends the
    /// wait of a node already running.
    async fn pause(&self) {
        let started = tokio::time::Instant::now();
        loop {
            let left = self.shared.node_delay().saturating_sub(started.elapsed());
            if left.is_zero() {
                return;
            }
            tokio::time::sleep(left.min(Duration::from_millis(20))).await;
        }
    }

    /// Runs the node: its outputs, and what it shows in the UI (`executed`'s `output`).
    pub async fn run(&self) -> Result<(Vec<Val>, Option<Value>), NodeFailure> {
        if self.action != Action::Sampler {
            self.pause().await;
        }
        let failure = self
            .shared
            .runtime_failure
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(failure) = failure {
            let class_type = self.graph[self.id]["class_type"].as_str().unwrap_or("");
            if failure.node == self.id || failure.node == class_type {
                return Err(NodeFailure::Raised {
                    exception_type: failure.exception_type,
                    message: failure.message,
                });
            }
        }
        let outputs = match self.action {
            Action::CheckpointLoader => vec![Val::Model, Val::Clip, Val::Vae],
            Action::TextEncode => vec![Val::Conditioning(
                self.literals["text"].as_str().unwrap_or("").to_owned(),
            )],
            Action::EmptyLatent => vec![Val::Latent {
                width: self.dim("width"),
                height: self.dim("height"),
                batch: self.dim("batch_size"),
                tint: [128, 128, 128],
            }],
            Action::EmptyImage => {
                let c = self.int("color");
                vec![Val::Image {
                    width: self.dim("width"),
                    height: self.dim("height"),
                    batch: self.dim("batch_size"),
                    rgb: [(c >> 16) as u8, (c >> 8) as u8, c as u8],
                }]
            }
            Action::ImageBlur => vec![self.link("image")?.clone()],
            Action::Sampler => vec![self.sample().await?],
            Action::VaeDecode => match self.link("samples")? {
                Val::Latent {
                    width,
                    height,
                    batch,
                    tint,
                } => vec![Val::Image {
                    width: width / 8 * 8,
                    height: height / 8 * 8,
                    batch: *batch,
                    rgb: *tint,
                }],
                _ => return Err(raised("samples is not a latent")),
            },
            Action::SaveImage | Action::PreviewImage => {
                return Ok((Vec::new(), Some(self.save().await?)));
            }
        };
        Ok((outputs, None))
    }

    /// KSampler: one `progress` and one preview frame per step, the interrupt checked at each.
    async fn sample(&self) -> Result<Val, NodeFailure> {
        let Val::Latent {
            width,
            height,
            batch,
            ..
        } = self.link("latent_image")?.clone()
        else {
            return Err(raised("latent_image is not a latent"));
        };
        let positive = match self.link("positive")? {
            Val::Conditioning(text) => text.clone(),
            _ => String::new(),
        };
        let seed = self.int("seed");
        let hash = positive
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64 ^ seed, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        let tint = [(hash >> 40) as u8, (hash >> 24) as u8, (hash >> 8) as u8];
        let steps = self.int("steps").max(1);
        for step in 1..=steps {
            self.pause().await;
            if self.interrupted() {
                return Err(NodeFailure::Interrupted);
            }
            self.shared.send(
                "progress",
                json!({"value": step, "max": steps, "prompt_id": self.prompt_id, "node": self.id}),
                self.client,
            );
            let preview = preview_png(tint, step, steps).map_err(raised)?;
            let (prompt_id, id) = (self.prompt_id, self.id);
            self.shared.send_binary(
                |with_metadata| preview_frame(&preview, with_metadata, prompt_id, id),
                self.client,
            );
        }
        Ok(Val::Latent {
            width,
            height,
            batch,
            tint,
        })
    }

    /// SaveImage and PreviewImage: real PNG files, named as ComfyUI names them.
    async fn save(&self) -> Result<Value, NodeFailure> {
        let Val::Image {
            width,
            height,
            batch,
            rgb,
        } = self.link("images")?.clone()
        else {
            return Err(raised("images is not an image"));
        };
        let (kind, prefix) = if self.action == Action::SaveImage {
            let prefix = self.literals["filename_prefix"]
                .as_str()
                .unwrap_or("ComfyUI");
            ("output", prefix.to_owned())
        } else {
            let random: String = uuid::Uuid::new_v4()
                .simple()
                .to_string()
                .chars()
                .filter(char::is_ascii_lowercase)
                .chain("abcde".chars())
                .take(5)
                .collect();
            ("temp", format!("ComfyUI_temp_{random}"))
        };
        let prefix = prefix
            .replace("%width%", &width.to_string())
            .replace("%height%", &height.to_string());
        let (subfolder, filename) = split_prefix(&prefix)?;
        let png = tokio::task::spawn_blocking(move || solid_png(width, height, rgb))
            .await
            .map_err(|e| raised(e.to_string()))?
            .map_err(raised)?;
        let mut texts = vec![("prompt", python_json(self.graph))];
        if let Some(extra) = self.extra_data["extra_pnginfo"].as_object() {
            for (key, value) in extra {
                texts.push((key.as_str(), python_json(value)));
            }
        }
        let png = Arc::new(with_text(&png, &texts));
        let mut inner = self.shared.lock();
        let stem = format!("{filename}_");
        let first = inner
            .files
            .keys()
            .filter(|(t, s, _)| t == kind && *s == subfolder)
            .filter_map(|(_, _, name)| name.strip_prefix(&stem)?.split('_').next()?.parse().ok())
            .max()
            .unwrap_or(0_u32)
            + 1;
        let mut images = Vec::new();
        for batch_number in 0..batch {
            let counter = first + batch_number;
            let name = format!(
                "{}_{counter:05}_.png",
                filename.replace("%batch_num%", &batch_number.to_string())
            );
            inner.files.insert(
                (kind.to_owned(), subfolder.clone(), name.clone()),
                png.clone(),
            );
            images.push(json!({"filename": name, "subfolder": subfolder, "type": kind}));
        }
        Ok(json!({ "images": images }))
    }
}

/// `os.path.normpath` then dirname and basename, refusing what leaves the output folder as
/// ComfyUI's `get_save_image_path` does.
fn split_prefix(prefix: &str) -> Result<(String, String), NodeFailure> {
    let mut parts: Vec<&str> = Vec::new();
    let mut escapes = prefix.starts_with('/');
    for part in prefix.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    escapes = true;
                }
            }
            other => parts.push(other),
        }
    }
    if escapes {
        let message = format!(
            "**** ERROR: Saving image outside the output folder is not allowed.\n full_output_folder: /comfyui\n         output_dir: {OUTPUT_DIR}\n         commonpath: /"
        );
        return Err(raised(message));
    }
    let filename = parts.pop().unwrap_or("").to_owned();
    Ok((parts.join("/"), filename))
}

/// A binary preview frame: event 1 (type 2, PNG) or, for a socket that negotiated preview
/// metadata, event 4 with its JSON.
pub(crate) fn preview_frame(
    png: &[u8],
    with_metadata: bool,
    prompt_id: &str,
    node: &str,
) -> Vec<u8> {
    let mut frame = Vec::with_capacity(png.len() + 256);
    if with_metadata {
        let metadata = json!({
            "node_id": node, "prompt_id": prompt_id, "display_node_id": node,
            "parent_node_id": null, "real_node_id": node, "image_type": "image/png",
        })
        .to_string();
        frame.extend_from_slice(&4_u32.to_be_bytes());
        frame.extend_from_slice(&(metadata.len() as u32).to_be_bytes());
        frame.extend_from_slice(metadata.as_bytes());
    } else {
        frame.extend_from_slice(&1_u32.to_be_bytes());
        frame.extend_from_slice(&2_u32.to_be_bytes());
    }
    frame.extend_from_slice(png);
    frame
}

/// ComfyUI's `format_value` for `current_inputs`: literals as they are, anything else as a
/// string.
pub(crate) fn current_inputs(
    literals: &Value,
    links: &[(String, Val)],
    action: Action,
    graph: &Value,
) -> Value {
    let mut out = serde_json::Map::new();
    if matches!(action, Action::SaveImage | Action::PreviewImage) {
        // The hidden inputs of an image saver.
        out.insert("prompt".to_owned(), json!([python_repr(graph)]));
        out.insert("extra_pnginfo".to_owned(), json!([null]));
    }
    if let Some(map) = literals.as_object() {
        for (name, value) in map {
            if !value.is_array() {
                out.insert(name.clone(), json!([value]));
            }
        }
    }
    for (name, value) in links {
        let shown = match value {
            Val::Image { .. } => "tensor([...])".to_owned(),
            Val::Latent { .. } => "{'samples': tensor([...])}".to_owned(),
            other => format!("<{other:?}>"),
        };
        out.insert(name.clone(), json!([shown]));
    }
    Value::Object(out)
}

/// Python's `repr()` of a JSON value (what `str()` of a dict shows).
fn python_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(python_repr).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", python_repr(&json!(k)), python_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `data` with its `timestamp`, as ComfyUI's `add_message` stamps status messages.
pub(crate) fn stamped(mut data: Value) -> Value {
    data["timestamp"] = json!(timestamp());
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_split_into_folder_and_name() {
        let ok = |p: &str| split_prefix(p).unwrap_or_else(|_| panic!("{p} refused"));
        assert_eq!(
            ok("atelier/job42/img"),
            ("atelier/job42".into(), "img".into())
        );
        assert_eq!(ok("plain"), (String::new(), "plain".into()));
        assert_eq!(ok("a/./b/../c"), ("a".into(), "c".into()));
        assert!(split_prefix("../escape").is_err());
        assert!(split_prefix("/etc/x").is_err());
        assert!(split_prefix("a/../../x").is_err());
    }
}
