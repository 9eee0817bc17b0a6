//! The role matrix, generated from the router: every route `atelier_web::routes` lists (the
//! routes the router is built from), with every method it answers, asked by every kind of
//! visitor, and each answer checked against the tables below. A route the router serves
//! without a row here, a row for a route it no longer serves, and a guarded route the
//! access policy grants to no one each fail the test by name.

use std::collections::HashMap;
use std::time::Duration;

use atelier_domain::{hash_token, Clock, Email, NewPassword, Role, User};
use atelier_store::NewUser;
use atelier_web::{Access, ServedRoute};
use atelier_worker::DemoBackend;
use reqwest::Method;

use crate::accounts::{set_tenant, user_by_email};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

const PASSWORD: &str = "violet kettle under moonlight";
/// The account the admin routes act on; none of the visitors.
const TARGET_EMAIL: &str = "target@pixelforge.example";
/// How long any one request may take before the test fails instead of hanging.
const ANSWER_WITHIN: Duration = Duration::from_secs(20);

on_both_databases!(
    every_route_answers_every_role_as_the_matrix_says,
    malformed_ids_are_not_found_on_pages_and_in_the_api,
);

pub async fn create_super_admin(app: &TestApp, email: &str) {
    let password = NewPassword::parse(PASSWORD, &[]).unwrap_or_else(|e| panic!("{e}"));
    let hash = atelier_domain::hash_password(&password).unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .create_user(
            &NewUser {
                tenant_id: None,
                email: Email::parse(email).unwrap_or_else(|e| panic!("{e}")),
                name: "Root".into(),
                password_hash: hash,
                role: Role::SuperAdmin,
                signup_bonus: 0,
                bonus_now: false,
                signup_ip: String::new(),
            },
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

async fn make_admin(app: &TestApp, user: &User) {
    app.state
        .store
        .set_user_role(
            user.tenant_id.unwrap_or_else(|| panic!("tenant")),
            user.id,
            Role::TenantAdmin,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

/// What a visitor should get back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A plain status (200, 401, 404, 422, ...).
    Status(u16),
    /// A redirect to the sign-in page.
    Login,
    /// A redirect anywhere else: a form's success, or "you are already in".
    Done,
}

const OK: Expect = Expect::Status(200);
const ACCEPTED: Expect = Expect::Status(202);
const UNAUTHORIZED: Expect = Expect::Status(401);
const FORBIDDEN: Expect = Expect::Status(403);
const NOT_FOUND: Expect = Expect::Status(404);
const UNPROCESSABLE: Expect = Expect::Status(422);
const LOGIN: Expect = Expect::Login;
const DONE: Expect = Expect::Done;

fn classify(page: &Page) -> Expect {
    match page.status {
        302 | 303 | 307 if page.header("location").starts_with("/login") => LOGIN,
        302 | 303 | 307 => DONE,
        status => Expect::Status(status),
    }
}

/// What fills a route's path parameter: objects made for the test, and text that is no id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Id {
    /// The route has no parameter.
    NoParam,
    UsersJob,
    AdminsJob,
    OtherTenantsJob,
    UsersImage,
    AdminsImage,
    OtherTenantsImage,
    UsersToken,
    AdminsToken,
    OtherTenantsToken,
    TargetAccount,
    OtherTenantsAccount,
    TenantSlug,
    ThemeFile,
    /// Text that parses as no id at all.
    Malformed,
}
use Id::*;

/// (method, route as declared in the router, the ids to try and what each visitor gets).
/// HEAD answers as GET does and shares its row.
type Row<const N: usize> = (&'static str, &'static str, &'static [(Id, [Expect; N])]);

/// The visitors of a tenant's site (pixelforge), in the order of the columns below.
const TENANT_VISITORS: [&str; 6] = [
    "anonymous",
    "user",
    "disabled user",
    "tenant admin",
    "another tenant's admin",
    "super-admin",
];

// Columns: anonymous, user, disabled user, tenant admin, another tenant's admin, super-admin.
// A disabled account's session and another tenant's session carry nothing here: both are
// anonymous, and their old form tokens match no session (403 where the form is open).
const EVERYONE: [Expect; 6] = [OK; 6];
const NO_ONE: [Expect; 6] = [NOT_FOUND; 6];
const MEMBERS: [Expect; 6] = [LOGIN, OK, LOGIN, OK, LOGIN, OK];
const SIGNED_OUT_ONLY: [Expect; 6] = [OK, DONE, OK, DONE, OK, DONE];
const OPEN_FORM_422: [Expect; 6] = [
    UNPROCESSABLE,
    UNPROCESSABLE,
    FORBIDDEN,
    UNPROCESSABLE,
    FORBIDDEN,
    UNPROCESSABLE,
];
const MEMBERS_422: [Expect; 6] = [
    LOGIN,
    UNPROCESSABLE,
    LOGIN,
    UNPROCESSABLE,
    LOGIN,
    UNPROCESSABLE,
];
const MEMBERS_DONE: [Expect; 6] = [LOGIN, DONE, LOGIN, DONE, LOGIN, DONE];
/// Jobs and images the user owns: the owner, the tenant's admins and super-admins see them.
const USERS_OBJECT: [Expect; 6] = [LOGIN, OK, LOGIN, OK, LOGIN, OK];
/// The tenant admin's own: another user's, so hidden from the user.
const ADMINS_OBJECT: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, OK, LOGIN, OK];
/// Another tenant's, or no id at all: nobody here finds it.
const NOBODYS: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
/// Only the owner may act on these (cancel a job, revoke a token).
const USERS_ONLY: [Expect; 6] = [LOGIN, DONE, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
const ADMINS_ONLY: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, DONE, LOGIN, NOT_FOUND];
const ADMIN_PAGE: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, OK, LOGIN, OK];
const ADMIN_ACTION: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, DONE, LOGIN, DONE];
const ADMIN_ACTION_404: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
// The API takes bearer tokens only: the disabled account's token and the other tenant's are
// refused; the super-admin has no token and its cookie is not enough.
const TOKEN_OWNERS: [Expect; 6] = [
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
const USERS_BY_TOKEN: [Expect; 6] = [
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
const ADMINS_BY_TOKEN: [Expect; 6] = [
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
const NOBODYS_BY_TOKEN: [Expect; 6] = [
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    UNAUTHORIZED,
];

const TENANT_MATRIX: &[Row<6>] = &[
    ("GET", "/", &[(NoParam, EVERYONE)]),
    ("GET", "/faq", &[(NoParam, EVERYONE)]),
    ("GET", "/privacy", &[(NoParam, EVERYONE)]),
    ("GET", "/terms", &[(NoParam, EVERYONE)]),
    ("GET", "/register", &[(NoParam, SIGNED_OUT_ONLY)]),
    ("POST", "/register", &[(NoParam, OPEN_FORM_422)]),
    ("GET", "/login", &[(NoParam, SIGNED_OUT_ONLY)]),
    (
        "POST",
        "/login",
        &[(
            NoParam,
            [
                UNAUTHORIZED,
                UNAUTHORIZED,
                FORBIDDEN,
                UNAUTHORIZED,
                FORBIDDEN,
                UNAUTHORIZED,
            ],
        )],
    ),
    (
        "POST",
        "/logout",
        &[(NoParam, [DONE, DONE, FORBIDDEN, DONE, FORBIDDEN, DONE])],
    ),
    ("GET", "/forgot-password", &[(NoParam, EVERYONE)]),
    ("POST", "/forgot-password", &[(NoParam, OPEN_FORM_422)]),
    // Without a link's token there is nothing to reset or verify.
    ("GET", "/reset-password", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/reset-password",
        &[(
            NoParam,
            [
                NOT_FOUND, NOT_FOUND, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND,
            ],
        )],
    ),
    ("GET", "/verify-email", &[(NoParam, NO_ONE)]),
    ("GET", "/account", &[(NoParam, MEMBERS)]),
    ("POST", "/account/password", &[(NoParam, MEMBERS_422)]),
    ("POST", "/account/verification", &[(NoParam, MEMBERS_DONE)]),
    ("POST", "/account/tokens", &[(NoParam, MEMBERS_422)]),
    (
        "POST",
        "/account/tokens/{id}/revoke",
        &[
            (UsersToken, USERS_ONLY),
            (AdminsToken, ADMINS_ONLY),
            (OtherTenantsToken, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    ("GET", "/generate", &[(NoParam, MEMBERS)]),
    ("POST", "/generate", &[(NoParam, MEMBERS_422)]),
    ("GET", "/history", &[(NoParam, MEMBERS)]),
    (
        "GET",
        "/jobs/{id}",
        &[
            (UsersJob, USERS_OBJECT),
            (AdminsJob, ADMINS_OBJECT),
            (OtherTenantsJob, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "GET",
        "/jobs/{id}/events",
        &[
            (UsersJob, USERS_OBJECT),
            (AdminsJob, ADMINS_OBJECT),
            (OtherTenantsJob, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "POST",
        "/jobs/{id}/cancel",
        &[
            (UsersJob, USERS_ONLY),
            (AdminsJob, ADMINS_ONLY),
            (OtherTenantsJob, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "GET",
        "/images/{id}",
        &[
            (UsersImage, USERS_OBJECT),
            (AdminsImage, ADMINS_OBJECT),
            (OtherTenantsImage, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "GET",
        "/images/{id}/thumb",
        &[
            (UsersImage, USERS_OBJECT),
            (AdminsImage, ADMINS_OBJECT),
            (OtherTenantsImage, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "GET",
        "/admin",
        &[(NoParam, [LOGIN, FORBIDDEN, LOGIN, DONE, LOGIN, DONE])],
    ),
    ("GET", "/admin/users", &[(NoParam, ADMIN_PAGE)]),
    (
        "POST",
        "/admin/users/{id}/disable",
        &[
            (TargetAccount, ADMIN_ACTION),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/users/{id}/enable",
        &[
            (TargetAccount, ADMIN_ACTION),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/users/{id}/role",
        &[
            (TargetAccount, ADMIN_ACTION),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    // The platform console exists only on the platform host.
    ("GET", "/platform", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/platform/tenants/{slug}/admins",
        &[(TenantSlug, NO_ONE), (Malformed, NO_ONE)],
    ),
    ("GET", "/api/v1/jobs", &[(NoParam, TOKEN_OWNERS)]),
    (
        "POST",
        "/api/v1/jobs",
        &[(
            NoParam,
            [
                UNAUTHORIZED,
                ACCEPTED,
                UNAUTHORIZED,
                ACCEPTED,
                UNAUTHORIZED,
                UNAUTHORIZED,
            ],
        )],
    ),
    (
        "GET",
        "/api/v1/jobs/{id}",
        &[
            (UsersJob, USERS_BY_TOKEN),
            (AdminsJob, ADMINS_BY_TOKEN),
            (OtherTenantsJob, NOBODYS_BY_TOKEN),
            (Malformed, NOBODYS_BY_TOKEN),
        ],
    ),
    ("GET", "/api/v1/me", &[(NoParam, TOKEN_OWNERS)]),
    ("GET", "/api/v1/models", &[(NoParam, TOKEN_OWNERS)]),
    ("GET", "/brand.css", &[(NoParam, EVERYONE)]),
    ("GET", "/static/default/{*path}", &[(ThemeFile, EVERYONE)]),
    ("GET", "/static/noir/{*path}", &[(ThemeFile, EVERYONE)]),
    ("GET", "/healthz", &[(NoParam, EVERYONE)]),
    ("GET", "/readyz", &[(NoParam, EVERYONE)]),
];

/// The visitors of the platform host, in the order of the columns below.
const PLATFORM_VISITORS: [&str; 3] = ["anonymous", "a tenant admin's session", "super-admin"];

// Columns: anonymous, a tenant admin's session (nothing on the platform), super-admin.
const P_EVERYONE: [Expect; 3] = [OK; 3];
const P_NO_ONE: [Expect; 3] = [NOT_FOUND; 3];

const PLATFORM_MATRIX: &[Row<3>] = &[
    ("GET", "/", &[(NoParam, P_EVERYONE)]),
    ("GET", "/faq", &[(NoParam, P_NO_ONE)]),
    ("GET", "/privacy", &[(NoParam, P_NO_ONE)]),
    ("GET", "/terms", &[(NoParam, P_NO_ONE)]),
    ("GET", "/register", &[(NoParam, P_NO_ONE)]),
    ("POST", "/register", &[(NoParam, P_NO_ONE)]),
    ("GET", "/login", &[(NoParam, [OK, OK, DONE])]),
    (
        "POST",
        "/login",
        &[(NoParam, [UNAUTHORIZED, FORBIDDEN, UNAUTHORIZED])],
    ),
    ("POST", "/logout", &[(NoParam, [DONE, FORBIDDEN, DONE])]),
    ("GET", "/forgot-password", &[(NoParam, P_NO_ONE)]),
    ("POST", "/forgot-password", &[(NoParam, P_NO_ONE)]),
    ("GET", "/reset-password", &[(NoParam, P_NO_ONE)]),
    ("POST", "/reset-password", &[(NoParam, P_NO_ONE)]),
    ("GET", "/verify-email", &[(NoParam, P_NO_ONE)]),
    ("GET", "/account", &[(NoParam, P_NO_ONE)]),
    ("POST", "/account/password", &[(NoParam, P_NO_ONE)]),
    ("POST", "/account/verification", &[(NoParam, P_NO_ONE)]),
    ("POST", "/account/tokens", &[(NoParam, P_NO_ONE)]),
    (
        "POST",
        "/account/tokens/{id}/revoke",
        &[(UsersToken, P_NO_ONE)],
    ),
    ("GET", "/generate", &[(NoParam, P_NO_ONE)]),
    ("POST", "/generate", &[(NoParam, P_NO_ONE)]),
    ("GET", "/history", &[(NoParam, P_NO_ONE)]),
    ("GET", "/jobs/{id}", &[(UsersJob, P_NO_ONE)]),
    ("GET", "/jobs/{id}/events", &[(UsersJob, P_NO_ONE)]),
    ("POST", "/jobs/{id}/cancel", &[(UsersJob, P_NO_ONE)]),
    ("GET", "/images/{id}", &[(UsersImage, P_NO_ONE)]),
    ("GET", "/images/{id}/thumb", &[(UsersImage, P_NO_ONE)]),
    ("GET", "/admin", &[(NoParam, P_NO_ONE)]),
    ("GET", "/admin/users", &[(NoParam, P_NO_ONE)]),
    (
        "POST",
        "/admin/users/{id}/disable",
        &[(TargetAccount, P_NO_ONE)],
    ),
    (
        "POST",
        "/admin/users/{id}/enable",
        &[(TargetAccount, P_NO_ONE)],
    ),
    (
        "POST",
        "/admin/users/{id}/role",
        &[(TargetAccount, P_NO_ONE)],
    ),
    ("GET", "/platform", &[(NoParam, [LOGIN, LOGIN, OK])]),
    (
        "POST",
        "/platform/tenants/{slug}/admins",
        &[
            (TenantSlug, [LOGIN, LOGIN, DONE]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    // The API belongs to tenants' sites.
    ("GET", "/api/v1/jobs", &[(NoParam, P_NO_ONE)]),
    ("POST", "/api/v1/jobs", &[(NoParam, P_NO_ONE)]),
    ("GET", "/api/v1/jobs/{id}", &[(UsersJob, P_NO_ONE)]),
    ("GET", "/api/v1/me", &[(NoParam, P_NO_ONE)]),
    ("GET", "/api/v1/models", &[(NoParam, P_NO_ONE)]),
    ("GET", "/brand.css", &[(NoParam, P_EVERYONE)]),
    ("GET", "/static/default/{*path}", &[(ThemeFile, P_EVERYONE)]),
    ("GET", "/static/noir/{*path}", &[(ThemeFile, P_EVERYONE)]),
    ("GET", "/healthz", &[(NoParam, P_EVERYONE)]),
    ("GET", "/readyz", &[(NoParam, P_EVERYONE)]),
];

/// Form fields a POST sends besides its token, so that the action succeeds where allowed.
fn form_fields(route: &str) -> &'static [(&'static str, &'static str)] {
    match route {
        "/admin/users/{id}/role" => &[("role", "user")],
        "/platform/tenants/{slug}/admins" => &[("email", TARGET_EMAIL)],
        _ => &[],
    }
}

/// A job the API accepts.
fn job_request() -> serde_json::Value {
    serde_json::json!({ "prompt": "a lighthouse", "model": "demo-abstract", "width": 64, "height": 64 })
}

/// Someone asking: a host, the session cookie and form token their browser holds, and the
/// API token their scripts use.
struct Visitor {
    host: &'static str,
    cookie: Option<String>,
    csrf: Option<String>,
    bearer: Option<String>,
}

impl Visitor {
    /// A browser's session on `host` (signed in or not) and the form token it shows.
    async fn of(browser: &mut Browser<'_>, form_page: &str, bearer: Option<String>) -> Visitor {
        let page = browser.get(form_page).await;
        let csrf = csrf_token(&page)
            .unwrap_or_else(|| panic!("no form token on {}{form_page}", browser.host));
        Visitor {
            host: host_name(&browser.host),
            cookie: browser.cookie.clone(),
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
async fn ask(
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
    tokio::time::timeout(ANSWER_WITHIN, answer)
        .await
        .unwrap_or_else(|_| panic!("{method} {path} did not answer within {ANSWER_WITHIN:?}"))
}

/// The route with its parameter (`{id}`, `{slug}`, `{*path}`) replaced by `value`.
fn fill(route: &str, value: Option<&str>) -> Result<String, String> {
    match (route.find('{'), value) {
        (None, None) => Ok(route.to_owned()),
        (Some(start), Some(value)) => {
            let end = route[start..]
                .find('}')
                .map(|i| start + i + 1)
                .ok_or_else(|| format!("{route}: unclosed parameter"))?;
            if route[end..].contains('{') {
                return Err(format!("{route}: the matrix fills one parameter only"));
            }
            Ok(format!("{}{value}{}", &route[..start], &route[end..]))
        }
        (Some(_), None) => Err(format!("{route} has a parameter; its row needs ids")),
        (None, Some(_)) => Err(format!("{route} has no parameter; its row names an id")),
    }
}

/// The policy's method for a served one: HEAD is answered as GET.
fn policy_method(method: &Method) -> &str {
    if *method == Method::HEAD {
        "GET"
    } else {
        method.as_str()
    }
}

/// Asks every served route of `table`'s site as each of `visitors`; returns what differs.
async fn walk<const N: usize>(
    app: &TestApp,
    routes: &[&ServedRoute],
    table: &[Row<N>],
    visitors: &[(&str, &Visitor); N],
    ids: &HashMap<Id, String>,
) -> Vec<String> {
    let site = visitors[0].1.host;
    let mut problems = Vec::new();
    for route in routes {
        let method = policy_method(&route.method);
        let Some((_, _, cases)) = table
            .iter()
            .find(|(m, p, _)| *m == method && *p == route.path)
        else {
            problems.push(format!(
                "route {} {} is served but has no expectation in the role matrix of {site}",
                route.method, route.path
            ));
            continue;
        };
        for (id, expected) in *cases {
            let value = match id {
                Id::NoParam => None,
                id => Some(
                    ids.get(id)
                        .unwrap_or_else(|| panic!("the test made no {id:?}"))
                        .as_str(),
                ),
            };
            let path = match fill(&route.path, value) {
                Ok(path) => path,
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            for ((who, visitor), want) in visitors.iter().zip(expected) {
                let page = ask(app, visitor, &route.method, &path, form_fields(&route.path)).await;
                let got = classify(&page);
                if got != *want {
                    problems.push(format!(
                        "{} {path} ({id:?}) on {site} as {who}: expected {want:?}, got {got:?} ({} {}): {}",
                        route.method,
                        page.status,
                        page.header("location"),
                        page.body
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .chars()
                            .take(160)
                            .collect::<String>()
                    ));
                }
            }
        }
    }
    problems
}

/// Rows that name a route the router does not serve: the table must not keep dead routes.
fn stale_rows<const N: usize>(table: &[Row<N>], served: &[ServedRoute], site: &str) -> Vec<String> {
    table
        .iter()
        .filter(|(method, path, _)| {
            !served
                .iter()
                .any(|r| r.method.as_str() == *method && r.path == *path)
        })
        .map(|(method, path, _)| {
            format!("the role matrix of {site} expects {method} {path}, which the router does not serve")
        })
        .collect()
}

/// Guarded routes the policy grants to no one (they would be refused to everyone), and
/// policy lines that match no served route.
fn policy_gaps(app: &TestApp, served: &[ServedRoute]) -> Vec<String> {
    let mut problems = Vec::new();
    let guarded: Vec<&ServedRoute> = served
        .iter()
        .filter(|r| r.access == Access::Policy)
        .collect();
    for route in &guarded {
        // Super-admins inherit every grant on both kinds of site.
        let granted = ["tenant", "platform"].iter().any(|site| {
            app.state.access.allows(
                "super_admin",
                site,
                &route.path,
                policy_method(&route.method),
            )
        });
        if !granted {
            problems.push(format!(
                "route {} {} is served but config/rbac_policy.csv grants it to no one",
                route.method, route.path
            ));
        }
    }
    let policy = std::fs::read_to_string(crate::common::repo_root().join("config/rbac_policy.csv"))
        .unwrap_or_else(|e| panic!("{e}"));
    for line in policy.lines().filter(|l| l.starts_with("p,")) {
        let Some(object) = line.split(',').nth(3).map(str::trim) else {
            continue;
        };
        let matches = |path: &str| match object.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == object,
        };
        if !guarded.iter().any(|r| matches(&r.path)) {
            problems.push(format!(
                "config/rbac_policy.csv grants {object}, which the router does not serve"
            ));
        }
    }
    problems
}

/// The people and objects of the matrix.
struct Cast<'a> {
    app: &'a TestApp,
    /// Sessions by name, as their browsers hold them.
    browsers: HashMap<&'static str, Browser<'a>>,
}

impl<'a> Cast<'a> {
    async fn sign_up(&mut self, name: &'static str, host: &str, email: &str) -> User {
        let mut browser = Browser::new(self.app, host);
        let page = browser.register(email, PASSWORD).await;
        assert_eq!(page.status, 303, "{email}: {}", page.body);
        self.browsers.insert(name, browser);
        let slug = host.trim_end_matches(".test");
        user_by_email(self.app, slug, email).await
    }

    fn browser(&mut self, name: &str) -> &mut Browser<'a> {
        self.browsers
            .get_mut(name)
            .unwrap_or_else(|| panic!("no browser {name}"))
    }

    /// Submits a job through the generate form; returns its id.
    async fn submit_job(&mut self, name: &str) -> String {
        let page = self
            .browser(name)
            .submit(
                "/account",
                "/generate",
                &[
                    ("prompt", "a lighthouse at dusk"),
                    ("negative_prompt", ""),
                    ("model", "demo-abstract"),
                    ("width", "64"),
                    ("height", "64"),
                    ("seed", ""),
                ],
            )
            .await;
        page.header("location")
            .strip_prefix("/generate?job=")
            .unwrap_or_else(|| panic!("{name}'s job was refused: {} {}", page.status, page.body))
            .to_owned()
    }

    /// The image of a finished job, from its status JSON.
    async fn image_of(&mut self, name: &str, job: &str) -> String {
        let page = self.browser(name).get(&format!("/jobs/{job}")).await;
        let json: serde_json::Value =
            serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body));
        json["image_url"]
            .as_str()
            .and_then(|url| url.strip_prefix("/images/"))
            .unwrap_or_else(|| panic!("{name}'s job has no image: {json}"))
            .to_owned()
    }

    /// A live API token of `user`; returns (its id, the token).
    async fn token(&self, user: &User, name: &str) -> (String, String) {
        let token = format!("atl_{}", uuid::Uuid::new_v4().simple());
        let id = self
            .app
            .state
            .store
            .create_api_token(
                user.tenant_id.unwrap_or_else(|| panic!("tenant")),
                user.id,
                name,
                &hash_token(&token),
                self.app.clock.now(),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        (id.to_string(), token)
    }
}

async fn every_route_answers_every_role_as_the_matrix_says(db: Db) {
    // The matrix signs in and fails sign-ins more often than a person would.
    let app = TestApp::start_with(
        db,
        "[limits]\nlogin_per_ip_per_minute = 1000\nlogin_per_account_per_hour = 1000\n",
    )
    .await;
    set_tenant(&app, "pixelforge", |s| s.signup_limit_per_ip = 10).await;
    let mut cast = Cast {
        app: &app,
        browsers: HashMap::new(),
    };
    let pixelforge = "pixelforge.test";
    let user = cast
        .sign_up("user", pixelforge, "user@pixelforge.example")
        .await;
    let disabled = cast
        .sign_up("disabled", pixelforge, "disabled@pixelforge.example")
        .await;
    let admin = cast
        .sign_up("admin", pixelforge, "admin@pixelforge.example")
        .await;
    make_admin(&app, &admin).await;
    let target = cast.sign_up("target", pixelforge, TARGET_EMAIL).await;
    let other_admin = cast
        .sign_up("other admin", "nocturne.test", "admin@nocturne.example")
        .await;
    make_admin(&app, &other_admin).await;
    let other_user = cast
        .sign_up("other user", "nocturne.test", "user@nocturne.example")
        .await;
    create_super_admin(&app, "root@example.com").await;
    for (name, host) in [
        ("root", pixelforge),
        ("root platform", "platform.localhost"),
    ] {
        let mut browser = Browser::new(&app, host);
        let page = browser.login("root@example.com", PASSWORD).await;
        assert_eq!(page.status, 303, "super-admin sign-in on {host}");
        cast.browsers.insert(name, browser);
    }

    // A finished job (with its image) each for the user, the admin and another tenant's user.
    let worker = app.worker(std::sync::Arc::new(DemoBackend::default()));
    let jobs = [
        cast.submit_job("user").await,
        cast.submit_job("admin").await,
        cast.submit_job("other user").await,
    ];
    for _ in &jobs {
        let ran = tokio::time::timeout(ANSWER_WITHIN, worker.run_once()).await;
        assert!(
            matches!(ran, Ok(Ok(true))),
            "the worker did not finish a job"
        );
    }
    let images = [
        cast.image_of("user", &jobs[0]).await,
        cast.image_of("admin", &jobs[1]).await,
        cast.image_of("other user", &jobs[2]).await,
    ];
    // Tokens the visitors' scripts use, and others to name in revoke paths.
    let (_, user_key) = cast.token(&user, "script").await;
    let (_, disabled_key) = cast.token(&disabled, "script").await;
    let (_, admin_key) = cast.token(&admin, "script").await;
    let (_, other_admin_key) = cast.token(&other_admin, "script").await;
    let (users_token, _) = cast.token(&user, "spare").await;
    let (admins_token, _) = cast.token(&admin, "spare").await;
    let (other_tenants_token, _) = cast.token(&other_user, "spare").await;

    let ids: HashMap<Id, String> = [
        (UsersJob, jobs[0].clone()),
        (AdminsJob, jobs[1].clone()),
        (OtherTenantsJob, jobs[2].clone()),
        (UsersImage, images[0].clone()),
        (AdminsImage, images[1].clone()),
        (OtherTenantsImage, images[2].clone()),
        (UsersToken, users_token),
        (AdminsToken, admins_token),
        (OtherTenantsToken, other_tenants_token),
        (TargetAccount, target.id.to_string()),
        (OtherTenantsAccount, other_user.id.to_string()),
        (TenantSlug, "pixelforge".to_owned()),
        (ThemeFile, "css/site.css".to_owned()),
        (Malformed, "not-an-id".to_owned()),
    ]
    .into_iter()
    .collect();

    // The visitors, each holding the session and form token they had; the disabled
    // account's are taken before it is disabled, as an open tab would keep them.
    let mut anonymous = Browser::new(&app, pixelforge);
    let mut platform_anonymous = Browser::new(&app, "platform.localhost");
    let disabled_visitor = Visitor::of(cast.browser("disabled"), "/", Some(disabled_key)).await;
    app.state
        .store
        .set_user_disabled(
            disabled.tenant_id.unwrap_or_else(|| panic!("tenant")),
            disabled.id,
            true,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app.state.api_tokens.invalidate_all();
    let admin_visitor = Visitor::of(cast.browser("admin"), "/", Some(admin_key)).await;
    let admin_on_platform = Visitor {
        host: "platform.localhost",
        ..Visitor::of(cast.browser("admin"), "/", None).await
    };
    let tenant_visitors = [
        Visitor::of(&mut anonymous, "/login", None).await,
        Visitor::of(cast.browser("user"), "/", Some(user_key)).await,
        disabled_visitor,
        admin_visitor,
        Visitor {
            host: pixelforge,
            ..Visitor::of(cast.browser("other admin"), "/", Some(other_admin_key)).await
        },
        Visitor::of(cast.browser("root"), "/", None).await,
    ];
    let platform_visitors = [
        Visitor::of(&mut platform_anonymous, "/login", None).await,
        admin_on_platform,
        Visitor::of(cast.browser("root platform"), "/platform", None).await,
    ];
    let tenant_visitors: [(&str, &Visitor); 6] =
        std::array::from_fn(|i| (TENANT_VISITORS[i], &tenant_visitors[i]));
    let platform_visitors: [(&str, &Visitor); 3] =
        std::array::from_fn(|i| (PLATFORM_VISITORS[i], &platform_visitors[i]));

    let served = atelier_web::routes(&app.state);
    let mut problems = policy_gaps(&app, &served);
    problems.extend(stale_rows(TENANT_MATRIX, &served, pixelforge));
    problems.extend(stale_rows(PLATFORM_MATRIX, &served, "platform.localhost"));
    // Signing out ends the visitors' sessions, so it is asked last, on both sites.
    let (ends_sessions, others): (Vec<&ServedRoute>, Vec<&ServedRoute>) = served
        .iter()
        .partition(|r| r.method == Method::POST && r.path == "/logout");
    for routes in [&others, &ends_sessions] {
        problems.extend(walk(&app, routes, TENANT_MATRIX, &tenant_visitors, &ids).await);
        problems.extend(walk(&app, routes, PLATFORM_MATRIX, &platform_visitors, &ids).await);
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    // The answers were the actions themselves: the platform made the target an admin,
    // after the tenant admin had made it a plain user.
    assert_eq!(
        user_by_email(&app, "pixelforge", TARGET_EMAIL).await.role,
        Role::TenantAdmin
    );
}

async fn malformed_ids_are_not_found_on_pages_and_in_the_api(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("user@pixelforge.example", PASSWORD).await;
    let user = user_by_email(&app, "pixelforge", "user@pixelforge.example").await;
    let cast = Cast {
        app: &app,
        browsers: HashMap::new(),
    };
    let (_, key) = cast.token(&user, "script").await;

    for path in [
        "/jobs/not-an-id",
        "/jobs/12345/events",
        "/images/..%2F..%2Fetc/thumb",
        "/images/0190b2c4-5e6f-7a8b-9c0d",
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, 404, "GET {path}");
        assert!(
            page.header("content-type").starts_with("text/html"),
            "GET {path}: {}",
            page.header("content-type")
        );
        page.assert_contains("Page not found");
    }
    for (action, path) in [
        ("/account", "/jobs/not-an-id/cancel"),
        ("/account", "/account/tokens/not-an-id/revoke"),
    ] {
        let page = browser.submit(action, path, &[]).await;
        assert_eq!(page.status, 404, "POST {path}");
        page.assert_contains("Page not found");
    }

    let api = Visitor {
        host: "pixelforge.test",
        cookie: None,
        csrf: None,
        bearer: Some(key),
    };
    let unknown = format!("/api/v1/jobs/{}", uuid::Uuid::now_v7());
    for path in [
        "/api/v1/jobs/not-an-id",
        "/api/v1/jobs/42",
        unknown.as_str(),
    ] {
        let page = ask(&app, &api, &Method::GET, path, &[]).await;
        assert_eq!(page.status, 404, "GET {path}: {}", page.body);
        let json: serde_json::Value = serde_json::from_str(&page.body)
            .unwrap_or_else(|e| panic!("GET {path} is not JSON ({e}): {}", page.body));
        assert_eq!(json["error"]["code"], "not_found", "GET {path}: {json}");
    }
    // A query the API cannot read is its JSON error too, not axum's text.
    let page = ask(&app, &api, &Method::GET, "/api/v1/jobs?limit=many", &[]).await;
    assert_eq!(page.status, 422, "{}", page.body);
    let json: serde_json::Value =
        serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body));
    assert_eq!(json["error"]["code"], "invalid_query", "{json}");
}
