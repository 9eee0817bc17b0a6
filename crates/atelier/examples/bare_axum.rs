//! The yardstick of the load benchmark (`bench/load/run.sh`): the least an axum server on
//! this machine can do per request, with the same tokio and axum as `atelier serve`, in a
//! process of its own. It answers a short text to every request (any path, GET or POST), so
//! the benchmark's wrk scripts can be pointed at it unchanged.
//!
//! `cargo run --release -p atelier --example bare_axum -- 127.0.0.1:18081`

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::Router;

/// Reads (and drops) the body, so a POST costs what receiving it costs and the
/// connection stays usable for the next request.
async fn hello(_body: Bytes) -> &'static str {
    "Hello from bare axum\n"
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let listen: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:18081".to_owned())
        .parse()?;
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!(
        "bare axum is listening on http://{}",
        listener.local_addr()?
    );
    axum::serve(listener, Router::new().fallback(hello)).await?;
    Ok(())
}
