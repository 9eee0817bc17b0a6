//! Buying credits with UPI over HTTP, one file per area.

mod packs;
