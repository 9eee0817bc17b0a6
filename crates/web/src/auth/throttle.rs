use std::num::NonZeroU32;

use atelier_config::LimitSettings;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::AppError;

/// In-memory rate limits for sign-in and password reset, per client address and per
/// account. Each node keeps its own; behind N nodes the effective limit is at most N times
/// higher, which still turns online guessing from millions of tries into a handful.
pub struct Throttles {
    login_ip: DefaultKeyedRateLimiter<String>,
    login_account: DefaultKeyedRateLimiter<String>,
    reset_ip: DefaultKeyedRateLimiter<String>,
    reset_account: DefaultKeyedRateLimiter<String>,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

fn per_hour(n: u32) -> Quota {
    Quota::per_hour(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

fn check(limiter: &DefaultKeyedRateLimiter<String>, key: &str) -> Result<(), AppError> {
    limiter.check_key(&key.to_owned()).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        AppError::TooManyRequests {
            retry_after_secs: wait.as_secs().max(1),
        }
    })
}

impl Throttles {
    pub fn new(limits: &LimitSettings) -> Self {
        Self {
            login_ip: RateLimiter::keyed(per_minute(limits.login_per_ip_per_minute)),
            login_account: RateLimiter::keyed(per_hour(limits.login_per_account_per_hour)),
            reset_ip: RateLimiter::keyed(per_hour(limits.reset_per_ip_per_hour)),
            reset_account: RateLimiter::keyed(per_hour(limits.reset_per_account_per_hour)),
        }
    }

    /// One sign-in attempt from `ip` for `account` (site and email).
    pub fn sign_in(&self, ip: &str, account: &str) -> Result<(), AppError> {
        check(&self.login_ip, ip)?;
        check(&self.login_account, account)
    }

    /// One password-reset request from `ip` for `account`.
    pub fn password_reset(&self, ip: &str, account: &str) -> Result<(), AppError> {
        check(&self.reset_ip, ip)?;
        check(&self.reset_account, account)
    }

    /// Forgets keys whose limits have fully recovered; keeps memory bounded.
    pub fn forget_idle_keys(&self) {
        self.login_ip.retain_recent();
        self.login_account.retain_recent();
        self.reset_ip.retain_recent();
        self.reset_account.retain_recent();
    }
}
