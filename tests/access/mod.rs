//! The role matrix, generated from the router: every route `atelier_web::routes` lists (the
//! routes the router is built from), with every method it answers, asked by every kind of
//! visitor, and each answer checked against the tables. A route the router serves without a
//! row, a row for a route it no longer serves, and a guarded route the access policy grants
//! to no one each fail the test by name.
//!
//! - `tenant.rs` and `platform.rs`: the tables, one row per route, one column per visitor.
//! - `fixtures.rs`: the accounts, jobs, images, tokens and payments the rows' ids name, made
//!   for real, and each visitor's session.
//! - `visitor.rs`: how one request is asked as a visitor.
//! - this file: the runner, which crosses the router's routes with the tables and reports
//!   every difference at once.

mod fixtures;
mod malformed_ids;
mod platform;
mod tenant;
mod tenant_admin;
mod visitor;

use std::collections::HashMap;
use std::time::Duration;

use atelier_domain::Role;
use atelier_web::{Access, ServedRoute};
use reqwest::Method;

pub use self::fixtures::create_super_admin;
use self::fixtures::Fixtures;
use self::platform::{PLATFORM_MATRIX, PLATFORM_VISITORS};
use self::tenant::{TENANT_MATRIX, TENANT_VISITORS};
use self::tenant_admin::TENANT_ADMIN_MATRIX;
use self::visitor::{ask, form_fields, Visitor};
use crate::accounts::user_by_email;
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

const PASSWORD: &str = "violet kettle under moonlight";
/// The account the admin routes act on; none of the visitors.
const TARGET_EMAIL: &str = "target@pixelforge.example";
/// How long any one request may take before the test fails instead of hanging.
const ANSWER_WITHIN: Duration = Duration::from_secs(20);

on_both_databases!(every_route_answers_every_role_as_the_matrix_says);

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
const CONFLICT: Expect = Expect::Status(409);
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
    UsersPayment,
    OtherTenantsPayment,
    TargetAccount,
    OtherTenantsAccount,
    /// Pending payment requests of the tenant: one for each decision route, so that one
    /// row's answers do not depend on another's.
    PaymentToApprove,
    PaymentToReject,
    TenantSlug,
    /// Nocturne's slug, for the console's suspend and resume.
    OtherTenantSlug,
    /// A second super-admin, for the console's remove.
    SpareSuperAdmin,
    /// Pixelforge's first pack, which a user has bought.
    TenantsPack,
    OtherTenantsPack,
    /// Worker tokens' rows: in pixelforge's own pool, nocturne's, and the shared pool.
    TenantsWorker,
    OtherTenantsWorker,
    SharedWorker,
    ThemeFile,
    /// Text that parses as no id at all.
    Malformed,
}
/// (method, route as declared in the router, the ids to try and what each visitor gets).
/// HEAD answers as GET does and shares its row.
type Row<const N: usize> = (&'static str, &'static str, &'static [(Id, [Expect; N])]);

async fn every_route_answers_every_role_as_the_matrix_says(db: Db) {
    // The matrix signs in and fails sign-ins more often than a person would.
    let app = TestApp::start_with(
        db,
        "[limits]\nlogin_per_ip_per_minute = 1000\nlogin_per_account_per_hour = 1000\n",
    )
    .await;
    let fixtures = Fixtures::make(&app).await;
    let tenant_visitors = columns(TENANT_VISITORS, &fixtures.tenant_visitors);
    let platform_visitors = columns(PLATFORM_VISITORS, &fixtures.platform_visitors);
    let ids = &fixtures.ids;

    let served = atelier_web::routes(&app.state);
    let tenant_rows: Vec<Row<6>> = TENANT_MATRIX
        .iter()
        .chain(TENANT_ADMIN_MATRIX)
        .copied()
        .collect();
    let mut problems = policy_gaps(&app, &served);
    problems.extend(stale_rows(&tenant_rows, &served, "pixelforge.test"));
    problems.extend(stale_rows(PLATFORM_MATRIX, &served, "platform.localhost"));
    // Signing out ends the visitors' sessions, so it is asked last, on both sites.
    let (ends_sessions, others): (Vec<&ServedRoute>, Vec<&ServedRoute>) = served
        .iter()
        .partition(|r| r.method == Method::POST && r.path == "/logout");
    for routes in [&others, &ends_sessions] {
        problems.extend(walk(&app, routes, &tenant_rows, &tenant_visitors, ids).await);
        problems.extend(walk(&app, routes, PLATFORM_MATRIX, &platform_visitors, ids).await);
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

/// A table's columns: the visitor each of its names stands for.
fn columns<'a, const N: usize>(
    names: [&'static str; N],
    visitors: &'a HashMap<&'static str, Visitor>,
) -> [(&'static str, &'a Visitor); N] {
    names.map(|who| {
        let visitor = visitors.get(who).unwrap_or_else(|| {
            panic!("the matrix has a column {who:?}, but fixtures.rs makes no such visitor")
        });
        (who, visitor)
    })
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
        // Super-admins inherit every grant on both kinds of site; the worker API is granted
        // to workers, who are no accounts.
        let granted = ["tenant", "platform"].iter().any(|site| {
            ["super_admin", "worker"].iter().any(|role| {
                app.state
                    .access
                    .allows(role, site, &route.path, policy_method(&route.method))
            })
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
