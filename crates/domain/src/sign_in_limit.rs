//! How many wrong passwords a key (an account, a client address, a known
//! browser) may give before sign-in is refused for a while: a leaky bucket
//! of failures. Only failures count, so a busy office behind one address is
//! never slowed by the people who type their password right; a key gets
//! `burst` failures at once, then one more every `every` (`burst` is at
//! least 1).
//!
//! The state of a key is one instant, the moment its bucket will be empty
//! again; times are durations on a monotonic clock the caller passes in.

use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub burst: u32,
    pub every: Duration,
}

impl Limit {
    /// Whether a key whose bucket empties at `empty_at` is refused at `now`.
    pub fn refuses(&self, empty_at: Option<Duration>, now: Duration) -> bool {
        match empty_at {
            Some(at) => at > now + self.every * (self.burst - 1),
            None => false,
        }
    }

    /// The key's new `empty_at` after one more failure at `now`.
    pub fn after_failure(&self, empty_at: Option<Duration>, now: Duration) -> Duration {
        empty_at.map_or(now, |at| at.max(now)) + self.every
    }

    /// The key's `empty_at` once an attempt counted in advance turned out
    /// right (the failure is taken back).
    pub fn after_success(&self, empty_at: Duration) -> Duration {
        empty_at.saturating_sub(self.every)
    }

    /// Whether the key's state can be forgotten at `now` (it is as if new).
    pub fn forgotten(&self, empty_at: Duration, now: Duration) -> bool {
        empty_at <= now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Limit = Limit { burst: 10, every: Duration::from_secs(30) };

    fn fail_times(n: u32, now: Duration) -> Option<Duration> {
        (0..n).fold(None, |at, _| Some(LIMIT.after_failure(at, now)))
    }

    #[test]
    fn burst_failures_then_refused() {
        let t0 = Duration::from_secs(1000);
        assert!(!LIMIT.refuses(None, t0));
        assert!(!LIMIT.refuses(fail_times(9, t0), t0), "nine failures leave one try");
        assert!(LIMIT.refuses(fail_times(10, t0), t0), "the eleventh is refused");
    }

    #[test]
    fn one_more_try_every_period() {
        let t0 = Duration::from_secs(1000);
        let at = fail_times(10, t0);
        assert!(LIMIT.refuses(at, t0 + Duration::from_secs(29)));
        assert!(!LIMIT.refuses(at, t0 + Duration::from_secs(30)));
        let at = Some(LIMIT.after_failure(at, t0 + Duration::from_secs(30)));
        assert!(LIMIT.refuses(at, t0 + Duration::from_secs(30)), "that try used, wait again");
        assert!(LIMIT.forgotten(at.unwrap(), t0 + Duration::from_secs(330)));
    }

    #[test]
    fn a_success_takes_its_failure_back() {
        let t0 = Duration::from_secs(1000);
        let at = fail_times(10, t0).unwrap();
        assert!(LIMIT.refuses(Some(at), t0));
        assert!(!LIMIT.refuses(Some(LIMIT.after_success(at)), t0));
    }

    #[test]
    fn old_failures_leak_away() {
        let t0 = Duration::from_secs(1000);
        let at = fail_times(10, t0);
        let later = t0 + Duration::from_secs(3600);
        assert!(!LIMIT.refuses(at, later));
        assert!(LIMIT.forgotten(at.unwrap(), later));
        // A fresh burst after the old one leaked away.
        let again = (0..9).fold(at, |a, _| Some(LIMIT.after_failure(a, later)));
        assert!(!LIMIT.refuses(again, later));
    }
}
