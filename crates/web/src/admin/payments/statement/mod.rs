//! Bank-statement matching: an admin uploads the CSV statement the bank exports, sees which
//! pending requests its credits pay (and which differ), and approves the ones they tick.
//! Nothing is approved from the upload itself: the preview's form is the confirmation, and
//! its payment ids are all the approval reads.
//!
//! - `form`: the upload form (bank preset or the admin's own column names, remembered);
//! - `upload`: reading the multipart body, its form token and the file, within the size cap;
//! - `preview`: reading the statement with the chosen mapping;
//! - `review`: what the statement matches, as the preview shows it;
//! - `approve`: approving the ticked requests, each through [`super::decide`].

mod approve;
mod form;
mod preview;
mod review;
mod upload;

use atelier_domain::payments::statement::MAX_STATEMENT_BYTES;
use axum::extract::DefaultBodyLimit;
use axum::http::Method;

use crate::routes::Routes;

/// Where the form is shown and the statement posted.
const STATEMENT_PATH: &str = "/admin/payments/statement";

/// The most of an upload that is read. A statement is at most [`MAX_STATEMENT_BYTES`]; a
/// file a few times larger is still read to its end (and dropped), so the admin gets the
/// form back with a message rather than a connection cut off mid-upload.
const UPLOAD_LIMIT_BYTES: usize = 4 * MAX_STATEMENT_BYTES;

/// The statement routes: the form, the upload and the approval.
pub(crate) fn routes() -> Routes {
    // The upload's own cap is set where every body is capped (`crate::layers`), by
    // [`upload_limit`]; axum's default cap for extractors (2 MB) would cut it shorter.
    let upload = Routes::new()
        .post(STATEMENT_PATH, preview::upload)
        .layer(DefaultBodyLimit::disable());
    Routes::new()
        .get(STATEMENT_PATH, form::show)
        .merge(upload)
        .post("/admin/payments/statement/approve", approve::approve)
}

/// The body limit of a request that uploads a statement, larger than the general one.
pub(crate) fn upload_limit(method: &Method, path: &str) -> Option<usize> {
    (*method == Method::POST && path == STATEMENT_PATH).then_some(UPLOAD_LIMIT_BYTES)
}
