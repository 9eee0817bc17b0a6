//! The catalogue checks the issue of languages asks for: every id a template or the code
//! names is in the English catalogue (and so, by `atelier_i18n::problems`, in every other),
//! and no template holds words of its own: a page in Hindi must have no English left.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use atelier_domain::Lang;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_below(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_below(&path, extensions, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            out.push(path);
        }
    }
}

fn templates() -> Vec<PathBuf> {
    let mut files = Vec::new();
    files_below(&repo().join("themes"), &["html", "txt"], &mut files);
    assert!(files.len() > 20, "templates not found under themes/");
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The ids after each `marker` (`t("`, `msg!("`): `Ok(id)` for a whole literal, `Err(prefix)`
/// for a literal joined to more (`t("status-" ~ job.status)`).
fn ids_after(text: &str, marker: &str) -> Vec<Result<String, String>> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + marker.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        // rustfmt may put the id on the next line: `msg!(\n    "id", …)`.
        let Some(literal) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let Some(end) = literal.find('"') else { break };
        let id = literal[..end].to_owned();
        let after = literal[end + 1..].trim_start();
        if after.starts_with('~') {
            found.push(Err(id));
        } else {
            found.push(Ok(id));
        }
        rest = &literal[end + 1..];
    }
    found
}

fn check_ids(uses: Vec<(PathBuf, Result<String, String>)>) {
    let english = atelier_i18n::ids(Lang::En);
    let mut missing = BTreeSet::new();
    for (path, id) in uses {
        let known = match &id {
            Ok(id) => english.contains(id),
            Err(prefix) => english.iter().any(|e| e.starts_with(prefix.as_str())),
        };
        if !known {
            missing.insert(format!("{}: {id:?}", path.display()));
        }
    }
    assert!(
        missing.is_empty(),
        "ids missing from locales/en:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn every_id_a_template_names_is_in_the_catalogue() {
    let mut uses = Vec::new();
    for path in templates() {
        let text = read(&path);
        for marker in ["t(", "t_html("] {
            uses.extend(
                ids_after(&text, marker)
                    .into_iter()
                    .map(|id| (path.clone(), id)),
            );
        }
    }
    assert!(uses.len() > 20, "templates name almost no messages");
    check_ids(uses);
}

#[test]
fn every_id_the_code_names_is_in_the_catalogue() {
    let mut files = Vec::new();
    files_below(&repo().join("crates"), &["rs"], &mut files);
    let mut uses = Vec::new();
    // This file names the markers themselves.
    files.retain(|path| !path.ends_with("i18n_checks.rs"));
    for path in files {
        // Comments may show how a message is written without naming a real one.
        let text: String = read(&path)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for marker in ["msg!(", "Msg::new("] {
            uses.extend(
                ids_after(&text, marker)
                    .into_iter()
                    .map(|id| (path.clone(), id)),
            );
        }
    }
    check_ids(uses);
}

#[test]
fn the_catalogues_agree_with_each_other() {
    let problems = atelier_i18n::problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Words that are the same in every language: names of things, not sentences.
const SAME_IN_EVERY_LANGUAGE: &[&str] = &["UPI", "UTR", "PNG", "ZIP", "JSON", "API", "ID", "SVG"];

/// Cuts `open ... close` spans out of `text`, leaving a space for each.
fn cut(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        out.push(' ');
        match rest[start + open.len()..].find(close) {
            Some(end) => rest = &rest[start + open.len() + end + close.len()..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// The words a reader would see in a template, outside every expression and tag: text
/// between tags and the attributes people read (alt, title, aria-label, the placeholder).
fn visible_words(template: &str, markup: bool) -> Vec<String> {
    let mut text = cut(template, "{#", "#}");
    text = cut(&text, "{{", "}}");
    text = cut(&text, "{%", "%}");
    let shown = if markup {
        text = cut(&text, "<!--", "-->");
        let shown = atelier_i18n::visible_text(&text, &["script", "style"]);
        cut(&shown, "&", ";")
    } else {
        text
    };
    shown
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .filter(|w| !SAME_IN_EVERY_LANGUAGE.contains(w))
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_template_holds_words_outside_the_catalogue() {
    let root = repo().join("themes");
    let mut problems = Vec::new();
    for path in templates() {
        let name = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        let markup = path.extension().is_some_and(|e| e == "html");
        let words = visible_words(&read(&path), markup);
        if !words.is_empty() {
            problems.push(format!(
                "{name}: {}",
                words.iter().take(12).cloned().collect::<Vec<_>>().join(" ")
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "templates with words of their own (move them to locales/):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_word_finder_sees_text_and_readable_attributes_only() {
    let page = r#"{# a comment #}<p class="lead" title="Hello there">{{ t("x") }} Ready</p>
        <script src="{{ asset("js/a.js") }}"></script>{% if a %}&nbsp;·{% endif %}"#;
    assert_eq!(visible_words(page, true), ["Hello", "there", "Ready"]);
    assert!(visible_words("{{ t(\"mail-hello\") }}\n\n— {{ tenant.name }}", false).is_empty());
}
