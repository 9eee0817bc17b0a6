//! Who is asking, and may they: sessions, the access guard, CSRF protection, throttles and
//! password hashing, a few at a time and off the async worker threads.

mod access;
mod api_token_cache;
mod client_ip;
mod csrf;
mod password;
mod session;
mod throttle;

pub(crate) use access::guard;
pub use access::{AccessError, AccessPolicy};
pub use api_token_cache::ApiTokenCache;
pub use client_ip::ClientIp;
pub use csrf::FormKey;
pub(crate) use csrf::{
    check_form_token, form_cookie_name, known_device_cookie_name, request_cookie, same_origin_only,
    CsrfForm,
};
pub(crate) use password::PASSWORD_BUSY_RETRY_AFTER_SECS;
pub use password::{PasswordTurn, PasswordWork};
pub use session::SessionHandle;
pub(crate) use session::{idle_since, load_session, CurrentUser};
pub use throttle::Throttles;
