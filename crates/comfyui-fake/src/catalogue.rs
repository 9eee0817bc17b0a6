//! The node classes the fake knows: their `object_info` entries, as ComfyUI 0.3.64 describes
//! them. Validation reads the inputs' types and bounds straight from these entries, as
//! ComfyUI reads them from `INPUT_TYPES`.

use serde_json::{json, Value};

/// ComfyUI's `MAX_RESOLUTION`.
const MAX_RESOLUTION: u32 = 16384;

const SAMPLERS: &[&str] = &[
    "euler",
    "euler_cfg_pp",
    "euler_ancestral",
    "euler_ancestral_cfg_pp",
    "heun",
    "heunpp2",
    "dpm_2",
    "dpm_2_ancestral",
    "lms",
    "dpm_fast",
    "dpm_adaptive",
    "dpmpp_2s_ancestral",
    "dpmpp_2s_ancestral_cfg_pp",
    "dpmpp_sde",
    "dpmpp_sde_gpu",
    "dpmpp_2m",
    "dpmpp_2m_cfg_pp",
    "dpmpp_2m_sde",
    "dpmpp_2m_sde_gpu",
    "dpmpp_3m_sde",
    "dpmpp_3m_sde_gpu",
    "ddpm",
    "lcm",
    "ddim",
    "uni_pc",
    "uni_pc_bh2",
];

const SCHEDULERS: &[&str] = &[
    "simple",
    "sgm_uniform",
    "karras",
    "exponential",
    "ddim_uniform",
    "beta",
    "normal",
    "linear_quadratic",
    "kl_optimal",
];

/// What the fake does when it runs a node of this class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    EmptyImage,
    ImageBlur,
    SaveImage,
    PreviewImage,
    CheckpointLoader,
    TextEncode,
    EmptyLatent,
    Sampler,
    VaeDecode,
}

/// One node class.
#[derive(Debug, Clone)]
pub(crate) struct NodeClass {
    pub action: Action,
    /// The `object_info` entry.
    pub info: Value,
    /// `RETURN_TYPES`.
    pub returns: &'static [&'static str],
    pub output_node: bool,
}

/// Every class name the fake knows, in `object_info`'s order.
pub(crate) const CLASS_NAMES: &[&str] = &[
    "CheckpointLoaderSimple",
    "CLIPTextEncode",
    "EmptyLatentImage",
    "KSampler",
    "VAEDecode",
    "EmptyImage",
    "ImageBlur",
    "SaveImage",
    "PreviewImage",
];

fn int(default: i64, min: i64, max: u64, extra: Value) -> Value {
    let mut options = json!({"default": default, "min": min, "max": max});
    if let (Some(options), Value::Object(extra)) = (options.as_object_mut(), extra) {
        options.extend(extra);
    }
    json!(["INT", options])
}

/// A V1 node's `object_info` entry.
fn v1(
    name: &str,
    required: Value,
    hidden: Option<Value>,
    outputs: &[&str],
    category: &str,
    description: &str,
    output_node: bool,
) -> Value {
    let order: Vec<String> = required
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let mut input = json!({ "required": required });
    let mut input_order = json!({ "required": order });
    if let Some(hidden) = hidden {
        let names: Vec<String> = hidden
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        input["hidden"] = hidden;
        input_order["hidden"] = json!(names);
    }
    json!({
        "input": input,
        "input_order": input_order,
        "output": outputs,
        "output_is_list": vec![false; outputs.len()],
        "output_name": outputs,
        "name": name,
        "display_name": name,
        "description": description,
        "python_module": "nodes",
        "category": category,
        "output_node": output_node,
    })
}

/// The class called `name`, with `checkpoints` as the checkpoint loader's choices.
pub(crate) fn class(name: &str, checkpoints: &[String]) -> Option<NodeClass> {
    let res = u64::from(MAX_RESOLUTION);
    let (action, info, returns, output_node): (Action, Value, &'static [&'static str], bool) =
        match name {
            "CheckpointLoaderSimple" => (
                Action::CheckpointLoader,
                v1(
                    name,
                    json!({"ckpt_name": [checkpoints, {"tooltip": "The name of the checkpoint (model) to load."}]}),
                    None,
                    &["MODEL", "CLIP", "VAE"],
                    "loaders",
                    "Loads a diffusion model checkpoint, diffusion models are used to denoise latents.",
                    false,
                ),
                &["MODEL", "CLIP", "VAE"],
                false,
            ),
            "CLIPTextEncode" => (
                Action::TextEncode,
                v1(
                    name,
                    json!({
                        "text": ["STRING", {"multiline": true, "dynamicPrompts": true, "tooltip": "The text to be encoded."}],
                        "clip": ["CLIP", {"tooltip": "The CLIP model used for encoding the text."}],
                    }),
                    None,
                    &["CONDITIONING"],
                    "conditioning",
                    "Encodes a text prompt using a CLIP model into an embedding that can be used to guide the diffusion model towards generating specific images.",
                    false,
                ),
                &["CONDITIONING"],
                false,
            ),
            "EmptyLatentImage" => (
                Action::EmptyLatent,
                v1(
                    name,
                    json!({
                        "width": int(512, 16, res, json!({"step": 8})),
                        "height": int(512, 16, res, json!({"step": 8})),
                        "batch_size": int(1, 1, 4096, json!({})),
                    }),
                    None,
                    &["LATENT"],
                    "latent",
                    "Create a new batch of empty latent images to be denoised via sampling.",
                    false,
                ),
                &["LATENT"],
                false,
            ),
            "KSampler" => (
                Action::Sampler,
                v1(
                    name,
                    json!({
                        "model": ["MODEL", {}],
                        "seed": int(0, 0, u64::MAX, json!({"control_after_generate": true})),
                        "steps": int(20, 1, 10000, json!({})),
                        "cfg": ["FLOAT", {"default": 8.0, "min": 0.0, "max": 100.0, "step": 0.1, "round": 0.01}],
                        "sampler_name": [SAMPLERS, {}],
                        "scheduler": [SCHEDULERS, {}],
                        "positive": ["CONDITIONING", {}],
                        "negative": ["CONDITIONING", {}],
                        "latent_image": ["LATENT", {}],
                        "denoise": ["FLOAT", {"default": 1.0, "min": 0.0, "max": 1.0, "step": 0.01}],
                    }),
                    None,
                    &["LATENT"],
                    "sampling",
                    "Uses the provided model, positive and negative conditioning to denoise the latent image.",
                    false,
                ),
                &["LATENT"],
                false,
            ),
            "VAEDecode" => (
                Action::VaeDecode,
                v1(
                    name,
                    json!({"samples": ["LATENT", {}], "vae": ["VAE", {}]}),
                    None,
                    &["IMAGE"],
                    "latent",
                    "Decodes latent images back into pixel space images.",
                    false,
                ),
                &["IMAGE"],
                false,
            ),
            "EmptyImage" => (
                Action::EmptyImage,
                v1(
                    name,
                    json!({
                        "width": int(512, 1, res, json!({"step": 1})),
                        "height": int(512, 1, res, json!({"step": 1})),
                        "batch_size": int(1, 1, 4096, json!({})),
                        "color": int(0, 0, 0xFF_FFFF, json!({"step": 1, "display": "color"})),
                    }),
                    None,
                    &["IMAGE"],
                    "image",
                    "",
                    false,
                ),
                &["IMAGE"],
                false,
            ),
            "ImageBlur" => {
                // A V3 node: more keys, and no display name.
                let mut info = v1(
                    name,
                    json!({
                        "image": ["IMAGE", {}],
                        "blur_radius": int(1, 1, 31, json!({"step": 1})),
                        "sigma": ["FLOAT", {"default": 1.0, "min": 0.1, "max": 10.0, "step": 0.1}],
                    }),
                    None,
                    &["IMAGE"],
                    "image/postprocessing",
                    "",
                    false,
                );
                info["display_name"] = Value::Null;
                info["python_module"] = json!("comfy_extras.nodes_post_processing");
                info["output_tooltips"] = json!([null]);
                info["deprecated"] = json!(false);
                info["experimental"] = json!(false);
                info["api_node"] = json!(false);
                (Action::ImageBlur, info, &["IMAGE"], false)
            }
            "SaveImage" | "PreviewImage" => {
                let save = name == "SaveImage";
                let required = if save {
                    json!({
                        "images": ["IMAGE", {"tooltip": "The images to save."}],
                        "filename_prefix": ["STRING", {"default": "ComfyUI", "tooltip": "The prefix for the file to save."}],
                    })
                } else {
                    json!({"images": ["IMAGE", {}]})
                };
                let description = if save {
                    "Saves the input images to your ComfyUI output directory."
                } else {
                    "Saves the input images to your ComfyUI temp directory."
                };
                (
                    if save {
                        Action::SaveImage
                    } else {
                        Action::PreviewImage
                    },
                    v1(
                        name,
                        required,
                        Some(json!({"prompt": "PROMPT", "extra_pnginfo": "EXTRA_PNGINFO"})),
                        &[],
                        "image",
                        description,
                        true,
                    ),
                    &[],
                    true,
                )
            }
            _ => return None,
        };
    Some(NodeClass {
        action,
        info,
        returns,
        output_node,
    })
}
