//! The ComfyUI backend: renders a model's workflow (API format, filled by the server) on one
//! of a worker machine's ComfyUI servers and returns the PNG it saved, without the workflow
//! ComfyUI writes into the file.
//!
//! A render opens ComfyUI's socket under a fresh client id, posts the prompt under an id of
//! its own, follows the socket (progress, sampler previews, the end marker; the history once
//! a second if the socket drops), then reads the history and fetches the image. Told to
//! stop, it removes the prompt from the queue and interrupts it, and waits a grace period
//! for ComfyUI to let go: a ComfyUI that keeps rendering makes the machine unwell.

mod api;
mod endpoints;
mod messages;
mod render;
mod socket;

use std::time::Duration;

use api::Api;
use endpoints::{Endpoint, Endpoints};

use crate::{Backend, CheckFuture, RenderContext, RenderFuture, RenderSpec};

/// Why a [`ComfyUiBackend`] could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum ComfyUiSetupError {
    #[error("no ComfyUI URL was given")]
    NoUrl,
    #[error("{url} is not a ComfyUI URL: {why}")]
    BadUrl { url: String, why: String },
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
}

/// Renders on ComfyUI servers, in turn.
#[derive(Debug)]
pub struct ComfyUiBackend {
    endpoints: Endpoints,
    http: reqwest::Client,
    /// How long a stopped render waits for ComfyUI to drop its prompt before it reports the
    /// machine unwell.
    pub interrupt_grace: Duration,
    /// The longest any one HTTP call to ComfyUI may take.
    pub request_timeout: Duration,
    /// The longest opening the socket may take (connection and greeting).
    pub connect_timeout: Duration,
    /// How long a server that could not be reached is passed over.
    pub skip_unreachable_for: Duration,
    /// How often the history is read while the socket is gone.
    pub poll_every: Duration,
}

/// Parses a base URL: `http` only (ComfyUI runs on the worker machine, and this build has
/// no TLS), no query, no trailing slash.
fn base_url(url: &str) -> Result<String, ComfyUiSetupError> {
    let bad = |why: &str| ComfyUiSetupError::BadUrl {
        url: url.to_owned(),
        why: why.to_owned(),
    };
    let parsed = reqwest::Url::parse(url.trim()).map_err(|e| bad(&e.to_string()))?;
    if parsed.scheme() != "http" {
        return Err(bad(
            "only http:// is supported; run ComfyUI on the worker machine, bound to 127.0.0.1",
        ));
    }
    if parsed.host_str().is_none() {
        return Err(bad("it has no host"));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(bad("it has a query or a fragment"));
    }
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

impl ComfyUiBackend {
    /// A backend over the ComfyUI servers at `urls` (`http://127.0.0.1:8188`, …).
    pub fn new<I, S>(urls: I) -> Result<Self, ComfyUiSetupError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let all = urls
            .into_iter()
            .map(|url| base_url(url.as_ref()).map(Endpoint::new))
            .collect::<Result<Vec<_>, _>>()?;
        if all.is_empty() {
            return Err(ComfyUiSetupError::NoUrl);
        }
        let connect_timeout = Duration::from_secs(5);
        let http = reqwest::Client::builder()
            .connect_timeout(connect_timeout)
            .build()
            .map_err(|e| ComfyUiSetupError::Client(e.to_string()))?;
        Ok(Self {
            endpoints: Endpoints::new(all),
            http,
            interrupt_grace: Duration::from_secs(20),
            request_timeout: Duration::from_secs(30),
            connect_timeout,
            skip_unreachable_for: Duration::from_secs(30),
            poll_every: Duration::from_secs(1),
        })
    }

    fn api<'a>(&'a self, endpoint: &'a Endpoint) -> Api<'a> {
        Api {
            http: &self.http,
            base: &endpoint.base,
            timeout: self.request_timeout,
        }
    }
}

impl Backend for ComfyUiBackend {
    fn render<'a>(&'a self, spec: &'a RenderSpec, cx: RenderContext<'a>) -> RenderFuture<'a> {
        Box::pin(render::render(self, spec, cx))
    }

    /// Ready when at least one server answers `/system_stats`; the others are named.
    fn check(&self) -> CheckFuture<'_> {
        Box::pin(async move {
            let asks = self.endpoints.all.iter().map(|endpoint| async move {
                let answer = self.api(endpoint).system_stats().await;
                (endpoint, answer)
            });
            let mut failed = Vec::new();
            for (endpoint, answer) in futures_util::future::join_all(asks).await {
                match answer {
                    Ok(_) => endpoint.mark_up(),
                    Err(e) => {
                        if e.is_connection() {
                            endpoint.mark_down(self.skip_unreachable_for);
                        }
                        failed.push(format!("{} ({e})", endpoint.base));
                    }
                }
            }
            if failed.len() == self.endpoints.all.len() {
                return Err(format!("no ComfyUI answers: {}", failed.join(", ")));
            }
            if !failed.is_empty() {
                tracing::warn!(failed = %failed.join(", "), "some ComfyUI servers do not answer");
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_http_without_a_trailing_slash() {
        assert_eq!(
            base_url("http://127.0.0.1:8188/").unwrap_or_default(),
            "http://127.0.0.1:8188"
        );
        assert_eq!(
            base_url(" http://gpu:8188/comfy/ ").unwrap_or_default(),
            "http://gpu:8188/comfy"
        );
        assert!(base_url("https://gpu:8188").is_err());
        assert!(base_url("127.0.0.1:8188").is_err());
        assert!(base_url("http://gpu:8188/?x=1").is_err());
        assert!(matches!(
            ComfyUiBackend::new(Vec::<String>::new()),
            Err(ComfyUiSetupError::NoUrl)
        ));
    }
}
