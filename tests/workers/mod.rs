//! Remote workers over HTTP: the worker API's keys, its fenced reports and image checks,
//! pools, pausing, the fleet pages, and (in `processes.rs`) `atelier serve` with two
//! `atelier worker` processes, one killed mid-job.

mod api;
mod comfyui;
mod fleet;
mod pools;
mod processes;

use atelier_domain::{Clock, Email, JobId, Role, TenantId, User};
use atelier_store::{Actor, NewUser};

use crate::common::TestApp;
pub use crate::jobs::tenant_id;

/// A worker token's client for one site's host.
pub struct WorkerClient<'a> {
    pub app: &'a TestApp,
    pub token: String,
    pub host: &'static str,
}

impl WorkerClient<'_> {
    /// POSTs `body` (JSON) to the worker API's `path`; the status and the JSON answer.
    pub async fn post(&self, path: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        self.send(path, "application/json", body.to_string().into_bytes())
            .await
    }

    pub async fn send(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> (u16, serde_json::Value) {
        self.send_with(path, content_type, body, &[]).await
    }

    pub async fn send_with(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        headers: &[(&str, &str)],
    ) -> (u16, serde_json::Value) {
        let mut request = self
            .app
            .client
            .post(self.app.url(&format!("/api/worker/v1/{path}")))
            .header("host", self.host)
            .header("content-type", content_type)
            .body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if !self.token.is_empty() {
            request = request.bearer_auth(&self.token);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"));
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        )
    }

    /// Asks for a job without waiting; the job JSON or null.
    pub async fn claim(&self) -> serde_json::Value {
        let (status, answer) = self
            .post(
                "claim",
                serde_json::json!({ "backend": "demo", "version": "test", "wait_secs": 0 }),
            )
            .await;
        assert_eq!(status, 200, "claim: {answer}");
        answer["job"].clone()
    }

    /// Hands in `png` for the claimed `job`.
    pub async fn complete(
        &self,
        job: &serde_json::Value,
        png: Vec<u8>,
    ) -> (u16, serde_json::Value) {
        let path = format!("jobs/{}/complete", job["id"].as_str().unwrap_or_default());
        let lease = job["lease_token"].as_str().unwrap_or_default();
        self.send_with(&path, "image/png", png, &[("x-atelier-lease", lease)])
            .await
    }

    /// Reports the claimed `job` failed.
    pub async fn fail(&self, job: &serde_json::Value, retryable: bool) -> (u16, serde_json::Value) {
        let path = format!("jobs/{}/fail", job["id"].as_str().unwrap_or_default());
        self.post(
            &path,
            serde_json::json!({
                "lease_token": job["lease_token"],
                "reason": "CUDA out of memory",
                "retryable": retryable,
            }),
        )
        .await
    }

    pub async fn heartbeat(&self, job: &serde_json::Value) -> (u16, serde_json::Value) {
        let path = format!("jobs/{}/heartbeat", job["id"].as_str().unwrap_or_default());
        self.post(
            &path,
            serde_json::json!({ "lease_token": job["lease_token"], "progress": 0.5 }),
        )
        .await
    }
}

/// A worker token in `pool` (`None`: the shared pool), made as an admin would.
pub async fn worker_token(app: &TestApp, pool: Option<TenantId>, name: &str) -> String {
    let token = format!("atw_test_{name}_{}", uuid::Uuid::new_v4().simple());
    let admin = admin_actor(app).await;
    app.state
        .store
        .create_worker(
            pool,
            name,
            &atelier_domain::hash_token(&token),
            &admin,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    token
}

/// An account to name as the actor of test-made tokens.
async fn admin_actor(app: &TestApp) -> Actor {
    let email = format!("fleet-{}@pixelforge.example", uuid::Uuid::new_v4().simple());
    let user = user_of(app, "pixelforge", &email, 0).await;
    Actor {
        id: user.id,
        email,
        address: "127.0.0.1".to_owned(),
    }
}

/// A user of `slug` with `credits`, made in the store.
pub async fn user_of(app: &TestApp, slug: &str, email: &str, credits: i64) -> User {
    let tenant = tenant_id(app, slug).await;
    app.state
        .store
        .create_user(
            &NewUser {
                tenant_id: Some(tenant),
                email: Email::parse(email).unwrap_or_else(|e| panic!("{e}")),
                name: String::new(),
                password_hash: "x".into(),
                role: Role::User,
                signup_bonus: credits,
                bonus_now: true,
                signup_ip: String::new(),
                language: None,
            },
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Queues a demo job of `width` × `height` for `user` through the store.
pub async fn queue_job(app: &TestApp, user: &User, model: &str, width: i64, height: i64) -> JobId {
    app.clock.advance_millis(1);
    let job = atelier_domain::NewJob {
        prompt: atelier_domain::Prompt::parse("prompt", "a lighthouse", true)
            .unwrap_or_else(|e| panic!("{e}")),
        negative_prompt: atelier_domain::Prompt::parse("negative_prompt", "", false)
            .unwrap_or_else(|e| panic!("{e}")),
        model: model.into(),
        size: atelier_domain::ImageSize { width, height },
        seed: 7,
    };
    let id = app
        .state
        .store
        .submit_job(
            user.tenant_id.unwrap_or_else(|| panic!("a tenant user")),
            user.id,
            &job,
            atelier_domain::Credits::new(1),
            atelier_store::QueueRules {
                max_attempts: 3,
                deadline_ms: 3_600_000,
                active_cap: 10,
            },
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .id;
    app.state.worker_wake.notify_one();
    id
}

/// The job as stored now.
pub async fn job(app: &TestApp, user: &User, id: JobId) -> atelier_domain::Job {
    app.state
        .store
        .find_job(
            user.tenant_id.unwrap_or_else(|| panic!("a tenant user")),
            None,
            id,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no job {id}"))
}

/// A PNG of `width` × `height` with a tEXt chunk, as ComfyUI writes them.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    atelier_media::encode_png(width, height, vec![90; (width * height * 3) as usize])
        .unwrap_or_else(|e| panic!("{e}"))
}
