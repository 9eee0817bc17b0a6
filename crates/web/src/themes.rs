//! Themes: `themes/<name>/templates` rendered with minijinja, falling back file by file to
//! `themes/default`, and `themes/<name>/static` served under `/static/<name>/`.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Component, Path, PathBuf};

use atelier_domain::Lang;
use atelier_i18n::Arg;
use minijinja::value::{Kwargs, Value};
use minijinja::Environment;

/// The theme every other theme falls back to; it must be complete.
pub const DEFAULT_THEME: &str = "default";

/// A themes folder that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("cannot read the themes folder {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is missing: the default theme must exist and have templates")]
    MissingDefault { path: PathBuf },
    #[error("theme {theme}: template {template}: {message}")]
    Template {
        theme: String,
        template: String,
        message: String,
    },
}

/// Every theme found at start, with one template environment each.
pub struct Themes {
    dir: PathBuf,
    envs: HashMap<String, Environment<'static>>,
    asset_version: String,
    reload: bool,
}

impl std::fmt::Debug for Themes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Themes")
            .field("dir", &self.dir)
            .field("themes", &self.names())
            .field("asset_version", &self.asset_version)
            .finish()
    }
}

/// Joins a template name onto a folder, refusing names that climb out of it.
fn safe_join(dir: &Path, name: &str) -> Option<PathBuf> {
    let relative = Path::new(name);
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| dir.join(relative))
}

/// `t("id", name=value)` in a template: the message in the page's language. Whole numbers
/// stay numbers (plural forms, Indian grouping); anything else is put in as text. With
/// `html`, the message is markup from our own catalogue (a link, a `<strong>`): it is
/// marked safe and every text value put into it is escaped first.
fn translate(lang: Lang, id: &str, kwargs: &Kwargs, html: bool) -> Result<Value, minijinja::Error> {
    let mut args = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let arg = match i64::try_from(value.clone()) {
            Ok(n) if value.is_integer() => Arg::Number(n),
            _ if html && !value.is_safe() => Arg::Text(escape_html(&value.to_string())),
            _ => Arg::Text(value.to_string()),
        };
        args.push((name, arg));
    }
    let text = atelier_i18n::text(lang, id, &args);
    Ok(if html {
        Value::from_safe_string(text)
    } else {
        Value::from(text)
    })
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Filters every template may use: `number` writes a whole number with Indian grouping,
/// `rupees` writes paise as "₹1,49,999.00".
fn add_filters(env: &mut Environment<'static>) {
    env.add_filter("number", |n: i64| atelier_i18n::format::number(n));
    env.add_filter("rupees", |paise: i64| atelier_i18n::format::rupees(paise));
}

fn build_env(dir: &Path, theme: &str) -> Environment<'static> {
    let own = dir.join(theme).join("templates");
    let fallback = dir.join(DEFAULT_THEME).join("templates");
    let mut env = Environment::new();
    add_filters(&mut env);
    env.set_loader(move |name| {
        for folder in [&own, &fallback] {
            let Some(path) = safe_join(folder, name) else {
                return Ok(None);
            };
            match std::fs::read_to_string(&path) {
                Ok(text) => return Ok(Some(text)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => {
                    return Err(minijinja::Error::new(
                        minijinja::ErrorKind::InvalidOperation,
                        format!("cannot read {}", path.display()),
                    )
                    .with_source(e))
                }
            }
        }
        Ok(None)
    });
    env
}

/// A short hash of every static file, so asset URLs change when any file does and can be
/// cached for a year. Content-based, so every node serving the same files agrees.
fn hash_static_files(dir: &Path, themes: &[String]) -> String {
    fn walk(path: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, files);
            } else if let Ok(bytes) = std::fs::read(&p) {
                files.insert(p, bytes);
            }
        }
    }
    let mut files = BTreeMap::new();
    for theme in themes {
        walk(&dir.join(theme).join("static"), &mut files);
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    files.hash(&mut hasher);
    format!("{:012x}", hasher.finish() & 0xffff_ffff_ffff)
}

impl Themes {
    /// Finds the themes under `dir`. `reload` re-reads templates on every render.
    pub fn load(dir: &Path, reload: bool) -> Result<Themes, ThemeError> {
        let default_templates = dir.join(DEFAULT_THEME).join("templates");
        if !default_templates.is_dir() {
            return Err(ThemeError::MissingDefault {
                path: default_templates,
            });
        }
        let entries = std::fs::read_dir(dir).map_err(|source| ThemeError::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut names: Vec<String> = entries
            .flatten()
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|n| atelier_domain::ThemeName::parse(n).is_ok())
            .collect();
        names.sort();
        let envs = names
            .iter()
            .map(|n| (n.clone(), build_env(dir, n)))
            .collect();
        Ok(Themes {
            dir: dir.to_path_buf(),
            asset_version: hash_static_files(dir, &names),
            envs,
            reload,
        })
    }

    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.envs.keys().map(String::as_str).collect();
        names.sort_unstable();
        names
    }

    pub fn contains(&self, theme: &str) -> bool {
        self.envs.contains_key(theme)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn asset_version(&self) -> &str {
        &self.asset_version
    }

    /// The theme that will actually be used for `theme`: itself, or default if missing.
    pub fn effective<'a>(&self, theme: &'a str) -> &'a str {
        if self.contains(theme) {
            theme
        } else {
            DEFAULT_THEME
        }
    }

    /// The versioned URL of a theme's static file.
    pub fn asset_url(&self, theme: &str, path: &str) -> String {
        format!(
            "/static/{}/{}?v={}",
            self.effective(theme),
            path.trim_start_matches('/'),
            self.asset_version
        )
    }

    /// Renders `template` of `theme` (or of default, where the theme lacks it) in `lang`.
    pub fn render(
        &self,
        theme: &str,
        template: &str,
        ctx: minijinja::Value,
        lang: Lang,
    ) -> Result<String, minijinja::Error> {
        let theme = self.effective(theme);
        let asset_prefix = format!("/static/{theme}/");
        let version = self.asset_version.clone();
        // Marked safe: built from our own prefix and a path written in a template.
        let asset = move |path: String| -> minijinja::Value {
            minijinja::Value::from_safe_string(format!(
                "{asset_prefix}{}?v={version}",
                path.trim_start_matches('/')
            ))
        };
        let fresh;
        let env = if self.reload {
            fresh = build_env(&self.dir, theme);
            &fresh
        } else {
            self.envs.get(theme).ok_or_else(|| {
                minijinja::Error::new(minijinja::ErrorKind::TemplateNotFound, "no such theme")
            })?
        };
        let tmpl = env.get_template(template)?;
        let ctx = minijinja::context! {
            asset => minijinja::Value::from_function(asset),
            lang => lang.code(),
            t => minijinja::Value::from_function(move |id: &str, kwargs: Kwargs| {
                translate(lang, id, &kwargs, false)
            }),
            t_html => minijinja::Value::from_function(move |id: &str, kwargs: Kwargs| {
                translate(lang, id, &kwargs, true)
            }),
            ..ctx
        };
        tmpl.render(ctx)
    }

    /// Compiles every template of every theme, so a broken theme is found at start and by
    /// `atelier check-config`, not by the first visitor.
    pub fn check(&self) -> Result<(), ThemeError> {
        fn templates_below(dir: &Path, prefix: &str, out: &mut Vec<String>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                    continue;
                };
                let path = entry.path();
                if path.is_dir() {
                    templates_below(&path, &format!("{prefix}{name}/"), out);
                } else if name.ends_with(".html") || name.ends_with(".txt") {
                    out.push(format!("{prefix}{name}"));
                }
            }
        }
        for (theme, env) in &self.envs {
            let mut names = Vec::new();
            templates_below(&self.dir.join(theme).join("templates"), "", &mut names);
            for name in names {
                env.get_template(&name).map_err(|e| ThemeError::Template {
                    theme: theme.clone(),
                    template: name.clone(),
                    message: format!("{e:#}"),
                })?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_cannot_climb_out_of_the_theme() {
        let dir = Path::new("/themes/x/templates");
        assert!(safe_join(dir, "../../secret.html").is_none());
        assert!(safe_join(dir, "/etc/passwd").is_none());
        assert_eq!(
            safe_join(dir, "mail/reset.txt"),
            Some(PathBuf::from("/themes/x/templates/mail/reset.txt"))
        );
    }

    /// Every shipped stylesheet closes each block it opens: one lost brace (a bad merge)
    /// swallows every rule after it into a media query, and no page test would notice.
    #[test]
    fn shipped_stylesheets_close_every_block() {
        let themes = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes");
        let mut checked = 0;
        for theme in std::fs::read_dir(&themes).unwrap_or_else(|e| panic!("{e}")) {
            let css = theme
                .unwrap_or_else(|e| panic!("{e}"))
                .path()
                .join("static/css");
            let Ok(files) = std::fs::read_dir(&css) else {
                continue;
            };
            for file in files {
                let path = file.unwrap_or_else(|e| panic!("{e}")).path();
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
                let mut depth = 0_i64;
                let mut rest = text.as_str();
                while let Some(c) = rest.chars().next() {
                    if let Some(after) = rest.strip_prefix("/*") {
                        rest = after.split_once("*/").map_or("", |(_, tail)| tail);
                        continue;
                    }
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    assert!(
                        depth >= 0,
                        "{}: a block closes that never opened",
                        path.display()
                    );
                    rest = &rest[c.len_utf8()..];
                }
                assert_eq!(depth, 0, "{}: {depth} block(s) left open", path.display());
                checked += 1;
            }
        }
        assert!(
            checked >= 2,
            "no stylesheets found under {}",
            themes.display()
        );
    }
}
