//! The fleet pages: a tenant admin's own worker pool (`/admin/workers`) and every pool for
//! super-admins (`/platform/workers`, where shared-pool tokens are made). Each lists the
//! workers with when they were last seen, their state, the job in hand, their models,
//! version, jobs done and failed and median render time; makes a token (shown once);
//! pauses, resumes and revokes. Every action goes to the audit log.

use std::collections::HashMap;

use atelier_domain::{msg, Lang, SecretToken, TenantId, Timestamp};
use atelier_store::WorkerRecord;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::tenancy::Site;
use crate::AppError;

/// A worker is online when it asked for work this recently (its claims wait 25 s).
const ONLINE_WITHIN_MS: i64 = 60_000;
/// What a worker token starts with, so a leaked one is recognised for what it is.
const TOKEN_PREFIX: &str = "atw_";

/// Which console a request is in, and so which workers it sees.
#[derive(Clone, Copy)]
enum Console {
    /// A tenant's own pool.
    Tenant(TenantId),
    /// Every pool; new tokens go to the shared pool.
    Platform,
}

impl Console {
    fn of(page: &Page) -> Console {
        match &page.site {
            Site::Tenant(site) => Console::Tenant(site.tenant.id),
            Site::Platform => Console::Platform,
        }
    }

    /// The store's scope: one pool, or all.
    fn scope(self) -> Option<Option<TenantId>> {
        match self {
            Console::Tenant(t) => Some(Some(t)),
            Console::Platform => None,
        }
    }

    fn base(self) -> &'static str {
        match self {
            Console::Tenant(_) => "/admin/workers",
            Console::Platform => "/platform/workers",
        }
    }
}

#[derive(Serialize)]
struct WorkerRow {
    id: String,
    name: String,
    pool: String,
    state: &'static str,
    paused_reason: String,
    last_seen: String,
    online: bool,
    current_job: Option<String>,
    backend: String,
    models: String,
    version: String,
    jobs_done: i64,
    jobs_failed: i64,
    median: String,
    revoked: bool,
}

/// When the worker last asked for work, as the reader says it: "Seen 5 s ago".
fn seen(lang: Lang, now: Timestamp, then: Option<Timestamp>) -> String {
    let Some(then) = then else {
        return msg!("fleet-seen-never").in_lang(lang);
    };
    let secs = (now.millis() - then.millis()).max(0) / 1000;
    let message = match secs {
        0..=59 => msg!("fleet-seen-seconds", count = secs),
        60..=3599 => msg!("fleet-seen-minutes", count = secs / 60),
        3600..=86_399 => msg!("fleet-seen-hours", count = secs / 3600),
        _ => msg!("fleet-seen-on", date = crate::when::date(lang, then)),
    };
    message.in_lang(lang)
}

/// Why a worker is paused, in the reader's language. The store keeps the reason in English
/// in one of two forms (an admin's pause, written by [`pause`], and a run of failures); the
/// reason a worker gives for itself when unhealthy is its own text and is shown as sent.
fn paused_reason(lang: Lang, raw: &str) -> String {
    let message = if let Some(who) = raw.strip_prefix("paused by ") {
        Some(msg!("fleet-paused-by", who = who))
    } else {
        raw.strip_suffix(" jobs in a row failed")
            .and_then(|n| n.parse::<i64>().ok())
            .map(|count| msg!("fleet-paused-failures", count = count))
    };
    message.map_or_else(|| raw.to_owned(), |m| m.in_lang(lang))
}

fn row(
    lang: Lang,
    w: WorkerRecord,
    now: Timestamp,
    pools: &HashMap<TenantId, String>,
) -> WorkerRow {
    let online = w.online_since(Timestamp(now.millis() - ONLINE_WITHIN_MS));
    let state = match (&w.revoked_at, w.paused, online) {
        (Some(_), _, _) => "revoked",
        (None, true, _) => "paused",
        (None, false, true) => "online",
        (None, false, false) => "offline",
    };
    let median = w.median_render_ms().map_or_else(
        || "–".to_owned(),
        |ms| {
            let seconds = format!("{:.1}", ms as f64 / 1000.0);
            msg!("fleet-median-seconds", seconds = seconds).in_lang(lang)
        },
    );
    WorkerRow {
        id: w.id.to_string(),
        pool: w.pool.map_or_else(
            || msg!("fleet-pool-shared-name").in_lang(lang),
            |t| {
                pools
                    .get(&t)
                    .cloned()
                    .unwrap_or_else(|| msg!("fleet-pool-a-tenant").in_lang(lang))
            },
        ),
        state,
        paused_reason: paused_reason(lang, &w.paused_reason),
        last_seen: seen(lang, now, w.last_seen_at),
        online,
        current_job: w.current_job.map(|j| j.to_string()),
        backend: w.backend.clone(),
        models: w.models.join(", "),
        version: w.version.clone(),
        jobs_done: w.jobs_done,
        jobs_failed: w.jobs_failed,
        median,
        revoked: w.revoked_at.is_some(),
        name: w.name,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct FleetQuery {
    done: Option<String>,
}

async fn render(
    page: &Page,
    console: Console,
    notice: Option<String>,
    new_token: Option<(String, String)>,
    error: Option<String>,
) -> Result<Response, AppError> {
    let state = &page.state;
    let now = state.clock.now();
    let pools: HashMap<TenantId, String> = match console {
        Console::Platform => state
            .store
            .list_tenants()
            .await?
            .into_iter()
            .map(|site| (site.tenant.id, site.tenant.settings.name.clone()))
            .collect(),
        Console::Tenant(_) => HashMap::new(),
    };
    let workers: Vec<WorkerRow> = state
        .store
        .list_workers(console.scope(), now)
        .await?
        .into_iter()
        .map(|w| row(page.lang, w, now, &pools))
        .collect();
    let embedded = state.settings.jobs.embedded_workers;
    let (new_name, new_token) = new_token.unzip();
    let failed = error.is_some();
    let ctx = minijinja::context! {
        workers => workers,
        base => console.base(),
        platform => matches!(console, Console::Platform),
        embedded => embedded,
        notice => notice,
        error => error,
        new_token => new_token,
        new_name => new_name,
        server_url => state.settings.public_origin(&page_host(page)),
    };
    let template = match console {
        Console::Tenant(_) => "admin/workers.html",
        Console::Platform => "platform/workers.html",
    };
    let html = page.render_form(template, ctx).await?;
    let status = if failed {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    // A page with a new token in it is never kept by a cache or the browser's history.
    Ok((status, [(header::CACHE_CONTROL, "no-store")], html).into_response())
}

/// The host the admin reached this page on: workers speak to the same server.
fn page_host(page: &Page) -> String {
    match &page.site {
        Site::Tenant(site) => site
            .domains
            .first()
            .map(ToString::to_string)
            .unwrap_or_else(|| format!("{}.{}", site.tenant.slug, page.state.settings.base_domain)),
        Site::Platform => page.state.settings.platform_host.to_string(),
    }
}

pub(crate) async fn list(
    page: Page,
    CurrentUser(_): CurrentUser,
    PageQuery(query): PageQuery<FleetQuery>,
) -> Result<Response, AppError> {
    let console = Console::of(&page);
    let notice = match query.done.as_deref() {
        Some("revoked") => Some(msg!("fleet-done-revoked")),
        Some("paused") => Some(msg!("fleet-done-paused")),
        Some("resumed") => Some(msg!("fleet-done-resumed")),
        _ => None,
    }
    .map(|m| page.tr(&m));
    render(&page, console, notice, None, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct NewWorkerForm {
    name: String,
}

/// Makes a worker token for this console's pool and shows it once.
pub(crate) async fn create(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<NewWorkerForm>,
) -> Result<Response, AppError> {
    let console = Console::of(&page);
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        let error = page.tr(&msg!("fleet-name-length"));
        return render(&page, console, None, None, Some(error)).await;
    }
    let token = SecretToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
    let token = format!("{TOKEN_PREFIX}{}", token.expose());
    let pool = match console {
        Console::Tenant(t) => Some(t),
        Console::Platform => None,
    };
    let state = &page.state;
    state
        .store
        .create_worker(
            pool,
            name,
            &atelier_domain::hash_token(&token),
            &audit_actor(&me, ip),
            state.clock.now(),
        )
        .await?;
    tracing::info!(admin = %me.id, pool = ?pool, "worker token made");
    render(&page, console, None, Some((name.to_owned(), token)), None).await
}

/// The worker named in the path, within this console's reach.
async fn act(
    page: &Page,
    id: &str,
    action: impl AsyncFnOnce(Option<Option<TenantId>>, uuid::Uuid) -> Result<bool, AppError>,
    done: &str,
) -> Result<Response, AppError> {
    let console = Console::of(page);
    let id = uuid::Uuid::try_parse(id).map_err(|_| AppError::NotFound)?;
    if !action(console.scope(), id).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("{}?done={done}", console.base())).into_response())
}

pub(crate) async fn revoke(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    axum::extract::Path(id): axum::extract::Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let (store, now) = (&page.state.store, page.state.clock.now());
    let actor = audit_actor(&me, ip);
    act(
        &page,
        &id,
        async |scope, id| Ok(store.revoke_worker(scope, id, &actor, now).await?),
        "revoked",
    )
    .await
}

pub(crate) async fn pause(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    axum::extract::Path(id): axum::extract::Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let (store, now) = (&page.state.store, page.state.clock.now());
    let actor = audit_actor(&me, ip);
    // Kept in English like every stored reason; the fleet page words it for its reader.
    let reason = format!("paused by {}", me.email);
    act(
        &page,
        &id,
        async |scope, id| Ok(store.pause_worker(scope, id, &reason, &actor, now).await?),
        "paused",
    )
    .await
}

pub(crate) async fn resume(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    axum::extract::Path(id): axum::extract::Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let (store, now) = (&page.state.store, page.state.clock.now());
    let actor = audit_actor(&me, ip);
    act(
        &page,
        &id,
        async |scope, id| Ok(store.resume_worker(scope, id, Some(&actor), now).await?),
        "resumed",
    )
    .await
}

/// Reads the model catalogue again (as `SIGHUP` does) and says how it went.
pub(crate) async fn reload_models(
    page: Page,
    CurrentUser(me): CurrentUser,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let console = Console::of(&page);
    if !matches!(console, Console::Platform) {
        return Err(AppError::NotFound);
    }
    match page.state.models.reload() {
        Ok(count) => {
            tracing::info!(admin = %me.id, models = count, "model catalogue reloaded");
            let notice = page.tr(&msg!("fleet-models-reloaded", count = count));
            render(&page, console, Some(notice), None, None).await
        }
        Err(e) => {
            let error = page.tr(&msg!("fleet-models-not-reloaded", error = e.to_string()));
            render(&page, console, None, None, Some(error)).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_seen_and_pauses_read_in_the_readers_language() {
        let now = Timestamp(1_795_773_600_000);
        let seen_en = |ago_ms: i64| seen(Lang::En, now, Some(Timestamp(now.0 - ago_ms)));
        assert_eq!(seen(Lang::En, now, None), "Seen never");
        assert_eq!(seen_en(5_000), "Seen 5 s ago");
        assert_eq!(seen_en(120_000), "Seen 2 min ago");
        assert_eq!(seen_en(7_200_000), "Seen 2 h ago");
        assert_eq!(seen_en(3 * 86_400_000), "Seen 24 Nov 2026");
        let hindi = seen(Lang::Hi, now, Some(Timestamp(now.0 - 5_000)));
        assert!(hindi.contains('5') && !hindi.contains("ago"), "{hindi}");

        assert_eq!(
            paused_reason(Lang::En, "paused by boss@example.com"),
            "paused by boss@example.com"
        );
        assert_eq!(
            paused_reason(Lang::En, "3 jobs in a row failed"),
            "3 jobs in a row failed"
        );
        let hindi = paused_reason(Lang::Hi, "paused by boss@example.com");
        assert!(hindi.contains("boss@example.com") && !hindi.contains("paused"));
        // What an unhealthy worker said of itself is shown as it said it.
        assert_eq!(
            paused_reason(Lang::Hi, "ComfyUI ignored an interrupt"),
            "ComfyUI ignored an interrupt"
        );
    }
}
