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
            r#"[{"id":"x","name":"X","backend":"demo","translations":{"fr":{"name":"X"}}}]"#,
            "translations",
        ),
        (
            r#"[{"id":"x","name":"X","backend":"demo","translations":{"hi":{"name":""}}}]"#,
            "translations",
        ),
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

#[test]
fn a_model_is_named_in_the_readers_language_where_it_has_one() {
    let catalog = ModelCatalog::parse(
        "models.json",
        r#"[{"id":"d","name":"Abstract","backend":"demo","description":"Shapes",
            "translations":{"hi":{"name":"अमूर्त"}}}]"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let model = catalog.get("d").unwrap_or_else(|| panic!("no model"));
    assert_eq!(model.label_in(Lang::Hi), "अमूर्त (डेमो)");
    assert_eq!(model.label_in(Lang::En), "Abstract (demo)");
    // No Hindi description: the English one stands in.
    assert_eq!(model.description_in(Lang::Hi), "Shapes");
}

#[test]
fn the_shipped_comfyui_catalogue_loads_and_fills() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config/models.comfyui.json");
    let models = Models::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let catalog = models.current();
    assert_eq!(
        catalog.ids_for_backend("comfyui"),
        ["sd15", "sdxl", "comfy-check"]
    );
    let sdxl = catalog.get("sdxl").unwrap_or_else(|| panic!("sdxl"));
    assert_eq!(sdxl.max_side(1024), 1024);
    assert_eq!(sdxl.max_side(2048), 1536);
    let job = atelier_domain::Job {
        id: atelier_domain::JobId(uuid::Uuid::nil()),
        tenant_id: atelier_domain::TenantId(uuid::Uuid::nil()),
        user_id: atelier_domain::UserId(uuid::Uuid::nil()),
        prompt: "a fox in snow".to_owned(),
        negative_prompt: String::new(),
        model: "sdxl".to_owned(),
        width: 1024,
        height: 768,
        seed: 7,
        status: atelier_domain::JobStatus::Queued,
        cost: atelier_domain::Credits::new(2),
        attempts: 0,
        max_attempts: 3,
        progress: 0,
        error: String::new(),
        cancel_requested: false,
        image_id: None,
        created_at: atelier_domain::Timestamp(0),
        started_at: None,
        finished_at: None,
        deadline_at: atelier_domain::Timestamp(0),
    };
    let graph = sdxl
        .workflow_for(&job)
        .unwrap_or_else(|| panic!("a workflow"));
    assert_eq!(
        graph["4"]["inputs"]["ckpt_name"],
        "sd_xl_base_1.0.safetensors"
    );
    assert_eq!(graph["5"]["inputs"]["height"], 768);
    assert_eq!(graph["6"]["inputs"]["text"], "a fox in snow");
    assert_eq!(graph["3"]["inputs"]["sampler_name"], "dpmpp_2m");
    assert!(catalog
        .get("demo-abstract")
        .and_then(|m| m.workflow_for(&job))
        .is_none());
    assert_eq!(models.reload().unwrap_or_else(|e| panic!("{e}")), 4);
}

#[test]
fn a_checkpoint_workflow_needs_its_checkpoint() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config/workflows/sd15.json");
    std::fs::copy(shipped, dir.path().join("sd.json")).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("models.json");
    std::fs::write(
        &file,
        r#"[{"id":"sd","name":"SD","backend":"comfyui","workflow":"sd.json"}]"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let err = ModelCatalog::load(&file)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("defaults.checkpoint") && err.contains("(sd)"),
        "{err}"
    );
    std::fs::write(
        &file,
        r#"[{"id":"sd","name":"SD","backend":"comfyui","workflow":"missing.json"}]"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let err = ModelCatalog::load(&file)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("workflow") && err.contains("missing.json"),
        "{err}"
    );
}
