//! The tenant admin's console: the dashboard, users and jobs.

mod branding;
mod dashboard;
mod invitations;
mod jobs;
mod site_words;
mod user_admins;
mod user_deleted;
mod user_forms;
mod users;
