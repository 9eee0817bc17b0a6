//! The tenant admin's console: the dashboard.

mod branding;
mod dashboard;
