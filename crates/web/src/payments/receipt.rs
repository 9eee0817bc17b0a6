//! `GET /payments/{id}`: one of the user's payment requests. Waiting, it says what happens
//! next; rejected, why; approved, it is a receipt to print. The owner's page alone: anyone
//! else, an admin included (admins have the desk), finds nothing here.

use atelier_domain::PaymentId;
use axum::response::Html;

use super::PaymentView;
use crate::auth::CurrentUser;
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

pub(crate) async fn show(
    page: Page,
    CurrentUser(user): CurrentUser,
    PathId(id): PathId<PaymentId>,
) -> Result<Html<String>, AppError> {
    let tenant = &page.tenant()?.tenant;
    let record = page
        .state
        .store
        .find_payment(tenant.id, Some(user.id), id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Where the money went is the UPI ID the buyer was shown (kept on the request), not the
    // one the site has now.
    page.render(
        "payment.html",
        minijinja::context! {
            payment => PaymentView::new(&record, &tenant.settings.credit, page.lang),
        },
    )
}
