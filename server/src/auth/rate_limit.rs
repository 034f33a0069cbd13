//! Rate limits on sign-in, password resets and invitations, per process.
//! (With several servers each keeps its own count; the limits are set so
//! that even a multiple of them stops guessing. Sign-in keeps that choice:
//! its counts live in memory, not in the database, so a wrong password
//! costs no write and a flood of them cannot fill a table.)
//!
//! Sign-in counts wrong passwords three ways (`domain::sign_in_limit`):
//! per account, so nobody guesses one person's password; per client address
//! (`auth::client`: the socket's peer, or the proxy's header only when one
//! is configured), so one client cannot try one password on many accounts;
//! and per known browser. Only wrong passwords count, so an office behind
//! one address is not slowed by the people who sign in. A browser that signed in to the account before (it
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

/// The three counts, under one lock, so an attempt is checked and counted
/// in one step: parallel guesses cannot all pass before any is counted.
pub struct SignInLimits {
    /// 10 wrong passwords, then one more every 30 s.
    account: domain::sign_in_limit::Limit,
    /// 10 wrong passwords, then one more every 6 s: far above what an office
    /// behind one address mistypes, and it stops one client from trying a
    /// password on many accounts.
    client: domain::sign_in_limit::Limit,
    /// 10 wrong passwords, then one more every 30 s.
    browser: domain::sign_in_limit::Limit,
    start: std::time::Instant,
    counts: std::sync::Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    account: Bucket,
    client: Bucket,
    browser: Bucket,
}

/// When each key's bucket of failures will be empty, on `start`'s clock.
type Bucket = std::collections::HashMap<String, std::time::Duration>;

impl Default for SignInLimits {
    fn default() -> Self {
        use domain::sign_in_limit::Limit;
        use std::time::Duration;
        Self {
            account: Limit { burst: 10, every: Duration::from_secs(30) },
            client: Limit { burst: 10, every: Duration::from_secs(6) },
            browser: Limit { burst: 10, every: Duration::from_secs(30) },
            start: std::time::Instant::now(),
            counts: Default::default(),
        }
    }
}

impl SignInLimits {
    /// Whether the attempt may go on to check its password; if so it is
    /// counted as a failure until `succeeded` takes it back.
    pub fn begin(&self, attempt: &Attempt, now: std::time::Instant) -> Result<(), Refusal> {
        let now = now.saturating_duration_since(self.start);
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let Counts { account, client, browser } = &mut *counts;
        let mut buckets: Vec<(&mut Bucket, &domain::sign_in_limit::Limit, &str, Refusal)> = match attempt.known_browser {
            Some(id) => vec![(browser, &self.browser, id, Refusal::Browser)],
            None => vec![
                (client, &self.client, attempt.client, Refusal::Client),
                (account, &self.account, attempt.email, Refusal::Account),
            ],
        };
        for (bucket, limit, key, refusal) in &buckets {
            if limit.refuses(bucket.get(*key).copied(), now) {
                return Err(*refusal);
            }
        }
        for (bucket, limit, key, _) in &mut buckets {
            if bucket.len() > PRUNE_ABOVE {
                bucket.retain(|_, at| !limit.forgotten(*at, now));
            }
            let at = limit.after_failure(bucket.get(*key).copied(), now);
            bucket.insert(key.to_string(), at);
        }
        Ok(())
    }

    /// The password was right: the attempt is not a failure after all.
    pub fn succeeded(&self, attempt: &Attempt) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let Counts { account, client, browser } = &mut *counts;
        let buckets: Vec<(&mut Bucket, &domain::sign_in_limit::Limit, &str)> = match attempt.known_browser {
            Some(id) => vec![(browser, &self.browser, id)],
            None => vec![(client, &self.client, attempt.client), (account, &self.account, attempt.email)],
        };
        for (bucket, limit, key) in buckets {
            if let Some(at) = bucket.get_mut(key) {
                *at = limit.after_success(*at);
            }
        }
    }
}

/// Keys whose bucket has emptied are dropped once a map grows past this, so
/// spraying addresses cannot grow it without end.
const PRUNE_ABOVE: usize = 10_000;

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
            limits.begin(&attempt("a@x.dk", "192.0.2.1", None), now).unwrap();
        }
        assert_eq!(limits.begin(&attempt("a@x.dk", "192.0.2.9", None), now), Err(Refusal::Account));
        assert_eq!(limits.begin(&attempt("a@x.dk", "192.0.2.1", None), now), Err(Refusal::Client));
        assert_eq!(limits.begin(&attempt("a@x.dk", "192.0.2.1", Some("b1")), now), Ok(()));
    }

    #[test]
    fn one_client_many_accounts_is_refused() {
        let limits = SignInLimits::default();
        let now = Instant::now();
        for i in 0..10 {
            let email = format!("p{i}@x.dk");
            assert_eq!(limits.begin(&attempt(&email, "192.0.2.1", None), now), Ok(()));
        }
        assert_eq!(limits.begin(&attempt("p10@x.dk", "192.0.2.1", None), now), Err(Refusal::Client));
        assert_eq!(limits.begin(&attempt("p10@x.dk", "192.0.2.2", None), now), Ok(()), "another client is not slowed");
        assert_eq!(limits.begin(&attempt("p11@x.dk", "192.0.2.1", None), now + Duration::from_secs(6)), Ok(()));
    }

    #[test]
    fn right_passwords_are_not_counted() {
        let limits = SignInLimits::default();
        let now = Instant::now();
        for i in 0..50 {
            let email = format!("p{i}@x.dk");
            let a = attempt(&email, "192.0.2.1", None);
            assert_eq!(limits.begin(&a, now), Ok(()), "an office behind one address signing in");
            limits.succeeded(&a);
        }
    }

    #[test]
    fn a_known_browser_has_its_own_limit() {
        let limits = SignInLimits::default();
        let now = Instant::now();
        for _ in 0..10 {
            limits.begin(&attempt("a@x.dk", "192.0.2.1", Some("b1")), now).unwrap();
        }
        assert_eq!(limits.begin(&attempt("a@x.dk", "192.0.2.1", Some("b1")), now), Err(Refusal::Browser));
        assert_eq!(limits.begin(&attempt("a@x.dk", "192.0.2.1", None), now), Ok(()), "counted on the browser only");
    }
}
