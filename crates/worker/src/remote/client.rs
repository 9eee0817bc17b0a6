//! The worker API as `atelier worker` speaks it: one method per call, each answer read into
//! what the loop needs. Transport trouble (a refused connection, a timeout, a 5xx) is
//! [`CallError::Transport`], which the loop retries with backoff; anything else the server
//! said is final.

use std::time::Duration;

use reqwest::StatusCode;
use serde::Deserialize;

/// How long a call other than the claim may take.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// A claim waits up to this long on the server, plus the network's share.
const CLAIM_WAIT_SECS: u64 = 25;

/// Why a call failed.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// The server could not be reached or answered 5xx: worth trying again.
    #[error("the server could not be reached: {0}")]
    Transport(String),
    /// The token was refused (revoked, or never valid): nothing will work.
    #[error("the server refused the worker token: {0}")]
    Unauthorized(String),
    /// The server answered with an error of its own (`code`, message).
    #[error("the server said {code}: {message}")]
    Refused { code: String, message: String },
}

/// A job as the server hands it out.
#[derive(Debug, Clone, Deserialize)]
pub struct RemoteJob {
    pub id: String,
    pub lease_token: String,
    pub model: String,
    pub prompt: String,
    pub negative_prompt: String,
    pub width: u32,
    pub height: u32,
    pub seed: i64,
    #[serde(default)]
    pub workflow: Option<serde_json::Value>,
    /// Milliseconds left until the job's deadline, by the server's clock.
    pub deadline_in_ms: u64,
    pub heartbeat_secs: u64,
    /// How long the server keeps the job leased without a heartbeat.
    #[serde(default = "default_lease_secs")]
    pub lease_secs: u64,
}

fn default_lease_secs() -> u64 {
    30
}

/// What a claim came back with.
#[derive(Debug)]
pub enum ClaimAnswer {
    Job(Box<RemoteJob>),
    /// Nothing to do after the wait.
    Nothing,
    /// The worker is paused (its jobs kept failing, or an admin paused it).
    Paused(String),
}

/// What a heartbeat says to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beat {
    Continue,
    /// The owner canceled the job.
    Canceled,
    /// The worker no longer holds the job.
    Lost,
}

/// A client of one server's worker API.
#[derive(Clone)]
pub struct WorkerApi {
    http: reqwest::Client,
    base: String,
    token: String,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    code: String,
    message: String,
}

impl WorkerApi {
    pub fn new(server: &str, token: &str) -> Result<WorkerApi, CallError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("atelier-worker/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| CallError::Transport(e.to_string()))?;
        Ok(WorkerApi {
            http,
            base: server.trim_end_matches('/').to_owned(),
            token: token.to_owned(),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/worker/v1/{path}", self.base)
    }

    /// Sends `request` and reads a JSON answer, sorting failures into [`CallError`].
    async fn send(&self, request: reqwest::RequestBuilder) -> Result<serde_json::Value, CallError> {
        let response = request
            .bearer_auth(&self.token)
            .send()
            .await
            .map_err(|e| CallError::Transport(e.to_string()))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| CallError::Transport(e.to_string()))?;
        if status.is_success() {
            return serde_json::from_slice(&body)
                .map_err(|e| CallError::Transport(format!("an answer that is not JSON: {e}")));
        }
        if status.is_server_error() {
            return Err(CallError::Transport(format!("HTTP {status}")));
        }
        let (code, message) = serde_json::from_slice::<ErrorBody>(&body)
            .map(|b| (b.error.code, b.error.message))
            .unwrap_or_else(|_| {
                (
                    status.as_str().to_owned(),
                    String::from_utf8_lossy(&body).into_owned(),
                )
            });
        if status == StatusCode::UNAUTHORIZED {
            return Err(CallError::Unauthorized(message));
        }
        Err(CallError::Refused { code, message })
    }

    /// Asks for a job, waiting on the server up to its long-poll limit.
    pub async fn claim(
        &self,
        backend: &str,
        models: Option<&[String]>,
    ) -> Result<ClaimAnswer, CallError> {
        let body = serde_json::json!({
            "backend": backend,
            "models": models,
            "version": env!("CARGO_PKG_VERSION"),
            "wait_secs": CLAIM_WAIT_SECS,
        });
        let answer = self
            .send(
                self.http
                    .post(self.url("claim"))
                    .timeout(Duration::from_secs(CLAIM_WAIT_SECS + 15))
                    .json(&body),
            )
            .await?;
        if answer["paused"].as_bool() == Some(true) {
            let reason = answer["reason"].as_str().unwrap_or("paused").to_owned();
            return Ok(ClaimAnswer::Paused(reason));
        }
        if answer["job"].is_null() {
            return Ok(ClaimAnswer::Nothing);
        }
        serde_json::from_value(answer["job"].clone())
            .map(|job| ClaimAnswer::Job(Box::new(job)))
            .map_err(|e| CallError::Transport(format!("a job this worker cannot read: {e}")))
    }

    pub async fn heartbeat(&self, job: &RemoteJob, progress: f32) -> Result<Beat, CallError> {
        let body = serde_json::json!({ "lease_token": job.lease_token, "progress": progress });
        let answer = self
            .send(
                self.http
                    .post(self.url(&format!("jobs/{}/heartbeat", job.id)))
                    .timeout(CALL_TIMEOUT)
                    .json(&body),
            )
            .await?;
        Ok(
            match (answer["action"].as_str(), answer["reason"].as_str()) {
                (Some("continue"), _) => Beat::Continue,
                (_, Some("canceled")) => Beat::Canceled,
                _ => Beat::Lost,
            },
        )
    }

    /// Hands in the PNG; `Ok(false)` when the job was no longer this worker's.
    pub async fn complete(&self, job: &RemoteJob, png: Vec<u8>) -> Result<bool, CallError> {
        let sent = self
            .send(
                self.http
                    .post(self.url(&format!("jobs/{}/complete", job.id)))
                    // In a header, not the address, which proxies write to their logs.
                    .header("x-atelier-lease", &job.lease_token)
                    .header(reqwest::header::CONTENT_TYPE, "image/png")
                    .timeout(Duration::from_secs(120))
                    .body(png),
            )
            .await;
        match sent {
            Ok(_) => Ok(true),
            Err(CallError::Refused { code, .. }) if code == "lease_lost" => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Sends the render's newest preview frame.
    pub async fn preview(
        &self,
        job: &RemoteJob,
        preview: &crate::Preview,
    ) -> Result<(), CallError> {
        self.send(
            self.http
                .post(self.url(&format!("jobs/{}/preview", job.id)))
                .header(reqwest::header::CONTENT_TYPE, preview.mime)
                .timeout(CALL_TIMEOUT)
                .body(preview.bytes.clone()),
        )
        .await
        .map(|_| ())
    }

    /// Reports a failed attempt; `Ok(false)` when the job was no longer this worker's.
    pub async fn fail(
        &self,
        job: &RemoteJob,
        reason: &str,
        retryable: bool,
        unhealthy: bool,
    ) -> Result<bool, CallError> {
        let body = serde_json::json!({
            "lease_token": job.lease_token,
            "reason": reason,
            "retryable": retryable,
            "unhealthy": unhealthy,
        });
        self.lease_call(&format!("jobs/{}/fail", job.id), &body)
            .await
    }

    /// Gives the job back without spending its attempt.
    pub async fn release(&self, job: &RemoteJob) -> Result<bool, CallError> {
        let body = serde_json::json!({ "lease_token": job.lease_token });
        self.lease_call(&format!("jobs/{}/release", job.id), &body)
            .await
    }

    async fn lease_call(&self, path: &str, body: &serde_json::Value) -> Result<bool, CallError> {
        let sent = self
            .send(
                self.http
                    .post(self.url(path))
                    .timeout(CALL_TIMEOUT)
                    .json(body),
            )
            .await;
        match sent {
            Ok(_) => Ok(true),
            Err(CallError::Refused { code, .. }) if code == "lease_lost" => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Says the backend is unwell (it would not stop a render): the server pauses this
    /// worker until its check passes again.
    pub async fn unwell(&self, detail: &str) -> Result<(), CallError> {
        let body = serde_json::json!({ "ok": false, "unhealthy": true, "detail": detail });
        self.send(
            self.http
                .post(self.url("health"))
                .timeout(CALL_TIMEOUT)
                .json(&body),
        )
        .await
        .map(|_| ())
    }

    /// Says whether the paused worker's backend passed its check; `true` when it is
    /// resumed.
    pub async fn health(&self, ok: bool, detail: &str) -> Result<bool, CallError> {
        let body = serde_json::json!({ "ok": ok, "detail": detail });
        let answer = self
            .send(
                self.http
                    .post(self.url("health"))
                    .timeout(CALL_TIMEOUT)
                    .json(&body),
            )
            .await?;
        Ok(answer["paused"].as_bool() == Some(false))
    }
}
