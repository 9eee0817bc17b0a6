//! Validation answers as ComfyUI's do.

use super::*;

fn graph(value: Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

fn model_free(width: Value) -> Map<String, Value> {
    graph(json!({
        "1": {"class_type": "EmptyImage", "inputs": {"width": width, "height": 8, "batch_size": 1, "color": 0}},
        "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0], "filename_prefix": "t"}},
    }))
}

#[test]
fn a_width_below_the_minimum_is_named_on_its_node() {
    let mut prompt = model_free(json!(0));
    let Verdict::Refused { error, node_errors } = validate(&mut prompt, &[]) else {
        panic!("accepted");
    };
    assert_eq!(error["type"], "prompt_outputs_failed_validation");
    assert_eq!(error["details"], "");
    let node = &node_errors["1"];
    assert_eq!(node["class_type"], "EmptyImage");
    assert_eq!(node["dependent_outputs"], json!(["2"]));
    assert_eq!(node["errors"][0]["type"], "value_smaller_than_min");
    assert_eq!(
        node["errors"][0]["message"],
        "Value 0 smaller than min of 1"
    );
    assert_eq!(node["errors"][0]["details"], "width");
    assert_eq!(node["errors"][0]["extra_info"]["received_value"], 0);
    assert_eq!(
        node["errors"][0]["extra_info"]["input_config"][1]["max"],
        16384
    );
}

#[test]
fn literal_inputs_are_converted_in_place() {
    let mut prompt = model_free(json!("7"));
    assert!(matches!(
        validate(&mut prompt, &[]),
        Verdict::Accepted { .. }
    ));
    assert_eq!(prompt["1"]["inputs"]["width"], 7);
    let mut prompt = model_free(json!("abc"));
    let Verdict::Refused { node_errors, .. } = validate(&mut prompt, &[]) else {
        panic!("accepted");
    };
    assert_eq!(node_errors["1"]["errors"][0]["type"], "invalid_input_type");
}

#[test]
fn a_missing_checkpoint_is_not_in_the_list() {
    let mut prompt = graph(json!({
        "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "missing.safetensors"}},
        "8": {"class_type": "VAEDecode", "inputs": {"samples": ["5", 0], "vae": ["4", 2]}},
        "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 64, "batch_size": 1}},
        "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "x"}},
    }));
    let Verdict::Refused { node_errors, .. } =
        validate(&mut prompt, &["sd15.safetensors".to_owned()])
    else {
        panic!("accepted");
    };
    let error = &node_errors["4"]["errors"][0];
    assert_eq!(error["type"], "value_not_in_list");
    assert_eq!(
        error["details"],
        "ckpt_name: 'missing.safetensors' not in ['sd15.safetensors']"
    );
    assert_eq!(node_errors["4"]["dependent_outputs"], json!(["9"]));
}

#[test]
fn one_valid_output_is_enough_to_queue() {
    let mut prompt = model_free(json!(8));
    prompt.insert(
        "3".to_owned(),
        json!({"class_type": "SaveImage", "inputs": {"filename_prefix": "t"}}),
    );
    let Verdict::Accepted {
        outputs,
        node_errors,
    } = validate(&mut prompt, &[])
    else {
        panic!("refused");
    };
    assert_eq!(outputs, vec!["2".to_owned()]);
    assert_eq!(
        node_errors["3"]["errors"][0]["type"],
        "required_input_missing"
    );
}

#[test]
fn a_link_to_no_node_is_an_exception() {
    let mut prompt = graph(json!({
        "2": {"class_type": "SaveImage", "inputs": {"images": ["7", 0], "filename_prefix": "t"}},
    }));
    let Verdict::Refused { node_errors, .. } = validate(&mut prompt, &[]) else {
        panic!("accepted");
    };
    assert_eq!(
        node_errors["2"]["errors"][0]["type"],
        "exception_during_validation"
    );
    assert_eq!(node_errors["2"]["errors"][0]["details"], "'7'");
}

#[test]
fn a_deep_chain_validates_and_a_too_deep_one_is_a_recursion_error() {
    let chain = |length: usize| {
        let mut g = json!({"1": {"class_type": "EmptyImage", "inputs": {"width": 8, "height": 8, "batch_size": 1, "color": 0}}});
        for n in 0..length {
            let source = if n == 0 { 1 } else { 9 + n };
            g[(10 + n).to_string()] = json!({"class_type": "ImageBlur",
                "inputs": {"image": [source.to_string(), 0], "blur_radius": 3, "sigma": 1.0}});
        }
        g["2"] = json!({"class_type": "SaveImage",
            "inputs": {"images": [(9 + length).to_string(), 0], "filename_prefix": "x"}});
        graph(g)
    };
    let mut prompt = chain(900);
    assert!(matches!(
        validate(&mut prompt, &[]),
        Verdict::Accepted { .. }
    ));
    let mut prompt = chain(MAX_DEPTH + 10);
    let Verdict::Refused { error, .. } = validate(&mut prompt, &[]) else {
        panic!("accepted");
    };
    assert_eq!(error["type"], "prompt_outputs_failed_validation");
}
