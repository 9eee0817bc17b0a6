//! Jobs: what a person asks for (prompt, size, model, seed), parsed once, and the states a
//! job moves through.

use std::fmt;

use serde::Serialize;

use crate::{TenantId, Timestamp, UserId, ValidationError, IMAGE_SIDE_STEP, MIN_IMAGE_SIDE};

/// The longest prompt accepted, in characters.
pub const PROMPT_MAX_CHARS: usize = 2000;
/// The largest seed: ComfyUI accepts 64-bit seeds; we keep them positive in a signed column.
pub const SEED_MAX: i64 = i64::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct JobId(pub uuid::Uuid);

impl fmt::Display for JobId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ImageId(pub uuid::Uuid);

impl fmt::Display for ImageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// queued → running → succeeded | failed | canceled (and running → queued on a retry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Queued,
    Running,
    Succeeded,
    Failed,
    Canceled,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Succeeded => "succeeded",
            JobStatus::Failed => "failed",
            JobStatus::Canceled => "canceled",
        }
    }

    pub fn parse(raw: &str) -> Option<JobStatus> {
        match raw {
            "queued" => Some(JobStatus::Queued),
            "running" => Some(JobStatus::Running),
            "succeeded" => Some(JobStatus::Succeeded),
            "failed" => Some(JobStatus::Failed),
            "canceled" => Some(JobStatus::Canceled),
            _ => None,
        }
    }

    /// Queued or running: it holds credits and counts against the active-job cap.
    pub fn is_active(self) -> bool {
        matches!(self, JobStatus::Queued | JobStatus::Running)
    }
}

/// A prompt: trimmed, not empty, at most [`PROMPT_MAX_CHARS`], no control characters but
/// line breaks and tabs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Prompt(String);

impl Prompt {
    pub fn parse(
        field: &'static str,
        raw: &str,
        required: bool,
    ) -> Result<Prompt, ValidationError> {
        let text = raw.trim();
        if required && text.is_empty() {
            return Err(ValidationError::new(
                field,
                crate::msg!("validation-prompt-empty"),
            ));
        }
        if text.chars().count() > PROMPT_MAX_CHARS {
            return Err(ValidationError::new(
                field,
                crate::msg!(
                    "validation-prompt-too-long",
                    max = PROMPT_MAX_CHARS.to_string()
                ),
            ));
        }
        crate::refuse_control_characters(field, text, true)?;
        Ok(Prompt(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Width and height: multiples of 8 from 64 to the tenant's maximum side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImageSize {
    pub width: i64,
    pub height: i64,
}

impl ImageSize {
    pub fn parse(
        width: &str,
        height: &str,
        max_side: i64,
    ) -> Result<ImageSize, Vec<ValidationError>> {
        let side = |field: &'static str, raw: &str| -> Result<i64, ValidationError> {
            let value: i64 = raw
                .trim()
                .parse()
                .map_err(|_| ValidationError::new(field, crate::msg!("validation-side-number")))?;
            if !(MIN_IMAGE_SIDE..=max_side).contains(&value) {
                return Err(ValidationError::new(
                    field,
                    crate::msg!(
                        "validation-side-range",
                        min = MIN_IMAGE_SIDE.to_string(),
                        max = max_side.to_string()
                    ),
                ));
            }
            if value % IMAGE_SIDE_STEP != 0 {
                let lower = value - value % IMAGE_SIDE_STEP;
                return Err(ValidationError::new(
                    field,
                    crate::msg!(
                        "validation-side-step",
                        step = IMAGE_SIDE_STEP.to_string(),
                        lower = lower.max(MIN_IMAGE_SIDE).to_string(),
                        higher = (lower + IMAGE_SIDE_STEP).min(max_side).to_string()
                    ),
                ));
            }
            Ok(value)
        };
        match (side("width", width), side("height", height)) {
            (Ok(width), Ok(height)) => Ok(ImageSize { width, height }),
            (w, h) => Err([w.err(), h.err()].into_iter().flatten().collect()),
        }
    }
}

/// An optional seed: empty means "pick one for me".
pub fn parse_seed(raw: &str) -> Result<Option<i64>, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i64>()
        .ok()
        .filter(|s| (0..=SEED_MAX).contains(s))
        .map(Some)
        .ok_or_else(|| ValidationError::new("seed", crate::msg!("validation-seed")))
}

/// A checked request for an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJob {
    pub prompt: Prompt,
    pub negative_prompt: Prompt,
    pub model: String,
    pub size: ImageSize,
    pub seed: i64,
}

/// A job as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Job {
    pub id: JobId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub prompt: String,
    pub negative_prompt: String,
    pub model: String,
    pub width: i64,
    pub height: i64,
    pub seed: i64,
    pub status: JobStatus,
    pub cost: crate::Credits,
    pub attempts: i64,
    pub max_attempts: i64,
    /// Thousandths of the current attempt.
    pub progress: i64,
    pub error: String,
    pub cancel_requested: bool,
    pub image_id: Option<ImageId>,
    pub created_at: Timestamp,
    pub started_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    pub deadline_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_are_trimmed_and_bounded() {
        assert_eq!(
            Prompt::parse("prompt", "  a red fox \n", true).map(|p| p.as_str().to_owned()),
            Ok("a red fox".to_owned())
        );
        assert!(Prompt::parse("prompt", "   ", true).is_err());
        assert!(Prompt::parse("negative_prompt", "", false).is_ok());
        assert!(Prompt::parse("prompt", &"x".repeat(PROMPT_MAX_CHARS + 1), true).is_err());
        assert!(Prompt::parse("prompt", "bell\u{7}", true).is_err());
    }

    #[test]
    fn sizes_are_multiples_of_eight_within_the_tenant_maximum() {
        assert_eq!(
            ImageSize::parse("512", "768", 1024),
            Ok(ImageSize {
                width: 512,
                height: 768
            })
        );
        let errors = ImageSize::parse("500", "2048", 1024)
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].field, "width");
        assert!(
            errors[0].message.to_string().contains("496 or 504"),
            "{}",
            errors[0].message
        );
        assert!(errors[1]
            .message
            .to_string()
            .contains("between 64 and 1024"));
        assert!(ImageSize::parse("abc", "64", 1024).is_err());
        assert!(ImageSize::parse("56", "64", 1024).is_err());
    }

    #[test]
    fn seeds_are_optional_and_non_negative() {
        assert_eq!(parse_seed(""), Ok(None));
        assert_eq!(parse_seed(" 42 "), Ok(Some(42)));
        assert!(parse_seed("-1").is_err());
        assert!(parse_seed("1e9").is_err());
    }

    #[test]
    fn statuses_round_trip_and_know_what_is_active() {
        for s in [
            JobStatus::Queued,
            JobStatus::Running,
            JobStatus::Succeeded,
            JobStatus::Failed,
            JobStatus::Canceled,
        ] {
            assert_eq!(JobStatus::parse(s.as_str()), Some(s));
        }
        assert!(JobStatus::Queued.is_active() && JobStatus::Running.is_active());
        assert!(!JobStatus::Succeeded.is_active());
    }
}
