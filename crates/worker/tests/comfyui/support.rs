//! A ComfyUI to render on (the fake, or a real one named by `COMFYUI_URL`), workflows for
//! it, and a way to watch a render.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use atelier_comfyui_fake::{start, FakeComfy, FakeOptions, Knobs};
use atelier_worker::{
    Backend, CancellationToken, ComfyUiBackend, RenderContext, RenderError, RenderSpec, Update,
};
use serde_json::{json, Value};

/// Anything that waits gives up after this (a real ComfyUI on a CPU is slow to start).
pub const PATIENCE: Duration = Duration::from_secs(120);

/// The ComfyUI a test renders on.
pub struct Server {
    pub url: String,
    /// `None` on a real ComfyUI.
    pub fake: Option<FakeComfy>,
}

impl Server {
    /// The real ComfyUI at `COMFYUI_URL` when it is set, else a fake.
    pub async fn for_test() -> Self {
        match std::env::var("COMFYUI_URL") {
            Ok(url) if !url.trim().is_empty() => Self {
                url: url.trim().trim_end_matches('/').to_owned(),
                fake: None,
            },
            _ => Self::fake().await,
        }
    }

    /// Always a fake: for what a real ComfyUI cannot be made to do on demand.
    pub async fn fake() -> Self {
        let fake = start(FakeOptions::default())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        Self {
            url: fake.url.clone(),
            fake: Some(fake),
        }
    }

    pub fn knobs(&self) -> &Knobs {
        &self
            .fake
            .as_ref()
            .unwrap_or_else(|| panic!("this test needs the fake"))
            .knobs
    }

    pub fn backend(&self) -> ComfyUiBackend {
        ComfyUiBackend::new([&self.url]).unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn get(&self, path: &str) -> Value {
        reqwest::get(format!("{}{path}", self.url))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .json()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn post(&self, path: &str, body: Value) -> Value {
        let response = reqwest::Client::new()
            .post(format!("{}{path}", self.url))
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let text = response.text().await.unwrap_or_default();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// The history entry of `prompt_id`, once ComfyUI has written it (it sends
    /// `execution_interrupted` a moment before).
    pub async fn finished(&self, prompt_id: &str) -> Value {
        within(async {
            loop {
                let mut history = self.get(&format!("/history/{prompt_id}")).await;
                if let Some(entry) = history.get_mut(prompt_id) {
                    return entry.take();
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
    }

    pub async fn bytes(&self, path: &str) -> Vec<u8> {
        reqwest::get(format!("{}{path}", self.url))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .bytes()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .to_vec()
    }

    /// Waits until ComfyUI's queue, as `GET /queue` shows it, satisfies `ready`.
    pub async fn wait_for_queue(&self, ready: impl Fn(&Queue) -> bool) -> Queue {
        let items = |list: &Value| -> Vec<(String, Value)> {
            list.as_array()
                .into_iter()
                .flatten()
                .filter_map(|item| Some((item[1].as_str()?.to_owned(), item[2].clone())))
                .collect()
        };
        within(async {
            loop {
                let queue = self.get("/queue").await;
                let queue = Queue {
                    running: items(&queue["queue_running"]),
                    pending: items(&queue["queue_pending"]),
                };
                if ready(&queue) {
                    return queue;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
    }

    /// A workflow that keeps ComfyUI busy until interrupted: many slow nodes on the fake,
    /// a chain of heavy blurs on a real ComfyUI (about 0.4 s each on a CPU).
    pub fn slow_workflow(&self, prefix: &str) -> Value {
        let length = match &self.fake {
            Some(fake) => {
                fake.knobs.set_node_delay(Duration::from_millis(50));
                100
            }
            None => 40,
        };
        let mut graph = json!({"1": {"class_type": "EmptyImage", "inputs": {"width": 512, "height": 512, "batch_size": 1, "color": fresh_colour()}}});
        for n in 0..length {
            let source = if n == 0 { 1 } else { 9 + n };
            graph[(10 + n).to_string()] = json!({"class_type": "ImageBlur",
                "inputs": {"image": [source.to_string(), 0], "blur_radius": 31, "sigma": 5.0}});
        }
        graph["2"] = json!({"class_type": "SaveImage",
            "inputs": {"images": [(9 + length).to_string(), 0], "filename_prefix": prefix}});
        graph
    }
}

/// ComfyUI's queue: prompt ids with their graphs.
#[derive(Debug)]
pub struct Queue {
    pub running: Vec<(String, Value)>,
    pub pending: Vec<(String, Value)>,
}

/// The id of the prompt in `list` that saves under `prefix` (each test has its own prefix,
/// so tests sharing a real ComfyUI tell their prompts apart).
fn with_prefix(list: &[(String, Value)], prefix: &str) -> Option<String> {
    list.iter()
        .find(|(_, graph)| {
            graph.as_object().is_some_and(|nodes| {
                nodes
                    .values()
                    .any(|n| n["inputs"]["filename_prefix"] == prefix)
            })
        })
        .map(|(id, _)| id.clone())
}

impl Queue {
    pub fn running(&self, prefix: &str) -> Option<String> {
        with_prefix(&self.running, prefix)
    }

    pub fn pending(&self, prefix: &str) -> Option<String> {
        with_prefix(&self.pending, prefix)
    }
}

/// Runs `future`, failing the test if it takes longer than [`PATIENCE`].
pub async fn within<T>(future: impl Future<Output = T>) -> T {
    tokio::time::timeout(PATIENCE, future)
        .await
        .unwrap_or_else(|_| panic!("gave up waiting"))
}

/// A colour no other test uses, so ComfyUI's cache never answers for another test's graph.
pub fn fresh_colour() -> u32 {
    (uuid::Uuid::new_v4().as_u128() & 0xFF_FFFF) as u32
}

/// A file prefix of its own for each render: `atelier/<job>`.
pub fn fresh_prefix() -> String {
    format!("atelier/{}", uuid::Uuid::new_v4().simple())
}

/// The model-free workflow: EmptyImage → SaveImage.
pub fn model_free(width: i64, height: i64, colour: u32, prefix: &str) -> Value {
    json!({
        "1": {"class_type": "EmptyImage", "inputs": {"width": width, "height": height, "batch_size": 1, "color": colour}},
        "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": prefix}},
    })
}

/// An SD-style checkpoint workflow (the fake's `sd15.safetensors`).
pub fn sd_workflow(steps: u32, prefix: &str) -> Value {
    json!({
        "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd15.safetensors"}},
        "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a lighthouse at dusk", "clip": ["4", 1]}},
        "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry", "clip": ["4", 1]}},
        "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 48, "batch_size": 1}},
        "3": {"class_type": "KSampler", "inputs": {"model": ["4", 0], "seed": fresh_colour(), "steps": steps,
              "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "positive": ["6", 0],
              "negative": ["7", 0], "latent_image": ["5", 0], "denoise": 1.0}},
        "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
        "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": prefix}},
    })
}

pub fn spec(workflow: Option<Value>) -> RenderSpec {
    RenderSpec {
        job: uuid::Uuid::new_v4().to_string(),
        prompt: "a test".to_owned(),
        negative_prompt: String::new(),
        model: "comfy".to_owned(),
        width: 0,
        height: 0,
        seed: 1,
        workflow,
    }
}

/// What a render reported, and the means to stop it.
#[derive(Clone, Default)]
pub struct Watch {
    pub updates: Arc<Mutex<Vec<Update>>>,
    pub stop: CancellationToken,
}

impl Watch {
    pub fn progress(&self) -> Vec<f32> {
        self.updates
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter_map(|u| match u {
                Update::Progress(p) => Some(*p),
                Update::Preview(_) => None,
            })
            .collect()
    }

    pub fn previews(&self) -> Vec<(&'static str, Vec<u8>)> {
        self.updates
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter_map(|u| match u {
                Update::Preview(p) => Some((p.mime, p.bytes.clone())),
                Update::Progress(_) => None,
            })
            .collect()
    }

    /// Renders `spec` on `backend`, reporting here.
    pub async fn render(
        &self,
        backend: &ComfyUiBackend,
        spec: &RenderSpec,
    ) -> Result<Vec<u8>, RenderError> {
        let updates = self.updates.clone();
        let report = move |update: Update| {
            updates
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(update);
        };
        let cx = RenderContext {
            report: &report,
            stop: &self.stop,
        };
        within(backend.render(spec, cx)).await
    }
}

/// Renders in the background; the handle gives the result.
pub fn spawn_render(
    backend: Arc<ComfyUiBackend>,
    spec: RenderSpec,
    watch: Watch,
) -> tokio::task::JoinHandle<Result<Vec<u8>, RenderError>> {
    tokio::spawn(async move { watch.render(&backend, &spec).await })
}

/// The size of a PNG.
pub fn size_of(png: &[u8]) -> (u32, u32) {
    let (_, w, h) = atelier_media::make_thumbnail(png).unwrap_or_else(|e| panic!("{e}"));
    (w, h)
}
