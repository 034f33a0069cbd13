//! Who may do what with a leader's agreement: one place, plain functions,
//! tested as a table of party × action.
//!
//! The agreement is the leader's. The person in `shared_with_id` (the
//! nearest leader when it was shared) sees its shared points and follow-up,
//! comments and marks it agreed, until the leader withdraws or shares it
//! with someone else. Nobody else learns it exists: callers turn
//! `Party::None` into 404, never 403, and that includes HR and the
//! leader's new nearest leader before the leader shares anew.

use domain::ids::PersonId;

/// How the viewer stands to one agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    /// The leader whose agreement it is.
    Leader,
    /// The person the leader shares it with.
    SharedWith,
    /// Anyone else: the agreement does not exist for them.
    None,
}

impl Party {
    pub fn of(viewer: &PersonId, leader: &PersonId, shared_with: Option<&PersonId>) -> Party {
        if viewer == leader {
            Party::Leader
        } else if shared_with == Some(viewer) {
            Party::SharedWith
        } else {
            Party::None
        }
    }

    /// May open the shared agreement's page under /team.
    pub fn may_read_shared(self) -> bool {
        self == Party::SharedWith
    }

    /// May see a point: the leader every one, the other party the shared ones.
    pub fn sees_point(self, shared: bool) -> bool {
        match self {
            Party::Leader => true,
            Party::SharedWith => shared,
            Party::None => false,
        }
    }

    /// Both parties talk while the agreement is shared; nobody before.
    pub fn may_comment(self, is_shared: bool) -> bool {
        is_shared && matches!(self, Party::Leader | Party::SharedWith)
    }

    /// The nearest leader's "agreed" mark is set by the person it is shared with.
    pub fn may_mark_agreed_as_nearest(self) -> bool {
        self == Party::SharedWith
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_by_action() {
        let (leader, nearest, other) = (PersonId::new(), PersonId::new(), PersonId::new());
        // (case, viewer, shared with, party, read, see shared point, see private point, comment, mark agreed)
        let cases = [
            ("the leader", &leader, Some(&nearest), Party::Leader, false, true, true, true, false),
            ("the person it is shared with", &nearest, Some(&nearest), Party::SharedWith, true, true, false, true, true),
            ("the nearest leader after withdrawal", &nearest, None, Party::None, false, false, false, false, false),
            ("the old nearest leader after a reshare", &nearest, Some(&other), Party::None, false, false, false, false, false),
            ("anyone else (HR, another leader)", &other, Some(&nearest), Party::None, false, false, false, false, false),
        ];
        for (case, viewer, with, party, read, shared, private, comment, agree) in cases {
            let p = Party::of(viewer, &leader, with);
            assert_eq!(p, party, "{case}");
            assert_eq!(p.may_read_shared(), read, "{case}: read");
            assert_eq!(p.sees_point(true), shared, "{case}: shared point");
            assert_eq!(p.sees_point(false), private, "{case}: private point");
            assert_eq!(p.may_comment(with.is_some()), comment, "{case}: comment");
            assert_eq!(p.may_mark_agreed_as_nearest(), agree, "{case}: agreed");
        }
        assert!(!Party::Leader.may_comment(false), "no conversation before the agreement is shared");
    }
}
