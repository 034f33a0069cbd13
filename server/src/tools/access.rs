//! Who may do what with a leader group's shared work: one place, plain
//! functions, tested as a table of relation × action.
//!
//! A person outside the group who is not HR must not learn the group exists,
//! so callers turn `Relation::None` into 404, never 403.

use domain::anonymity::Audience;

/// How the viewer stands to one group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The group's leader (who also counts as a member).
    GroupLeader,
    Member,
    /// An HR admin who is neither member nor leader of the group.
    OutsideHr,
    /// Anyone else: the group does not exist for them.
    None,
}

impl Relation {
    pub fn of(is_leader: bool, is_member: bool, is_hr: bool) -> Relation {
        match (is_leader, is_member, is_hr) {
            (true, _, _) => Relation::GroupLeader,
            (false, true, _) => Relation::Member,
            (false, false, true) => Relation::OutsideHr,
            (false, false, false) => Relation::None,
        }
    }

    /// May see the group page, its rounds and (within the thresholds) results.
    pub fn may_view(self) -> bool {
        self != Relation::None
    }

    /// Whose threshold applies to the figures this viewer sees.
    pub fn audience(self) -> Audience {
        match self {
            Relation::GroupLeader | Relation::Member => Audience::GroupMember,
            Relation::OutsideHr | Relation::None => Audience::Outside,
        }
    }

    /// Answers are given by the group's own people only.
    pub fn may_answer(self) -> bool {
        matches!(self, Relation::GroupLeader | Relation::Member)
    }

    /// The group's leader starts rounds; HR may too, for any group.
    pub fn may_start_round(self, is_hr: bool) -> bool {
        self == Relation::GroupLeader || (self.may_view() && is_hr)
    }

    /// The group's leader records the decision; HR only for a group without a leader.
    pub fn may_decide(self, is_hr: bool, group_has_leader: bool) -> bool {
        self == Relation::GroupLeader || (self.may_view() && is_hr && !group_has_leader)
    }

    /// Decisions on work only the group sees (Tool 2's agreement, its
    /// follow-up, lifting and sharing): the group's leader, or any member of
    /// a group without a leader. HR outside the group never sees that work,
    /// so unlike `may_decide` it has no say there.
    pub fn may_lead_inside(self, group_has_leader: bool) -> bool {
        self == Relation::GroupLeader || (self.may_answer() && !group_has_leader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_from_facts() {
        assert_eq!(Relation::of(true, false, true), Relation::GroupLeader);
        assert_eq!(Relation::of(false, true, true), Relation::Member, "HR inside the group is a member there");
        assert_eq!(Relation::of(false, false, true), Relation::OutsideHr);
        assert_eq!(Relation::of(false, false, false), Relation::None);
    }

    #[test]
    fn access_table() {
        // (relation, is_hr, has_leader) → view, in the group, start, decide, audience.
        // What a viewer sees of one round (names, answering) is the round's
        // promise's to say: `domain::promise::Seat`.
        use Audience::*;
        use Relation::*;
        let cases = [
            ("leader", GroupLeader, false, true, [true, true, true, true], GroupMember),
            ("member", Member, false, true, [true, true, false, false], GroupMember),
            ("member who is HR", Member, true, true, [true, true, true, false], GroupMember),
            ("HR outside", OutsideHr, true, true, [true, false, true, false], Outside),
            ("HR, leaderless group", OutsideHr, true, false, [true, false, true, true], Outside),
            ("stranger", None, false, true, [false, false, false, false], Outside),
            ("stranger, leaderless group", None, false, false, [false, false, false, false], Outside),
        ];
        for (name, rel, is_hr, has_leader, expected, audience) in cases {
            let got = [rel.may_view(), rel.may_answer(), rel.may_start_round(is_hr), rel.may_decide(is_hr, has_leader)];
            assert_eq!(got, expected, "{name}");
            assert_eq!(rel.audience(), audience, "{name}");
        }
    }

    #[test]
    fn work_only_the_group_sees_is_led_inside_the_group() {
        use Relation::*;
        // (relation, group has a leader) → may lead
        let cases = [
            (GroupLeader, true, true),
            (Member, true, false),
            (Member, false, true),
            (OutsideHr, false, false),
            (None, false, false),
        ];
        for (rel, has_leader, expected) in cases {
            assert_eq!(rel.may_lead_inside(has_leader), expected, "{rel:?}, leader: {has_leader}");
        }
    }
}
