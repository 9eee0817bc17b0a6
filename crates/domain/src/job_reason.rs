//! Why a job ended without an image, when Atelier itself says so (a deadline, a silent
//! worker, an owner's cancel). Such a reason is stored as a code and put into words only
//! when a reader sees it, in their language; a worker's own account of a failure is kept
//! and shown as it said it.

use crate::{msg, Lang, Msg};

/// Marks a stored reason as one of ours; a worker's words never start with it.
const CODE_PREFIX: &str = "atelier:";

/// A reason of Atelier's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobReason {
    /// Not finished within the deadline of this many minutes.
    Deadline { minutes: i64 },
    /// Its worker stopped answering; the job went back to the queue.
    WorkerSilentRequeued,
    /// Its worker stopped answering and no attempts were left.
    WorkerSilentGaveUp,
    /// A remote worker failed in a way worth retrying; its own words name machines and
    /// addresses that are not the owner's business (they go to the log).
    GpuFailed,
    /// A worker failed without saying why.
    NotMade,
    /// The model was taken off the catalogue while the job waited.
    ModelGone,
    /// The owner canceled it while it was rendering.
    CanceledByOwner,
}

impl JobReason {
    /// The form kept in `jobs.error`: "atelier:deadline:5".
    pub fn stored(self) -> String {
        let code = match self {
            JobReason::Deadline { minutes } => return format!("{CODE_PREFIX}deadline:{minutes}"),
            JobReason::WorkerSilentRequeued => "requeued",
            JobReason::WorkerSilentGaveUp => "gave-up",
            JobReason::GpuFailed => "gpu",
            JobReason::NotMade => "not-made",
            JobReason::ModelGone => "model-gone",
            JobReason::CanceledByOwner => "canceled",
        };
        format!("{CODE_PREFIX}{code}")
    }

    /// The reason `stored` names, when it is one of ours.
    pub fn read(stored: &str) -> Option<JobReason> {
        let code = stored.strip_prefix(CODE_PREFIX)?;
        Some(match code {
            "requeued" => JobReason::WorkerSilentRequeued,
            "gave-up" => JobReason::WorkerSilentGaveUp,
            "gpu" => JobReason::GpuFailed,
            "not-made" => JobReason::NotMade,
            "model-gone" => JobReason::ModelGone,
            "canceled" => JobReason::CanceledByOwner,
            other => JobReason::Deadline {
                minutes: other.strip_prefix("deadline:")?.parse().ok()?,
            },
        })
    }

    pub fn message(self) -> Msg {
        match self {
            JobReason::Deadline { minutes } => msg!("job-reason-deadline", minutes = minutes),
            JobReason::WorkerSilentRequeued => msg!("job-reason-requeued"),
            JobReason::WorkerSilentGaveUp => msg!("job-reason-gave-up"),
            JobReason::GpuFailed => msg!("job-reason-gpu"),
            JobReason::NotMade => msg!("job-reason-not-made"),
            JobReason::ModelGone => msg!("job-reason-model-gone"),
            JobReason::CanceledByOwner => msg!("job-reason-canceled"),
        }
    }
}

/// A job's stored error as its reader sees it: ours in their language, a worker's own
/// words as it said them, and nothing said as "could not be made".
pub fn job_error_text(stored: &str, lang: Lang) -> String {
    if stored.trim().is_empty() {
        return JobReason::NotMade.message().in_lang(lang);
    }
    JobReason::read(stored).map_or_else(|| stored.to_owned(), |r| r.message().in_lang(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_reasons_round_trip_and_a_workers_words_stay_its_own() {
        for reason in [
            JobReason::Deadline { minutes: 5 },
            JobReason::WorkerSilentRequeued,
            JobReason::WorkerSilentGaveUp,
            JobReason::GpuFailed,
            JobReason::NotMade,
            JobReason::ModelGone,
            JobReason::CanceledByOwner,
        ] {
            assert_eq!(JobReason::read(&reason.stored()), Some(reason));
        }
        assert_eq!(JobReason::read("atelier:deadline:soon"), None);
        assert_eq!(
            job_error_text("ComfyUI ran out of GPU memory", Lang::Hi),
            "ComfyUI ran out of GPU memory"
        );
        let late = JobReason::Deadline { minutes: 5 }.stored();
        assert!(job_error_text(&late, Lang::En).contains("5 minutes"));
        assert!(!job_error_text(&late, Lang::Hi).contains("minutes"));
        assert_eq!(job_error_text("", Lang::En), "The image could not be made.");
    }
}
