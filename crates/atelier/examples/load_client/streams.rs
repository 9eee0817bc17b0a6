//! Live-status streams held open as browsers hold them: one connection each, reading every
//! event the server sends, until the benchmark closes them all at once.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};
use futures_util::StreamExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinHandle;

/// A job to watch, as the job's owner.
pub struct Watched {
    pub cookie: String,
    pub job: String,
}

/// The streams of one run: each a task reading its connection; dropping one closes it.
pub struct Streams {
    holders: Vec<JoinHandle<()>>,
    ended_by_server: Arc<AtomicUsize>,
    pub failed: usize,
}

impl Streams {
    pub fn open_now(&self) -> usize {
        self.holders.len() - self.ended_by_server()
    }

    /// Streams the server ended while the benchmark held them.
    pub fn ended_by_server(&self) -> usize {
        self.ended_by_server.load(Ordering::Relaxed)
    }

    /// Closes every stream (the connections drop with their tasks).
    pub fn close_all(self) {
        for holder in self.holders {
            holder.abort();
        }
    }
}

/// `http://127.0.0.1:8080` as a socket address.
pub fn socket_address(base: &str) -> anyhow::Result<SocketAddr> {
    base.trim_start_matches("http://")
        .parse()
        .with_context(|| format!("{base} is not http://<ip>:<port>"))
}

/// Opens a stream and reads until its first event (the job as it stands).
async fn open_one(server: SocketAddr, host: &str, watched: &Watched) -> anyhow::Result<TcpStream> {
    let mut connection = TcpStream::connect(server).await?;
    let request = format!(
        "GET /jobs/{}/events HTTP/1.1\r\nHost: {host}\r\nCookie: {}\r\n\
         Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n",
        watched.job, watched.cookie
    );
    connection.write_all(request.as_bytes()).await?;
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let n = connection.read(&mut buffer).await?;
        if n == 0 {
            bail!(
                "closed before the first event: {}",
                String::from_utf8_lossy(&seen)
            );
        }
        seen.extend_from_slice(&buffer[..n]);
        let text = String::from_utf8_lossy(&seen);
        if !text.starts_with("HTTP/1.1 200") && text.contains("\r\n") {
            bail!("refused: {}", text.lines().next().unwrap_or_default());
        }
        if text.contains("event: job") {
            return Ok(connection);
        }
        if seen.len() > 65_536 {
            bail!("no event in the first 64 KiB");
        }
    }
}

/// Opens a stream for each watched job, `at_once` connections being opened at a time;
/// each open stream is then read until it ends or the benchmark closes it.
pub async fn open_all(
    server: SocketAddr,
    host: &str,
    watched: &[Watched],
    at_once: usize,
) -> Streams {
    let ended_by_server = Arc::new(AtomicUsize::new(0));
    let mut holders = Vec::with_capacity(watched.len());
    let mut failed = 0;
    let mut opening = futures_util::stream::iter(watched)
        .map(|w| async move {
            tokio::time::timeout(Duration::from_secs(120), open_one(server, host, w)).await
        })
        .buffer_unordered(at_once);
    while let Some(opened) = opening.next().await {
        match opened {
            Ok(Ok(mut connection)) => {
                let ended = ended_by_server.clone();
                holders.push(tokio::spawn(async move {
                    let mut buffer = [0u8; 4096];
                    loop {
                        match connection.read(&mut buffer).await {
                            Ok(0) | Err(_) => break,
                            Ok(_) => {}
                        }
                    }
                    ended.fetch_add(1, Ordering::Relaxed);
                }));
                if holders.len() % 1000 == 0 {
                    eprintln!("streams: {} open", holders.len());
                }
            }
            Ok(Err(e)) => {
                failed += 1;
                if failed <= 3 {
                    eprintln!("streams: one did not open: {e:#}");
                }
            }
            Err(_) => {
                failed += 1;
                if failed <= 3 {
                    eprintln!("streams: one did not open within 120 s");
                }
            }
        }
    }
    Streams {
        holders,
        ended_by_server,
        failed,
    }
}
