//! A browser for tests: keeps the session and form-token cookies of one host and fills in
//! form tokens.

use super::{Page, TestApp};

pub struct Browser<'a> {
    app: &'a TestApp,
    pub host: String,
    pub cookie: Option<String>,
    /// A signed-out visitor's form-token cookie.
    pub form_cookie: Option<String>,
    /// Set at sign-in: the account knows this browser.
    pub device_cookie: Option<String>,
    /// The one-time carrier of a new API token, from its form to the account page.
    pub token_cookie: Option<String>,
    /// A visitor's pick from the language menu.
    pub language_cookie: Option<String>,
    /// The `Accept-Language` this browser sends, if any.
    pub accept_language: Option<String>,
}

/// The value of the hidden `csrf_token` field of the first form on a page.
pub fn csrf_token(page: &Page) -> Option<String> {
    page.body.split("<input").skip(1).find_map(|tag| {
        let tag = &tag[..tag.find('>')?];
        if !tag.contains("name=\"csrf_token\"") {
            return None;
        }
        let start = tag.find("value=\"")? + 7;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_owned())
    })
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp, host: &str) -> Self {
        Self {
            app,
            host: host.to_owned(),
            cookie: None,
            form_cookie: None,
            device_cookie: None,
            token_cookie: None,
            language_cookie: None,
            accept_language: None,
        }
    }

    /// The same browser, asking for `languages` (an `Accept-Language` value).
    pub fn accepting(mut self, languages: &str) -> Self {
        self.accept_language = Some(languages.to_owned());
        self
    }

    /// The `Cookie` header this browser sends, if any.
    pub fn cookie_header(&self) -> Option<String> {
        let all: Vec<&str> = [
            &self.cookie,
            &self.form_cookie,
            &self.device_cookie,
            &self.token_cookie,
            &self.language_cookie,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
        (!all.is_empty()).then(|| all.join("; "))
    }

    fn remember(&mut self, page: &Page) {
        for value in page.headers.get_all("set-cookie") {
            let Ok(value) = value.to_str() else { continue };
            let Some((pair, attributes)) = value.split_once(';').or(Some((value, ""))) else {
                continue;
            };
            let Some((name, token)) = pair.split_once('=') else {
                continue;
            };
            let jar = if name.ends_with("atelier_session") {
                &mut self.cookie
            } else if name.ends_with("atelier_form") {
                &mut self.form_cookie
            } else if name.ends_with("atelier_device") {
                &mut self.device_cookie
            } else if name == "atelier_new_token" {
                &mut self.token_cookie
            } else if name == "atelier_lang" {
                &mut self.language_cookie
            } else {
                continue;
            };
            if token.is_empty() || attributes.contains("Max-Age=0") {
                *jar = None;
            } else {
                *jar = Some(format!("{name}={token}"));
            }
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let mut request = self
            .app
            .client
            .get(self.app.url(path))
            .header("host", &self.host);
        if let Some(cookie) = self.cookie_header() {
            request = request.header("cookie", cookie);
        }
        if let Some(languages) = &self.accept_language {
            request = request.header("accept-language", languages);
        }
        let page = Page::read(
            request
                .send()
                .await
                .unwrap_or_else(|e| panic!("GET {path}: {e}")),
        )
        .await;
        self.remember(&page);
        page
    }

    /// The raw bytes of a response (images).
    pub async fn get_bytes(&mut self, path: &str) -> Vec<u8> {
        let mut request = self
            .app
            .client
            .get(self.app.url(path))
            .header("host", &self.host);
        if let Some(cookie) = self.cookie_header() {
            request = request.header("cookie", cookie);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        assert_eq!(response.status().as_u16(), 200, "GET {path}");
        response
            .bytes()
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default()
    }

    /// Posts fields exactly as given (no token added).
    pub async fn post_raw(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut request = self
            .app
            .client
            .post(self.app.url(path))
            .header("host", &self.host)
            .form(fields);
        if let Some(cookie) = self.cookie_header() {
            request = request.header("cookie", cookie);
        }
        if let Some(languages) = &self.accept_language {
            request = request.header("accept-language", languages);
        }
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let page = Page::read(
            request
                .send()
                .await
                .unwrap_or_else(|e| panic!("POST {path}: {e}")),
        )
        .await;
        self.remember(&page);
        page
    }

    /// Opens `form_path`, takes its form token, and posts `fields` with it to `action`, as a
    /// browser does (`Sec-Fetch-Site: same-origin`).
    pub async fn submit(&mut self, form_path: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let form = self.get(form_path).await;
        let token = csrf_token(&form).unwrap_or_else(|| {
            panic!(
                "no csrf_token on {form_path} (status {}):\n{}",
                form.status,
                &form.body[..form.body.len().min(2000)]
            )
        });
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(action, &all, &[("sec-fetch-site", "same-origin")])
            .await
    }

    pub async fn register(&mut self, email: &str, password: &str) -> Page {
        self.submit(
            "/register",
            "/register",
            &[("name", ""), ("email", email), ("password", password)],
        )
        .await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Page {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    pub async fn logout(&mut self) -> Page {
        self.submit("/account", "/logout", &[]).await
    }

    /// Submits the generate form for a demo image of `width` × `height`.
    pub async fn generate(&mut self, prompt: &str, width: u32, height: u32) -> Page {
        let (w, h) = (width.to_string(), height.to_string());
        self.submit(
            "/account",
            "/generate",
            &[
                ("prompt", prompt),
                ("negative_prompt", ""),
                ("model", "demo-abstract"),
                ("width", &w),
                ("height", &h),
                ("seed", ""),
            ],
        )
        .await
    }

    /// Submits a 64×64 demo image through the generate form; the queued job's id.
    pub async fn queue_job(&mut self, prompt: &str) -> String {
        let page = self.generate(prompt, 64, 64).await;
        job_id_of(&page)
    }

    /// Makes an API token on the account page, proving the password; the answer and the
    /// token it shows once (empty when it shows none).
    pub async fn make_api_token(&mut self, name: &str, password: &str) -> (Page, String) {
        let page = self
            .submit(
                "/account",
                "/account/tokens",
                &[("name", name), ("current_password", password)],
            )
            .await;
        // The form hands the token to the account page it lands on.
        let page = if page.status == 303 {
            let to = page.header("location").to_owned();
            self.get(&to).await
        } else {
            page
        };
        let token = page
            .body
            .split("data-new-token>")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .unwrap_or_default()
            .to_owned();
        (page, token)
    }

    /// The JSON of job `id` as its page serves it to this browser.
    pub async fn job_json(&mut self, id: &str) -> serde_json::Value {
        let page = self.get(&format!("/jobs/{id}")).await;
        assert_eq!(page.status, 200, "{}", page.body);
        serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body))
    }

    /// Opens the live-status stream of job `id` with this browser's cookie.
    pub async fn job_events(&self, id: &str) -> reqwest::Response {
        self.app
            .client
            .get(self.app.url(&format!("/jobs/{id}/events")))
            .header("host", self.host.as_str())
            .header("cookie", self.cookie.clone().unwrap_or_default())
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET /jobs/{id}/events: {e}"))
    }
}

/// The job id a generate form's redirect names.
pub fn job_id_of(page: &Page) -> String {
    page.header("location")
        .strip_prefix("/generate?job=")
        .unwrap_or_else(|| {
            panic!(
                "not a job redirect: {} {} {}",
                page.status,
                page.header("location"),
                &page.body[..page.body.len().min(500)]
            )
        })
        .to_owned()
}
