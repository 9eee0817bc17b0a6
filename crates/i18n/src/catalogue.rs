//! The Fluent bundles, one per language, built once from the embedded files.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::{format, Arg, Lang};

// The catalogues, embedded by `build.rs`: the binary carries its own words, so no folder
// has to travel with it and nothing is read from disk at run time.
include!(concat!(env!("OUT_DIR"), "/catalogue_files.rs"));

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Parse errors and duplicate ids, for [`problems`].
    problems: Vec<String>,
}

static CATALOGUES: LazyLock<Vec<Catalogue>> =
    LazyLock::new(|| Lang::ALL.into_iter().map(build).collect());

fn build(lang: Lang) -> Catalogue {
    let locale = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Both languages run left to right: isolation marks around every value would only
    // add invisible characters to pages, mails and copied text.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_value));
    let mut problems = Vec::new();
    if !FILES.iter().any(|(code, _, _)| *code == lang.code()) {
        problems.push(format!("no catalogue files for {lang} under locales/"));
    }
    for (code, name, text) in FILES {
        if *code != lang.code() {
            continue;
        }
        let resource = match FluentResource::try_new((*text).to_owned()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for e in errors {
                    problems.push(format!("locales/{code}/{name}.ftl: {e:?}"));
                }
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            for e in errors {
                problems.push(format!("locales/{code}/{name}.ftl: {e}"));
            }
        }
    }
    for problem in &problems {
        tracing::error!(%problem, "a message catalogue has a problem");
    }
    Catalogue { bundle, problems }
}

/// Whole numbers with Indian grouping ("1,49,999") in every language.
fn format_value<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 =>
        {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "checked whole and in range"
            )]
            Some(format::number(n.value as i64))
        }
        _ => None,
    }
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    &CATALOGUES[lang.index()]
}

fn format_in(lang: Lang, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let bundle = &catalogue(lang).bundle;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    for e in errors {
        tracing::warn!(language = %lang, id, error = %e, "a message did not format cleanly");
    }
    Some(text.into_owned())
}

/// The message `id` in `lang`, with `args` put in. A message the language lacks is given
/// in English; one English lacks too is given as its id (and logged), so a page still
/// renders while the catalogue tests fail.
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.clone())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    if let Some(text) = format_in(lang, id, &fluent_args) {
        return text;
    }
    if lang != Lang::En {
        if let Some(text) = format_in(Lang::En, id, &fluent_args) {
            tracing::warn!(language = %lang, id, "a message is missing; shown in English");
            return text;
        }
    }
    tracing::error!(id, "no catalogue has this message");
    id.to_owned()
}

/// The catalogue files parsed into syntax trees, for the checks on ids and variables.
static PARSED: LazyLock<Vec<(&'static str, ast::Resource<&'static str>)>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(code, _, text)| {
            let resource =
                fluent_syntax::parser::parse(*text).unwrap_or_else(|(partial, _)| partial);
            (*code, resource)
        })
        .collect()
});

fn messages(lang: Lang) -> impl Iterator<Item = &'static ast::Message<&'static str>> {
    PARSED
        .iter()
        .filter(move |(code, _)| *code == lang.code())
        .flat_map(|(_, resource)| resource.body.iter())
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m),
            _ => None,
        })
}

/// Every message id of `lang`'s catalogue.
pub fn ids(lang: Lang) -> BTreeSet<String> {
    messages(lang).map(|m| m.id.name.to_owned()).collect()
}

/// The variables message `id` uses in `lang` (`$name` without the dollar).
pub fn variables(lang: Lang, id: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for message in messages(lang).filter(|m| m.id.name == id) {
        if let Some(pattern) = &message.value {
            pattern_variables(pattern, &mut found);
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, found),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, found);
            }
            for a in &arguments.named {
                inline_variables(&a.value, found);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

/// Whether every choice by number in `pattern` that has a `[one]` form also has a `[0]`
/// one: Hindi's plural rules put 0 with 1 ("0 Spark"), so zero needs its own words.
fn zero_has_its_own_form(pattern: &ast::Pattern<&str>) -> bool {
    pattern.elements.iter().all(|element| match element {
        ast::PatternElement::Placeable {
            expression: ast::Expression::Select { variants, .. },
        } => {
            let has = |wanted: &str| {
                variants.iter().any(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => *name == wanted,
                    ast::VariantKey::NumberLiteral { value } => *value == wanted,
                })
            };
            (!has("one") || has("0")) && variants.iter().all(|v| zero_has_its_own_form(&v.value))
        }
        _ => true,
    })
}

/// What is wrong with the catalogues: files that do not parse, ids given twice, ids one
/// language has and another lacks, messages whose variables differ from English's, and
/// Hindi plural choices without a form for zero.
/// Empty when all is well; the tests require that.
pub fn problems() -> Vec<String> {
    let mut problems: Vec<String> = Lang::ALL
        .into_iter()
        .flat_map(|lang| catalogue(lang).problems.clone())
        .collect();
    for message in messages(Lang::Hi) {
        if let Some(pattern) = &message.value {
            if !zero_has_its_own_form(pattern) {
                problems.push(format!(
                    "hi: {} chooses [one] without a [0] form",
                    message.id.name
                ));
            }
        }
    }
    let english = ids(Lang::En);
    for lang in Lang::ALL.into_iter().skip(1) {
        let theirs = ids(lang);
        for id in english.difference(&theirs) {
            problems.push(format!("{lang}: missing {id}"));
        }
        for id in theirs.difference(&english) {
            problems.push(format!("{lang}: {id} is not in the English catalogue"));
        }
        for id in english.intersection(&theirs) {
            let (en, other) = (variables(Lang::En, id), variables(lang, id));
            if en != other {
                problems.push(format!("{lang}: {id} uses {other:?}, English uses {en:?}"));
            }
        }
    }
    problems
}
