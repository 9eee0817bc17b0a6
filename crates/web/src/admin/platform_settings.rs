//! `GET /platform/settings`: the platform's limits, shown with where each is set. They are
//! read, not edited, here: the deadline and the attempts are copied into each job when it is
//! queued from the server's settings file, which every node and worker reads at start, and
//! the size cap bounds every tenant's stored maximum (a rule of the domain crate and a
//! CHECK in the schema). Making them runtime values would move all of that into the
//! database; until a need for it comes, the file is the one place they live.

use atelier_domain::PLATFORM_MAX_IMAGE_SIDE;
use axum::response::{IntoResponse, Response};

use crate::admin::tenants::platform_only;
use crate::auth::CurrentUser;
use crate::pages::Page;
use crate::AppError;

pub(crate) async fn show(page: Page, CurrentUser(_): CurrentUser) -> Result<Response, AppError> {
    platform_only(&page)?;
    let jobs = &page.state.settings.jobs;
    let ctx = minijinja::context! {
        size_cap => PLATFORM_MAX_IMAGE_SIDE,
        deadline_minutes => jobs.deadline_minutes(),
        deadline_secs => jobs.deadline_secs,
        retries => jobs.retries(),
        attempts => jobs.max_attempts,
        active_per_user => jobs.active_per_user,
    };
    Ok(page.render("platform/settings.html", ctx)?.into_response())
}
