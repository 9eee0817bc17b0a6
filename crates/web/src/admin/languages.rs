//! `/admin/languages`: the languages a tenant's site speaks. The default is what visitors
//! see when their browser asks for none the site offers, and what mail to people who chose
//! no language is written in; readers pick among the offered ones in the footer.

use atelier_domain::{msg, Lang};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::accounts::FormErrors;
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::AppError;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Done {
    done: String,
}

/// Each shipped language, as the form lists it.
fn choices(default: Lang, offered: &[Lang]) -> Vec<minijinja::Value> {
    Lang::ALL
        .iter()
        .map(|l| {
            minijinja::context! {
                code => l.code(),
                name => l.native_name(),
                offered => offered.contains(l),
                default => *l == default,
            }
        })
        .collect()
}

async fn render(
    page: &Page,
    default: Lang,
    offered: &[Lang],
    errors: FormErrors,
    saved: bool,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = minijinja::context! {
        choices => choices(default, offered),
        errors => errors,
        saved => saved,
    };
    let Html(body) = page.render_form("admin/languages.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

pub(crate) async fn show(
    page: Page,
    PageQuery(done): PageQuery<Done>,
) -> Result<Response, AppError> {
    let settings = &page.tenant()?.tenant.settings;
    let (default, offered) = (settings.default_language, settings.languages.clone());
    render(
        &page,
        default,
        &offered,
        FormErrors::new(),
        done.done == "saved",
        StatusCode::OK,
    )
    .await
}

/// The form: `default` (one code) and `offered` (a checkbox per language, repeated).
pub(crate) async fn save(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let tenant = page.tenant()?.tenant.id;
    let default = form
        .iter()
        .find(|(k, _)| k == "default")
        .and_then(|(_, v)| Lang::parse(v));
    let offered: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| {
            form.iter()
                .any(|(k, v)| k == "offered" && Lang::parse(v) == Some(*l))
        })
        .collect();
    let mut errors = FormErrors::new();
    match default {
        None => {
            errors.insert("default", page.tr(&msg!("admin-languages-choose-default")));
        }
        Some(d) if !offered.contains(&d) => {
            let language = d.native_name();
            errors.insert(
                "default",
                page.tr(&msg!(
                    "admin-languages-default-not-offered",
                    language = language
                )),
            );
        }
        Some(_) => {}
    }
    let Some(default) = default.filter(|_| errors.is_empty()) else {
        let shown_default = default.unwrap_or(page.lang);
        return render(
            &page,
            shown_default,
            &offered,
            errors,
            false,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = page.state.clock.now();
    page.state
        .store
        .set_languages(tenant, default, &offered, &audit_actor(&me, ip), now)
        .await?;
    page.state.tenants.forget_tenant(tenant).await;
    tracing::info!(admin = %me.id, default = %default, "site languages changed");
    Ok(Redirect::to("/admin/languages?done=saved").into_response())
}
