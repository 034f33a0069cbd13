//! What a round promised the people who answer it, fixed when it starts.
//!
//! A leader answers a round (the introduction, Tool 2's checklist, Skema 1)
//! trusting what the page told them before they answered: whether the
//! group's dialog is anonymous or named, who reads the answers, and from how
//! many answers figures and comments are shown outside the group. If any of
//! these could change afterwards, HR could add herself to a group, switch it
//! to named mode or lower `k`, and read answers given under another promise.
//! So a round keeps its own copy of the promise:
//!
//! - its openness and its thresholds, copied from the group and the
//!   organisation at the start;
//! - its readers: the group's members and leader at the start.
//!
//! A later change of the group's members or openness, or of the
//! organisation's thresholds, applies to later rounds only. Someone who
//! joins the group later reads an earlier round as an outsider would; someone
//! who has left the group no longer reads it from inside.

use crate::anonymity::{AnonymityRule, Audience};
use crate::groups::Openness;

/// A round's promise, as stored with the round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundPromise {
    pub openness: Openness,
    pub rule: AnonymityRule,
}

impl RoundPromise {
    /// The promise a round makes when it starts now.
    pub fn at_start(group_openness: Openness, org_rule: AnonymityRule) -> Self {
        Self { openness: group_openness, rule: org_rule }
    }

    /// What a round with no stored promise may show: the strictest reading
    /// (anonymous, the organisation's default thresholds or stricter), so a
    /// missing row can never reveal more than any promise would have.
    pub fn strictest(org_rule: AnonymityRule) -> Self {
        let default = AnonymityRule::default();
        let rule = AnonymityRule {
            k: org_rule.k.max(default.k),
            free_text_k: org_rule.free_text_k.max(default.free_text_k),
        };
        Self { openness: Openness::Anonymous, rule }
    }
}

/// Where a viewer reads one round from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seat {
    /// One of the round's readers who is still in the group.
    Reader,
    /// Anyone else who may see the round at all (HR, someone who joined the
    /// group after the round started, a group leader appointed later).
    Outsider,
}

impl Seat {
    /// A reader is someone the round promised (its circle at the start) who
    /// is still in the group now: both have to hold.
    pub fn of(in_circle: bool, in_group_now: bool) -> Seat {
        if in_circle && in_group_now {
            Seat::Reader
        } else {
            Seat::Outsider
        }
    }

    pub fn audience(self) -> Audience {
        match self {
            Seat::Reader => Audience::GroupMember,
            Seat::Outsider => Audience::Outside,
        }
    }

    /// Only the round's readers answer it: a newcomer's answer would be read
    /// under a promise they were not part of.
    pub fn may_answer(self) -> bool {
        self == Seat::Reader
    }

    /// Who answered what: only the round's readers, only if the round
    /// started in named mode.
    pub fn may_see_names(self, promise: &RoundPromise) -> bool {
        self == Seat::Reader && promise.openness.is_named()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_reader_still_in_the_group_reads_from_inside() {
        // (in the circle at the start, in the group now) → seat
        let cases = [
            (true, true, Seat::Reader),
            (true, false, Seat::Outsider),
            (false, true, Seat::Outsider),
            (false, false, Seat::Outsider),
        ];
        for (in_circle, now, seat) in cases {
            assert_eq!(Seat::of(in_circle, now), seat, "circle {in_circle}, now {now}");
        }
    }

    #[test]
    fn names_need_both_a_named_start_and_a_reader() {
        let rule = AnonymityRule::default();
        let named = RoundPromise::at_start(Openness::Named, rule);
        let anonymous = RoundPromise::at_start(Openness::Anonymous, rule);
        assert!(Seat::Reader.may_see_names(&named));
        assert!(!Seat::Reader.may_see_names(&anonymous), "a group switched to named later shows no names");
        assert!(!Seat::Outsider.may_see_names(&named), "a newcomer never sees who answered what");
        assert_eq!(Seat::Outsider.audience(), Audience::Outside);
        assert!(!Seat::Outsider.may_answer());
    }

    #[test]
    fn a_missing_promise_is_read_strictly() {
        let lowered = AnonymityRule::new(3, 3).unwrap();
        let p = RoundPromise::strictest(lowered);
        assert_eq!(p.openness, Openness::Anonymous);
        assert_eq!(p.rule, AnonymityRule::default());
        let raised = AnonymityRule::new(7, 12).unwrap();
        assert_eq!(RoundPromise::strictest(raised).rule, raised);
    }
}
