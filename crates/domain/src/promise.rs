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
//!
//! Inside the group, a picture that grew with every hand-in could be read
//! before and after a colleague answered, and the difference would be that
//! colleague's answers. So the group sees its picture together (`Stage`):
//! the group's leader reveals it at the meeting, which ends the answering,
//! and until then the group sees only how many have answered.

use crate::anonymity::{AnonymityRule, Audience, GROUP_THRESHOLD};
use crate::ValidationError;
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

/// How far a round has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Answers are coming in; nobody sees more than how many.
    Collecting,
    /// The group's leader has shown the group its picture: answering has
    /// ended, so the picture can no longer change by one answer.
    Revealed,
    /// The round has ended (its decision, agreement or report is settled).
    Closed,
    /// The round closed longer ago than the organisation's retention period
    /// and its answers are deleted (`docs/decisions/0012-retention.md`): its
    /// pages say so rather than show an empty picture.
    AnswersDeleted,
}

impl Stage {
    /// A closed round counts as revealed even if nobody pressed reveal.
    pub fn of(open: bool, revealed: bool) -> Stage {
        match (open, revealed) {
            (false, _) => Stage::Closed,
            (true, true) => Stage::Revealed,
            (true, false) => Stage::Collecting,
        }
    }

    /// A closed round whose answers the retention purge deleted.
    pub fn with_answers_deleted(self, deleted: bool) -> Stage {
        if deleted && self == Stage::Closed { Stage::AnswersDeleted } else { self }
    }

    /// Answers are taken only until the picture is revealed.
    pub fn takes_answers(self) -> bool {
        self == Stage::Collecting
    }

    /// Whether `audience` may see the round's picture at this stage (the
    /// thresholds still apply on top): the group once it has been revealed
    /// to all of it at once, anyone outside once the round has closed.
    pub fn shows_picture_to(self, audience: Audience) -> bool {
        match audience {
            Audience::GroupMember => self != Stage::Collecting,
            Audience::Outside => self == Stage::Closed,
        }
    }
}

/// Whether the group's picture may be revealed now. It needs as many
/// answers as the group's own threshold, or the group would meet to a
/// picture that is still withheld, with answering already ended; and the
/// person revealing confirms that the group is ready, because nobody can
/// answer afterwards.
pub fn check_reveal(stage: Stage, respondents: u32, confirmed: bool) -> Result<(), ValidationError> {
    if stage != Stage::Collecting {
        return Err(ValidationError::new("reveal-error-already"));
    }
    if respondents < GROUP_THRESHOLD {
        return Err(ValidationError::new("reveal-error-too-few"));
    }
    if !confirmed {
        return Err(ValidationError::new("reveal-error-confirm"));
    }
    Ok(())
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
    fn the_group_sees_its_picture_only_together_and_outsiders_only_when_closed() {
        use Audience::{GroupMember, Outside};
        let cases = [
            // (open, revealed) → stage, answers taken, shown inside, shown outside
            (true, false, Stage::Collecting, true, false, false),
            (true, true, Stage::Revealed, false, true, false),
            (false, false, Stage::Closed, false, true, true),
            (false, true, Stage::Closed, false, true, true),
        ];
        for (open, revealed, stage, answers, inside, outside) in cases {
            let s = Stage::of(open, revealed);
            assert_eq!(s, stage, "open {open}, revealed {revealed}");
            assert_eq!(s.takes_answers(), answers, "{s:?} takes answers");
            assert_eq!(s.shows_picture_to(GroupMember), inside, "{s:?} inside");
            assert_eq!(s.shows_picture_to(Outside), outside, "{s:?} outside");
        }
    }

    #[test]
    fn a_picture_is_revealed_once_from_the_group_threshold_and_only_when_confirmed() {
        let key = |r: Result<(), ValidationError>| r.err().map(|e| e.key);
        assert_eq!(key(check_reveal(Stage::Collecting, GROUP_THRESHOLD, true)), None);
        assert_eq!(key(check_reveal(Stage::Collecting, GROUP_THRESHOLD - 1, true)), Some("reveal-error-too-few"));
        assert_eq!(key(check_reveal(Stage::Collecting, 9, false)), Some("reveal-error-confirm"));
        assert_eq!(key(check_reveal(Stage::Revealed, 9, true)), Some("reveal-error-already"));
        assert_eq!(key(check_reveal(Stage::Closed, 9, true)), Some("reveal-error-already"));
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
