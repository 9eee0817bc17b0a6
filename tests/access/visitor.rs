//! How each route is asked: a visitor is what a browser or a script holds (host, session
//! cookie, form token, API token), and one request carries it as they would.

use reqwest::Method;

use super::{ANSWER_WITHIN, TARGET_EMAIL};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{within, Page, TestApp};

/// Form fields a POST sends besides its token, so that the action succeeds where allowed.
pub(super) fn form_fields(route: &str) -> &'static [(&'static str, &'static str)] {
    match route {
        "/admin/users/{id}/role" => &[("role", "user")],
        "/admin/users/{id}/credits" => &[("delta", "5"), ("reason", "Role matrix check")],
        "/platform/tenants/{slug}/admins" => &[("email", TARGET_EMAIL)],
        // The matrix suspends nocturne (OtherTenantSlug).
        "/platform/tenants/{slug}/suspend" => &[("confirm", "nocturne")],
        // The account is named in the form; the matrix has no invited one to name.
        "/platform/tenants/{slug}/invite" => &[("user", "no-such-account")],
        "/admin/packs" | "/admin/packs/{id}" => &[("credits", "60"), ("price", "179")],
        "/admin/packs/payee" => &[
            ("upi_vpa", "pixelforge@okaxis"),
            ("upi_payee", "PixelForge"),
        ],
        "/admin/payments/{id}/reject" => &[("reason", "No such credit in our statement.")],
        "/language" => &[("language", "hi"), ("next", "/")],
        // The rules a fresh server starts with, saved again.
        "/platform/settings" => &[
            ("size_cap", "4096"),
            ("deadline_minutes", "5"),
            ("retries", "2"),
        ],
        _ => &[],
    }
}

/// A job the API accepts.
fn job_request() -> serde_json::Value {
    serde_json::json!({ "prompt": "a lighthouse", "model": "demo-abstract", "width": 64, "height": 64 })
}

/// Someone asking: a host, the session cookie and form token their browser holds, and the
/// API token their scripts use.
pub(super) struct Visitor {
    pub host: &'static str,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub bearer: Option<String>,
}

impl Visitor {
    /// A browser's session on `host` (signed in or not) and the form token it shows.
    pub async fn of(browser: &mut Browser<'_>, form_page: &str, bearer: Option<String>) -> Visitor {
        let page = browser.get(form_page).await;
        let csrf = csrf_token(&page)
            .unwrap_or_else(|| panic!("no form token on {}{form_page}", browser.host));
        Visitor {
            host: host_name(&browser.host),
            cookie: browser.cookie_header(),
            csrf: Some(csrf),
            bearer,
        }
    }
}

fn host_name(host: &str) -> &'static str {
    match host {
        "pixelforge.test" => "pixelforge.test",
        "nocturne.test" => "nocturne.test",
        "platform.localhost" => "platform.localhost",
        other => panic!("unknown test host {other}"),
    }
}

/// Sends one request as `visitor`: the API with the visitor's token (else cookie), pages
/// with the cookie and, for POST, the visitor's form token as a same-origin browser would.
pub(super) async fn ask(
    app: &TestApp,
    visitor: &Visitor,
    method: &Method,
    path: &str,
    fields: &[(&str, &str)],
) -> Page {
    let api = path.starts_with("/api/");
    let mut request = app
        .client
        .request(method.clone(), app.url(path))
        .header("host", visitor.host);
    match (&visitor.bearer, &visitor.cookie) {
        (Some(token), _) if api => {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        (_, Some(cookie)) => request = request.header("cookie", cookie),
        _ => {}
    }
    if *method == Method::POST {
        if api {
            request = request
                .header("content-type", "application/json")
                .body(job_request().to_string());
        } else {
            let mut form = vec![("csrf_token", visitor.csrf.as_deref().unwrap_or(""))];
            form.extend_from_slice(fields);
            request = request.form(&form).header("sec-fetch-site", "same-origin");
        }
    }
    let answer = async {
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        Page::read(response).await
    };
    within(
        ANSWER_WITHIN,
        format!("the answer to {method} {path} on {}", visitor.host),
        answer,
    )
    .await
}
