//! The brand's value types: a theme folder, a colour, the name of a credit.

use std::fmt;

use serde::Serialize;

use super::ValidationError;

/// The name of a folder under `themes/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ThemeName(String);

impl ThemeName {
    pub fn parse(raw: &str) -> Result<ThemeName, ValidationError> {
        let name = raw.trim();
        let ok = !name.is_empty()
            && name.len() <= 40
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if ok {
            Ok(ThemeName(name.to_owned()))
        } else {
            Err(ValidationError::new(
                "theme",
                crate::msg!("validation-theme-name"),
            ))
        }
    }

    pub fn default_theme() -> ThemeName {
        ThemeName("default".to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ThemeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A CSS colour written as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour([u8; 3]);

impl Colour {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Colour {
        Colour([r, g, b])
    }

    pub fn parse(field: &'static str, raw: &str) -> Result<Colour, ValidationError> {
        let hex = raw.trim().strip_prefix('#').unwrap_or(raw.trim());
        let expanded: String = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect(),
            6 => hex.to_owned(),
            _ => String::new(),
        };
        let byte = |i: usize| u8::from_str_radix(expanded.get(i..i + 2)?, 16).ok();
        match (byte(0), byte(2), byte(4)) {
            (Some(r), Some(g), Some(b)) => Ok(Colour([r, g, b])),
            _ => Err(ValidationError::new(
                field,
                crate::msg!("validation-colour", value = format!("{raw:?}")),
            )),
        }
    }

    /// The WCAG relative luminance, 0 (black) to 1 (white).
    fn luminance(self) -> f64 {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// Black or white, whichever reads better on this colour.
    pub fn readable_text(self) -> Colour {
        let l = self.luminance();
        let on_white = 1.05 / (l + 0.05);
        let on_black = (l + 0.05) / 0.05;
        if on_black > on_white {
            Colour([0x11, 0x11, 0x11])
        } else {
            Colour([0xff, 0xff, 0xff])
        }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl Serialize for Colour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The tenant's name for a credit, e.g. "Spark" / "Sparks". Shown on every page and mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditUnit {
    pub singular: String,
    pub plural: String,
}

impl CreditUnit {
    /// The unit an admin named. With no plural given, an English-looking (ASCII) singular
    /// takes an "s" ("Spark" → "Sparks"); any other keeps its singular, since Hindi and most
    /// scripts do not plural by a Latin "s" ("चिंगारी" must not become "चिंगारीs"). The
    /// branding form's hint says so.
    pub fn named(singular: String, plural: String) -> CreditUnit {
        let plural = if !plural.is_empty() {
            plural
        } else if singular.is_ascii() {
            format!("{singular}s")
        } else {
            singular.clone()
        };
        CreditUnit { singular, plural }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_pick_readable_text() {
        let violet = Colour::parse("c", "#6D28D9").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(violet.to_string(), "#6d28d9");
        assert_eq!(violet.readable_text().to_string(), "#ffffff");
        let yellow = Colour::parse("c", "#fd0").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(yellow.to_string(), "#ffdd00");
        assert_eq!(yellow.readable_text().to_string(), "#111111");
        assert!(Colour::parse("c", "red").is_err());
        assert!(Colour::parse("c", "#12345g").is_err());
    }

    #[test]
    fn only_a_latin_credit_name_takes_an_s_when_no_plural_is_given() {
        let unit = |one: &str, many: &str| CreditUnit::named(one.to_owned(), many.to_owned());
        assert_eq!(unit("Spark", "").plural, "Sparks");
        assert_eq!(unit("चिंगारी", "").plural, "चिंगारी");
        assert_eq!(unit("Crédit", "").plural, "Crédit");
        assert_eq!(unit("चिंगारी", "चिंगारियाँ").plural, "चिंगारियाँ");
        assert_eq!(unit("Mouse", "Mice").plural, "Mice");
    }
}
