//! Rate limits on sign-in, password resets and invitations, per process.
//! (With several servers each keeps its own count; the limits are set so
//! that even a multiple of them stops guessing. Sign-in keeps that choice:
//! its counts live in memory, not in the database, so a wrong password
//! costs no write and a flood of them cannot fill a table.)
//!
//! Sign-in counts wrong passwords three ways (`domain::sign_in_limit`):
//! per account, so nobody guesses one person's password; per client address
//! (the socket's peer: no forwarded header is trusted, as none is
//! configured), so one client cannot try one password on many accounts; and
//! per known browser. A browser that signed in to the account before (it
//! holds that account's `known_browser` cookie, `auth::known_browser`) is
//! counted on its own only, so someone else's guesses never lock the owner
//! out of their own browser.

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

pub struct RateLimits {
    /// Per e-mail address, for the password asked outside the sign-in page
    /// (deleting an account, accepting an invitation): 10 attempts, then
    /// one more every 30 s.
    pub sign_in: DefaultKeyedRateLimiter<String>,
    /// The sign-in page: wrong passwords per account, client address and
    /// known browser.
    pub sign_in_guesses: SignInLimits,
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
            sign_in_guesses: SignInLimits::default(),
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

/// Why a sign-in is refused before its password is even checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Too many wrong passwords for this account from browsers it does not know.
    Account,
    /// Too many wrong passwords from this client address.
    Client,
    /// Too many wrong passwords from this known browser.
    Browser,
}

/// Who is trying: the account's e-mail, the client's address, and the
/// account's known-browser id when the browser holds one for this account.
pub struct Attempt<'a> {
    pub email: &'a str,
    pub client: &'a str,
    pub known_browser: Option<&'a str>,
}

pub struct SignInLimits {
    /// 10 wrong passwords, then one more every 30 s.
    by_account: Failures,
    /// 10 wrong passwords, then one more every 6 s: ten an hour is far above
    /// what an office behind one address mistypes, and it stops one client
    /// from trying a password on many accounts.
    by_client: Failures,
    /// 10 wrong passwords, then one more every 30 s.
    by_browser: Failures,
}

impl Default for SignInLimits {
    fn default() -> Self {
        use std::time::Duration;
        Self {
            by_account: Failures::new(10, Duration::from_secs(30)),
            by_client: Failures::new(10, Duration::from_secs(6)),
            by_browser: Failures::new(10, Duration::from_secs(30)),
        }
    }
}

impl SignInLimits {
    /// Whether the attempt may go on to check its password.
    pub fn check(&self, attempt: &Attempt, now: std::time::Instant) -> Result<(), Refusal> {
        if let Some(browser) = attempt.known_browser {
            return if self.by_browser.refuses(browser, now) { Err(Refusal::Browser) } else { Ok(()) };
        }
        if self.by_client.refuses(attempt.client, now) {
            return Err(Refusal::Client);
        }
        if self.by_account.refuses(attempt.email, now) {
            return Err(Refusal::Account);
        }
        Ok(())
    }

    /// Counts a wrong password (or an unknown account) against the attempt.
    pub fn failed(&self, attempt: &Attempt, now: std::time::Instant) {
        match attempt.known_browser {
            Some(browser) => self.by_browser.fail(browser, now),
            None => {
                self.by_client.fail(attempt.client, now);
                self.by_account.fail(attempt.email, now);
            }
        }
    }
}

/// Failures per key, in memory. Keys whose bucket has emptied are dropped
/// when the map grows, so spraying addresses cannot grow it without end.
struct Failures {
    limit: domain::sign_in_limit::Limit,
    start: std::time::Instant,
    keys: std::sync::Mutex<std::collections::HashMap<String, std::time::Duration>>,
}

impl Failures {
    const PRUNE_ABOVE: usize = 10_000;

    fn new(burst: u32, every: std::time::Duration) -> Self {
        Self {
            limit: domain::sign_in_limit::Limit { burst, every },
            start: std::time::Instant::now(),
            keys: Default::default(),
        }
    }

    fn since_start(&self, now: std::time::Instant) -> std::time::Duration {
        now.saturating_duration_since(self.start)
    }

    fn refuses(&self, key: &str, now: std::time::Instant) -> bool {
        let keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        self.limit.refuses(keys.get(key).copied(), self.since_start(now))
    }

    fn fail(&self, key: &str, now: std::time::Instant) {
        let now = self.since_start(now);
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        if keys.len() > Self::PRUNE_ABOVE {
            keys.retain(|_, at| !self.limit.forgotten(*at, now));
        }
        let at = self.limit.after_failure(keys.get(key).copied(), now);
        keys.insert(key.to_string(), at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn attempt<'a>(email: &'a str, client: &'a str, known_browser: Option<&'a str>) -> Attempt<'a> {
        Attempt { email, client, known_browser }
    }

    #[test]
    fn a_known_browser_is_not_locked_out_by_others() {
        let limits = SignInLimits::default();
        let now = Instant::now();
        for _ in 0..10 {
            limits.failed(&attempt("a@x.dk", "192.0.2.1", None), now);
        }
        assert_eq!(limits.check(&attempt("a@x.dk", "192.0.2.9", None), now), Err(Refusal::Account));
        assert_eq!(limits.check(&attempt("a@x.dk", "192.0.2.1", None), now), Err(Refusal::Client));
        assert_eq!(limits.check(&attempt("a@x.dk", "192.0.2.1", Some("b1")), now), Ok(()));
    }

    #[test]
    fn one_client_many_accounts_is_refused() {
        let limits = SignInLimits::default();
        let now = Instant::now();
        for i in 0..10 {
            let email = format!("p{i}@x.dk");
            assert_eq!(limits.check(&attempt(&email, "192.0.2.1", None), now), Ok(()));
            limits.failed(&attempt(&email, "192.0.2.1", None), now);
        }
        assert_eq!(limits.check(&attempt("p10@x.dk", "192.0.2.1", None), now), Err(Refusal::Client));
        assert_eq!(limits.check(&attempt("p10@x.dk", "192.0.2.2", None), now), Ok(()), "another client is not slowed");
        assert_eq!(limits.check(&attempt("p10@x.dk", "192.0.2.1", None), now + Duration::from_secs(6)), Ok(()));
    }

    #[test]
    fn a_known_browser_has_its_own_limit() {
        let limits = SignInLimits::default();
        let now = Instant::now();
        for _ in 0..10 {
            limits.failed(&attempt("a@x.dk", "192.0.2.1", Some("b1")), now);
        }
        assert_eq!(limits.check(&attempt("a@x.dk", "192.0.2.1", Some("b1")), now), Err(Refusal::Browser));
        assert_eq!(limits.check(&attempt("a@x.dk", "192.0.2.1", None), now), Ok(()), "counted on the browser only");
    }
}
