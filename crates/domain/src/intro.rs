//! The introduction tool, "Sæt spot på lederes trivsel": a group's short shared
//! picture of leader wellbeing in three sections, summarised under the
//! anonymity rule, ending in a decision on the next step.

use crate::anonymity::{AnonymityRule, Audience};
use crate::promise::Stage;
use crate::ValidationError;
use serde::{Deserialize, Serialize};

/// The three sections of the shared picture, in the order they are answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Section {
    /// What we know about leader wellbeing here.
    Know,
    /// How we anchor the work in the organisation.
    Anchor,
    /// How it is going with leader wellbeing here.
    Status,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Know, Section::Anchor, Section::Status];

    pub fn code(self) -> &'static str {
        match self {
            Section::Know => "know",
            Section::Anchor => "anchor",
            Section::Status => "status",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// An answer on the five-point agreement scale (1 = strongly disagree,
/// 5 = strongly agree). "Don't know" is not stored: the item is left unanswered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScaleValue(u8);

impl ScaleValue {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn parse(raw: &str) -> Result<Option<Self>, ValidationError> {
        let raw = raw.trim();
        if raw.is_empty() || raw == "unknown" {
            return Ok(None);
        }
        match raw.parse::<u8>() {
            Ok(v) if (Self::MIN..=Self::MAX).contains(&v) => Ok(Some(Self(v))),
            _ => Err(ValidationError::new("error-scale-invalid")),
        }
    }

    pub fn from_db(v: i64) -> Option<Self> {
        u8::try_from(v).ok().filter(|v| (Self::MIN..=Self::MAX).contains(v)).map(Self)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// The tools a group can choose as its next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextTool {
    LeaderDialog,
    GroupCollaboration,
    OrganisationPlan,
    LeaderApv,
    DialogCards,
    Network,
}

impl NextTool {
    pub const ALL: [NextTool; 6] = [
        NextTool::LeaderDialog,
        NextTool::GroupCollaboration,
        NextTool::OrganisationPlan,
        NextTool::LeaderApv,
        NextTool::DialogCards,
        NextTool::Network,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NextTool::LeaderDialog => "leader_dialog",
            NextTool::GroupCollaboration => "group_collaboration",
            NextTool::OrganisationPlan => "organisation_plan",
            NextTool::LeaderApv => "leader_apv",
            NextTool::DialogCards => "dialog_cards",
            NextTool::Network => "network",
        }
    }

    pub fn parse(s: &str) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|t| t.code() == s)
            .ok_or(ValidationError::new("error-next-tool-invalid"))
    }

    pub fn label_key(self) -> &'static str {
        match self {
            NextTool::LeaderDialog => "tool-leader-dialog",
            NextTool::GroupCollaboration => "tool-group-collaboration",
            NextTool::OrganisationPlan => "tool-organisation-plan",
            NextTool::LeaderApv => "tool-leader-apv",
            NextTool::DialogCards => "tool-dialog-cards",
            NextTool::Network => "tool-network",
        }
    }
}

/// One item's picture: how many chose each scale value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemPicture {
    /// `counts[v - 1]` is the number who answered `v`.
    pub counts: [u32; 5],
    pub answered: u32,
    /// Fewer than the threshold took a stand on this item (the rest said
    /// "don't know"): its counts are zeroed, since the item is a slice of
    /// its own and would show those few answers.
    pub withheld: bool,
}

impl ItemPicture {
    /// Mean on the 1–5 scale, one decimal, or `None` when nobody answered.
    pub fn mean_tenths(&self) -> Option<u32> {
        if self.answered == 0 {
            return None;
        }
        let sum: u32 = self.counts.iter().enumerate().map(|(i, c)| (i as u32 + 1) * c).sum();
        // Rounded to the nearest tenth: (sum * 10 / answered), half up.
        Some((sum * 20 + self.answered) / (2 * self.answered))
    }
}

/// What a viewer may see of a run: either the picture, or only that it is hidden.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picture<T> {
    Shown(T),
    /// Fewer respondents than the viewer's threshold: the figure is withheld.
    Withheld { respondents: u32, needed: u32 },
    /// Outside the group, a round is shown only once it is closed: a picture
    /// that grows while someone outside watches could be differenced (seen at
    /// n answers, then at n + 1) to single out the last person who answered.
    UntilClosed,
    /// Inside the group, a round is shown only once its leader has revealed
    /// it to the whole group at once (`promise::Stage`), for the same reason.
    UntilRevealed,
    /// The round's answers were deleted after the retention period.
    AnswersDeleted,
}

/// Builds the per-item pictures from `(item index, value)` answers, given the
/// number of distinct respondents of the run. The whole run is one slice: it
/// is shown or withheld as one, so no item can be compared with another to
/// single out a person. Inside the group it is shown once revealed, outside
/// only once closed (`promise::Stage`).
pub fn summarise(
    item_count: usize,
    answers: impl IntoIterator<Item = (usize, ScaleValue)>,
    respondents: u32,
    stage: Stage,
    rule: &AnonymityRule,
    audience: Audience,
) -> Picture<Vec<ItemPicture>> {
    if stage == Stage::AnswersDeleted {
        return Picture::AnswersDeleted;
    }
    if !stage.shows_picture_to(audience) {
        return match audience {
            Audience::Outside => Picture::UntilClosed,
            Audience::GroupMember => Picture::UntilRevealed,
        };
    }
    let needed = rule.min_for_counts(audience);
    if respondents < needed {
        return Picture::Withheld { respondents, needed };
    }
    let mut items = vec![ItemPicture { counts: [0; 5], answered: 0, withheld: false }; item_count];
    for (index, value) in answers {
        if let Some(item) = items.get_mut(index) {
            item.counts[usize::from(value.get() - 1)] += 1;
            item.answered += 1;
        }
    }
    for item in &mut items {
        if item.answered > 0 && item.answered < needed {
            *item = ItemPicture { counts: [0; 5], answered: 0, withheld: true };
        }
    }
    Picture::Shown(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(n: u8) -> ScaleValue {
        ScaleValue::parse(&n.to_string()).unwrap().unwrap()
    }

    #[test]
    fn scale_accepts_one_to_five_and_unknown() {
        assert_eq!(ScaleValue::parse("").unwrap(), None);
        assert_eq!(ScaleValue::parse("unknown").unwrap(), None);
        assert_eq!(ScaleValue::parse("3").unwrap().unwrap().get(), 3);
        for bad in ["0", "6", "-1", "tre", "2.5"] {
            assert_eq!(ScaleValue::parse(bad).unwrap_err().key, "error-scale-invalid");
        }
    }

    #[test]
    fn an_item_too_few_took_a_stand_on_is_withheld_on_its_own() {
        let rule = AnonymityRule::default();
        // Three answered the run; only two took a stand on item 1.
        let answers = [(0, v(4)), (0, v(5)), (0, v(2)), (1, v(3)), (1, v(1))];
        let Picture::Shown(items) = summarise(2, answers, 3, Stage::Revealed, &rule, Audience::GroupMember) else { panic!("shown") };
        assert!(!items[0].withheld && items[0].answered == 3);
        assert!(items[1].withheld && items[1].counts == [0; 5] && items[1].mean_tenths().is_none());
    }

    #[test]
    fn group_members_see_the_picture_from_three() {
        let rule = AnonymityRule::default();
        let answers = [(0, v(4)), (0, v(5)), (0, v(2)), (1, v(3))];
        assert_eq!(
            summarise(2, answers, 2, Stage::Revealed, &rule, Audience::GroupMember),
            Picture::Withheld { respondents: 2, needed: 3 }
        );
        let Picture::Shown(items) = summarise(2, answers, 3, Stage::Revealed, &rule, Audience::GroupMember) else {
            panic!("three respondents must show the picture to members");
        };
        assert_eq!(items[0].counts, [0, 1, 0, 1, 1]);
        assert_eq!(items[0].mean_tenths(), Some(37));
        assert!(items[1].withheld && items[1].answered == 0, "one stand on an item of three respondents is withheld");
    }

    #[test]
    fn outsiders_need_the_organisation_threshold() {
        let rule = AnonymityRule::new(5, 8).unwrap();
        assert!(matches!(summarise(1, [], 4, Stage::Closed, &rule, Audience::Outside), Picture::Withheld { needed: 5, .. }));
        assert!(matches!(summarise(1, [], 5, Stage::Closed, &rule, Audience::Outside), Picture::Shown(_)));
    }

    #[test]
    fn outsiders_see_only_closed_rounds_and_the_group_only_revealed_ones() {
        let rule = AnonymityRule::new(5, 8).unwrap();
        assert_eq!(summarise(1, [], 9, Stage::Revealed, &rule, Audience::Outside), Picture::UntilClosed);
        // Inside the group the picture never grows one answer at a time.
        assert_eq!(summarise(1, [], 3, Stage::Collecting, &rule, Audience::GroupMember), Picture::UntilRevealed);
        for audience in [Audience::GroupMember, Audience::Outside] {
            assert_eq!(summarise(1, [], 0, Stage::AnswersDeleted, &rule, audience), Picture::AnswersDeleted);
        }
        assert!(matches!(summarise(1, [], 3, Stage::Revealed, &rule, Audience::GroupMember), Picture::Shown(_)));
    }

    #[test]
    fn next_tool_codes_round_trip() {
        for t in NextTool::ALL {
            assert_eq!(NextTool::parse(t.code()).unwrap(), t);
        }
        assert!(NextTool::parse("tool9").is_err());
    }
}
