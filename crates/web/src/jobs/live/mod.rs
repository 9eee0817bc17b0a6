//! Live job status, shared by every stream open on this node.
//!
//! Each watched job has one channel per language it is watched in, holding its latest JSON
//! in that language's words, and a stream waits on its own job's channel only: a change to
//! any other job wakes nothing. One task per node (it starts
//! with the first stream and ends after the last) keeps the channels current, at once for the
//! jobs that changed on this node and every two seconds for all of them (changes made on
//! other nodes, places in line that moved, sessions that ended), reading the jobs, their
//! places in line and the watchers' sessions in a few queries shared by every stream.

mod refresh;

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use atelier_domain::{JobId, Lang, TenantId, UserId};
use tokio::sync::{oneshot, watch};

use crate::AppState;

/// What a stream shows of its job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snapshot {
    /// The job's JSON; `None` once the job is gone (its streams end without a word).
    pub json: Option<Arc<str>>,
    /// Whether more may follow (the job is queued or running).
    pub active: bool,
}

/// Who opens a stream, on which job.
pub(crate) struct Watcher {
    pub job: JobId,
    pub tenant: TenantId,
    /// Whose job it is (whose place in line the stream shows).
    pub owner: UserId,
    /// Who watches: the owner, or one of the site's admins.
    pub user: UserId,
    /// The hash of the watcher's session: the stream ends with it.
    pub session: String,
    /// The watcher's language: the words of the JSON they are shown.
    pub lang: Lang,
}

/// An open stream's hold on the registry; dropping it forgets the stream.
pub(crate) struct Subscription {
    /// The job's latest snapshot; changes only when the job does.
    pub job: watch::Receiver<Snapshot>,
    /// Turns false when the watcher's session ends (signed out, expired, account disabled).
    pub signed_in: watch::Receiver<bool>,
    /// Fires when the watcher opened more streams than allowed and this one is the oldest.
    pub superseded: oneshot::Receiver<()>,
    _leave: Leave,
}

/// The live jobs of this node. Cheap to clone.
#[derive(Clone)]
pub struct LiveJobs {
    shared: Arc<Shared>,
}

struct Shared {
    registry: Mutex<Registry>,
    /// Streams one user may hold open at once.
    per_user: usize,
}

/// A watched job in one language: an owner and an admin reading in different languages
/// watch two channels of one job.
type Key = (JobId, Lang);

#[derive(Default)]
struct Registry {
    jobs: HashMap<Key, WatchedJob>,
    sessions: HashMap<String, WatchedSession>,
    /// Each user's open streams, oldest first, with the way to close each.
    users: HashMap<UserId, VecDeque<(u64, oneshot::Sender<()>)>>,
    next_stream: u64,
    /// Whether the refresh task runs.
    refreshing: bool,
}

struct WatchedJob {
    tenant: TenantId,
    owner: UserId,
    snapshot: watch::Sender<Snapshot>,
    streams: usize,
}

struct WatchedSession {
    user: UserId,
    signed_in: watch::Sender<bool>,
    streams: usize,
}

/// A watched job, as the refresh task reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Watched {
    job: JobId,
    lang: Lang,
    tenant: TenantId,
    owner: UserId,
}

impl LiveJobs {
    /// No stream yet; each user may hold `per_user` at once.
    pub fn new(per_user: u32) -> LiveJobs {
        LiveJobs {
            shared: Arc::new(Shared {
                registry: Mutex::default(),
                per_user: usize::try_from(per_user).unwrap_or(usize::MAX).max(1),
            }),
        }
    }

    /// Registers a stream. `first` is the job as the stream's request just read it, kept when
    /// nobody watched the job yet. Starts this node's refresh task if it is not running.
    pub(crate) fn watch(&self, state: &AppState, who: Watcher, first: Snapshot) -> Subscription {
        let (subscription, start) = self.join(who, first);
        if start {
            tokio::spawn(refresh::run(self.clone(), state.clone()));
        }
        subscription
    }

    /// Registers a stream; also says whether the refresh task must be started.
    fn join(&self, who: Watcher, first: Snapshot) -> (Subscription, bool) {
        let mut registry = self.shared.lock();
        let key = registry.next_stream;
        registry.next_stream += 1;
        let job = registry
            .jobs
            .entry((who.job, who.lang))
            .or_insert_with(|| WatchedJob {
                tenant: who.tenant,
                owner: who.owner,
                snapshot: watch::channel(first).0,
                streams: 0,
            });
        job.streams += 1;
        let job = job.snapshot.subscribe();
        let session = registry
            .sessions
            .entry(who.session.clone())
            .or_insert_with(|| WatchedSession {
                user: who.user,
                signed_in: watch::channel(true).0,
                streams: 0,
            });
        session.streams += 1;
        let signed_in = session.signed_in.subscribe();
        let (close, superseded) = oneshot::channel();
        let mine = registry.users.entry(who.user).or_default();
        mine.push_back((key, close));
        while mine.len() > self.shared.per_user {
            if let Some((_, oldest)) = mine.pop_front() {
                let _ = oldest.send(());
            }
        }
        let start = !registry.refreshing;
        registry.refreshing = true;
        let subscription = Subscription {
            job,
            signed_in,
            superseded,
            _leave: Leave {
                shared: self.shared.clone(),
                key,
                job: (who.job, who.lang),
                session: who.session,
                user: who.user,
            },
        };
        (subscription, start)
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The watched jobs, in each language they are watched in, or those of `only`.
    fn watched(&self, only: Option<&HashSet<JobId>>) -> Vec<Watched> {
        let registry = self.lock();
        let watched = |(&(id, lang), job): (&Key, &WatchedJob)| Watched {
            job: id,
            lang,
            tenant: job.tenant,
            owner: job.owner,
        };
        match only {
            None => registry.jobs.iter().map(watched).collect(),
            Some(ids) => ids
                .iter()
                .flat_map(|id| Lang::ALL.map(|lang| (*id, lang)))
                .filter_map(|key| registry.jobs.get_key_value(&key))
                .map(watched)
                .collect(),
        }
    }

    /// Shows `snapshot` to the streams of the job in `lang`, waking them only if it differs
    /// from the last.
    fn publish(&self, job: JobId, lang: Lang, snapshot: Snapshot) {
        let registry = self.lock();
        if let Some(watched) = registry.jobs.get(&(job, lang)) {
            watched.snapshot.send_if_modified(|shown| {
                let changed = *shown != snapshot;
                if changed {
                    *shown = snapshot;
                }
                changed
            });
        }
    }

    /// The sessions that have a stream open.
    fn sessions(&self) -> Vec<String> {
        self.lock().sessions.keys().cloned().collect()
    }

    /// Of the sessions `asked` about, ends the streams of those not in `signed_in` (session
    /// hash and account). A session that joined while the answer was read was not asked
    /// about, and is left alone until the next check.
    fn end_sessions_except(&self, asked: &[String], signed_in: &HashSet<(String, UserId)>) {
        let registry = self.lock();
        for hash in asked {
            if let Some(session) = registry.sessions.get(hash) {
                if !signed_in.contains(&(hash.clone(), session.user)) {
                    session
                        .signed_in
                        .send_if_modified(|still| std::mem::replace(still, false));
                }
            }
        }
    }

    /// When nobody watches any more, marks the refresh task stopped and says so; a stream
    /// opened after that starts a new one.
    fn stop_if_idle(&self) -> bool {
        let mut registry = self.lock();
        if registry.jobs.is_empty() {
            registry.refreshing = false;
        }
        !registry.refreshing
    }

    fn leave(&self, leave: &Leave) {
        let mut registry = self.lock();
        if let Some(job) = registry.jobs.get_mut(&leave.job) {
            job.streams -= 1;
            if job.streams == 0 {
                registry.jobs.remove(&leave.job);
            }
        }
        if let Some(session) = registry.sessions.get_mut(&leave.session) {
            session.streams -= 1;
            if session.streams == 0 {
                registry.sessions.remove(&leave.session);
            }
        }
        if let Some(mine) = registry.users.get_mut(&leave.user) {
            mine.retain(|(key, _)| *key != leave.key);
            if mine.is_empty() {
                registry.users.remove(&leave.user);
            }
        }
        if registry.jobs.is_empty() {
            // A crowd of watchers has gone: give back what their entries took.
            registry.jobs.shrink_to_fit();
            registry.sessions.shrink_to_fit();
            registry.users.shrink_to_fit();
        }
    }
}

struct Leave {
    shared: Arc<Shared>,
    key: u64,
    job: Key,
    session: String,
    user: UserId,
}

impl Drop for Leave {
    fn drop(&mut self) {
        self.shared.leave(self);
    }
}

#[cfg(test)]
mod tests;
