//! The one place that reads the wall clock.
//!
//! Pages, stores, reminders and workers get "now" from the `Clock` in the
//! state (or a `now` passed down from it), never from the wall, so a test can
//! put the application at a Monday midnight, the last day of a period or a
//! daylight-saving change on purpose instead of finding out on a Tuesday.
//! `server/src/house.rs` fails the build's tests on a wall-clock read
//! anywhere else.

use std::sync::{Arc, RwLock};
use time::{Date, Duration, OffsetDateTime};

/// Now, for everything that asks. Cloning shares it: a test that sets the
/// time on `app.state.clock` sets it for every handler and worker.
#[derive(Clone, Default)]
pub struct Clock {
    /// `None`: the wall clock. `Some(t)`: stopped at `t` until moved.
    set: Arc<RwLock<Option<OffsetDateTime>>>,
}

impl Clock {
    /// The wall clock, as `serve` and the commands use it.
    pub fn wall() -> Self {
        Self::default()
    }

    /// A clock stopped at `at` (tests, and `purge --now`).
    pub fn at(at: OffsetDateTime) -> Self {
        let clock = Self::default();
        clock.set(at);
        clock
    }

    pub fn now(&self) -> OffsetDateTime {
        let set = *self.set.read().expect("the clock's lock is never poisoned");
        set.unwrap_or_else(OffsetDateTime::now_utc)
    }

    /// Today in Copenhagen: deadlines, due dates, ticks and periods are
    /// counted in local days.
    pub fn today(&self) -> Date {
        crate::i18n::format::local_date(self.now())
    }

    /// Now, as stored (RFC 3339 in UTC).
    pub fn now_text(&self) -> String {
        crate::storage::to_text(self.now())
    }

    /// Stops the clock at `at`, for every clone of it.
    pub fn set(&self, at: OffsetDateTime) {
        *self.set.write().expect("the clock's lock is never poisoned") = Some(at);
    }

    /// Moves a stopped clock on by `by` (from the wall's now if it runs).
    pub fn advance(&self, by: Duration) {
        let now = self.now();
        self.set(now + by);
    }
}

#[cfg(test)]
mod tests {
    use super::Clock;
    use time::macros::{date, datetime};

    #[test]
    fn a_set_clock_is_shared_by_its_clones_and_counts_local_days() {
        let clock = Clock::wall();
        let handler = clock.clone();
        // 23:30 UTC on Sunday 29 March 2026 is already Monday in Copenhagen
        // (summer time began that night).
        clock.set(datetime!(2026-03-29 23:30 UTC));
        assert_eq!(handler.now(), datetime!(2026-03-29 23:30 UTC));
        assert_eq!(handler.today(), date!(2026 - 03 - 30));
        handler.advance(time::Duration::hours(1));
        assert_eq!(clock.now_text(), "2026-03-30T00:30:00Z");
    }
}
