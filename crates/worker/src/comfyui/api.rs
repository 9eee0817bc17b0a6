//! ComfyUI's HTTP routes, each call with a timeout.

use std::time::Duration;

use serde_json::{json, Value};

use super::messages::{refusal, ImageRef};

/// Why a call to ComfyUI did not get an answer it could use.
#[derive(Debug)]
pub(super) enum CallError {
    /// Nothing listens there (or the connection broke before an answer).
    Unreachable(String),
    TimedOut,
    /// An HTTP status ComfyUI should not have answered, with the start of its body.
    Status(u16, String),
    /// The answer was not what ComfyUI sends.
    Garbled(String),
}

impl CallError {
    pub fn is_connection(&self) -> bool {
        matches!(self, Self::Unreachable(_))
    }
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreachable(e) => write!(f, "cannot connect ({e})"),
            Self::TimedOut => write!(f, "no answer in time"),
            Self::Status(code, body) => write!(f, "HTTP {code}: {body}"),
            Self::Garbled(e) => write!(f, "an answer ComfyUI does not send ({e})"),
        }
    }
}

impl From<reqwest::Error> for CallError {
    fn from(e: reqwest::Error) -> Self {
        if e.is_timeout() {
            Self::TimedOut
        } else if e.is_connect() || e.is_request() {
            Self::Unreachable(e.to_string())
        } else {
            Self::Garbled(e.to_string())
        }
    }
}

/// Why `POST /prompt` did not queue the prompt.
#[derive(Debug)]
pub(super) enum PostError {
    /// HTTP 400: the workflow is not valid here; a sentence for the user.
    Refused(String),
    Call(CallError),
}

/// Where a prompt is in ComfyUI's queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Running,
    Pending,
    Absent,
}

/// One ComfyUI server's routes.
pub(super) struct Api<'a> {
    pub http: &'a reqwest::Client,
    pub base: &'a str,
    pub timeout: Duration,
}

impl Api<'_> {
    async fn read(response: reqwest::Response) -> Result<Vec<u8>, CallError> {
        let status = response.status();
        let body = response.bytes().await?;
        if !status.is_success() {
            let start: String = String::from_utf8_lossy(&body).chars().take(200).collect();
            return Err(CallError::Status(status.as_u16(), start.trim().to_owned()));
        }
        Ok(body.to_vec())
    }

    async fn get_json(&self, path: &str) -> Result<Value, CallError> {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .timeout(self.timeout)
            .send()
            .await?;
        let body = Self::read(response).await?;
        serde_json::from_slice(&body).map_err(|e| CallError::Garbled(e.to_string()))
    }

    async fn post_json(&self, path: &str, body: &Value) -> Result<Vec<u8>, CallError> {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .json(body)
            .timeout(self.timeout)
            .send()
            .await?;
        Self::read(response).await
    }

    /// Queues `workflow` as `prompt_id` for the socket of `client_id`.
    pub async fn post_prompt(
        &self,
        workflow: &Value,
        client_id: &str,
        prompt_id: &str,
    ) -> Result<Value, PostError> {
        let body = json!({"prompt": workflow, "client_id": client_id, "prompt_id": prompt_id});
        let response = self
            .http
            .post(format!("{}/prompt", self.base))
            .json(&body)
            .timeout(self.timeout)
            .send()
            .await
            .map_err(|e| PostError::Call(e.into()))?;
        if response.status() == reqwest::StatusCode::BAD_REQUEST {
            let body: Value = response.json().await.unwrap_or(Value::Null);
            return Err(PostError::Refused(refusal(&body)));
        }
        let body = Self::read(response).await.map_err(PostError::Call)?;
        serde_json::from_slice(&body)
            .map_err(|e| PostError::Call(CallError::Garbled(e.to_string())))
    }

    /// The history entry of `prompt_id`, once it has finished.
    pub async fn history(&self, prompt_id: &str) -> Result<Option<Value>, CallError> {
        let mut all = self.get_json(&format!("/history/{prompt_id}")).await?;
        Ok(all
            .get_mut(prompt_id)
            .map(Value::take)
            .filter(|entry| entry.is_object()))
    }

    pub async fn place(&self, prompt_id: &str) -> Result<Place, CallError> {
        let queue = self.get_json("/queue").await?;
        let holds = |list: &Value| {
            list.as_array()
                .into_iter()
                .flatten()
                .any(|item| item[1] == prompt_id)
        };
        Ok(if holds(&queue["queue_running"]) {
            Place::Running
        } else if holds(&queue["queue_pending"]) {
            Place::Pending
        } else {
            Place::Absent
        })
    }

    /// Removes `prompt_id` if it is still waiting (a running one is not touched).
    pub async fn delete_pending(&self, prompt_id: &str) -> Result<(), CallError> {
        self.post_json("/queue", &json!({"delete": [prompt_id]}))
            .await
            .map(drop)
    }

    /// Asks ComfyUI to stop `prompt_id` if it is the one running (nothing otherwise).
    pub async fn interrupt(&self, prompt_id: &str) -> Result<(), CallError> {
        self.post_json("/interrupt", &json!({"prompt_id": prompt_id}))
            .await
            .map(drop)
    }

    /// The bytes of a saved image.
    pub async fn view(&self, image: &ImageRef) -> Result<Vec<u8>, CallError> {
        let response = self
            .http
            .get(format!("{}/view", self.base))
            .query(&[
                ("filename", image.filename.as_str()),
                ("subfolder", image.subfolder.as_str()),
                ("type", image.kind.as_str()),
            ])
            .timeout(self.timeout)
            .send()
            .await?;
        Self::read(response).await
    }

    pub async fn system_stats(&self) -> Result<Value, CallError> {
        self.get_json("/system_stats").await
    }
}
