//! The platform console (`/platform` on the platform host).

mod usage;
