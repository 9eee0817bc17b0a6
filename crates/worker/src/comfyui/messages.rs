//! What ComfyUI says, read into what a render needs: socket events, refusals a user can
//! read, runtime failures sorted into retryable and permanent, and the image a finished
//! prompt saved.

use serde_json::Value;

use crate::{Preview, RenderError};

/// The longest error message passed on; ComfyUI's can carry a whole traceback.
const MESSAGE_LIMIT: usize = 400;

/// One socket message, as far as a render cares.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Event {
    /// `execution_cached`: how many nodes will not run again.
    Cached {
        prompt_id: String,
        nodes: usize,
    },
    /// `executing`: a node starts, or (`node: None`) the prompt ended and its history is
    /// written. Without a prompt id after a reconnect, which is not ours to trust.
    Executing {
        prompt_id: Option<String>,
        node: Option<String>,
    },
    /// A sampler's step.
    Progress {
        prompt_id: Option<String>,
        value: f64,
        max: f64,
    },
    Success {
        prompt_id: String,
    },
    Failed {
        prompt_id: String,
        error: RenderError,
    },
    Interrupted {
        prompt_id: String,
    },
    Preview(Preview),
    /// Anything else (`status`, `progress_state`, `executed`, …).
    Other,
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// Reads a text frame.
pub(super) fn parse_text(frame: &str) -> Event {
    let Ok(message) = serde_json::from_str::<Value>(frame) else {
        return Event::Other;
    };
    let data = &message["data"];
    let prompt_id = text(&data["prompt_id"]);
    match (message["type"].as_str(), prompt_id) {
        (Some("execution_cached"), Some(prompt_id)) => Event::Cached {
            prompt_id,
            nodes: data["nodes"].as_array().map_or(0, Vec::len),
        },
        (Some("executing"), prompt_id) => Event::Executing {
            prompt_id,
            node: text(&data["node"]),
        },
        (Some("progress"), prompt_id) => Event::Progress {
            prompt_id,
            value: data["value"].as_f64().unwrap_or(0.0),
            max: data["max"].as_f64().unwrap_or(0.0),
        },
        (Some("execution_success"), Some(prompt_id)) => Event::Success { prompt_id },
        (Some("execution_error"), Some(prompt_id)) => Event::Failed {
            prompt_id,
            error: runtime_failure(data),
        },
        (Some("execution_interrupted"), Some(prompt_id)) => Event::Interrupted { prompt_id },
        _ => Event::Other,
    }
}

/// Reads a binary frame: a preview (event 1, image type 1 JPEG or 2 PNG; or event 4 with
/// its JSON naming the type), anything else ignored.
pub(super) fn parse_binary(frame: &[u8]) -> Event {
    let word = |at: usize| {
        frame
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let preview = |mime: &'static str, start: usize| match frame.get(start..) {
        Some(bytes) if !bytes.is_empty() => Event::Preview(Preview {
            mime,
            bytes: bytes.to_vec(),
        }),
        _ => Event::Other,
    };
    match (word(0), word(4)) {
        (Some(1), Some(1)) => preview("image/jpeg", 8),
        (Some(1), Some(2)) => preview("image/png", 8),
        (Some(4), Some(length)) => {
            let start = 8 + length as usize;
            let Some(metadata) = frame
                .get(8..start)
                .and_then(|m| serde_json::from_slice::<Value>(m).ok())
            else {
                return Event::Other;
            };
            match metadata["image_type"].as_str() {
                Some("image/png") => preview("image/png", start),
                Some("image/jpeg") => preview("image/jpeg", start),
                _ => Event::Other,
            }
        }
        _ => Event::Other,
    }
}

fn shorten(message: &str) -> String {
    let message = message.trim();
    if message.chars().count() <= MESSAGE_LIMIT {
        return message.to_owned();
    }
    let cut: String = message.chars().take(MESSAGE_LIMIT).collect();
    format!("{cut}…")
}

/// A `POST /prompt` 400 as a sentence: the reasons in `node_errors`, else `error.message`.
pub(super) fn refusal(body: &Value) -> String {
    let mut reasons = Vec::new();
    if let Some(nodes) = body["node_errors"].as_object() {
        for node in nodes.values() {
            for error in node["errors"].as_array().into_iter().flatten() {
                let message = error["message"].as_str().unwrap_or("invalid");
                let details = error["details"].as_str().unwrap_or("");
                let reason = match error["extra_info"]["input_name"].as_str() {
                    // "ckpt_name: 'x.safetensors' not in [...]" says it all.
                    Some(input) if details.starts_with(&format!("{input}: ")) => details.to_owned(),
                    Some(input) => format!("{input}: {message}"),
                    None if details.is_empty() => message.to_owned(),
                    None => format!("{message}: {details}"),
                };
                if !reasons.contains(&reason) {
                    reasons.push(reason);
                }
            }
        }
    }
    if reasons.is_empty() {
        let error = &body["error"];
        let message = error["message"]
            .as_str()
            .or_else(|| error.as_str())
            .unwrap_or("the workflow is not valid");
        match error["details"].as_str().filter(|d| !d.is_empty()) {
            Some(details) => reasons.push(format!("{message} ({details})")),
            None => reasons.push(message.to_owned()),
        }
    }
    shorten(&format!(
        "ComfyUI refused the workflow: {}",
        reasons.join("; ")
    ))
}

/// `execution_error`'s data as an error: running out of GPU memory may pass on another
/// attempt (or machine); anything else the workflow will do again.
pub(super) fn runtime_failure(data: &Value) -> RenderError {
    let node = data["node_type"].as_str().unwrap_or("a node");
    let exception = data["exception_message"].as_str().unwrap_or("");
    let kind = data["exception_type"].as_str().unwrap_or("");
    let first_line = exception
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or(kind);
    let out_of_memory =
        kind.contains("OutOfMemory") || exception.to_ascii_lowercase().contains("out of memory");
    if out_of_memory {
        RenderError::retryable(shorten(&format!(
            "ComfyUI ran out of memory in {node}: {first_line}"
        )))
    } else {
        RenderError::permanent(shorten(&format!("ComfyUI failed in {node}: {first_line}")))
    }
}

/// Where a saved image is, as `/view` takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ImageRef {
    pub filename: String,
    pub subfolder: String,
    pub kind: String,
}

/// The first image of a history entry's outputs: saved files (`output`) before previews
/// (`temp`), output nodes in id order.
pub(super) fn first_image(outputs: &Value) -> Option<ImageRef> {
    let mut nodes: Vec<(&String, &Value)> = outputs.as_object()?.iter().collect();
    nodes.sort_by_key(|(id, _)| (id.parse::<u64>().unwrap_or(u64::MAX), (*id).clone()));
    let images = || {
        nodes
            .iter()
            .flat_map(|(_, node)| node["images"].as_array().into_iter().flatten())
    };
    let pick = |image: &Value| {
        Some(ImageRef {
            filename: image["filename"].as_str()?.to_owned(),
            subfolder: image["subfolder"].as_str().unwrap_or("").to_owned(),
            kind: image["type"].as_str().unwrap_or("output").to_owned(),
        })
    };
    images()
        .filter(|i| i["type"] == "output")
        .find_map(pick)
        .or_else(|| images().find_map(pick))
}

/// How a finished history entry ended.
pub(super) enum Ended {
    Succeeded(Value),
    Failed(RenderError),
    Interrupted,
}

/// Reads a history entry (`{prompt, outputs, status, meta}`).
pub(super) fn ended(entry: &Value) -> Ended {
    let status = &entry["status"];
    if status["status_str"] != "error" {
        return Ended::Succeeded(entry["outputs"].clone());
    }
    for message in status["messages"].as_array().into_iter().flatten().rev() {
        match message[0].as_str() {
            Some("execution_interrupted") => return Ended::Interrupted,
            Some("execution_error") => return Ended::Failed(runtime_failure(&message[1])),
            _ => {}
        }
    }
    Ended::Failed(RenderError::permanent(
        "ComfyUI reported an error without saying which",
    ))
}

#[cfg(test)]
mod tests;
