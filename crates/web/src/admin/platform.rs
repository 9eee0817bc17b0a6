use std::collections::HashMap;

use atelier_domain::{msg, Email, Role, Slug};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::accounts::FormErrors;
use crate::admin::tenants::platform_only;
use crate::admin::{notice_query, notice_vouched};
use crate::auth::{CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

#[derive(Serialize)]
struct TenantRow {
    slug: String,
    name: String,
    status: &'static str,
    theme: String,
    domains: Vec<String>,
    url: String,
    users: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ConsoleQuery {
    added: String,
    /// The site's slug, for the notice.
    site: String,
    /// This server's signature of both (see `admin::notice_query`).
    n: String,
}

async fn render_console(
    page: &Page,
    notice: Option<String>,
    errors: FormErrors,
    form: minijinja::Value,
) -> Result<Html<String>, AppError> {
    let state = &page.state;
    let counts: HashMap<_, _> = state.store.user_counts().await?.into_iter().collect();
    let tenants: Vec<TenantRow> = state
        .store
        .list_tenants()
        .await?
        .into_iter()
        .map(|site| {
            let t = &site.tenant;
            let host = format!("{}.{}", t.slug, state.settings.base_domain);
            // Every host the site answers on: its own name under the base domain, its
            // domains, and for the default site the server's loopback names.
            let mut domains = vec![host.clone()];
            domains.extend(site.domains.iter().map(ToString::to_string));
            if t.slug == state.settings.default_tenant {
                domains.extend(["localhost".to_owned(), "127.0.0.1".to_owned()]);
            }
            TenantRow {
                slug: t.slug.to_string(),
                name: t.settings.name.clone(),
                status: t.status.as_str(),
                theme: t.settings.theme.to_string(),
                domains,
                url: state.settings.public_origin(&host),
                users: counts.get(&t.id).copied().unwrap_or(0),
            }
        })
        .collect();
    let ctx = minijinja::context! { tenants => tenants, notice => notice, errors => errors, form => form };
    page.render_form("platform/index.html", ctx).await
}

pub(crate) async fn console(
    page: Page,
    CurrentUser(_): CurrentUser,
    PageQuery(query): PageQuery<ConsoleQuery>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let pairs = [
        ("added", query.added.as_str()),
        ("site", query.site.as_str()),
    ];
    let vouched = !query.added.is_empty() && notice_vouched(&page.state, &pairs, &query.n);
    // The site is named from the database, as it is now.
    let site = match Slug::parse(&query.site) {
        Ok(slug) if vouched => page.state.store.find_tenant_by_slug(&slug).await?,
        _ => None,
    };
    let who = query.added.as_str();
    let notice = vouched.then(|| {
        page.tr(&match site {
            Some(site) => msg!("platform-admin-added", who = who, site = site.settings.name),
            None => msg!("platform-admin-added-own-site", who = who),
        })
    });
    Ok(
        render_console(&page, notice, FormErrors::new(), minijinja::context! {})
            .await?
            .into_response(),
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AdminForm {
    email: String,
}

/// Makes an existing account of a tenant one of its admins.
pub(crate) async fn add_tenant_admin(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: crate::auth::ClientIp,
    PathId(slug): PathId<Slug>,
    CsrfForm(form): CsrfForm<AdminForm>,
) -> Result<Response, AppError> {
    platform_only(&page)?;
    let state = &page.state;
    let tenant = crate::admin::tenants::tenant_at(&page, &slug).await?;
    let refuse = |message: String| async {
        let mut errors = FormErrors::new();
        errors.insert("admin_email", message);
        let form = minijinja::context! { slug => slug.as_str(), email => &form.email };
        let Html(body) = render_console(&page, None, errors, form).await?;
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
    };
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(e) => return refuse(page.tr(&e.message)).await,
    };
    let Some((user, _)) = state
        .store
        .find_credentials(Some(tenant.id), &email)
        .await?
    else {
        return refuse(page.tr(&msg!(
            "platform-no-account",
            email = email.as_str(),
            site = &tenant.settings.name
        )))
        .await;
    };
    state
        .store
        .set_user_role(
            tenant.id,
            user.id,
            Role::TenantAdmin,
            Some(&crate::admin::audit_actor(&me, ip)),
            state.clock.now(),
        )
        .await?;
    tracing::info!(by = %me.id, user = %user.id, tenant = %slug, "tenant admin added");
    let added = notice_query(
        state,
        &[("added", email.as_str()), ("site", tenant.slug.as_str())],
    );
    Ok(Redirect::to(&format!("/platform?{added}")).into_response())
}
