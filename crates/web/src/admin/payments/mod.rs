//! The tenant admin's payment desk: pending requests, decisions, exports and the bank
//! statement. Every decision, from a button or a confirmed statement match, goes through
//! [`decide::decide`].

mod decide;
mod statement;

pub(crate) use decide::decide;
pub(crate) use statement::{routes as statement_routes, upload_limit};
