//! End-to-end tests over HTTP, each on SQLite and on PostgreSQL.

mod common;

mod access;
mod accounts;
mod admin;
mod api;
mod cli;
mod jobs;
mod languages;
mod links;
mod live_browser;
mod migrations;
mod pages;
mod payments;
mod platform;
mod security_http;
mod security_limits;
mod security_tokens;
mod supervisor;
mod tenancy;
mod workers;
