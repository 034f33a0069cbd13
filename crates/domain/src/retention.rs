//! The organisation's retention period: how long personal data is kept
//! after the thing it belongs to has ended (a round closed, a live session
//! ended, a link expired, an audit entry written). One place for the date
//! arithmetic, so the purge, the privacy page and the tests agree on the
//! edge. What each table keeps and from which date is written next to the
//! table, in the personal data register (`server/src/privacy/register.rs`);
//! the reasons are in `docs/decisions/0012-retention.md`.

use time::{Duration, OffsetDateTime};

/// The shortest period HR may choose: long enough for a group to finish
/// following up a round before its answers go.
pub const MIN_DAYS: i64 = 30;
/// The longest period HR may choose (ten years, the longest archive rule
/// a Danish municipality applies to personnel matters).
pub const MAX_DAYS: i64 = 3650;
/// Rows that belong to no organisation (the setup link, password-reset
/// links of an account) keep the shortest period: they are credentials
/// that were finished within hours.
pub const WITHOUT_ORG_DAYS: i64 = MIN_DAYS;

/// A retention period HR chose, in whole days within the bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period(i64);

impl Period {
    /// `None` outside `MIN_DAYS..=MAX_DAYS`.
    pub fn days(days: i64) -> Option<Period> {
        (MIN_DAYS..=MAX_DAYS).contains(&days).then_some(Period(days))
    }

    /// A period read back from the database, clamped to the bounds: a value
    /// written before the bounds existed never purges sooner than allowed.
    pub fn from_db(days: i64) -> Period {
        Period(days.clamp(MIN_DAYS, MAX_DAYS))
    }

    pub fn in_days(self) -> i64 {
        self.0
    }

    /// Data that ended strictly before this instant is past the period at
    /// `now`. Data that ended exactly `period` ago is still kept: the period
    /// is a promise to keep it that long, not a day less.
    pub fn cutoff(self, now: OffsetDateTime) -> OffsetDateTime {
        now - Duration::days(self.0)
    }

    /// Whether data that ended at `ended` is gone at `now`. Data that has
    /// not ended (an open round, an active person) never expires.
    pub fn expired(self, ended: Option<OffsetDateTime>, now: OffsetDateTime) -> bool {
        ended.is_some_and(|e| e < self.cutoff(now))
    }
}

/// When a campaign's Skema 1 answers start to age: when its last round
/// closed, and not before every round has closed. The campaign's rounds
/// expire together, so the number of leaders who answered the campaign
/// (a leader may answer in two groups) is counted once, before any goes.
pub fn campaign_ended(rounds_closed: &[Option<OffsetDateTime>]) -> Option<OffsetDateTime> {
    rounds_closed.iter().copied().collect::<Option<Vec<_>>>()?.into_iter().max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_bounds_are_inclusive() {
        assert_eq!(Period::days(MIN_DAYS).map(Period::in_days), Some(30));
        assert_eq!(Period::days(MAX_DAYS).map(Period::in_days), Some(3650));
        assert_eq!(Period::days(29), None);
        assert_eq!(Period::days(3651), None);
        assert_eq!(Period::from_db(7).in_days(), MIN_DAYS);
    }

    #[test]
    fn data_is_kept_through_the_whole_period_and_gone_after_it() {
        let p = Period::days(365).unwrap();
        let closed = datetime!(2026-01-10 12:00 UTC);
        assert!(!p.expired(Some(closed), closed + Duration::days(364)));
        assert!(!p.expired(Some(closed), closed + Duration::days(365)), "exactly the period: still kept");
        assert!(p.expired(Some(closed), closed + Duration::days(365) + Duration::seconds(1)));
        assert!(p.expired(Some(closed), closed + Duration::days(366)));
        assert!(!p.expired(None, closed + Duration::days(10_000)), "what has not ended never expires");
    }

    #[test]
    fn a_campaign_ends_with_its_last_round() {
        let a = datetime!(2026-01-10 12:00 UTC);
        let b = datetime!(2026-03-01 08:00 UTC);
        assert_eq!(campaign_ended(&[Some(a), Some(b)]), Some(b));
        assert_eq!(campaign_ended(&[Some(a), None]), None, "an open round keeps the campaign going");
        assert_eq!(campaign_ended(&[]), None);
    }
}
