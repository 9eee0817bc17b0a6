//! `GET /account/export`: everything the site holds about a person, as one ZIP (India's DPDP
//! Act gives them the right to it): their account, credit history and payments
//! (`account.json`), every prompt with its settings (`prompts.jsonl`), and every image
//! (`images/`). The archive is built as it is sent: one image in memory at a time, whatever
//! the history holds.

use std::io::Write;

use atelier_domain::{msg, Job, JobId, JobStatus, Lang, Timestamp, User};
use axum::body::{Body, Bytes};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc;

use crate::auth::CurrentUser;
use crate::pages::Page;
use crate::{AppError, AppState};

/// Rows read from the database at a time.
const PAGE: i64 = 200;
/// What the ZIP writer hands the response at a time.
const CHUNK: usize = 64 * 1024;

/// One file of the archive.
struct Entry {
    name: String,
    bytes: Vec<u8>,
}

/// What the gathering task hands the writer: the files, then word that there are no more.
/// Only that word finishes the archive; a gathering that stops without it (an error) makes
/// the download fail rather than end as a ZIP that opens but lacks files.
enum Item {
    File(Entry),
    Done,
}

/// Archives written at once on a node: each holds a thread of the blocking pool for as long
/// as its download lasts.
const EXPORTS_AT_ONCE: usize = 4;

static EXPORTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(EXPORTS_AT_ONCE);

pub(crate) async fn export(
    page: Page,
    CurrentUser(user): CurrentUser,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let state = page.state.clone();
    let Ok(turn) = EXPORTS.try_acquire() else {
        return Err(AppError::TooManyRequests {
            retry_after_secs: 60,
        });
    };
    turn.forget();
    let (entries_tx, entries_rx) = mpsc::channel::<Item>(2);
    let (chunks_tx, chunks_rx) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    // The ZIP is written on the blocking pool (the zip crate writes synchronously) into the
    // response's chunks; the files come from a task that reads the database and the disk.
    tokio::task::spawn_blocking(move || {
        write_zip(entries_rx, chunks_tx);
        EXPORTS.add_permits(1);
    });
    let name = site.tenant.settings.name.clone();
    // The archive's own notes are in the language of the page it was asked from.
    let lang = page.lang;
    tokio::spawn(async move {
        match gather(&state, lang, &name, &user, &entries_tx).await {
            Ok(()) => {
                let _ = entries_tx.send(Item::Done).await;
            }
            // No `Done`: the writer fails the download.
            Err(e) => tracing::warn!(user = %user.id, error = %e, "the data export stopped"),
        }
    });
    // Fused: a layer may poll the body once more after its end.
    let body = Body::from_stream(futures_util::StreamExt::fuse(futures_util::stream::unfold(
        chunks_rx,
        |mut rx| async move { rx.recv().await.map(|chunk| (chunk, rx)) },
    )));
    let today = page.state.clock.now().rfc3339();
    let file = format!(
        "{}-my-data-{}.zip",
        site.tenant.slug,
        today.get(..10).unwrap_or("today")
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
            // Images do not compress: spare the server's cores the try.
            (header::CONTENT_ENCODING, "identity".to_owned()),
        ],
        body,
    )
        .into_response())
}

/// Sends every file of the archive to the writer, in order.
async fn gather(
    state: &AppState,
    lang: Lang,
    site_name: &str,
    user: &User,
    out: &mpsc::Sender<Item>,
) -> Result<(), AppError> {
    let send = async |name: String, bytes: Vec<u8>| {
        out.send(Item::File(Entry { name, bytes }))
            .await
            .map_err(|_| AppError::Internal("the download was abandoned".to_owned()))
    };
    send(
        "README.txt".to_owned(),
        readme(lang, site_name).into_bytes(),
    )
    .await?;
    send("account.json".to_owned(), account_json(state, user).await?).await?;
    // The prompts first, one line each, then the images: each a pass over the history.
    let mut lines = Vec::new();
    let mut before = None;
    loop {
        let jobs = state.store.list_jobs(user.id, before, PAGE).await?;
        for job in &jobs {
            let line = serde_json::json!({
                "id": job.id,
                "created_at": job.created_at.rfc3339(),
                "status": job.status.as_str(),
                "model": job.model,
                "prompt": job.prompt,
                "negative_prompt": job.negative_prompt,
                "width": job.width,
                "height": job.height,
                "seed": job.seed,
                "image": job.image_id.map(|_| image_name(job)),
            });
            lines.extend_from_slice(line.to_string().as_bytes());
            lines.push(b'\n');
        }
        match next_page(&jobs) {
            Some(last) => before = Some(last),
            None => break,
        }
    }
    send("prompts.jsonl".to_owned(), lines).await?;
    let mut before = None;
    let mut missing = Vec::new();
    loop {
        let jobs = state.store.list_jobs(user.id, before, PAGE).await?;
        for job in jobs.iter().filter(|j| j.status == JobStatus::Succeeded) {
            let Some(image) = job.image_id else { continue };
            let path = state.storage.image_path(job.tenant_id, image);
            match tokio::fs::read(&path).await {
                Ok(bytes) => send(image_name(job), bytes).await?,
                Err(e) => {
                    tracing::warn!(job = %job.id, error = %e, "an image is missing from storage");
                    missing.push(image_name(job));
                }
            }
        }
        match next_page(&jobs) {
            Some(last) => before = Some(last),
            None => break,
        }
    }
    if !missing.is_empty() {
        // Said in the archive itself, not only in the server's log.
        let text = format!(
            "{}\n{}\n",
            msg!("accounts-export-missing").in_lang(lang),
            missing.join("\n")
        );
        send("MISSING.txt".to_owned(), text.into_bytes()).await?;
    }
    Ok(())
}

/// Where the next page of a full page starts.
fn next_page(jobs: &[Job]) -> Option<(Timestamp, JobId)> {
    (jobs.len() as i64 == PAGE)
        .then(|| jobs.last().map(|j| (j.created_at, j.id)))
        .flatten()
}

fn image_name(job: &Job) -> String {
    let day = job.created_at.rfc3339();
    format!("images/{}-{}.png", day.get(..10).unwrap_or("image"), job.id)
}

fn readme(lang: Lang, site_name: &str) -> String {
    let text = msg!("accounts-export-readme", site = site_name).in_lang(lang);
    format!("{text}\n")
}

async fn account_json(state: &AppState, user: &User) -> Result<Vec<u8>, AppError> {
    let mut ledger = Vec::new();
    let mut before = None;
    loop {
        let rows = state.store.ledger_page(user.id, before, PAGE).await?;
        for row in &rows {
            ledger.push(serde_json::json!({
                "at": row.created_at.rfc3339(),
                "change": row.delta,
                "reason": row.reason,
                "reference": row.reference,
            }));
        }
        match rows.last().filter(|_| rows.len() as i64 == PAGE) {
            Some(last) => before = Some((last.created_at, last.id)),
            None => break,
        }
    }
    let mut payments = Vec::new();
    if let Some(tenant) = user.tenant_id {
        let mut before = None;
        loop {
            let rows = state
                .store
                .user_payments(tenant, user.id, before, PAGE)
                .await?;
            for p in &rows {
                payments.push(serde_json::json!({
                    "at": p.created_at.rfc3339(),
                    "credits": p.credits.get(),
                    "amount": p.amount.to_string(),
                    "reference": p.reference,
                    "utr": p.utr,
                    "paid_to": p.payee_vpa,
                    "state": p.state.as_str(),
                    "reason": p.reason,
                }));
            }
            match rows.last().filter(|_| rows.len() as i64 == PAGE) {
                Some(last) => before = Some((last.created_at, last.id)),
                None => break,
            }
        }
    }
    let account = serde_json::json!({
        "email": user.email.as_str(),
        "name": user.name,
        "email_confirmed": user.email_verified,
        "created_at": user.created_at.rfc3339(),
        "balance": user.balance.get(),
        "held": user.held.get(),
        "credit_history": ledger,
        "payments": payments,
    });
    serde_json::to_vec_pretty(&account).map_err(|e| AppError::Internal(e.to_string()))
}

/// Writes the entries as a ZIP into `chunks`, stored as they are (PNGs do not shrink).
fn write_zip(
    mut entries: mpsc::Receiver<Item>,
    chunks: mpsc::Sender<Result<Bytes, std::io::Error>>,
) {
    let sink = ChunkWriter {
        buffer: Vec::with_capacity(CHUNK),
        out: chunks.clone(),
    };
    let mut zip = zip::ZipWriter::new_stream(sink);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    let written = (|| -> Result<(), zip::result::ZipError> {
        loop {
            match entries.blocking_recv() {
                Some(Item::File(entry)) => {
                    zip.start_file(entry.name, options)?;
                    zip.write_all(&entry.bytes)?;
                }
                Some(Item::Done) => break,
                // The gathering stopped short: no central directory, and the download fails.
                None => {
                    return Err(zip::result::ZipError::Io(std::io::Error::other(
                        "the export stopped before its end",
                    )))
                }
            }
        }
        let mut sink = zip.finish()?.into_inner();
        sink.flush()?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = chunks.blocking_send(Err(std::io::Error::other(e.to_string())));
    }
}

/// Hands what the ZIP writer writes to the response, a chunk at a time.
struct ChunkWriter {
    buffer: Vec<u8>,
    out: mpsc::Sender<Result<Bytes, std::io::Error>>,
}

impl Write for ChunkWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.out.blocking_send(Ok(chunk)).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the download was abandoned")
        })
    }
}
