//! The thread across levels: a point, theme or action lifted one level up
//! with its owner's consent (a leader's agreement → the leader group → the
//! organisation), and the receiving level's answer.
//!
//! The rules here are the same for every tool that lifts something: what
//! may be lifted is named by a `SourceKind`, where it goes by a
//! `Destination`, and who may see and answer it by `Level` and `Seat`.
//! The sender's name travels only when the sender chose so (`attributed`);
//! a lift lifted on never carries the first sender's name.

use crate::ids::GroupId;
use crate::input::ValidationError;

/// What was lifted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A point of the sender's own leader agreement (Tool 1).
    AgreementPoint,
    /// A lift that arrived at a group, lifted on by the group's leader.
    Lift,
    /// A theme the group sorted as the organisation's in its APV (Skema 2),
    /// sent by the group's leader; source id `<round>/<theme revision>/<colour>`.
    ApvTheme,
    /// A point of a leader group's settled agreement (Tool 2), sent by the
    /// group's leader; source id `<round>/<point>`.
    CollabPoint,
    /// A next step agreed in a live session with the leader group's deck,
    /// sent by its facilitator; source id `<session>/<step number>`.
    LiveStep,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] = [SourceKind::AgreementPoint, SourceKind::Lift, SourceKind::ApvTheme, SourceKind::CollabPoint, SourceKind::LiveStep];

    /// The stable name stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::AgreementPoint => "agreement_point",
            SourceKind::Lift => "lift",
            SourceKind::ApvTheme => "apv_theme",
            SourceKind::CollabPoint => "collab_point",
            SourceKind::LiveStep => "live_step",
        }
    }

    pub fn parse(s: &str) -> Option<SourceKind> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Translation key of "where it came from", shown at the receiving level.
    pub fn label_key(self) -> &'static str {
        match self {
            SourceKind::AgreementPoint => "thread-source-agreement-point",
            SourceKind::Lift => "thread-source-lift",
            SourceKind::ApvTheme => "thread-source-apv-theme",
            SourceKind::CollabPoint => "thread-source-collab-point",
            SourceKind::LiveStep => "thread-source-live-step",
        }
    }
}

/// A receiving level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// A leader group: its leader answers.
    Group,
    /// The organisation (the plan for leader wellbeing): HR answers.
    Organisation,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::Group, Level::Organisation];

    pub fn code(self) -> &'static str {
        match self {
            Level::Group => "group",
            Level::Organisation => "organisation",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Self::ALL.into_iter().find(|l| l.code() == s)
    }

    /// The level a lift arriving here can be lifted on to; none above the organisation.
    pub fn above(self) -> Option<Level> {
        match self {
            Level::Group => Some(Level::Organisation),
            Level::Organisation => None,
        }
    }

    /// Who sees the level's inbox: the group's people, or HR for the organisation.
    pub fn may_see(self, seat: Seat) -> bool {
        match self {
            Level::Group => seat.in_group || seat.leads_group,
            Level::Organisation => seat.is_hr,
        }
    }

    /// Who answers for the level: the group's leader, or HR for the organisation.
    pub fn may_answer(self, seat: Seat) -> bool {
        match self {
            Level::Group => seat.leads_group,
            Level::Organisation => seat.is_hr,
        }
    }

    /// Whoever answers for a level may lift what arrived on to the level above.
    pub fn may_lift_on(self, seat: Seat) -> bool {
        self.above().is_some() && self.may_answer(seat)
    }
}

/// How the viewer stands to a receiving level: for a group level, to that
/// group; `is_hr` for the organisation level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seat {
    pub in_group: bool,
    pub leads_group: bool,
    pub is_hr: bool,
}

/// Where a lift goes: one leader group, or the organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    Group(GroupId),
    Organisation,
}

impl Destination {
    pub fn level(&self) -> Level {
        match self {
            Destination::Group(_) => Level::Group,
            Destination::Organisation => Level::Organisation,
        }
    }

    pub fn group(&self) -> Option<&GroupId> {
        match self {
            Destination::Group(g) => Some(g),
            Destination::Organisation => None,
        }
    }
}

/// Whether the receiving level sees who sent a lift: only if the sender
/// chose so. The sender always sees their own.
pub fn shows_sender(attributed: bool, viewer_is_sender: bool) -> bool {
    attributed || viewer_is_sender
}

/// Where a lift stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LiftStatus {
    /// Sent, not yet answered.
    Open,
    /// Taken into the receiving level's work (the group's agreement, the plan).
    Taken,
    /// The receiving level points to where it is dealt with.
    HandledElsewhere,
    /// Not taken up; always with a reason.
    Declined,
}

impl LiftStatus {
    pub const ALL: [LiftStatus; 4] =
        [LiftStatus::Open, LiftStatus::Taken, LiftStatus::HandledElsewhere, LiftStatus::Declined];
    /// The statuses an answer may give, in the order the form offers them.
    pub const ANSWERS: [LiftStatus; 3] = [LiftStatus::Taken, LiftStatus::HandledElsewhere, LiftStatus::Declined];

    pub fn code(self) -> &'static str {
        match self {
            LiftStatus::Open => "open",
            LiftStatus::Taken => "taken",
            LiftStatus::HandledElsewhere => "handled_elsewhere",
            LiftStatus::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<LiftStatus> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }

    /// Reads a stored value; an unknown value counts as open (not yet answered).
    pub fn from_db(s: &str) -> LiftStatus {
        Self::parse(s).unwrap_or(LiftStatus::Open)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            LiftStatus::Open => "thread-status-open",
            LiftStatus::Taken => "thread-status-taken",
            LiftStatus::HandledElsewhere => "thread-status-handled-elsewhere",
            LiftStatus::Declined => "thread-status-declined",
        }
    }

    pub fn is_open(self) -> bool {
        self == LiftStatus::Open
    }
}

/// What is lifted, in the sender's own words: a copy of the point they may
/// edit before sending, so the receiving level reads only what they chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiftText(String);

impl LiftText {
    pub const MAX_LEN: usize = 500;

    pub fn parse(raw: &str) -> Result<LiftText, ValidationError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(ValidationError::new("thread-error-text-missing"));
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(ValidationError::new("thread-error-text-too-long"));
        }
        if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
            return Err(ValidationError::new("error-text-control-chars"));
        }
        Ok(LiftText(s.replace("\r\n", "\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The receiving level's answer: a closing status and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: LiftStatus,
    pub text: String,
}

impl Answer {
    pub const MAX_LEN: usize = 1000;

    /// An answer sets one of `LiftStatus::ANSWERS`; its text is optional,
    /// except that declining needs a reason, and is at most 1000 characters.
    pub fn parse(status: &str, text: &str) -> Result<Answer, ValidationError> {
        let status = LiftStatus::parse(status.trim())
            .filter(|s| !s.is_open())
            .ok_or(ValidationError::new("thread-error-status-invalid"))?;
        let text = text.trim();
        if text.chars().count() > Self::MAX_LEN {
            return Err(ValidationError::new("thread-error-answer-too-long"));
        }
        if text.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
            return Err(ValidationError::new("error-text-control-chars"));
        }
        if status == LiftStatus::Declined && text.is_empty() {
            return Err(ValidationError::new("thread-error-reason-missing"));
        }
        Ok(Answer { status, text: text.replace("\r\n", "\n") })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::parse(k.code()), Some(k));
        }
        for l in Level::ALL {
            assert_eq!(Level::parse(l.code()), Some(l));
        }
        for s in LiftStatus::ALL {
            assert_eq!(LiftStatus::parse(s.code()), Some(s));
        }
        assert_eq!(SourceKind::parse("apv"), None);
        assert_eq!(Level::parse("unit"), None);
        assert_eq!(LiftStatus::from_db("garbage"), LiftStatus::Open);
    }

    #[test]
    fn levels_go_up_to_the_organisation_and_stop() {
        assert_eq!(Level::Group.above(), Some(Level::Organisation));
        assert_eq!(Level::Organisation.above(), None);
        let dest = Destination::Group(GroupId::new());
        assert_eq!(dest.level(), Level::Group);
        assert!(dest.group().is_some());
        assert_eq!(Destination::Organisation.level(), Level::Organisation);
        assert_eq!(Destination::Organisation.group(), None);
    }

    #[test]
    fn who_sees_answers_and_lifts_on_at_each_level() {
        // (name, seat) → group: [see, answer, lift on], organisation: [see, answer, lift on]
        let member = Seat { in_group: true, ..Seat::default() };
        let leader = Seat { in_group: true, leads_group: true, is_hr: false };
        let leader_outside = Seat { leads_group: true, ..Seat::default() };
        let hr = Seat { is_hr: true, ..Seat::default() };
        let hr_member = Seat { in_group: true, is_hr: true, ..Seat::default() };
        let cases = [
            ("member", member, [true, false, false], [false, false, false]),
            ("group leader", leader, [true, true, true], [false, false, false]),
            ("group leader not listed as member", leader_outside, [true, true, true], [false, false, false]),
            ("HR outside the group", hr, [false, false, false], [true, true, false]),
            ("HR who is a member", hr_member, [true, false, false], [true, true, false]),
            ("stranger", Seat::default(), [false, false, false], [false, false, false]),
        ];
        for (name, seat, group, org) in cases {
            let at = |l: Level| [l.may_see(seat), l.may_answer(seat), l.may_lift_on(seat)];
            assert_eq!(at(Level::Group), group, "{name} at the group");
            assert_eq!(at(Level::Organisation), org, "{name} at the organisation");
        }
    }

    #[test]
    fn the_sender_is_shown_only_by_choice() {
        assert!(shows_sender(true, false));
        assert!(!shows_sender(false, false));
        assert!(shows_sender(false, true), "the sender always sees their own");
    }

    #[test]
    fn lift_text_is_trimmed_and_bounded() {
        assert_eq!(LiftText::parse("  Mere tid til sparring \r\n ").unwrap().as_str(), "Mere tid til sparring");
        assert_eq!(LiftText::parse(" \n ").unwrap_err().key, "thread-error-text-missing");
        assert_eq!(LiftText::parse(&"æ".repeat(501)).unwrap_err().key, "thread-error-text-too-long");
        assert!(LiftText::parse(&"æ".repeat(500)).is_ok());
        assert_eq!(LiftText::parse("a\u{7}b").unwrap_err().key, "error-text-control-chars");
        assert_eq!(LiftText::parse("to\r\nlinjer").unwrap().as_str(), "to\nlinjer");
    }

    #[test]
    fn answers_close_the_lift_and_declining_needs_a_reason() {
        let taken = Answer::parse("taken", "").unwrap();
        assert_eq!(taken, Answer { status: LiftStatus::Taken, text: String::new() });
        assert_eq!(Answer::parse("handled_elsewhere", " MED tager den ").unwrap().text, "MED tager den");
        assert_eq!(Answer::parse("declined", "Det ligger uden for gruppen").unwrap().status, LiftStatus::Declined);
        assert_eq!(Answer::parse("declined", "  ").unwrap_err().key, "thread-error-reason-missing");
        assert_eq!(Answer::parse("open", "x").unwrap_err().key, "thread-error-status-invalid");
        assert_eq!(Answer::parse("maybe", "x").unwrap_err().key, "thread-error-status-invalid");
        assert_eq!(Answer::parse("", "x").unwrap_err().key, "thread-error-status-invalid");
        assert_eq!(Answer::parse("taken", &"x".repeat(1001)).unwrap_err().key, "thread-error-answer-too-long");
        assert!(Answer::parse("taken", &"x".repeat(1000)).is_ok());
        for s in LiftStatus::ANSWERS {
            assert!(!s.is_open());
        }
    }
}
