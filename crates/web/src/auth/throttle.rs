use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use atelier_config::LimitSettings;
use governor::clock::Clock as _;
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use crate::AppError;

/// The application's clock as the rate limiters read it, so tests move throttles forward
/// with the settable clock instead of waiting for them.
#[derive(Debug, Clone)]
struct AppClock(Arc<dyn atelier_domain::Clock>);

impl governor::clock::Clock for AppClock {
    /// Time since the Unix epoch. The wall clock may step back; the limiter then only waits
    /// longer, never lets more through.
    type Instant = Duration;

    fn now(&self) -> Duration {
        Duration::from_millis(u64::try_from(self.0.now().millis()).unwrap_or(0))
    }
}

type Limiter =
    RateLimiter<String, DefaultKeyedStateStore<String>, AppClock, NoOpMiddleware<Duration>>;

/// In-memory rate limits for sign-in and password reset, per client address and per
/// account. Each node keeps its own; behind N nodes the effective limit is at most N times
/// higher, which still turns online guessing from millions of tries into a handful.
pub struct Throttles {
    clock: AppClock,
    login_ip: Limiter,
    login_account: Limiter,
    /// Per account and known browser: a copied known-device cookie buys no more guesses
    /// than the account's own limit, and guesses from elsewhere do not spend the owner's.
    login_device: Limiter,
    /// Password checks of a signed-in person (making a token, changing the password).
    reauth: Limiter,
    reset_ip: Limiter,
    reset_account: Limiter,
    mail_ip: Limiter,
    mail_account: Limiter,
    /// Per email address across every site: signing the same address up on many sites
    /// adds no mail to it.
    mail_address: Limiter,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

fn per_hour(n: u32) -> Quota {
    Quota::per_hour(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl Throttles {
    pub fn new(limits: &LimitSettings, clock: Arc<dyn atelier_domain::Clock>) -> Self {
        let clock = AppClock(clock);
        let limiter =
            |quota| RateLimiter::new(quota, DefaultKeyedStateStore::default(), clock.clone());
        Self {
            login_ip: limiter(per_minute(limits.login_per_ip_per_minute)),
            login_account: limiter(per_hour(limits.login_per_account_per_hour)),
            reset_ip: limiter(per_hour(limits.reset_per_ip_per_hour)),
            reset_account: limiter(per_hour(limits.reset_per_account_per_hour)),
            mail_ip: limiter(per_hour(limits.mail_per_ip_per_hour)),
            mail_account: limiter(per_hour(limits.mail_per_account_per_hour)),
            mail_address: limiter(per_hour(limits.mail_per_account_per_hour)),
            login_device: limiter(per_hour(limits.login_per_account_per_hour)),
            reauth: limiter(per_hour(limits.login_per_account_per_hour)),
            clock,
        }
    }

    fn check(&self, limiter: &Limiter, key: &str) -> Result<(), AppError> {
        limiter.check_key(&key.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            // Rounded up: a client that waits as told is let through.
            let whole_secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            AppError::TooManyRequests {
                retry_after_secs: whole_secs.max(1),
            }
        })
    }

    /// One sign-in attempt from `ip` for `account` (site and email).
    pub fn sign_in(&self, ip: &str, account: &str) -> Result<(), AppError> {
        self.check(&self.login_ip, ip)?;
        self.check(&self.login_account, account)
    }

    /// One sign-in attempt from `ip` by a browser that signed in to `account` before (its
    /// device id from the known-device cookie): the address's limit and the device's own
    /// per-account limit apply, not the account's, so someone hammering the account from
    /// elsewhere cannot lock its owner out of their own devices, and a copied cookie buys
    /// no more guesses than the account's own limit.
    pub fn sign_in_from_known_device(
        &self,
        ip: &str,
        account: &str,
        device: &str,
    ) -> Result<(), AppError> {
        self.check(&self.login_ip, ip)?;
        self.check(&self.login_device, &format!("{account}\n{device}"))
    }

    /// One check of a signed-in person's current password (`user` is the account's id).
    pub fn reauthenticate(&self, user: &str) -> Result<(), AppError> {
        self.check(&self.reauth, user)
    }

    /// One more sign-in attempt for `account`, already counted against its client address:
    /// a super-admin's attempts on any site also count as the platform account's.
    pub fn sign_in_account(&self, account: &str) -> Result<(), AppError> {
        self.check(&self.login_account, account)
    }

    /// One password-reset request from `ip` for `account`.
    pub fn password_reset(&self, ip: &str, account: &str) -> Result<(), AppError> {
        self.check(&self.reset_ip, ip)?;
        self.check(&self.reset_account, account)
    }

    /// One mail asked for from `ip` to `account` (site and email address). Checked before
    /// anything is written or hashed, and whether or not the account exists, so the answer
    /// tells nothing about it.
    pub fn mail(&self, ip: &str, account: &str, address: &str) -> Result<(), AppError> {
        let as_mail = |e: AppError| match e {
            AppError::TooManyRequests { retry_after_secs } => {
                AppError::TooManyMails { retry_after_secs }
            }
            other => other,
        };
        self.check(&self.mail_ip, ip).map_err(as_mail)?;
        self.check(&self.mail_account, account).map_err(as_mail)?;
        self.check(&self.mail_address, &address.to_lowercase())
            .map_err(as_mail)
    }

    /// Forgets keys whose limits have fully recovered; keeps memory bounded.
    pub fn forget_idle_keys(&self) {
        self.mail_ip.retain_recent();
        self.mail_account.retain_recent();
        self.mail_address.retain_recent();
        self.login_device.retain_recent();
        self.reauth.retain_recent();
        self.login_ip.retain_recent();
        self.login_account.retain_recent();
        self.reset_ip.retain_recent();
        self.reset_account.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use atelier_domain::{ManualClock, Timestamp};

    use super::*;

    fn retry_after(result: Result<(), AppError>) -> Option<u64> {
        match result {
            Err(AppError::TooManyRequests { retry_after_secs }) => Some(retry_after_secs),
            _ => None,
        }
    }

    #[test]
    fn limits_recover_as_the_clock_moves_not_as_the_wall_clock_does() {
        let clock = Arc::new(ManualClock::new(Timestamp(1_795_773_600_000)));
        let limits = LimitSettings {
            login_per_ip_per_minute: 3,
            ..LimitSettings::default()
        };
        let throttles = Throttles::new(&limits, clock.clone());
        for i in 0..3 {
            assert!(
                throttles.sign_in("10.0.0.1", &format!("a{i}")).is_ok(),
                "{i}"
            );
        }
        // Three a minute: the next try waits 20 s, however long the test takes.
        assert_eq!(retry_after(throttles.sign_in("10.0.0.1", "a3")), Some(20));
        assert!(throttles.sign_in("10.0.0.2", "b").is_ok(), "per address");
        clock.advance_millis(19_500);
        assert_eq!(retry_after(throttles.sign_in("10.0.0.1", "a3")), Some(1));
        clock.advance_millis(500);
        assert!(throttles.sign_in("10.0.0.1", "a3").is_ok());
    }
}
