//! Buying credits by UPI, over HTTP.

mod statement;
