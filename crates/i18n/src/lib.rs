//! The words of every page, mail and error message, in each language a site offers.
//!
//! Text lives in Fluent catalogues, `locales/<language>/<area>.ftl`, embedded in the binary
//! when it is built (`build.rs`), so it runs from any folder. Code names a message by its id ([`msg!`]); templates call
//! `t("id", name=value)`. English is the reference: every other catalogue must hold exactly
//! its ids, which the tests check, and a message missing at run time falls back to English.
//!
//! Numbers are written with Indian digit grouping (1,49,999) in every language, as people
//! in India read them; see [`format`].

#![forbid(unsafe_code)]

mod catalogue;
pub mod format;
mod negotiate;
mod visible;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use catalogue::{ids, problems, text, variables};
pub use negotiate::negotiate;
pub use visible::visible_text;

/// A language the platform ships catalogues for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Hi,
}

impl Lang {
    /// Every shipped language, English (the reference catalogue) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Hi];

    /// The BCP 47 code, as in `<html lang>` and the catalogue folder: "en", "hi".
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
        }
    }

    /// A language tag from a form, a setting or a header ("hi", "hi-IN", "EN"); only its
    /// primary subtag counts.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language's name in itself ("English", "हिन्दी"), for a language menu.
    pub fn native_name(self) -> String {
        text(self, "language-name", &[])
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Hi => 1,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value placed into a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    /// Chooses plural forms, and is written with Indian grouping. A year is not a number
    /// in this sense: pass it as text, or it reads "2,026".
    Number(i64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Text(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Text(value.clone())
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Arg {
        Arg::Number(value)
    }
}

impl From<i32> for Arg {
    fn from(value: i32) -> Arg {
        Arg::Number(i64::from(value))
    }
}

impl From<u32> for Arg {
    fn from(value: u32) -> Arg {
        Arg::Number(i64::from(value))
    }
}

impl From<u64> for Arg {
    fn from(value: u64) -> Arg {
        Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Arg {
        Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

/// A message to show a person: a catalogue id and its arguments, put into words only once
/// the reader's language is known ([`Msg::in_lang`]). Its `Display` is the English text,
/// for logs and the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// A message without arguments; [`msg!`] is the usual way to write one.
    pub const fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the argument `name`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self.args.iter().map(|(n, v)| (*n, v.clone())).collect();
        text(lang, self.id, &args)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// A [`Msg`]: `msg!("email-too-long")`, `msg!("slug-length", min = 2, max = 40)`. The id
/// must be a literal, so the catalogue tests can find every id the code uses.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Msg::new($id)$(.arg(stringify!($name), $value))*
    };
}

#[cfg(test)]
mod tests;
