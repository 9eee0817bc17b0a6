//! Rounds: the queue's hot steps on PostgreSQL, many jobs to a statement and one commit a
//! round. The counterpart of SQLite's group commit (`crate::group_commit`).
//!
//! On a small machine PostgreSQL's fixed cost per statement (executor start-up, constraint
//! and foreign-key checks, the trip to the server) and per commit (a WAL flush) outweighs the
//! work of one job, and a job takes three steps: submit, claim, report. So one task takes
//! every request waiting (submissions, workers' reports and their next claims) and runs them
//! as one statement over arrays (`unnest`), which commits by itself: one trip to the server
//! and one flush a round (see [`round_sql`]). Callers hear back after the commit. A quiet
//! queue costs what it did before (a round of one); a busy one shares the statement and the
//! flush. `crates/atelier/benches/postgres/ceiling.sh` measures the difference.
//!
//! - A round carries at most one submission per user, so each is checked against the user's
//!   row as the round locks it; the others wait for the next round.
//! - A worker's report and its next claim go in the same round, so they commit together.
//! - The claims of a round are for the same models; the others wait for the next round.
//! - If the statement fails, nothing of it stays, and each request runs again in a round of
//!   its own, so one bad request fails by itself.
//!
//! Only this task runs these statements, on a connection it keeps ([`Link`]), so one node's
//! rounds never wait for each other (several nodes' rounds can, on the users' rows they
//! share). Other writers (cancel, heartbeats, the reaper, payments) lock single
//! rows the usual way; should one of them and a round deadlock, PostgreSQL aborts one, and an
//! aborted round runs its requests again one by one.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::{PgPool, Postgres, Row};
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use atelier_domain::{Job, Timestamp};

use super::{JobRow, NextClaim, Report, JOB_COLUMNS};
use crate::StoreError;

/// The most requests one round carries: enough to share the commit widely, few enough that
/// the first caller is not kept waiting long.
const MAX_ROUND: usize = 64;

/// A job to queue, with the cap on active jobs it is checked against (and its cost held).
pub(crate) struct Submission {
    pub(crate) job: Job,
    pub(crate) active_cap: i64,
}

/// A worker asking for its next job.
pub(crate) struct Ask {
    pub(crate) lease_token: String,
    pub(crate) lease_expires_at: i64,
    pub(crate) worker_id: String,
    pub(crate) now: i64,
    /// The models the worker serves (never empty); `None` for all.
    pub(crate) models: Option<Vec<String>>,
}

impl Ask {
    /// `next`'s claim, leased under `token` from `now`.
    pub(crate) fn new(next: &NextClaim<'_>, token: &str, now: Timestamp) -> Ask {
        Ask {
            lease_token: token.to_owned(),
            lease_expires_at: now.millis() + next.lease_ms,
            worker_id: next.worker_id.to_owned(),
            now: now.millis(),
            models: next.models.map(<[String]>::to_vec),
        }
    }
}

/// What a worker's trip came back with: whether its report took, and the job it claimed.
pub(crate) type WorkAnswer = (bool, Option<JobRow>);

type Reply<A> = oneshot::Sender<Result<A, StoreError>>;

/// A worker's trip: a report, a claim, or both.
struct Work {
    report: Option<Report>,
    ask: Option<Ask>,
    reply: Reply<WorkAnswer>,
}

enum Request {
    Submit(Submission, Reply<bool>),
    Work(Work),
}

/// The handle through which requests reach the round task. Cheap to clone.
#[derive(Debug, Clone)]
pub(crate) struct Rounds {
    sender: mpsc::UnboundedSender<Request>,
}

impl Rounds {
    /// Starts the task on the current tokio runtime; it ends when every handle is dropped.
    pub(crate) fn start(pool: PgPool) -> Rounds {
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(serve(pool, receiver));
        Rounds { sender }
    }

    /// Holds the cost and queues the job in the next round; whether it was queued (no: the
    /// user's credits or cap refused it).
    pub(crate) async fn submit(&self, submission: Submission) -> Result<bool, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.send(Request::Submit(submission, reply))?;
        answer
            .await
            .map_err(|_| StoreError::Database(sqlx::Error::WorkerCrashed))?
    }

    /// Records `report` and claims a job for `ask`, in the same round.
    pub(crate) async fn work(
        &self,
        report: Option<Report>,
        ask: Option<Ask>,
    ) -> Result<WorkAnswer, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.send(Request::Work(Work { report, ask, reply }))?;
        answer
            .await
            .map_err(|_| StoreError::Database(sqlx::Error::WorkerCrashed))?
    }

    fn send(&self, request: Request) -> Result<(), StoreError> {
        self.sender
            .send(request)
            .map_err(|_| StoreError::Database(sqlx::Error::PoolClosed))
    }
}

async fn serve(pool: PgPool, mut receiver: mpsc::UnboundedReceiver<Request>) {
    let mut closing = std::pin::pin!(pool.close_event());
    let mut link = Link {
        pool,
        held: None,
        since: Instant::now(),
    };
    // Requests that did not fit the last round go first in the next.
    let mut waiting: VecDeque<Request> = VecDeque::new();
    let mut incoming = Vec::with_capacity(MAX_ROUND);
    loop {
        if waiting.is_empty() {
            tokio::select! {
                received = receiver.recv_many(&mut incoming, MAX_ROUND) => {
                    if received == 0 {
                        return;
                    }
                }
                // An orderly shutdown closes the pool, which waits for every connection to
                // come back: give the kept one back. Rounds after that fail as the pool does.
                () = &mut closing, if link.held.is_some() => {
                    link.held = None;
                    continue;
                }
            }
        } else {
            while incoming.len() < MAX_ROUND {
                match receiver.try_recv() {
                    Ok(request) => incoming.push(request),
                    Err(_) => break,
                }
            }
        }
        waiting.extend(incoming.drain(..));
        Round::take(&mut waiting).run(&mut link).await;
        // Before gathering the next round, let the callers this one answered run: each comes
        // back with its next request (a worker with its report and next claim) within a turn
        // or two of the scheduler, and a fuller round shares its statement and its flush more
        // widely (at 8 workers and 8 people submitting, 15-30 % more jobs a second). Stop when
        // a turn brings nothing new or a full round is waiting, so a quiet queue waits for
        // nothing.
        let mut seen = receiver.len();
        for _ in 0..8 {
            if seen + waiting.len() >= MAX_ROUND {
                break;
            }
            tokio::task::yield_now().await;
            let now = receiver.len();
            if now == seen {
                break;
            }
            seen = now;
        }
    }
}

/// The round task's connection, kept from round to round: the server process keeps the
/// round's plan (made once, after five custom plans of 3-5 ms each) and stays warm, where a
/// connection from the pool each round planned afresh on each of the pool's connections.
/// After an error it goes back, and the next round takes one from the pool again; so it does
/// after [`Link::MAX_AGE`], so that its plans follow the tables as they grow even where
/// autovacuum has not analyzed them yet.
struct Link {
    pool: PgPool,
    held: Option<PoolConnection<Postgres>>,
    since: Instant,
}

impl Link {
    const MAX_AGE: Duration = Duration::from_secs(300);

    async fn fetch_all<'q>(
        &mut self,
        query: sqlx::query::Query<'q, Postgres, PgArguments>,
    ) -> Result<Vec<PgRow>, sqlx::Error> {
        if self.since.elapsed() > Self::MAX_AGE {
            self.held = None;
        }
        let conn = match &mut self.held {
            Some(conn) => conn,
            None => {
                let conn = self.pool.acquire().await?;
                self.since = Instant::now();
                self.held.insert(conn)
            }
        };
        let rows = query.fetch_all(&mut **conn).await;
        if rows.is_err() {
            self.held = None;
        }
        rows
    }
}

#[derive(Default)]
struct Round {
    submissions: Vec<(Submission, Reply<bool>)>,
    work: Vec<Work>,
}

impl Round {
    /// The requests from `waiting` that may share a round, in order; the rest stay.
    fn take(waiting: &mut VecDeque<Request>) -> Round {
        let mut round = Round::default();
        let mut users = HashSet::new();
        let mut models: Option<Option<Vec<String>>> = None;
        let mut later = VecDeque::new();
        for request in waiting.drain(..) {
            if round.len() == MAX_ROUND {
                later.push_back(request);
                continue;
            }
            match request {
                Request::Submit(s, reply) if users.insert(s.job.user_id) => {
                    round.submissions.push((s, reply));
                }
                Request::Work(w)
                    if w.ask.as_ref().is_none_or(|a| {
                        *models.get_or_insert_with(|| a.models.clone()) == a.models
                    }) =>
                {
                    round.work.push(w);
                }
                other => later.push_back(other),
            }
        }
        *waiting = later;
        round
    }

    fn len(&self) -> usize {
        self.submissions.len() + self.work.len()
    }

    /// Runs the round and answers every caller; after a failure, runs each request alone.
    async fn run(self, link: &mut Link) {
        let outcome = self.execute(link).await;
        match outcome {
            Ok(answers) => self.answer(answers),
            Err(e) if self.len() == 1 => match self.recover(link).await {
                Some(answers) => self.answer(answers),
                None => self.fail(e),
            },
            Err(e) => {
                tracing::info!(error = %e, requests = self.len(), "round failed; running each request alone");
                for alone in self.split() {
                    let outcome = match alone.recover(link).await {
                        Some(answers) => Ok(answers),
                        None => alone.execute(link).await,
                    };
                    match outcome {
                        Ok(answers) => alone.answer(answers),
                        Err(e) => alone.fail(e),
                    }
                }
            }
        }
    }

    /// What a failed statement did for this round of one, if it did anything: a statement
    /// commits as it ends, so when the connection is lost during it, it may have committed
    /// with nobody to hear. Run again, the submission would meet its own job's id, the
    /// report its own success (and the worker, told its lease was lost, would delete an
    /// image already paid for), the ask a second job. So look first: the job queued, the job
    /// succeeded with this report's image, a job running under this ask's lease token.
    async fn recover(&self, link: &mut Link) -> Option<(Vec<bool>, Vec<WorkAnswer>)> {
        let found =
            |rows: Result<Vec<PgRow>, sqlx::Error>| rows.ok().and_then(|r| r.into_iter().next());
        if let Some((submission, _)) = self.submissions.first() {
            let query = sqlx::query("select 1 from jobs where id = $1").bind(submission.job.id.0);
            return found(link.fetch_all(query).await).map(|_| (vec![true], Vec::new()));
        }
        let work = self.work.first()?;
        let took = match &work.report {
            Some(report) => {
                let query = sqlx::query(
                    "select 1 from jobs where id = $1 and status = 'succeeded' and image_id = $2",
                )
                .bind(report.job)
                .bind(report.image);
                found(link.fetch_all(query).await).is_some()
            }
            None => false,
        };
        let job = match &work.ask {
            Some(ask) => {
                let sql = format!(
                    "select {JOB_COLUMNS} from jobs j where j.status = 'running' \
                     and j.lease_token = $1"
                );
                let query = sqlx::query(&sql).bind(&ask.lease_token);
                found(link.fetch_all(query).await)
                    .and_then(|row| <JobRow as sqlx::FromRow<_>>::from_row(&row).ok())
            }
            None => None,
        };
        (took || job.is_some()).then(|| (Vec::new(), vec![(took, job)]))
    }

    /// The round's one statement: which submissions were queued, and each worker's answer,
    /// in order.
    async fn execute(&self, link: &mut Link) -> Result<(Vec<bool>, Vec<WorkAnswer>), StoreError> {
        static ALL: LazyLock<String> = LazyLock::new(|| round_sql(false));
        static SOME: LazyLock<String> = LazyLock::new(|| round_sql(true));
        let submissions: Vec<&Submission> = self.submissions.iter().map(|(s, _)| s).collect();
        let reports: Vec<&Report> = self.work.iter().filter_map(|w| w.report.as_ref()).collect();
        let asks: Vec<&Ask> = self.work.iter().filter_map(|w| w.ask.as_ref()).collect();
        let models = asks.first().and_then(|a| a.models.as_ref());
        let sql: &str = if models.is_some() { &SOME } else { &ALL };
        let jobs: Vec<&Job> = submissions.iter().map(|s| &s.job).collect();
        let mut query = sqlx::query(sql)
            .bind(column(&jobs, |j| j.id.0))
            .bind(column(&jobs, |j| j.tenant_id.0))
            .bind(column(&jobs, |j| j.user_id.0))
            .bind(column(&jobs, |j| j.prompt.clone()))
            .bind(column(&jobs, |j| j.negative_prompt.clone()))
            .bind(column(&jobs, |j| j.model.clone()))
            .bind(column(&jobs, |j| j.width))
            .bind(column(&jobs, |j| j.height))
            .bind(column(&jobs, |j| j.seed))
            .bind(column(&jobs, |j| j.cost))
            .bind(column(&jobs, |j| j.max_attempts))
            .bind(column(&jobs, |j| j.deadline_at.millis()))
            .bind(column(&jobs, |j| j.created_at.millis()))
            .bind(column(&submissions, |s| s.active_cap))
            .bind(column(&reports, |r| r.job))
            .bind(column(&reports, |r| r.lease_token.clone()))
            .bind(column(&reports, |r| r.image))
            .bind(column(&reports, |r| r.now))
            .bind(column(&reports, |r| r.width))
            .bind(column(&reports, |r| r.height))
            .bind(column(&reports, |r| r.bytes))
            .bind(column(&reports, |r| r.ledger_id))
            .bind(column(&reports, |r| r.reason.clone()))
            .bind(column(&reports, |r| r.reference.clone()))
            .bind(column(&asks, |a| a.lease_token.clone()))
            .bind(column(&asks, |a| a.lease_expires_at))
            .bind(column(&asks, |a| a.worker_id.clone()))
            .bind(column(&asks, |a| a.now))
            .bind(i64::try_from(asks.len()).unwrap_or(i64::MAX));
        if let Some(models) = models {
            query = query.bind(models.clone());
        }
        // No transaction around it: a statement on its own commits in the same trip.
        let mut queued = HashSet::new();
        let mut done = HashSet::new();
        let mut claimed: HashMap<i64, JobRow> = HashMap::new();
        for row in link.fetch_all(query).await? {
            match row.try_get::<&str, _>("kind")? {
                "queued" => {
                    queued.insert(row.try_get::<Uuid, _>("id")?);
                }
                "done" => {
                    done.insert(row.try_get::<Uuid, _>("id")?);
                }
                _ => {
                    let k: i64 = row.try_get("k")?;
                    claimed.insert(k, <JobRow as sqlx::FromRow<_>>::from_row(&row)?);
                }
            }
        }
        let queued = submissions
            .iter()
            .map(|s| queued.contains(&s.job.id.0))
            .collect();
        let mut k = 0_i64;
        let answers = self
            .work
            .iter()
            .map(|w| {
                let took = w.report.as_ref().is_some_and(|r| done.contains(&r.job));
                let job = w.ask.as_ref().and_then(|_| {
                    k += 1;
                    claimed.remove(&k)
                });
                (took, job)
            })
            .collect();
        Ok((queued, answers))
    }

    fn answer(self, (queued, answers): (Vec<bool>, Vec<WorkAnswer>)) {
        // A caller that went away misses nothing it could act on.
        for ((_, reply), queued) in self.submissions.into_iter().zip(queued) {
            let _ = reply.send(Ok(queued));
        }
        for (work, answer) in self.work.into_iter().zip(answers) {
            let _ = work.reply.send(Ok(answer));
        }
    }

    /// Tells the caller of a round of one why it failed.
    fn fail(self, e: StoreError) {
        if let Some((_, reply)) = self.submissions.into_iter().next() {
            let _ = reply.send(Err(e));
        } else if let Some(work) = self.work.into_iter().next() {
            let _ = work.reply.send(Err(e));
        }
    }

    fn split(self) -> Vec<Round> {
        let submissions = self.submissions.into_iter().map(|s| Round {
            submissions: vec![s],
            work: Vec::new(),
        });
        let work = self.work.into_iter().map(|w| Round {
            submissions: Vec::new(),
            work: vec![w],
        });
        submissions.chain(work).collect()
    }
}

/// One argument array: `f` of each request, in order.
fn column<T, U>(batch: &[&T], f: impl Fn(&T) -> U) -> Vec<U> {
    batch.iter().map(|item| f(item)).collect()
}

/// A round as one statement over arrays: `$1`–`$14` the submissions, `$15`–`$24` the
/// reports, `$25`–`$29` the asks (and `$30` their models when `models`). It returns a row for
/// each job queued (`kind` "queued"), each report that took ("done") and each job claimed
/// ("claimed", with `k`, the ask it is for, counted from 1), each with the job's columns.
///
/// One statement rather than three in a transaction: the round then costs one trip to the
/// server and commits in it, where `BEGIN`, three statements and `COMMIT` were five trips
/// (each 0.3 ms or more on a busy machine, where the server waits for a core). The parts of
/// one statement all see the database as it was when it began, so:
/// - a job queued in a round is claimed in a later one, never in its own;
/// - submissions and reports can touch the same user's row, so they change it in one update
///   (`money`): the holds of the jobs queued, the captures of the jobs done. A submission is
///   checked against the row as it was before the round, as when submissions ran first.
///
/// The users' rows are locked in id order before they change (`locked`).
fn round_sql(models: bool) -> String {
    let columns = JOB_COLUMNS.replace("j.", "");
    format!(
        "{submit_and_report}, {claim} \
         select 'queued' as kind, null::int8 as k, {columns} from queued \
         union all select 'done', null, {columns} from done \
         union all select 'claimed', k, {columns} from claimed",
        submit_and_report = SUBMIT_AND_REPORT,
        claim = claim_sql(models),
    )
}

/// The submissions and the reports. Each report marks its job succeeded (if its lease still
/// holds and its owner did not cancel it), records the image and writes the ledger row of the
/// capture; each submission holds its cost and counts as active where the user's row allows
/// it, and is queued if so. `money` applies both to the users' rows. A report's job is looked
/// up by id and checked once locked (`mine`), for the reason the claims' are (see
/// [`claim_sql`]): the index of running jobs keeps an entry for every job that ran since the
/// last vacuum, and a plan reading all of it grew with every job done.
const SUBMIT_AND_REPORT: &str = "with recursive sreq as (select * from unnest($1::uuid[], \
     $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::int8[], \
     $9::int8[], $10::int8[], $11::int8[], $12::int8[], $13::int8[], $14::int8[]) as r (id, \
     tenant_id, user_id, prompt, negative_prompt, model, width, height, seed, cost, \
     max_attempts, deadline_at, now, cap)), \
     creq as (select * from unnest($15::uuid[], $16::text[], $17::uuid[], $18::int8[], \
     $19::int8[], $20::int8[], $21::int8[], $22::uuid[], $23::text[], $24::text[]) as r (job_id, \
     lease_token, image_id, now, width, height, bytes, ledger_id, reason, reference)), \
     mine as (select creq.* from creq cross join lateral (select j.status, j.lease_token, \
     j.cancel_requested from jobs j where j.id = creq.job_id \
     offset 0 for no key update of j) j where j.status = 'running' \
     and j.lease_token = creq.lease_token and not j.cancel_requested), \
     done as (update jobs set status = 'succeeded', progress = 1000, image_id = mine.image_id, \
     finished_at = mine.now, updated_at = mine.now, lease_token = null, lease_expires_at = null, \
     error = '' from mine where jobs.id = mine.job_id \
     returning jobs.*, mine.now as done_at, mine.width as image_width, \
     mine.height as image_height, mine.bytes as image_bytes, mine.ledger_id, mine.reason, \
     mine.reference), \
     image as (insert into images (id, tenant_id, user_id, job_id, width, height, bytes, \
     created_at) select image_id, tenant_id, user_id, id, image_width, image_height, image_bytes, \
     done_at from done), \
     ledger as (insert into credit_ledger (id, tenant_id, user_id, delta, reason, reference, \
     actor_id, created_at) select ledger_id, tenant_id, user_id, -cost, reason, reference, null, \
     done_at from done), \
     locked as (select u.id, u.tenant_id, u.disabled_at, u.balance, u.held, u.active_jobs \
     from users u where u.id in (select user_id from sreq union all select user_id from done) \
     order by u.id for no key update), \
     accepted as (select sreq.* from sreq join locked u on u.id = sreq.user_id \
     where u.tenant_id = sreq.tenant_id and u.disabled_at is null \
     and u.balance - u.held >= sreq.cost and u.active_jobs < sreq.cap), \
     owed as (select user_id, cast(sum(hold) as bigint) as hold, \
     cast(sum(capture) as bigint) as capture, cast(sum(active) as bigint) as active \
     from (select user_id, cost as hold, 0 as capture, 1 as active from accepted \
     union all select user_id, -cost, cost, -1 from done) d group by user_id), \
     money as (update users set balance = users.balance - owed.capture, \
     held = users.held + owed.hold, active_jobs = users.active_jobs + owed.active \
     from owed join locked on locked.id = owed.user_id where users.id = owed.user_id), \
     queued as (insert into jobs (id, tenant_id, user_id, prompt, negative_prompt, model, width, \
     height, seed, cost, max_attempts, deadline_at, created_at, updated_at) \
     select id, tenant_id, user_id, prompt, negative_prompt, model, width, height, seed, cost, \
     max_attempts, deadline_at, now, now from accepted returning *)";

/// The claims of a round, as the statement's last CTEs (`claimed` returns the jobs): up to
/// `$29` fair claims at once, exactly as that many single claims one after another
/// would go: the tenants with queued work in turn order (the one served longest ago first),
/// each tenant's users with queued work in turn order, each user's jobs oldest first; round
/// robin over the users of a tenant, then over the tenants. The k-th job chosen goes to the
/// k-th ask. The same statement moves each tenant and user served to the back of the line
/// (`tenant_turn`, `user_turn`: one update per row for the round, where a trigger once made
/// two statements per job; a turn row another transaction holds is left as it is).
///
/// Who has queued work is read from the queue's own index (`jobs_queued_user`), one step per
/// tenant and per user with queued jobs (`waiting`, `waiting_users`: each step seeks the next
/// id; with a model filter, which the index does not hold, a step also reads past the queued
/// jobs of other models), and only those are looked up in the turn tables, one subquery each
/// (written as a join, a plan made while `user_turns` was small went on scanning it after
/// 10,000 sign-ups). So a claim costs what the people waiting cost, and nothing for those
/// who are not: walking the turn tables in order instead, a tenant's 10,000 users who signed
/// up but are not generating made every claim look at each of them. The people waiting are
/// bounded by the deadline (what the workers can run in five minutes), sign-ups are not.
/// Each level then keeps at most `$29` entries, and each user's jobs come in index order.
///
/// The candidates are then locked one by one in turn order until `$29` are held (`picked`),
/// each looked up by its id alone, its status checked only once it is locked (`offset 0`
/// keeps that check out of the lookup); the update after finds them by id too. So no partial
/// index of `jobs` can serve the lookup, and the primary key does. With the status in the
/// lookup, plans made while the queue was small (statistics: a couple of queued jobs) read a
/// whole partial index for each candidate instead: 1,600 rows compared to claim four jobs
/// from a queue of 100 (`jobs_queued_user`), or 200 for one (`jobs_active_deadline`).
///
/// A job another transaction holds locked (a cancel, say) is passed over, so a round can
/// claim fewer jobs than it could have; those workers look again when next woken.
fn claim_sql(models: bool) -> String {
    let in_queue = if models {
        "and q.model = any($30::text[])"
    } else {
        ""
    };
    let columns = JOB_COLUMNS.replace("j.", "jobs.");
    format!(
        "req as (select * \
         from unnest($25::text[], $26::int8[], $27::text[], $28::int8[]) with ordinality \
         as r (lease_token, lease_expires_at, worker_id, now, k)), \
         waiting as ((select q.tenant_id from jobs q where q.status = 'queued' {in_queue} \
         order by q.tenant_id limit 1) \
         union all select (select q.tenant_id from jobs q where q.status = 'queued' {in_queue} \
         and q.tenant_id > w.tenant_id order by q.tenant_id limit 1) \
         from waiting w where w.tenant_id is not null), \
         tenants_up as (select tenant_id, row_number() over (order by last_claim_at, tenant_id) as tr \
         from (select w.tenant_id, coalesce((select t.last_claim_at from tenant_turns t \
         where t.tenant_id = w.tenant_id), 0) as last_claim_at from waiting w \
         join tenants x on x.id = w.tenant_id join tenant_settings s on s.tenant_id = w.tenant_id \
         where x.status = 'active' and s.use_shared_pool \
         order by 2, 1 limit $29) t), \
         users_up as (select tu.tenant_id, tu.tr, uu.user_id, uu.ur from tenants_up tu \
         cross join lateral (with recursive waiting_users as ((select q.user_id from jobs q \
         where q.tenant_id = tu.tenant_id and q.status = 'queued' {in_queue} \
         order by q.user_id limit 1) \
         union all select (select q.user_id from jobs q where q.tenant_id = tu.tenant_id \
         and q.status = 'queued' {in_queue} and q.user_id > w.user_id order by q.user_id limit 1) \
         from waiting_users w where w.user_id is not null) \
         select user_id, row_number() over (order by last_claim_at, user_id) as ur \
         from (select w.user_id, coalesce((select u.last_claim_at from user_turns u \
         where u.user_id = w.user_id), 0) as last_claim_at \
         from waiting_users w where w.user_id is not null order by 2, 1 limit $29) u) uu), \
         jobs_up as (select jq.id, uu.tr, \
         row_number() over (partition by uu.tenant_id order by jq.jr, uu.ur) as seq \
         from users_up uu cross join lateral (select id, \
         row_number() over (order by created_at, id) as jr from (select q.id, q.created_at \
         from jobs q where q.tenant_id = uu.tenant_id and q.user_id = uu.user_id \
         and q.status = 'queued' {in_queue} order by q.created_at, q.id limit $29) q) jq), \
         picked as (select r.id, row_number() over (order by r.seq, r.tr) as k \
         from (select * from jobs_up order by seq, tr) r cross join lateral (select j.status \
         from jobs j where j.id = r.id offset 0 for update of j skip locked) taken \
         where taken.status = 'queued' limit $29), \
         claimed as (update jobs set status = 'running', attempts = jobs.attempts + 1, \
         lease_token = req.lease_token, lease_expires_at = req.lease_expires_at, \
         worker_id = req.worker_id, started_at = req.now, progress = 0, updated_at = req.now \
         from picked n join req on req.k = n.k where jobs.id = n.id returning n.k, {columns}), \
         tenant_turn as (update tenant_turns t set last_claim_at = c.at from (select tenant_id, \
         max(started_at) as at from claimed group by tenant_id) c, (select tenant_id from tenant_turns \
         where tenant_id in (select tenant_id from claimed) for update skip locked) free \
         where t.tenant_id = c.tenant_id and free.tenant_id = c.tenant_id), \
         user_turn as (update user_turns u set last_claim_at = c.at from (select user_id, \
         max(started_at) as at from claimed group by user_id) c, (select user_id from user_turns \
         where user_id in (select user_id from claimed) for update skip locked) free \
         where u.user_id = c.user_id and free.user_id = c.user_id) \
         "
    )
}
