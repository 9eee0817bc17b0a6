//! A site's prompt block-list: words and phrases its admins refuse in prompts. A prompt is
//! refused when it holds an entry as whole words, whatever the case: "gore" blocks "Gore!"
//! but not "gorenflo", and "blood bath" blocks "a BLOOD  bath" but not "bloodbath".
//!
//! Both the entries and the prompt are compared without their invisible characters and in
//! NFKC (see [`comparable`]), so "go\u{200B}re" or a full-width "ｇｏｒｅ" is "gore" too. Letters
//! of another script that look alike (a Cyrillic "о" in "gоre") are not folded: that would
//! take a confusables table, and the limits page says so.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use super::ValidationError;

/// The most entries one site may list.
pub const MAX_BLOCKED_ENTRIES: usize = 500;
/// The longest entry, in characters.
pub const MAX_BLOCKED_ENTRY_CHARS: usize = 100;

/// The entries, each kept as its words in lower case, in the order the admin wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct BlockList(Vec<String>);

/// Whether `c` joins the letters of a word. Letters and digits of every script do, and so
/// do the vowel signs and viramas of Indian scripts (marks, which `is_alphanumeric` does not
/// all count); spaces and punctuation, ASCII or typographic, part words.
fn in_word(c: char) -> bool {
    if c.is_alphanumeric() {
        return true;
    }
    if c.is_ascii() || c.is_whitespace() {
        return false;
    }
    !matches!(
        c,
        '\u{2010}'..='\u{206f}' // general punctuation: dashes, quotes, ellipsis, spaces
            | '\u{3000}'..='\u{303f}' // CJK punctuation
            | '\u{0964}' | '\u{0965}' // danda, double danda
            | '\u{00a0}'..='\u{00bf}' // Latin-1 punctuation and signs
            | '\u{00d7}' | '\u{00f7}'
    )
}

/// Whether `c` is drawn as nothing: a format character (`\p{Cf}`: the soft hyphen,
/// zero-width space, joiner and non-joiner, word joiner, byte order mark, direction marks)
/// or one of the other default-ignorable code points (variation selectors, the combining
/// grapheme joiner, Hangul fillers). Tokenisers drop these, so the model would read the
/// word around them whole; a prompt must not pass the block-list by hiding one inside it.
fn invisible(c: char) -> bool {
    c.general_category() == GeneralCategory::Format
        || matches!(
            c,
            '\u{034f}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{ffa0}'
                | '\u{e0100}'..='\u{e01ef}'
        )
}

/// `text` as the block-list compares it: without invisible characters, then in NFKC, which
/// folds full-width letters, ligatures and the precomposed nukta letters (क़, ख़) onto the
/// same letters typed otherwise. Only the copy being matched changes; the prompt is kept
/// and rendered as the person wrote it.
fn comparable(text: &str) -> String {
    text.chars().filter(|&c| !invisible(c)).nfkc().collect()
}

/// The words of `text`, in lower case, as [`comparable`] reads it.
fn words(text: &str) -> Vec<String> {
    comparable(text)
        .split(|c: char| !in_word(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl BlockList {
    /// Reads the entries an admin wrote (one a line in the form); blank lines and repeats go.
    pub fn parse<S: AsRef<str>>(lines: &[S]) -> Result<BlockList, ValidationError> {
        let mut entries: Vec<String> = Vec::new();
        for line in lines {
            let line = line.as_ref().trim();
            if line.is_empty() {
                continue;
            }
            crate::refuse_control_characters("prompt_blocklist", line, false)?;
            if line.chars().count() > MAX_BLOCKED_ENTRY_CHARS {
                return Err(ValidationError::new(
                    "prompt_blocklist",
                    crate::msg!(
                        "validation-blocklist-entry-length",
                        entry = line,
                        max = MAX_BLOCKED_ENTRY_CHARS.to_string()
                    ),
                ));
            }
            let entry = words(line).join(" ");
            if entry.is_empty() {
                return Err(ValidationError::new(
                    "prompt_blocklist",
                    crate::msg!("validation-blocklist-no-words", entry = line),
                ));
            }
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
        if entries.len() > MAX_BLOCKED_ENTRIES {
            return Err(ValidationError::new(
                "prompt_blocklist",
                crate::msg!(
                    "validation-blocklist-too-many",
                    max = MAX_BLOCKED_ENTRIES.to_string()
                ),
            ));
        }
        Ok(BlockList(entries))
    }

    /// The entries as stored and shown: words in lower case, single spaces.
    pub fn entries(&self) -> &[String] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first entry `text` holds as whole words, if any.
    pub fn find_in(&self, text: &str) -> Option<&str> {
        if self.0.is_empty() {
            return None;
        }
        let said = words(text);
        self.0
            .iter()
            .find(|entry| {
                let wanted: Vec<&str> = entry.split(' ').collect();
                said.windows(wanted.len())
                    .any(|run| run.iter().zip(&wanted).all(|(a, b)| a == b))
            })
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(lines: &[&str]) -> BlockList {
        BlockList::parse(lines).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn whole_words_match_whatever_their_case() {
        let blocked = list(&["Gore", "blood bath"]);
        assert_eq!(blocked.find_in("a scene full of GORE!"), Some("gore"));
        assert_eq!(blocked.find_in("gore"), Some("gore"));
        assert_eq!(blocked.find_in("(gore)"), Some("gore"));
        assert_eq!(blocked.find_in("a portrait of Gorenflo"), None);
        assert_eq!(blocked.find_in("ungore"), None);
        assert_eq!(
            blocked.find_in("a Blood   bath at dawn"),
            Some("blood bath")
        );
        assert_eq!(blocked.find_in("a bloodbath"), None);
        assert_eq!(blocked.find_in("blood on the bath"), None);
        assert_eq!(BlockList::default().find_in("anything"), None);
    }

    #[test]
    fn words_of_other_scripts_are_whole_words_too() {
        let blocked = list(&["ख़ून"]);
        assert_eq!(blocked.find_in("लाल ख़ून।"), Some("ख़ून"));
        assert_eq!(blocked.find_in("“ख़ून”"), Some("ख़ून"));
        assert_eq!(blocked.find_in("ख़ूनी"), None);
    }

    #[test]
    fn invisible_characters_do_not_hide_a_blocked_word() {
        let blocked = list(&["gore", "blood bath"]);
        for prompt in [
            "a go\u{200B}re scene", // zero-width space
            "a go\u{00AD}re scene", // soft hyphen
            "a go\u{200C}re scene", // zero-width non-joiner
            "a go\u{200D}re scene", // zero-width joiner
            "a go\u{2060}re scene", // word joiner
            "a \u{FEFF}gore scene", // byte order mark
            "a gor\u{FE0F}e scene", // variation selector
            "a ＧＯＲＥ scene",     // full-width letters (NFKC)
        ] {
            assert_eq!(blocked.find_in(prompt), Some("gore"), "{prompt:?}");
        }
        assert_eq!(
            blocked.find_in("blo\u{200B}od  ba\u{00AD}th"),
            Some("blood bath")
        );
        // A letter of another script that looks the same is a known limit.
        assert_eq!(blocked.find_in("a g\u{043E}re scene"), None);
    }

    #[test]
    fn devanagari_matches_however_its_letters_were_typed() {
        // ख़ as one code point (U+0959) or as ख and a nukta; a joiner inside the word.
        let precomposed = list(&["\u{0959}ून"]);
        assert_eq!(precomposed.find_in("लाल ख\u{093C}ून"), Some("ख\u{093C}ून"));
        let decomposed = list(&["ख\u{093C}ून"]);
        assert_eq!(decomposed.find_in("लाल \u{0959}ून"), Some("ख\u{093C}ून"));
        assert_eq!(decomposed.find_in("ख\u{093C}ू\u{200D}न"), Some("ख\u{093C}ून"));
    }

    #[test]
    fn entries_are_trimmed_lowered_and_kept_once() {
        let blocked = list(&["  Gore ", "", "gore", "Blood,  Bath"]);
        assert_eq!(blocked.entries(), ["gore", "blood bath"]);
    }

    #[test]
    fn bad_entries_are_refused() {
        assert!(BlockList::parse(&["!!!"]).is_err());
        assert!(BlockList::parse(&["x".repeat(MAX_BLOCKED_ENTRY_CHARS + 1)]).is_err());
        assert!(BlockList::parse(&["a\u{7}b"]).is_err());
        let many: Vec<String> = (0..=MAX_BLOCKED_ENTRIES).map(|i| format!("w{i}")).collect();
        assert!(BlockList::parse(&many).is_err());
    }
}
