//! Rate limits on sign-in, password resets and invitations, per process.
//! (With several servers each keeps its own count; the limits are set so
//! that even a multiple of them stops guessing.)

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

pub struct RateLimits {
    /// Per e-mail address tried: 10 attempts, then one more every 30 s.
    pub sign_in: DefaultKeyedRateLimiter<String>,
    /// Per e-mail address: 5 reset mails, then one every 5 minutes.
    pub password_reset: DefaultKeyedRateLimiter<String>,
    /// Per organisation: 300 invitations, then one every 10 s.
    pub invitations: DefaultKeyedRateLimiter<String>,
    /// Per address: 30 unknown join codes, then one a second, so codes
    /// cannot be found by trying them.
    pub live_join: DefaultKeyedRateLimiter<String>,
}

fn limiter(burst: u32, every: std::time::Duration) -> DefaultKeyedRateLimiter<String> {
    let quota = Quota::with_period(every)
        .expect("period is non-zero")
        .allow_burst(NonZeroU32::new(burst).expect("burst is non-zero"));
    RateLimiter::keyed(quota)
}

impl Default for RateLimits {
    fn default() -> Self {
        use std::time::Duration;
        Self {
            sign_in: limiter(10, Duration::from_secs(30)),
            password_reset: limiter(5, Duration::from_secs(300)),
            invitations: limiter(300, Duration::from_secs(10)),
            live_join: limiter(30, Duration::from_secs(1)),
        }
    }
}

/// `Err(AppError::RateLimited)` when the key has used its quota.
pub fn check(limiter: &DefaultKeyedRateLimiter<String>, key: &str) -> Result<(), crate::error::AppError> {
    limiter.check_key(&key.to_string()).map_err(|_| crate::error::AppError::RateLimited)
}
