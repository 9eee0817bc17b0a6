//! The rules the platform sets for every site: the largest image side any site may offer,
//! how long an image has to finish, and how many times a failed render is tried. Super-admins
//! change them in the platform console; until they do, the server's settings file gives them.
//! A job keeps the deadline and attempts it was queued with; the size cap bounds each site's
//! own maximum when it is read, so lowering it never rewrites a site's settings.

use crate::tenant::{ValidationError, IMAGE_SIDE_STEP, MIN_IMAGE_SIDE, PLATFORM_MAX_IMAGE_SIDE};

/// The shortest deadline the settings file may give: a render takes some seconds even on a
/// fast GPU.
pub const MIN_DEADLINE_SECS: i64 = 10;
/// The longest deadline: a day. Longer, and a stuck job holds its credits for days.
pub const MAX_DEADLINE_SECS: i64 = 86_400;
/// The console sets the deadline in whole minutes, the unit every page states it in.
pub const MAX_DEADLINE_MINUTES: i64 = MAX_DEADLINE_SECS / 60;
/// The most attempts a job may have: the first and nine retries.
pub const MAX_ATTEMPTS: i64 = 10;

/// The platform's rules, each checked: see [`PlatformRules::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlatformRules {
    /// No site offers images larger than this on a side, whatever its own maximum.
    pub size_cap: i64,
    /// A job not finished this long after it was queued fails (and its credits return).
    pub deadline_secs: i64,
    /// Attempts in all: the first plus the retries.
    pub max_attempts: i64,
}

impl PlatformRules {
    /// The rules a server starts with before any are saved: the widest size cap the schema
    /// allows and the settings file's deadline and attempts (already checked there).
    pub fn from_file(deadline_secs: u64, max_attempts: u32) -> Self {
        Self {
            size_cap: PLATFORM_MAX_IMAGE_SIDE,
            deadline_secs: i64::try_from(deadline_secs)
                .unwrap_or(MAX_DEADLINE_SECS)
                .clamp(MIN_DEADLINE_SECS, MAX_DEADLINE_SECS),
            max_attempts: i64::from(max_attempts).clamp(1, MAX_ATTEMPTS),
        }
    }

    /// Checks the console's form: whole numbers, the size a multiple of
    /// [`IMAGE_SIDE_STEP`] within what any site may offer, the deadline 1 to
    /// [`MAX_DEADLINE_MINUTES`] minutes and 0 to 9 retries. Every problem is reported, each
    /// naming its field.
    pub fn parse(
        size_cap: &str,
        deadline_minutes: &str,
        retries: &str,
    ) -> Result<Self, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let mut whole =
            |field: &'static str, raw: &str, ok: &dyn Fn(i64) -> bool, refusal: crate::Msg| {
                match raw.trim().parse::<i64>() {
                    Ok(n) if ok(n) => Some(n),
                    _ => {
                        errors.push(ValidationError::new(field, refusal));
                        None
                    }
                }
            };
        let size_cap = whole(
            "size_cap",
            size_cap,
            &|n| {
                (MIN_IMAGE_SIDE..=PLATFORM_MAX_IMAGE_SIDE).contains(&n) && n % IMAGE_SIDE_STEP == 0
            },
            crate::msg!(
                "validation-max-image-side",
                step = IMAGE_SIDE_STEP.to_string(),
                min = MIN_IMAGE_SIDE.to_string(),
                max = PLATFORM_MAX_IMAGE_SIDE.to_string()
            ),
        );
        let deadline_minutes = whole(
            "deadline_minutes",
            deadline_minutes,
            &|n| (1..=MAX_DEADLINE_MINUTES).contains(&n),
            crate::msg!("validation-deadline", max = MAX_DEADLINE_MINUTES),
        );
        let retries = whole(
            "retries",
            retries,
            &|n| (0..MAX_ATTEMPTS).contains(&n),
            crate::msg!("validation-retries", max = MAX_ATTEMPTS - 1),
        );
        match (size_cap, deadline_minutes, retries) {
            (Some(size_cap), Some(minutes), Some(retries)) => Ok(Self {
                size_cap,
                deadline_secs: minutes * 60,
                max_attempts: retries + 1,
            }),
            _ => Err(errors),
        }
    }

    pub fn retries(&self) -> i64 {
        self.max_attempts - 1
    }

    /// The deadline in whole minutes, rounded up, for pages.
    pub fn deadline_minutes(&self) -> i64 {
        (self.deadline_secs + 59) / 60
    }

    /// The largest side a site whose own maximum is `site_max` offers.
    pub fn max_side(&self, site_max: i64) -> i64 {
        site_max.min(self.size_cap)
    }

    /// One line for the audit log's before and after.
    pub fn describe(&self) -> String {
        format!(
            "size cap {}; deadline {} s; {} attempts",
            self.size_cap, self.deadline_secs, self.max_attempts
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_form_reads_retries_as_attempts_beyond_the_first() {
        let rules = PlatformRules::parse(" 2048 ", "10", "0").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            rules,
            PlatformRules {
                size_cap: 2048,
                deadline_secs: 600,
                max_attempts: 1
            }
        );
        assert_eq!(rules.retries(), 0);
        assert_eq!(rules.deadline_minutes(), 10);
        assert_eq!(rules.max_side(4096), 2048);
        assert_eq!(rules.max_side(1024), 1024);
    }

    #[test]
    fn every_bad_field_is_named() {
        let errors = PlatformRules::parse("2050", "0", "10")
            .err()
            .unwrap_or_default();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["size_cap", "deadline_minutes", "retries"]);
        let errors = PlatformRules::parse("8192", "1441", "-1")
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 3);
        let errors = PlatformRules::parse("", "five", "1.5")
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 3);
        assert!(PlatformRules::parse("64", "1", "9").is_ok());
        let day = PlatformRules::parse("4096", "1440", "0").map(|r| r.deadline_secs);
        assert_eq!(day.ok(), Some(86_400));
    }

    #[test]
    fn the_files_values_are_kept_within_the_schemas_bounds() {
        let rules = PlatformRules::from_file(45, 3);
        assert_eq!(
            (rules.size_cap, rules.deadline_secs, rules.max_attempts),
            (4096, 45, 3)
        );
        assert_eq!(rules.deadline_minutes(), 1);
        assert_eq!(
            PlatformRules::from_file(u64::MAX, 99).deadline_secs,
            MAX_DEADLINE_SECS
        );
    }
}
