//! Undoing "Indgå aftalen" (issue 17, item 3): the group's leader may open a
//! settled group agreement again, but only while nobody has acted on it.
//!
//! The rule, and why:
//! - within `WINDOW` of settling: the undo is for a click made too early or
//!   a slip seen on the way out of the meeting, not for rewriting an
//!   agreement the group has lived with for weeks;
//! - not while it is shared with HR: HR may be reading it as the group's
//!   word, and may already have built on it;
//! - not once a point has been lifted to the organisation: the lift is an
//!   item in the organisation's inbox that HR answers, and the point it
//!   came from must stay the point HR answered;
//! - not once the group has started its next round: that round's meeting
//!   follows up this agreement, point by point (the follow-up has begun).
//!
//! Everything else the settled agreement starts (the follow-up reminders,
//! the due list) is read from the agreement as it stands, so it follows
//! the agreement back to open and settles again with it.

use time::{Duration, OffsetDateTime};

/// How long after settling the group's leader may still open it again.
pub const WINDOW: Duration = Duration::hours(24);

/// What has happened to a settled agreement since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settled {
    pub at: OffsetDateTime,
    pub shared: bool,
    pub lifted: bool,
    /// The group has started a later round, which follows this one up.
    pub followed_up: bool,
}

/// Why a settled agreement stays settled; each is a message to the leader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    FollowedUp,
    Lifted,
    Shared,
    WindowPassed,
}

impl Kept {
    pub fn key(self) -> &'static str {
        match self {
            Kept::FollowedUp => "collab-reopen-kept-followed-up",
            Kept::Lifted => "collab-reopen-kept-lifted",
            Kept::Shared => "collab-reopen-kept-shared",
            Kept::WindowPassed => "collab-reopen-kept-window",
        }
    }
}

/// Until when the agreement may be opened again, or why it may not.
pub fn may_reopen(s: &Settled, now: OffsetDateTime) -> Result<OffsetDateTime, Kept> {
    if s.followed_up {
        return Err(Kept::FollowedUp);
    }
    if s.lifted {
        return Err(Kept::Lifted);
    }
    if s.shared {
        return Err(Kept::Shared);
    }
    let until = s.at + WINDOW;
    if now >= until {
        return Err(Kept::WindowPassed);
    }
    Ok(until)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn settled() -> Settled {
        Settled { at: datetime!(2026-12-10 11:00 UTC), shared: false, lifted: false, followed_up: false }
    }

    #[test]
    fn a_fresh_agreement_nobody_has_acted_on_may_be_opened_within_the_window() {
        let s = settled();
        assert_eq!(may_reopen(&s, s.at + Duration::minutes(5)), Ok(s.at + WINDOW));
        assert_eq!(may_reopen(&s, s.at + WINDOW - Duration::seconds(1)), Ok(s.at + WINDOW));
        assert_eq!(may_reopen(&s, s.at + WINDOW), Err(Kept::WindowPassed));
    }

    #[test]
    fn what_others_have_acted_on_stays_settled_even_inside_the_window() {
        let soon = settled().at + Duration::minutes(1);
        assert_eq!(may_reopen(&Settled { shared: true, ..settled() }, soon), Err(Kept::Shared));
        assert_eq!(may_reopen(&Settled { lifted: true, ..settled() }, soon), Err(Kept::Lifted));
        assert_eq!(may_reopen(&Settled { followed_up: true, lifted: true, ..settled() }, soon), Err(Kept::FollowedUp));
    }
}
