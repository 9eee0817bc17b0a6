//! ComfyUI's messages as they come from a real server.

use serde_json::json;

use super::*;

#[test]
fn a_refusal_names_the_input_and_why() {
    let body = json!({"error":{"type":"prompt_outputs_failed_validation","message":"Prompt outputs failed validation","details":"","extra_info":{}},
        "node_errors":{"1":{"errors":[{"type":"value_smaller_than_min","message":"Value 0 smaller than min of 1","details":"width",
        "extra_info":{"input_name":"width","input_config":["INT",{"min":1}],"received_value":0}}],"dependent_outputs":["2"],"class_type":"EmptyImage"}}});
    assert_eq!(
        refusal(&body),
        "ComfyUI refused the workflow: width: Value 0 smaller than min of 1"
    );
    let missing = json!({"error":{"type":"prompt_outputs_failed_validation","message":"Prompt outputs failed validation","details":"","extra_info":{}},
        "node_errors":{"4":{"errors":[{"type":"value_not_in_list","message":"Value not in list",
        "details":"ckpt_name: 'missing.safetensors' not in []","extra_info":{"input_name":"ckpt_name","received_value":"missing.safetensors"}}],
        "dependent_outputs":["9"],"class_type":"CheckpointLoaderSimple"}}});
    assert_eq!(
        refusal(&missing),
        "ComfyUI refused the workflow: ckpt_name: 'missing.safetensors' not in []"
    );
    let unknown = json!({"error":{"type":"invalid_prompt","message":"Cannot execute because node NoSuchNode does not exist.","details":"Node ID '#1'","extra_info":{}},"node_errors":{}});
    assert_eq!(
        refusal(&unknown),
        "ComfyUI refused the workflow: Cannot execute because node NoSuchNode does not exist. (Node ID '#1')"
    );
}

#[test]
fn running_out_of_memory_may_pass_on_another_try() {
    let oom = runtime_failure(
        &json!({"node_type": "KSampler", "exception_type": "torch.OutOfMemoryError",
        "exception_message": "Allocation on device 0 would exceed allowed memory. (out of memory)\nThis error means you ran out of memory on your GPU."}),
    );
    assert!(oom.retryable);
    assert_eq!(
        oom.message,
        "ComfyUI ran out of memory in KSampler: Allocation on device 0 would exceed allowed memory. (out of memory)"
    );
    let broken = runtime_failure(
        &json!({"node_type": "SaveImage", "exception_type": "Exception",
        "exception_message": "**** ERROR: Saving image outside the output folder is not allowed.\n full_output_folder: /x\n"}),
    );
    assert!(!broken.retryable);
    assert_eq!(
        broken.message,
        "ComfyUI failed in SaveImage: **** ERROR: Saving image outside the output folder is not allowed."
    );
}

#[test]
fn socket_messages_are_read() {
    assert_eq!(
        parse_text(r#"{"type":"executing","data":{"node":null,"prompt_id":"p"}}"#),
        Event::Executing {
            prompt_id: Some("p".into()),
            node: None
        }
    );
    assert_eq!(
        parse_text(r#"{"type":"executing","data":{"node":"3"}}"#),
        Event::Executing {
            prompt_id: None,
            node: Some("3".into())
        }
    );
    assert_eq!(
        parse_text(r#"{"type":"progress","data":{"value":2,"max":4,"prompt_id":"p","node":"3"}}"#),
        Event::Progress {
            prompt_id: Some("p".into()),
            value: 2.0,
            max: 4.0
        }
    );
    assert_eq!(
        parse_text(
            r#"{"type":"execution_cached","data":{"nodes":["1","2"],"prompt_id":"p","timestamp":1}}"#
        ),
        Event::Cached {
            prompt_id: "p".into(),
            nodes: 2
        }
    );
    assert_eq!(parse_text(r#"{"type":"status","data":{}}"#), Event::Other);
    assert_eq!(parse_text("not json"), Event::Other);
}

#[test]
fn both_kinds_of_preview_frame_are_read() {
    let mut legacy = vec![0, 0, 0, 1, 0, 0, 0, 1];
    legacy.extend_from_slice(b"JPEGDATA");
    assert_eq!(
        parse_binary(&legacy),
        Event::Preview(Preview {
            mime: "image/jpeg",
            bytes: b"JPEGDATA".to_vec()
        })
    );
    let metadata = br#"{"node_id":"3","prompt_id":"p","image_type":"image/png"}"#;
    let mut with_metadata = vec![0, 0, 0, 4];
    with_metadata.extend_from_slice(&(metadata.len() as u32).to_be_bytes());
    with_metadata.extend_from_slice(metadata);
    with_metadata.extend_from_slice(b"PNGDATA");
    assert_eq!(
        parse_binary(&with_metadata),
        Event::Preview(Preview {
            mime: "image/png",
            bytes: b"PNGDATA".to_vec()
        })
    );
    // Progress text (type 3) and cut frames are not previews.
    assert_eq!(parse_binary(&[0, 0, 0, 3, 0, 0, 0, 1, b'3']), Event::Other);
    assert_eq!(parse_binary(&[0, 0, 0, 1, 0, 0, 0, 2]), Event::Other);
    assert_eq!(parse_binary(&[0, 0, 0, 4, 0, 0, 9, 9]), Event::Other);
}

#[test]
fn the_first_saved_image_is_taken() {
    let outputs = json!({
        "10": {"images": [{"filename": "b_00001_.png", "subfolder": "", "type": "output"}]},
        "9": {"images": [{"filename": "ComfyUI_temp_x_00001_.png", "subfolder": "", "type": "temp"}]},
        "12": {"images": [{"filename": "c_00001_.png", "subfolder": "atelier", "type": "output"}]},
    });
    assert_eq!(
        first_image(&outputs),
        Some(ImageRef {
            filename: "b_00001_.png".into(),
            subfolder: String::new(),
            kind: "output".into()
        })
    );
    let previews_only =
        json!({"9": {"images": [{"filename": "t.png", "subfolder": "", "type": "temp"}]}});
    assert_eq!(
        first_image(&previews_only).map(|i| i.kind),
        Some("temp".into())
    );
    assert_eq!(first_image(&json!({})), None);
}
