//! The clock of Tool 2's meeting agenda: which item of the facilitator's
//! agenda the group is on, and how much of the item's time is left. The
//! server keeps it, so a reload, the shared screen and every phone show the
//! same clock (issue 17, item 4: a clock kept by each page was back at item
//! 1, 10:00, stopped, after every form on the page).
//!
//! Only instants are stored: when the clock was last started, and what was
//! left then. What is left now follows from `now`, which every rule takes
//! as a parameter; nothing here reads the wall clock.

use time::OffsetDateTime;

/// The agenda's clock as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Agenda {
    /// The current item, counted from 0.
    pub item: usize,
    /// While the clock runs: when it was last started.
    pub started_at: Option<OffsetDateTime>,
    /// Seconds of the item's time left when the clock was last started or
    /// paused; below 0 once the item has run over.
    pub left: i64,
}

/// What a button asks of the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    Start,
    Pause,
    /// The next item, with its clock running: the group moves on together.
    Next,
}

impl Press {
    pub fn parse(raw: &str) -> Option<Press> {
        match raw {
            "start" => Some(Press::Start),
            "pause" => Some(Press::Pause),
            "next" => Some(Press::Next),
            _ => None,
        }
    }
}

fn seconds(minutes: u32) -> i64 {
    i64::from(minutes) * 60
}

impl Agenda {
    /// Before anyone has pressed anything: the first item with its full
    /// time, stopped. `minutes` is each item's length.
    pub fn new(minutes: &[u32]) -> Agenda {
        Agenda { item: 0, started_at: None, left: minutes.first().copied().map(seconds).unwrap_or(0) }
    }

    pub fn running(&self) -> bool {
        self.started_at.is_some()
    }

    /// Seconds left of the current item at `now`; below 0 once it has run over.
    pub fn left_at(&self, now: OffsetDateTime) -> i64 {
        match self.started_at {
            // A clock started "later" than now (two servers' clocks) has not yet run.
            Some(at) => self.left - (now - at).whole_seconds().max(0),
            None => self.left,
        }
    }

    /// The clock after `press` at `now`. `seen` is the item the pressing
    /// page showed: "next" moves on only from that item, so two screens
    /// pressing "next" at the same moment move the group one item, not two.
    /// Starting a running clock or pausing a stopped one changes nothing,
    /// and there is no item after the last.
    pub fn press(self, press: Press, seen: usize, minutes: &[u32], now: OffsetDateTime) -> Agenda {
        match press {
            Press::Start if !self.running() => Agenda { started_at: Some(now), ..self },
            Press::Pause if self.running() => Agenda { started_at: None, left: self.left_at(now), ..self },
            Press::Next if seen == self.item && self.item + 1 < minutes.len() => {
                let item = self.item + 1;
                Agenda { item, started_at: Some(now), left: seconds(minutes[item]) }
            }
            _ => self,
        }
    }

    /// A stored clock checked against the agenda it belongs to: an item
    /// past the end (the agenda has fewer items than when it was stored)
    /// starts over at the first.
    pub fn within(self, minutes: &[u32]) -> Agenda {
        if self.item < minutes.len() { self } else { Agenda::new(minutes) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use time::Duration;

    const AGENDA: [u32; 3] = [10, 15, 25];

    #[test]
    fn the_clock_starts_at_the_first_item_stopped_and_runs_once_started() {
        let t0 = datetime!(2026-12-10 08:00 UTC);
        let a = Agenda::new(&AGENDA);
        assert_eq!((a.item, a.running(), a.left_at(t0 + Duration::hours(1))), (0, false, 600));
        let a = a.press(Press::Start, 0, &AGENDA, t0);
        assert_eq!(a.left_at(t0 + Duration::seconds(90)), 510);
        assert_eq!(a.press(Press::Start, 0, &AGENDA, t0 + Duration::minutes(5)), a, "starting a running clock changes nothing");
    }

    #[test]
    fn pausing_keeps_what_is_left_and_starting_again_counts_on_from_there() {
        let t0 = datetime!(2026-12-10 08:00 UTC);
        let a = Agenda::new(&AGENDA).press(Press::Start, 0, &AGENDA, t0).press(Press::Pause, 0, &AGENDA, t0 + Duration::minutes(4));
        assert_eq!((a.running(), a.left_at(t0 + Duration::hours(2))), (false, 360));
        assert_eq!(a.press(Press::Pause, 0, &AGENDA, t0 + Duration::hours(1)), a, "pausing a stopped clock changes nothing");
        let a = a.press(Press::Start, 0, &AGENDA, t0 + Duration::minutes(10));
        assert_eq!(a.left_at(t0 + Duration::minutes(11)), 300);
        assert_eq!(a.left_at(t0 + Duration::minutes(20)), -240, "over time counts below zero");
    }

    #[test]
    fn next_starts_the_next_item_once_however_many_screens_press_it() {
        let t0 = datetime!(2026-12-10 08:00 UTC);
        let a = Agenda::new(&AGENDA).press(Press::Next, 0, &AGENDA, t0);
        assert_eq!((a.item, a.running(), a.left_at(t0 + Duration::seconds(30))), (1, true, 870));
        assert_eq!(a.press(Press::Next, 0, &AGENDA, t0 + Duration::seconds(1)), a, "a second screen still showing item 1");
        let last = a.press(Press::Next, 1, &AGENDA, t0).press(Press::Next, 2, &AGENDA, t0);
        assert_eq!(last.item, 2, "nothing after the last item");
    }

    #[test]
    fn a_stored_item_past_the_agenda_starts_over() {
        let a = Agenda { item: 7, started_at: None, left: 5 };
        assert_eq!(a.within(&AGENDA), Agenda::new(&AGENDA));
        assert_eq!(Agenda::new(&[]).left, 0);
    }

    #[test]
    fn buttons_are_parsed_from_their_codes() {
        assert_eq!(Press::parse("next"), Some(Press::Next));
        assert_eq!(Press::parse("reset"), None);
    }
}
