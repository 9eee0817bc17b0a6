//! The tenant admin's console: the dashboard.

mod dashboard;
mod jobs;
