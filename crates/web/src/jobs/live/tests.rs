//! The registry without a server: who is woken, the cap per user, sessions that end.

use std::collections::HashSet;

use atelier_domain::{JobId, Lang, TenantId, UserId};
use uuid::Uuid;

use super::{LiveJobs, Snapshot, Subscription, Watcher};

fn snapshot(text: &str, active: bool) -> Snapshot {
    Snapshot {
        json: Some(text.into()),
        active,
    }
}

fn watcher(job: JobId, user: UserId, session: &str) -> Watcher {
    Watcher {
        job,
        tenant: TenantId(Uuid::nil()),
        owner: user,
        user,
        session: session.to_owned(),
        lang: Lang::En,
    }
}

fn join(live: &LiveJobs, job: JobId, user: UserId, session: &str) -> Subscription {
    live.join(watcher(job, user, session), snapshot("first", true))
        .0
}

fn ids() -> (JobId, JobId, UserId, UserId) {
    (
        JobId(Uuid::new_v4()),
        JobId(Uuid::new_v4()),
        UserId(Uuid::new_v4()),
        UserId(Uuid::new_v4()),
    )
}

#[test]
fn a_stream_wakes_only_for_its_own_job_and_only_when_it_changed() {
    let live = LiveJobs::new(6);
    let (a, b, ann, bob) = ids();
    let mut on_a = join(&live, a, ann, "ann");
    let mut on_b = join(&live, b, bob, "bob");
    assert_eq!(*on_a.job.borrow_and_update(), snapshot("first", true));
    let _ = on_b.job.borrow_and_update();

    live.shared.publish(a, Lang::En, snapshot("a moved", true));
    assert!(
        on_a.job.has_changed().unwrap_or(false),
        "a's stream is told"
    );
    assert!(
        !on_b.job.has_changed().unwrap_or(true),
        "b's stream is not woken by a's change"
    );
    assert_eq!(*on_a.job.borrow_and_update(), snapshot("a moved", true));

    // The same snapshot again (a refresh that found nothing new) wakes nobody.
    live.shared.publish(a, Lang::En, snapshot("a moved", true));
    assert!(!on_a.job.has_changed().unwrap_or(true));
    // A job nobody watches is ignored.
    live.shared
        .publish(JobId(Uuid::new_v4()), Lang::En, snapshot("other", false));
    assert!(!on_a.job.has_changed().unwrap_or(true));
    assert!(!on_b.job.has_changed().unwrap_or(true));
}

#[test]
fn watchers_of_one_job_share_its_snapshot_and_the_entry_goes_with_the_last() {
    let live = LiveJobs::new(6);
    let (a, _, ann, admin) = ids();
    let first = join(&live, a, ann, "ann");
    // A later watcher keeps the snapshot already shown rather than its own read.
    let (mut second, start) = live.join(watcher(a, admin, "admin"), snapshot("late", true));
    assert!(!start, "one refresh task per node");
    assert_eq!(*second.job.borrow_and_update(), snapshot("first", true));
    assert_eq!(live.shared.watched(None).len(), 1);
    drop(first);
    assert_eq!(live.shared.watched(None).len(), 1);
    drop(second);
    let registry = live.shared.lock();
    assert!(registry.jobs.is_empty() && registry.sessions.is_empty() && registry.users.is_empty());
}

#[test]
fn each_language_a_job_is_watched_in_has_its_own_words() {
    let live = LiveJobs::new(6);
    let (a, _, ann, admin) = ids();
    let mut english = join(&live, a, ann, "ann");
    let hindi_watcher = Watcher {
        lang: Lang::Hi,
        ..watcher(a, admin, "admin")
    };
    let (mut hindi, _) = live.join(hindi_watcher, snapshot("पहला", true));
    assert_eq!(*hindi.job.borrow_and_update(), snapshot("पहला", true));
    let _ = english.job.borrow_and_update();
    let watched = live.shared.watched(Some(&HashSet::from([a])));
    assert_eq!(
        watched.len(),
        2,
        "one job, read once, shown in two languages"
    );

    live.shared.publish(a, Lang::Hi, snapshot("तैयार", false));
    assert!(hindi.job.has_changed().unwrap_or(false));
    assert!(
        !english.job.has_changed().unwrap_or(true),
        "the English stream keeps its own words"
    );
    drop(hindi);
    assert_eq!(live.shared.watched(None).len(), 1);
}

#[test]
fn over_the_cap_the_oldest_stream_of_that_user_is_closed() {
    let live = LiveJobs::new(2);
    let (a, b, ann, bob) = ids();
    let mut oldest = join(&live, a, ann, "ann");
    let mut middle = join(&live, b, ann, "ann");
    let mut bobs = join(&live, a, bob, "bob");
    assert!(oldest.superseded.try_recv().is_err(), "within the cap");
    let mut newest = join(&live, JobId(Uuid::new_v4()), ann, "ann");
    assert_eq!(oldest.superseded.try_recv(), Ok(()), "the oldest is closed");
    assert!(middle.superseded.try_recv().is_err());
    assert!(newest.superseded.try_recv().is_err());
    assert!(
        bobs.superseded.try_recv().is_err(),
        "another user's stream stays"
    );
    // The closed stream leaving does not disturb the count of the others.
    drop(oldest);
    let _fourth = join(&live, b, ann, "ann");
    assert_eq!(middle.superseded.try_recv(), Ok(()));
    assert!(newest.superseded.try_recv().is_err());
}

#[test]
fn streams_end_with_their_session_only() {
    let live = LiveJobs::new(6);
    let (a, b, ann, bob) = ids();
    let mut anns = join(&live, a, ann, "ann");
    let mut bobs = join(&live, b, bob, "bob");
    let asked = live.shared.sessions();
    // A session that joins while the answer is read was not asked about: it stays.
    let mut late = join(&live, JobId(Uuid::new_v4()), UserId(Uuid::new_v4()), "late");
    let mut signed_in = HashSet::new();
    signed_in.insert(("bob".to_owned(), bob));
    live.shared.end_sessions_except(&asked, &signed_in);
    assert!(!*anns.signed_in.borrow_and_update());
    assert!(*bobs.signed_in.borrow_and_update());
    assert!(
        *late.signed_in.borrow_and_update(),
        "not asked about, not ended"
    );
    // A session of another account under the same hash is not this one.
    let mut other = HashSet::new();
    other.insert(("bob".to_owned(), ann));
    live.shared.end_sessions_except(&asked, &other);
    assert!(!*bobs.signed_in.borrow_and_update());
}

#[test]
fn the_refresh_task_stops_when_nobody_watches_and_restarts_with_the_next_stream() {
    let live = LiveJobs::new(6);
    let (a, _, ann, _) = ids();
    let (first, start) = live.join(watcher(a, ann, "ann"), snapshot("first", true));
    assert!(start);
    assert!(!live.shared.stop_if_idle(), "someone watches");
    drop(first);
    assert!(live.shared.stop_if_idle());
    let (_again, start) = live.join(watcher(a, ann, "ann"), snapshot("first", true));
    assert!(start, "a new task for the new stream");
}
