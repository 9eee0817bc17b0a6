//! The node's one refresher of live job status.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use atelier_domain::{Job, JobId, JobStatus, TenantId, UserId};
use atelier_store::QueuePlaces;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

use super::{LiveJobs, Shared, Snapshot, Watched};
use crate::jobs::view::{job_json, JobView, QueueLine};
use crate::{AppError, AppState};

/// How often every watched job is read again, whatever changed on this node: the most a
/// change made on another node, or a place in line, waits before its streams show it.
const REFRESH_EVERY: Duration = Duration::from_secs(2);

/// Marks the task stopped should it end any other way than by finding nobody watching (a
/// bug's panic), so the next stream starts another.
struct Running {
    shared: std::sync::Arc<Shared>,
    armed: bool,
}

impl Drop for Running {
    fn drop(&mut self) {
        if self.armed {
            self.shared.lock().refreshing = false;
        }
    }
}

/// Keeps every watched job's snapshot current until nobody watches any more.
pub(super) async fn run(live: LiveJobs, state: AppState) {
    let shared = live.shared;
    let mut running = Running {
        shared: shared.clone(),
        armed: true,
    };
    let mut events = state.job_events.subscribe();
    let mut tick = tokio::time::interval(REFRESH_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The first tick completes at once; each stream began with a fresh read of its own.
    tick.tick().await;
    let mut changed = HashSet::new();
    loop {
        let everything = tokio::select! {
            _ = tick.tick() => true,
            event = events.recv() => match event {
                Ok(id) => {
                    changed.insert(id);
                    false
                }
                // Missed announcements are caught by the next tick; refreshing everything
                // now, while this node is busiest, would only make it busier.
                Err(RecvError::Lagged(_)) => false,
                // Never while this task holds the state; should it happen, ticks go on.
                Err(RecvError::Closed) => {
                    tick.tick().await;
                    true
                }
            },
        };
        if shared.stop_if_idle() {
            // Marked stopped under the registry's lock: a stream opened from now on starts
            // a new task, which this one must not mark stopped on its way out.
            running.armed = false;
            return;
        }
        // The announcements already waiting join this read: a burst costs one.
        loop {
            match events.try_recv() {
                Ok(id) => {
                    changed.insert(id);
                }
                Err(TryRecvError::Lagged(_)) => {}
                Err(TryRecvError::Empty | TryRecvError::Closed) => break,
            }
        }
        let result = if everything {
            changed.clear();
            // Sessions are checked even when the jobs could not be read: ending a signed-out
            // viewer's streams does not wait for the jobs.
            let jobs = refresh(&shared, &state, None).await;
            let sessions = check_sessions(&shared, &state).await;
            jobs.and(sessions)
        } else {
            let result = refresh(&shared, &state, Some(&changed)).await;
            changed.clear();
            result
        };
        if let Err(e) = result {
            // The streams keep what they showed; the next tick tries again.
            tracing::warn!(error = %e, "live status could not be read");
        }
    }
}

/// Reads the watched jobs (those of `only`, or all) and shows each to its streams.
async fn refresh(
    shared: &Shared,
    state: &AppState,
    only: Option<&HashSet<JobId>>,
) -> Result<(), AppError> {
    let watched = shared.watched(only);
    if watched.is_empty() {
        return Ok(());
    }
    // A job watched in two languages is read once.
    let ids: Vec<JobId> = watched
        .iter()
        .map(|w| w.job)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let jobs: HashMap<JobId, Job> = state
        .store
        .jobs_by_ids(&ids)
        .await?
        .into_iter()
        .map(|job| (job.id, job))
        .collect();
    let lines = queue_lines(state, &watched, &jobs).await?;
    let no_line = QueueLine::new(state, QueuePlaces::default(), None);
    for w in &watched {
        let snapshot = match jobs.get(&w.job) {
            Some(job) => {
                let line = lines.get(&job.tenant_id).unwrap_or(&no_line);
                let view = JobView::with_line(state, job, line, w.lang);
                Snapshot {
                    json: Some(job_json(&view).to_string().into()),
                    active: job.status.is_active(),
                }
            }
            None => Snapshot {
                json: None,
                active: false,
            },
        };
        shared.publish(w.job, w.lang, snapshot);
    }
    Ok(())
}

/// The places in line of the watched queued jobs: per site, one read for all their owners.
async fn queue_lines(
    state: &AppState,
    watched: &[Watched],
    jobs: &HashMap<JobId, Job>,
) -> Result<HashMap<TenantId, QueueLine>, AppError> {
    let mut owners: HashMap<TenantId, HashSet<UserId>> = HashMap::new();
    for w in watched {
        if jobs
            .get(&w.job)
            .is_some_and(|job| job.status == JobStatus::Queued)
        {
            owners.entry(w.tenant).or_default().insert(w.owner);
        }
    }
    let mut lines = HashMap::with_capacity(owners.len());
    if owners.is_empty() {
        return Ok(lines);
    }
    let recent = state.recent_render_millis().await?;
    for (tenant, users) in owners {
        let users: Vec<UserId> = users.into_iter().collect();
        let places = state.store.queue_places_of(tenant, &users).await?;
        let served = state.models_served(tenant).await?;
        lines.insert(
            tenant,
            QueueLine::new(state, places, recent).serving(served),
        );
    }
    Ok(lines)
}

/// Ends the streams of sessions that ended (signed out, expired, account disabled) on any
/// node, in one read for all of them.
async fn check_sessions(shared: &Shared, state: &AppState) -> Result<(), AppError> {
    let hashes = shared.sessions();
    if hashes.is_empty() {
        return Ok(());
    }
    let now = state.clock.now();
    let signed_in: HashSet<(String, UserId)> = state
        .store
        .signed_in_sessions(&hashes, now, crate::auth::idle_since(state, now))
        .await?
        .into_iter()
        .collect();
    shared.end_sessions_except(&hashes, &signed_in);
    Ok(())
}
