//! How a job is shown: in pages (`JobView`) and as JSON (the API and live status share it).

use atelier_domain::{msg, Job, JobStatus, Lang, Msg, Timestamp};
use atelier_store::QueuePlaces;
use serde::Serialize;

use crate::{AppError, AppState};

/// "about 20 seconds", "about 3 minutes".
fn wait_label(seconds: i64) -> Msg {
    match seconds {
        i64::MIN..=9 => msg!("jobs-wait-few-seconds"),
        10..=59 => msg!("jobs-wait-seconds", seconds = (seconds + 5) / 10 * 10),
        60..=119 => msg!("jobs-wait-minute"),
        _ => msg!("jobs-wait-minutes", minutes = (seconds + 30) / 60),
    }
}

fn status_label(job: &Job) -> Msg {
    match (job.status, job.cancel_requested) {
        (JobStatus::Queued, _) => msg!("jobs-status-queued"),
        (JobStatus::Running, true) => msg!("jobs-status-canceling"),
        (JobStatus::Running, false) => msg!("jobs-status-running"),
        (JobStatus::Succeeded, _) => msg!("jobs-status-succeeded"),
        (JobStatus::Failed, _) => msg!("jobs-status-failed"),
        (JobStatus::Canceled, _) => msg!("jobs-status-canceled"),
    }
}

/// Where a queued job stands, in `lang`: what it waits for, else its place in line, then
/// the wait when there is an estimate ("Next in line · about 20 seconds").
fn queue_label(
    lang: Lang,
    waiting_for: Option<&str>,
    position: Option<i64>,
    wait: Option<&str>,
) -> String {
    let place = match (waiting_for, position) {
        (Some(waiting_for), _) => waiting_for.to_owned(),
        (None, Some(1)) => msg!("jobs-queue-next").in_lang(lang),
        (None, Some(position)) => msg!("jobs-queue-ahead", ahead = position - 1).in_lang(lang),
        (None, None) => msg!("jobs-queue-waiting").in_lang(lang),
    };
    match wait {
        Some(wait) => msg!("jobs-queue-with-wait", place = place, wait = wait).in_lang(lang),
        None => place,
    }
}

/// The day a job was made, in `lang` ("27 Nov 2026"), on India's calendar.
fn created_on(at: Timestamp, lang: Lang) -> String {
    crate::when::date(lang, at)
}

/// A job with everything a page or a client needs to show it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct JobView {
    pub id: String,
    pub status: &'static str,
    pub status_label: String,
    pub queue_position: Option<i64>,
    pub estimated_wait_seconds: Option<i64>,
    pub wait_label: Option<String>,
    /// For a queued job no online worker can take: says what it waits for.
    pub waiting_for: Option<String>,
    /// For a queued job: what it waits for or its place, and the wait, in one line.
    pub queue_label: Option<String>,
    pub progress: f64,
    pub progress_percent: i64,
    pub error: Option<String>,
    pub image_url: Option<String>,
    pub thumb_url: Option<String>,
    /// While a ComfyUI model renders: where its newest preview frame is.
    pub preview_url: Option<String>,
    pub download_url: Option<String>,
    pub cancel_url: Option<String>,
    pub width: i64,
    pub height: i64,
    pub model: String,
    pub model_label: String,
    /// The name alone, and whether it is a demo model (a page shows a badge for that).
    pub model_name: String,
    pub model_demo: bool,
    pub prompt: String,
    pub negative_prompt: String,
    pub seed: i64,
    pub created_at: String,
    pub created: String,
    pub charged: bool,
}

/// Where a user's queued jobs stand and how long a job takes lately: read once for a page
/// or an answer, however many jobs it shows.
pub(crate) struct QueueLine {
    places: QueuePlaces,
    per_job_ms: i64,
    workers: i64,
    /// The models some online worker can take for this site; `None` when not read.
    served: Option<std::sync::Arc<Vec<String>>>,
}

impl QueueLine {
    /// The line as `jobs`' owner sees it; reads nothing when none of them is queued.
    async fn of(state: &AppState, jobs: &[Job]) -> Result<QueueLine, AppError> {
        match jobs.iter().find(|j| j.status == JobStatus::Queued) {
            Some(queued) => {
                let places = state
                    .store
                    .queue_places(queued.tenant_id, queued.user_id)
                    .await?;
                let recent = state.recent_render_millis().await?;
                let served = state.models_served(queued.tenant_id).await?;
                Ok(QueueLine::new(state, places, recent).serving(served))
            }
            None => Ok(QueueLine::new(state, QueuePlaces::default(), None)),
        }
    }

    /// A line from places already read (for many users at once, by live status), and the
    /// recent time per job if there is one.
    pub(crate) fn new(state: &AppState, places: QueuePlaces, recent_ms: Option<i64>) -> QueueLine {
        QueueLine {
            places,
            per_job_ms: recent_ms.unwrap_or(15_000),
            workers: i64::from(state.settings.jobs.embedded_workers.max(1)),
            served: None,
        }
    }

    /// The line, knowing which models some online worker takes for the site.
    pub(crate) fn serving(mut self, served: std::sync::Arc<Vec<String>>) -> QueueLine {
        self.served = Some(served);
        self
    }

    /// Whether no online worker takes `job`'s model (as far as the line knows).
    fn unserved(&self, job: &Job) -> bool {
        job.status == JobStatus::Queued
            && self
                .served
                .as_ref()
                .is_some_and(|served| !served.contains(&job.model))
    }

    /// The estimated place in line and wait, in seconds, of a queued job.
    fn place(&self, job: &Job) -> (Option<i64>, Option<i64>) {
        match self.places.of(job.id) {
            Some(position) if job.status == JobStatus::Queued => {
                let wait = (position * self.per_job_ms / self.workers + 999) / 1000;
                (Some(position), Some(wait))
            }
            _ => (None, None),
        }
    }
}

impl JobView {
    /// One job, as its page or the API shows it, with its words in `lang`.
    pub(crate) async fn build(
        state: &AppState,
        job: &Job,
        lang: Lang,
    ) -> Result<JobView, AppError> {
        let line = QueueLine::of(state, std::slice::from_ref(job)).await?;
        Ok(JobView::with_line(state, job, &line, lang))
    }

    /// Jobs of one user, for a list: the queue is read once for all of them.
    pub(crate) async fn build_all(
        state: &AppState,
        jobs: &[Job],
        lang: Lang,
    ) -> Result<Vec<JobView>, AppError> {
        let line = QueueLine::of(state, jobs).await?;
        Ok(jobs
            .iter()
            .map(|job| JobView::with_line(state, job, &line, lang))
            .collect())
    }

    /// A job as `lang`'s readers see it: its status, place and wait in their words.
    pub(crate) fn with_line(state: &AppState, job: &Job, line: &QueueLine, lang: Lang) -> JobView {
        let (queue_position, mut estimated_wait_seconds) = line.place(job);
        let image = job.image_id.map(|i| format!("/images/{i}"));
        let catalog = state.models.current();
        let model = catalog.get(&job.model);
        let model_label = model.map_or_else(|| job.model.clone(), |m| m.label_in(lang));
        let model_name = model.map_or_else(|| job.model.clone(), |m| m.name_in(lang).to_owned());
        let model_demo = model.is_some_and(atelier_config::Model::is_demo);
        let preview_url = (job.status == JobStatus::Running && model.is_some_and(|m| !m.is_demo()))
            .then(|| format!("/jobs/{}/preview", job.id));
        let error = match job.status {
            JobStatus::Failed => Some(atelier_domain::job_error_text(&job.error, lang)),
            _ => None,
        };
        let waiting_for = line
            .unserved(job)
            .then(|| msg!("jobs-waiting-for", model = &model_label).in_lang(lang));
        if waiting_for.is_some() {
            // No estimate can be made until a worker that runs the model is back.
            estimated_wait_seconds = None;
        }
        let wait_label = estimated_wait_seconds.map(|s| wait_label(s).in_lang(lang));
        let queue_label = (job.status == JobStatus::Queued).then(|| {
            queue_label(
                lang,
                waiting_for.as_deref(),
                queue_position,
                wait_label.as_deref(),
            )
        });
        JobView {
            id: job.id.to_string(),
            status: job.status.as_str(),
            status_label: status_label(job).in_lang(lang),
            queue_position,
            estimated_wait_seconds,
            wait_label,
            waiting_for,
            queue_label,
            progress: match job.status {
                JobStatus::Succeeded => 1.0,
                _ => job.progress as f64 / 1000.0,
            },
            progress_percent: match job.status {
                JobStatus::Succeeded => 100,
                _ => job.progress / 10,
            },
            error,
            thumb_url: image.as_ref().map(|u| format!("{u}/thumb")),
            preview_url,
            download_url: image.as_ref().map(|u| format!("{u}?download=1")),
            image_url: image,
            cancel_url: (job.status.is_active() && !job.cancel_requested)
                .then(|| format!("/jobs/{}/cancel", job.id)),
            width: job.width,
            height: job.height,
            model: job.model.clone(),
            model_label,
            model_name,
            model_demo,
            prompt: job.prompt.clone(),
            negative_prompt: job.negative_prompt.clone(),
            seed: job.seed,
            created_at: job.created_at.rfc3339(),
            created: created_on(job.created_at, lang),
            charged: job.status == JobStatus::Succeeded,
        }
    }
}

/// The job JSON of the contract: `id`, `status`, `queue_position`, `progress`, `error`,
/// `image_url`, `width`, `height`, `model`, `prompt`, `created_at`, and a few extras.
pub(crate) fn job_json(view: &JobView) -> serde_json::Value {
    serde_json::json!({
        "id": view.id,
        "status": view.status,
        "status_label": view.status_label,
        "queue_position": view.queue_position,
        "estimated_wait_seconds": view.estimated_wait_seconds,
        "wait_label": view.wait_label,
        "waiting_for": view.waiting_for,
        "queue_label": view.queue_label,
        "progress": view.progress,
        "error": view.error,
        "image_url": view.image_url,
        "thumb_url": view.thumb_url,
        "preview_url": view.preview_url,
        "download_url": view.download_url,
        "width": view.width,
        "height": view.height,
        "model": view.model,
        "prompt": view.prompt,
        "negative_prompt": view.negative_prompt,
        "seed": view.seed,
        "created_at": view.created_at,
    })
}

#[cfg(test)]
mod tests {
    use super::{created_on, queue_label, wait_label};
    use atelier_domain::{Lang, Timestamp};

    #[test]
    fn waits_are_rounded_for_people() {
        let en = |s| wait_label(s).in_lang(Lang::En);
        assert_eq!(en(3), "a few seconds");
        assert_eq!(en(24), "about 20 seconds");
        assert_eq!(en(75), "about a minute");
        assert_eq!(en(200), "about 3 minutes");
        assert_eq!(wait_label(200).in_lang(Lang::Hi), "लगभग 3 मिनट");
    }

    #[test]
    fn the_queue_line_says_the_place_then_the_wait() {
        let line = |lang, position, wait| queue_label(lang, None, position, wait);
        assert_eq!(line(Lang::En, Some(1), None), "Next in line");
        assert_eq!(
            line(Lang::En, Some(2), Some("about 20 seconds")),
            "About 1 image ahead of yours · about 20 seconds"
        );
        assert_eq!(
            line(Lang::En, Some(4), None),
            "About 3 images ahead of yours"
        );
        assert_eq!(line(Lang::En, None, None), "Waiting in the queue");
        assert_eq!(line(Lang::Hi, Some(4), None), "आपसे पहले लगभग 3 तस्वीरें");
        assert_eq!(
            queue_label(Lang::En, Some("Waiting for a worker"), Some(3), None),
            "Waiting for a worker"
        );
    }

    #[test]
    fn the_day_made_is_in_the_readers_words() {
        let at = Timestamp(1_795_773_600_000);
        assert_eq!(created_on(at, Lang::En), at.india_date());
        assert_eq!(created_on(at, Lang::Hi), "27 नव॰ 2026");
    }
}
