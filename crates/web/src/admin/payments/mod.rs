//! The tenant admin's payment desk: pending requests, decisions, exports and the bank
//! statement. Every decision, from a button or a confirmed statement match, goes through
//! [`decide::decide`].

mod actions;
mod decide;
mod desk;
mod export;
mod statement;
mod utr_history;
mod view;

pub(crate) use statement::upload_limit;
pub(crate) use view::parse_days;

use crate::routes::Routes;

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/admin/payments", desk::show)
        .get("/admin/payments/export", export::export)
        .post("/admin/payments/{id}/approve", actions::approve)
        .post("/admin/payments/{id}/reject", actions::reject)
        .merge(statement::routes())
}
