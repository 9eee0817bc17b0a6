//! One person on one site, as the benchmark sees them: a browser that keeps its cookies and
//! fills in form tokens, or a script with an API token.

use anyhow::{bail, Context};
use reqwest::header::{HeaderMap, COOKIE, LOCATION, SET_COOKIE};

/// An answer, read whole.
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

/// A browser: its session and form-token cookies, and the client address a reverse proxy
/// would report for it (`X-Forwarded-For`), so that each person of the run counts against
/// the sign-up and sign-in limits of an address of their own, as real visitors do.
pub struct Visitor {
    client: reqwest::Client,
    base: String,
    host: String,
    address: String,
    session: Option<String>,
    form: Option<String>,
}

impl Visitor {
    pub fn new(client: &reqwest::Client, base: &str, host: &str, address: String) -> Visitor {
        Visitor {
            client: client.clone(),
            base: base.to_owned(),
            host: host.to_owned(),
            address,
            session: None,
            form: None,
        }
    }

    /// A browser that signed in earlier, with its session cookie (`name=value`).
    pub fn signed_in(
        client: &reqwest::Client,
        base: &str,
        host: &str,
        address: String,
        cookie: &str,
    ) -> Visitor {
        Visitor {
            session: Some(cookie.to_owned()),
            ..Visitor::new(client, base, host, address)
        }
    }

    /// The `name=value` of the session cookie, once signed in.
    pub fn session_cookie(&self) -> Option<&str> {
        self.session.as_deref()
    }

    fn cookie_header(&self) -> Option<String> {
        let all: Vec<&str> = [&self.session, &self.form]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        (!all.is_empty()).then(|| all.join("; "))
    }

    fn remember(&mut self, headers: &HeaderMap) {
        for value in headers.get_all(SET_COOKIE) {
            let Ok(value) = value.to_str() else { continue };
            let (pair, attributes) = value.split_once(';').unwrap_or((value, ""));
            let Some((name, token)) = pair.split_once('=') else {
                continue;
            };
            let jar = if name.ends_with("atelier_session") {
                &mut self.session
            } else if name.ends_with("atelier_form") {
                &mut self.form
            } else {
                continue;
            };
            *jar = (!token.is_empty() && !attributes.contains("Max-Age=0"))
                .then(|| format!("{name}={token}"));
        }
    }

    async fn send(
        &mut self,
        request: reqwest::RequestBuilder,
        what: &str,
    ) -> anyhow::Result<Answer> {
        let mut request = request
            .header("host", &self.host)
            .header("x-forwarded-for", &self.address);
        if let Some(cookie) = self.cookie_header() {
            request = request.header(COOKIE, cookie);
        }
        let response = request.send().await.with_context(|| what.to_owned())?;
        self.remember(response.headers());
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.text().await.with_context(|| what.to_owned())?;
        Ok(Answer {
            status,
            location,
            body,
        })
    }

    pub async fn get(&mut self, path: &str) -> anyhow::Result<Answer> {
        let request = self.client.get(format!("{}{path}", self.base));
        self.send(request, &format!("GET {path}")).await
    }

    /// Opens `form_path`, takes its form token and posts `fields` with it to `action`, as a
    /// browser does (`Sec-Fetch-Site: same-origin`).
    pub async fn submit(
        &mut self,
        form_path: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<Answer> {
        let form = self.get(form_path).await?;
        let Some(token) = csrf_token(&form.body) else {
            bail!("{form_path} answered {} without a form token", form.status);
        };
        self.post_with_token(action, &token, fields).await
    }

    /// Posts a form with a token taken earlier (several posts from one page).
    pub async fn post_with_token(
        &mut self,
        action: &str,
        token: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<Answer> {
        let mut all = vec![("csrf_token", token)];
        all.extend_from_slice(fields);
        let request = self
            .client
            .post(format!("{}{action}", self.base))
            .header("sec-fetch-site", "same-origin")
            .form(&all);
        self.send(request, &format!("POST {action}")).await
    }

    /// Signs up on this site; afterwards this browser is signed in.
    pub async fn register(
        &mut self,
        name: &str,
        email: &str,
        password: &str,
    ) -> anyhow::Result<()> {
        let answer = self
            .submit(
                "/register",
                "/register",
                &[("name", name), ("email", email), ("password", password)],
            )
            .await?;
        if answer.status != 303 || self.session.is_none() {
            bail!(
                "signing up {email} answered {}: {}",
                answer.status,
                excerpt(&answer.body)
            );
        }
        Ok(())
    }

    /// Makes an API token on the account page (which asks for the password again).
    pub async fn make_api_token(&mut self, password: &str) -> anyhow::Result<String> {
        let answer = self
            .submit(
                "/account",
                "/account/tokens",
                &[("name", "load benchmark"), ("current_password", password)],
            )
            .await?;
        answer
            .body
            .split("data-new-token>")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .filter(|token| token.starts_with("atl_"))
            .map(str::to_owned)
            .with_context(|| format!("no new API token shown ({})", answer.status))
    }
}

/// A script using the JSON API with a bearer token.
#[derive(Clone)]
pub struct ApiScript {
    client: reqwest::Client,
    base: String,
    host: String,
    token: String,
}

/// A job as the API shows it: its id and status.
pub struct JobState {
    pub id: String,
    pub status: String,
}

impl JobState {
    pub fn is_final(&self) -> bool {
        matches!(self.status.as_str(), "succeeded" | "failed" | "canceled")
    }
}

impl ApiScript {
    pub fn new(client: &reqwest::Client, base: &str, host: &str, token: &str) -> ApiScript {
        ApiScript {
            client: client.clone(),
            base: base.to_owned(),
            host: host.to_owned(),
            token: token.to_owned(),
        }
    }

    async fn call(
        &self,
        request: reqwest::RequestBuilder,
        what: &str,
    ) -> anyhow::Result<serde_json::Value> {
        let response = request
            .header("host", &self.host)
            .bearer_auth(&self.token)
            .send()
            .await
            .with_context(|| what.to_owned())?;
        let status = response.status();
        let body = response.text().await.with_context(|| what.to_owned())?;
        if !status.is_success() {
            bail!("{what} answered {status}: {}", excerpt(&body));
        }
        serde_json::from_str(&body).with_context(|| format!("{what}: not JSON"))
    }

    /// Queues a 64×64 demo image; its id.
    pub async fn submit_job(&self, prompt: &str) -> anyhow::Result<String> {
        let body = serde_json::json!({
            "prompt": prompt, "model": "demo-abstract", "width": 64, "height": 64
        });
        let request = self
            .client
            .post(format!("{}/api/v1/jobs", self.base))
            .header("content-type", "application/json")
            .body(body.to_string());
        let job = self.call(request, "POST /api/v1/jobs").await?;
        job_state(&job).map(|j| j.id)
    }

    pub async fn job(&self, id: &str) -> anyhow::Result<JobState> {
        let path = format!("/api/v1/jobs/{id}");
        let request = self.client.get(format!("{}{path}", self.base));
        job_state(&self.call(request, &format!("GET {path}")).await?)
    }

    /// One page of the token's jobs, newest first, and the cursor of the next.
    pub async fn list(
        &self,
        cursor: Option<&str>,
    ) -> anyhow::Result<(Vec<JobState>, Option<String>)> {
        let mut url = format!("{}/api/v1/jobs?limit=100", self.base);
        if let Some(cursor) = cursor {
            url.push_str("&cursor=");
            url.push_str(cursor);
        }
        let page = self.call(self.client.get(url), "GET /api/v1/jobs").await?;
        let jobs = page["jobs"]
            .as_array()
            .context("a job list without jobs")?
            .iter()
            .map(job_state)
            .collect::<anyhow::Result<Vec<_>>>()?;
        let next = page["next_cursor"].as_str().map(str::to_owned);
        Ok((jobs, next))
    }
}

fn job_state(job: &serde_json::Value) -> anyhow::Result<JobState> {
    let field = |name: &str| {
        job[name]
            .as_str()
            .map(str::to_owned)
            .with_context(|| format!("a job without {name}: {job}"))
    };
    Ok(JobState {
        id: field("id")?,
        status: field("status")?,
    })
}

/// The value of the first hidden `csrf_token` field of a page.
pub fn csrf_token(body: &str) -> Option<String> {
    body.split("<input").skip(1).find_map(|tag| {
        let tag = &tag[..tag.find('>')?];
        if !tag.contains("name=\"csrf_token\"") {
            return None;
        }
        let start = tag.find("value=\"")? + 7;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_owned())
    })
}

/// The start of a body, for an error message.
pub fn excerpt(body: &str) -> String {
    body.chars().take(300).collect()
}

/// An address of its own for person `n` of a group (`10.group.x.y`).
pub fn address(group: u8, n: usize) -> String {
    format!("10.{group}.{}.{}", (n / 250) % 250, n % 250 + 1)
}
