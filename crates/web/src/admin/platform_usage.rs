//! `/platform/usage`: what each tenant does with the platform and what it earns: its
//! people, its images of the last 30 days (made and failed), and the credits it sold with
//! the money they brought, over the same 30 days and all time, with the platform's totals.
//! The 30 days are the admin dashboard's: India's calendar days, today included.

use atelier_store::{india_day, india_day_start, TenantUsage, DASHBOARD_DAYS};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::admin::tenants::platform_only;
use crate::auth::CurrentUser;
use crate::pages::Page;
use crate::AppError;

#[derive(Serialize, Default)]
struct Row {
    slug: String,
    name: String,
    active: bool,
    users: i64,
    succeeded: i64,
    failed: i64,
    credits_sold: i64,
    revenue_paise: i64,
    credits_sold_all: i64,
    revenue_paise_all: i64,
}

pub(crate) async fn show(page: Page, CurrentUser(_): CurrentUser) -> Result<Response, AppError> {
    platform_only(&page)?;
    let store = &page.state.store;
    let today = india_day(page.state.clock.now());
    let since = india_day_start(today - (DASHBOARD_DAYS - 1));
    let usage = store.platform_usage(since).await?;
    let sites = store.list_tenants().await?;
    let rows: Vec<Row> = usage
        .iter()
        .filter_map(|u| {
            let site = sites.iter().find(|s| s.tenant.id == u.tenant)?;
            Some(row(
                site.tenant.slug.to_string(),
                site.tenant.settings.name.clone(),
                site.tenant.status == atelier_domain::TenantStatus::Active,
                u,
            ))
        })
        .collect();
    let total = usage.iter().fold(Row::default(), |mut sum, u| {
        sum.users += u.users;
        sum.succeeded += u.succeeded;
        sum.failed += u.failed;
        sum.credits_sold += u.credits_sold;
        sum.revenue_paise += u.revenue_paise;
        sum.credits_sold_all += u.credits_sold_all;
        sum.revenue_paise_all += u.revenue_paise_all;
        sum
    });
    let ctx = minijinja::context! {
        rows => rows,
        total => total,
        days => DASHBOARD_DAYS,
    };
    Ok(page.render("platform/usage.html", ctx)?.into_response())
}

fn row(slug: String, name: String, active: bool, u: &TenantUsage) -> Row {
    Row {
        slug,
        name,
        active,
        users: u.users,
        succeeded: u.succeeded,
        failed: u.failed,
        credits_sold: u.credits_sold,
        revenue_paise: u.revenue_paise,
        credits_sold_all: u.credits_sold_all,
        revenue_paise_all: u.revenue_paise_all,
    }
}
