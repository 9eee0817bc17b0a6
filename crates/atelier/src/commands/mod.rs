//! One module per command of the `atelier` binary, each with its options.

pub mod admin;
pub mod check_config;
pub mod serve;
pub mod tenant;
pub mod worker;
