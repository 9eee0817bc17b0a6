use atelier_domain::NewPassword;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::FormErrors;
use crate::auth::{hash_new_password, verify_password_off_thread, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::AppError;

/// Ledger rows per page of the account page.
const LEDGER_PAGE: i64 = 20;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct AccountQuery {
    page: Option<i64>,
    welcome: Option<String>,
    password: Option<String>,
    verification: Option<String>,
}

#[derive(Serialize)]
struct LedgerRow {
    date: String,
    label: &'static str,
    delta: i64,
    reference: String,
}

/// Page numbers and links for a list of `total` rows shown `per_page` at a time.
#[derive(Serialize)]
pub(crate) struct Pagination {
    page: i64,
    pages: i64,
    prev_url: Option<String>,
    next_url: Option<String>,
}

impl Pagination {
    pub(crate) fn new(path: &str, page: i64, per_page: i64, total: i64) -> Self {
        let pages = ((total + per_page - 1) / per_page).max(1);
        let page = page.clamp(1, pages);
        Self {
            page,
            pages,
            prev_url: (page > 1).then(|| format!("{path}?page={}", page - 1)),
            next_url: (page < pages).then(|| format!("{path}?page={}", page + 1)),
        }
    }

    pub(crate) fn offset(&self, per_page: i64) -> i64 {
        (self.page - 1) * per_page
    }
}

async fn render_account(
    page: &Page,
    user: &atelier_domain::User,
    page_number: i64,
    notice: Option<String>,
    errors: FormErrors,
) -> Result<Html<String>, AppError> {
    let store = &page.state.store;
    let (_, total) = store.ledger_page(user.id, 0, 0).await?;
    let pagination = Pagination::new("/account", page_number, LEDGER_PAGE, total);
    let (entries, _) = store
        .ledger_page(user.id, pagination.offset(LEDGER_PAGE), LEDGER_PAGE)
        .await?;
    let ledger: Vec<LedgerRow> = entries
        .into_iter()
        .map(|e| LedgerRow {
            date: e.created_at.display_date(),
            label: e.reason.label(),
            delta: e.delta,
            reference: e.reference,
        })
        .collect();
    let ctx = minijinja::context! {
        ledger => ledger,
        pagination => pagination,
        member_since => user.created_at.display_date(),
        notice => notice,
        errors => errors,
    };
    page.render_form("account.html", ctx).await
}

pub(crate) async fn show(
    page: Page,
    CurrentUser(user): CurrentUser,
    Query(query): Query<AccountQuery>,
) -> Result<Response, AppError> {
    let site = page.tenant()?;
    let settings = &site.tenant.settings;
    let notice = if query.welcome.is_some() {
        Some(if user.bonus_pending {
            format!(
                "Welcome! Confirm your email with the link we sent to {} and your {} free {} will be added.",
                user.email, settings.signup_bonus, settings.credit.plural
            )
        } else if settings.signup_bonus > 0 {
            format!(
                "Welcome! {} have been added to your balance.",
                settings.credit.amount(settings.signup_bonus)
            )
        } else {
            "Welcome! Your account is ready.".to_owned()
        })
    } else if query.password.is_some() {
        Some("Your password was changed. Other devices have been signed out.".to_owned())
    } else if query.verification.is_some() {
        Some(format!(
            "We sent a new confirmation link to {}.",
            user.email
        ))
    } else {
        None
    };
    Ok(render_account(
        &page,
        &user,
        query.page.unwrap_or(1),
        notice,
        FormErrors::new(),
    )
    .await?
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PasswordForm {
    current_password: String,
    new_password: String,
}

pub(crate) async fn change_password(
    page: Page,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<Response, AppError> {
    let state = &page.state;
    let site_name = page.tenant()?.tenant.settings.name.clone();
    let mut errors = FormErrors::new();
    let stored = state
        .store
        .find_credentials(user.tenant_id, &user.email)
        .await?
        .map(|(_, hash)| hash);
    if !verify_password_off_thread(form.current_password.clone(), stored).await {
        errors.insert(
            "current_password",
            "That is not your current password.".to_owned(),
        );
    }
    let new = NewPassword::parse(
        &form.new_password,
        &[user.email.as_str(), user.name.as_str(), site_name.as_str()],
    )
    .map_err(|e| errors.insert("new_password", e.message))
    .ok();
    let Some(new) = new.filter(|_| errors.is_empty()) else {
        let Html(body) = render_account(&page, &user, 1, None, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response());
    };
    let hash = hash_new_password(new).await?;
    state
        .store
        .set_password(
            user.id,
            &hash,
            page.session.id_hash().as_deref(),
            state.clock.now(),
        )
        .await?;
    tracing::info!(user = %user.id, "password changed; other sessions ended");
    Ok(Redirect::to("/account?password=changed").into_response())
}
