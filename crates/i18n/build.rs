//! Embeds every catalogue under `locales/<language>/*.ftl`, so the binary carries its own
//! words wherever it runs, and a new file is picked up without a line of code.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("../../locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    for language in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        let dir = language.path();
        println!("cargo:rerun-if-changed={}", dir.display());
        let Some(code) = language.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ftl") {
                println!("cargo:rerun-if-changed={}", path.display());
                let name = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_owned();
                let path = path.canonicalize().unwrap_or(path);
                files.push((code.clone(), name, path.display().to_string()));
            }
        }
    }
    files.sort();
    let mut out = String::from("/// Every embedded catalogue file: (language, file name, text).\n");
    out.push_str("const FILES: &[(&str, &str, &str)] = &[\n");
    for (code, name, path) in files {
        let _ = writeln!(out, "    ({code:?}, {name:?}, include_str!({path:?})),");
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out_dir.join("catalogue_files.rs"), out) {
        panic!("cannot write the catalogue list: {e}");
    }
}
