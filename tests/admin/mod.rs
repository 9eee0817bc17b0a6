//! The tenant admin's console: the dashboard, users and jobs.

mod dashboard;
mod users;
mod jobs;
