//! The leader APV (seed 001): Skema 1's colours and keywords, Skema 2's
//! picture and sorting, Skema 3's action plans and the law's questions.
//!
//! The group's picture follows the same rule as every aggregate: inside the
//! group from three handed-in answers, outside only at the organisation's
//! thresholds and only once the round is closed (a picture that grows while
//! someone outside watches could single out the last person who answered).

use crate::anonymity::{AnonymityRule, Audience};
use crate::promise::Stage;
use crate::input::ValidationError;
use std::hash::{Hash, Hasher};

pub mod overview;

/// The mapping of today, or the future APV (keep / leave behind / think anew).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Variant {
    Now,
    Future,
}

impl Variant {
    pub const ALL: [Variant; 2] = [Variant::Now, Variant::Future];

    pub fn code(self) -> &'static str {
        match self {
            Variant::Now => "now",
            Variant::Future => "future",
        }
    }

    pub fn parse(s: &str) -> Result<Variant, ValidationError> {
        Self::ALL.into_iter().find(|v| v.code() == s).ok_or(ValidationError::new("apv-error-variant"))
    }
}

/// A column of Skema 1. In the future APV red is "leave behind", yellow
/// "think anew" and green "keep"; the stored code is the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Colour {
    Red,
    Yellow,
    Green,
}

impl Colour {
    pub const ALL: [Colour; 3] = [Colour::Red, Colour::Yellow, Colour::Green];

    pub fn code(self) -> &'static str {
        match self {
            Colour::Red => "red",
            Colour::Yellow => "yellow",
            Colour::Green => "green",
        }
    }

    pub fn parse(s: &str) -> Option<Colour> {
        Self::ALL.into_iter().find(|c| c.code() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Where Skema 2 puts a theme in a colour: who can act on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Individual,
    Group,
    Organisation,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Individual, Level::Group, Level::Organisation];

    pub fn code(self) -> &'static str {
        match self {
            Level::Individual => "individual",
            Level::Group => "group",
            Level::Organisation => "organisation",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Self::ALL.into_iter().find(|l| l.code() == s)
    }
}

/// The group picks one or two themes to work on, each with its own plan.
pub const MAX_CHOSEN: usize = 2;

/// Keywords for one theme in one colour. Empty is allowed: a leader may
/// mark a colour without words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keywords(String);

impl Keywords {
    pub const MAX_LEN: usize = 600;

    pub fn parse(raw: &str) -> Result<Keywords, ValidationError> {
        let s = raw.trim().replace("\r\n", "\n");
        if s.chars().count() > Self::MAX_LEN {
            return Err(ValidationError::new("apv-error-keywords-too-long"));
        }
        if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(ValidationError::new("error-text-control-chars"));
        }
        Ok(Keywords(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One leader's answer to one theme: per colour, marked with keywords or not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    pub colours: [Option<String>; 3],
}

impl Mark {
    pub fn get(&self, colour: Colour) -> Option<&str> {
        self.colours[colour.index()].as_deref()
    }

    pub fn is_empty(&self) -> bool {
        self.colours.iter().all(Option::is_none)
    }
}

/// One theme in the group's picture: how many marked each colour, and the
/// pooled keywords per colour in an order that says nothing about who wrote them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeTally {
    pub counts: [u32; 3],
    pub keywords: [Vec<String>; 3],
}

impl ThemeTally {
    pub fn count(&self, colour: Colour) -> u32 {
        self.counts[colour.index()]
    }
}

/// What a viewer may see of a round's picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picture {
    /// Per theme, in the round's theme order. `keywords_shown` is false when
    /// the counts may be shown but the free text needs more respondents.
    Shown { themes: Vec<ThemeTally>, keywords_shown: bool },
    Withheld { respondents: u32, needed: u32 },
    /// Outside the group: not before the round has closed.
    UntilClosed,
    /// Inside the group: not before its leader has revealed it to all at once.
    UntilRevealed,
    /// The round's answers were deleted after the retention period.
    AnswersDeleted,
}

/// Builds the picture from the handed-in answers `(theme index, mark)` of
/// `respondents` leaders. The whole round is one slice, shown or withheld
/// as one, so no theme can be set against another to single out a person.
pub fn picture(
    theme_count: usize,
    marks: impl IntoIterator<Item = (usize, Mark)>,
    respondents: u32,
    stage: Stage,
    rule: &AnonymityRule,
    audience: Audience,
    seed: &str,
) -> Picture {
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
    let keywords_shown = rule.may_show_free_text(audience, respondents);
    let mut themes = vec![ThemeTally::default(); theme_count];
    for (index, mark) in marks {
        let Some(theme) = themes.get_mut(index) else { continue };
        for colour in Colour::ALL {
            if let Some(words) = mark.get(colour) {
                theme.counts[colour.index()] += 1;
                if keywords_shown && !words.trim().is_empty() {
                    theme.keywords[colour.index()].push(words.trim().to_string());
                }
            }
        }
    }
    for theme in &mut themes {
        for words in &mut theme.keywords {
            shuffle(words, seed);
        }
    }
    Picture::Shown { themes, keywords_shown }
}

/// Orders keywords by a hash of the text and the round, so the order is the
/// same on every screen and reload but says nothing about who answered when.
fn shuffle(words: &mut [String], seed: &str) {
    words.sort_by_cached_key(|w| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        w.hash(&mut h);
        (h.finish(), w.clone())
    });
}

/// Skema 2's order: the themes most marked red first, then yellow; ties
/// keep the form's order. Returns theme indexes.
pub fn by_urgency(themes: &[ThemeTally]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..themes.len()).collect();
    order.sort_by_key(|&i| {
        let t = &themes[i];
        (std::cmp::Reverse(t.count(Colour::Red)), std::cmp::Reverse(t.count(Colour::Yellow)), i)
    });
    order
}

/// The choice of themes to work on: one or two, no repeats, each among `known`.
pub fn parse_chosen<'a>(picked: &[&'a str], known: &[&str]) -> Result<Vec<&'a str>, ValidationError> {
    let mut chosen: Vec<&str> = Vec::new();
    for p in picked {
        if !known.contains(p) {
            return Err(ValidationError::new("apv-error-theme-unknown"));
        }
        if !chosen.contains(p) {
            chosen.push(p);
        }
    }
    if chosen.is_empty() {
        return Err(ValidationError::new("apv-error-choose-none"));
    }
    if chosen.len() > MAX_CHOSEN {
        return Err(ValidationError::new("apv-error-choose-too-many"));
    }
    Ok(chosen)
}

/// Does the work environment contribute to sickness absence? Every APV answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absence {
    Yes,
    Partly,
    No,
}

impl Absence {
    pub const ALL: [Absence; 3] = [Absence::Yes, Absence::Partly, Absence::No];

    pub fn code(self) -> &'static str {
        match self {
            Absence::Yes => "yes",
            Absence::Partly => "partly",
            Absence::No => "no",
        }
    }

    pub fn parse(s: &str) -> Option<Absence> {
        Self::ALL.into_iter().find(|a| a.code() == s)
    }
}

/// The law asks for a new APV at least every three years; the method
/// suggests a yearly round, which is the default.
pub const MAX_YEARS_BETWEEN: i32 = 3;

/// The next APV's default date: a year after `from`.
/// What the APV's documentation needs of each chosen theme's action plan
/// before the round may close: the problem described, and at least one
/// action with someone responsible (every action has a deadline). A round
/// closed without them would leave the law's documentation without problem,
/// owner and deadline.
pub fn check_plan_documented(issue: &str, actions_with_owner: usize) -> Result<(), ValidationError> {
    if issue.trim().is_empty() {
        return Err(ValidationError::new("apv-error-close-plan-issue"));
    }
    if actions_with_owner == 0 {
        return Err(ValidationError::new("apv-error-close-plan-action"));
    }
    Ok(())
}

pub fn default_next_due(from: time::Date) -> time::Date {
    add_years(from, 1)
}

/// Accepts a next-APV date after `from` and at most three years later.
pub fn check_next_due(due: time::Date, from: time::Date) -> Result<time::Date, ValidationError> {
    if due <= from {
        return Err(ValidationError::new("apv-error-next-due-past"));
    }
    if due > add_years(from, MAX_YEARS_BETWEEN) {
        return Err(ValidationError::new("apv-error-next-due-too-late"));
    }
    Ok(due)
}

/// The same day `years` later; 29 February becomes 28 February.
fn add_years(d: time::Date, years: i32) -> time::Date {
    let year = d.year() + years;
    time::Date::from_calendar_date(year, d.month(), d.day())
        .or_else(|_| time::Date::from_calendar_date(year, d.month(), 28))
        .expect("the 28th exists in every month")
}

/// Reviewing last round's action at the next round's meeting: did it work?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Worked {
    Yes,
    Partly,
    No,
}

impl Worked {
    pub const ALL: [Worked; 3] = [Worked::Yes, Worked::Partly, Worked::No];

    pub fn code(self) -> &'static str {
        match self {
            Worked::Yes => "yes",
            Worked::Partly => "partly",
            Worked::No => "no",
        }
    }

    pub fn parse(s: &str) -> Option<Worked> {
        Self::ALL.into_iter().find(|w| w.code() == s)
    }
}

/// ... and do we carry on with it or drop it?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    CarryOn,
    Drop,
}

impl NextStep {
    pub const ALL: [NextStep; 2] = [NextStep::CarryOn, NextStep::Drop];

    pub fn code(self) -> &'static str {
        match self {
            NextStep::CarryOn => "carry_on",
            NextStep::Drop => "drop",
        }
    }

    pub fn parse(s: &str) -> Option<NextStep> {
        Self::ALL.into_iter().find(|n| n.code() == s)
    }
}

/// The group's verdict on one of last round's actions: done, did it work,
/// and do we carry on with it or drop it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Review {
    pub done: bool,
    pub worked: Worked,
    pub next_step: NextStep,
}

impl Review {
    /// From the form's three answers: none given is no review yet; some but
    /// not all is refused, so a half-answered row never looks finished.
    pub fn parse(done: &str, worked: &str, next_step: &str) -> Result<Option<Review>, ValidationError> {
        if [done, worked, next_step].iter().all(|v| v.is_empty()) {
            return Ok(None);
        }
        let done = match done {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        match (done, Worked::parse(worked), NextStep::parse(next_step)) {
            (Some(done), Some(worked), Some(next_step)) => Ok(Some(Review { done, worked, next_step })),
            _ => Err(ValidationError::new("apv-error-review-incomplete")),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_review_is_all_three_answers_or_none() {
        assert_eq!(Review::parse("", "", ""), Ok(None));
        assert_eq!(
            Review::parse("yes", "partly", "carry_on"),
            Ok(Some(Review { done: true, worked: Worked::Partly, next_step: NextStep::CarryOn }))
        );
        assert_eq!(Review::parse("no", "no", "drop").unwrap().unwrap().done, false);
        assert!(Review::parse("yes", "", "drop").is_err());
        assert!(Review::parse("maybe", "yes", "drop").is_err());
    }

    use super::*;
    use proptest::prelude::*;

    fn mark(red: Option<&str>, yellow: Option<&str>, green: Option<&str>) -> Mark {
        Mark { colours: [red.map(Into::into), yellow.map(Into::into), green.map(Into::into)] }
    }

    #[test]
    fn counts_each_colour_a_leader_marked() {
        let rule = AnonymityRule::default();
        let marks = vec![
            (0, mark(Some("for lidt tid"), None, Some("gode kolleger"))),
            (0, mark(Some(""), Some("møder"), None)),
            (0, mark(Some("for mange mails"), None, None)),
            (1, mark(None, None, Some(""))),
        ];
        let Picture::Shown { themes, keywords_shown } = picture(2, marks, 3, Stage::Revealed, &rule, Audience::GroupMember, "r")
        else {
            panic!("three answers inside the group are shown")
        };
        assert!(keywords_shown);
        assert_eq!(themes[0].counts, [3, 1, 1]);
        assert_eq!(themes[1].counts, [0, 0, 1]);
        let mut red = themes[0].keywords[0].clone();
        red.sort();
        assert_eq!(red, vec!["for lidt tid", "for mange mails"], "an empty keyword is a mark, not a word");
    }

    #[test]
    fn two_answers_are_withheld_inside_and_an_open_round_outside() {
        let rule = AnonymityRule::default();
        assert_eq!(
            picture(1, vec![], 2, Stage::Revealed, &rule, Audience::GroupMember, "r"),
            Picture::Withheld { respondents: 2, needed: 3 }
        );
        assert_eq!(picture(1, vec![], 20, Stage::Revealed, &rule, Audience::Outside, "r"), Picture::UntilClosed);
        assert_eq!(picture(1, vec![], 20, Stage::Collecting, &rule, Audience::GroupMember, "r"), Picture::UntilRevealed);
        assert_eq!(picture(1, vec![], 0, Stage::AnswersDeleted, &rule, Audience::Outside, "r"), Picture::AnswersDeleted);
        assert_eq!(picture(1, vec![], 4, Stage::Closed, &rule, Audience::Outside, "r"), Picture::Withheld { respondents: 4, needed: 5 });
    }

    #[test]
    fn outside_the_group_keywords_need_the_higher_threshold() {
        let rule = AnonymityRule::default();
        let marks: Vec<_> = (0..6).map(|i| (0, mark(Some(&format!("ord {i}")), None, None))).collect();
        let Picture::Shown { themes, keywords_shown } = picture(1, marks, 6, Stage::Closed, &rule, Audience::Outside, "r") else {
            panic!("six answers reach k = 5")
        };
        assert!(!keywords_shown);
        assert_eq!(themes[0].count(Colour::Red), 6);
        assert!(themes[0].keywords[0].is_empty());
    }

    #[test]
    fn themes_most_marked_red_come_first() {
        let t = |r, y| ThemeTally { counts: [r, y, 0], keywords: Default::default() };
        assert_eq!(by_urgency(&[t(1, 0), t(3, 0), t(1, 2), t(3, 0)]), vec![1, 3, 2, 0]);
    }

    #[test]
    fn one_or_two_known_themes_are_chosen() {
        let known = ["a", "b", "c"];
        assert_eq!(parse_chosen(&["b", "b"], &known).unwrap(), vec!["b"]);
        assert_eq!(parse_chosen(&[], &known).unwrap_err().key, "apv-error-choose-none");
        assert_eq!(parse_chosen(&["a", "b", "c"], &known).unwrap_err().key, "apv-error-choose-too-many");
        assert_eq!(parse_chosen(&["x"], &known).unwrap_err().key, "apv-error-theme-unknown");
    }

    #[test]
    fn the_next_apv_is_due_within_three_years() {
        let d = |s| crate::input::parse_date(s).unwrap();
        assert_eq!(default_next_due(d("2024-02-29")), d("2025-02-28"));
        assert!(check_next_due(d("2029-11-30"), d("2026-11-30")).is_ok());
        assert_eq!(check_next_due(d("2029-12-01"), d("2026-11-30")).unwrap_err().key, "apv-error-next-due-too-late");
        assert_eq!(check_next_due(d("2026-11-30"), d("2026-11-30")).unwrap_err().key, "apv-error-next-due-past");
    }

    #[test]
    fn keywords_are_trimmed_and_limited() {
        assert_eq!(Keywords::parse("  travlt \r\n ").unwrap().as_str(), "travlt");
        assert_eq!(Keywords::parse("").unwrap().as_str(), "");
        assert_eq!(Keywords::parse(&"x".repeat(601)).unwrap_err().key, "apv-error-keywords-too-long");
    }

    #[test]
    fn a_plan_needs_its_problem_and_an_owned_action_before_the_round_closes() {
        let key = |r: Result<(), ValidationError>| r.err().map(|e| e.key);
        assert_eq!(key(check_plan_documented("Beslutninger når for sent frem", 1)), None);
        assert_eq!(key(check_plan_documented("  ", 2)), Some("apv-error-close-plan-issue"));
        assert_eq!(key(check_plan_documented("Travlhed", 0)), Some("apv-error-close-plan-action"));
    }

    proptest! {
        /// Whatever the answers, a shown picture rests on at least the
        /// audience's threshold, an outside view only on a closed round, and
        /// the group's view only once revealed.
        #[test]
        fn never_shown_below_the_threshold(
            respondents in 0u32..12,
            open: bool,
            revealed: bool,
            outside: bool,
            k in 3u32..8,
            extra in 0u32..4,
        ) {
            let rule = AnonymityRule::new(k, k + extra).unwrap();
            let audience = if outside { Audience::Outside } else { Audience::GroupMember };
            let marks: Vec<_> = (0..respondents).map(|i| (0, mark(Some(&i.to_string()), None, None))).collect();
            let stage = Stage::of(open, revealed);
            match picture(1, marks, respondents, stage, &rule, audience, "seed") {
                Picture::Shown { themes, keywords_shown } => {
                    prop_assert!(respondents >= rule.min_for_counts(audience));
                    let may_show = if outside { !open } else { !open || revealed };
                    prop_assert!(may_show);
                    prop_assert_eq!(keywords_shown, respondents >= rule.min_for_free_text(audience));
                    prop_assert_eq!(themes[0].count(Colour::Red), respondents);
                }
                Picture::Withheld { needed, .. } => prop_assert!(respondents < needed),
                Picture::UntilClosed => prop_assert!(outside && open),
                Picture::UntilRevealed => prop_assert!(!outside && open && !revealed),
                Picture::AnswersDeleted => prop_assert!(false, "only a round marked deleted says so"),
            }
        }

        /// The pooled keywords' order does not depend on the order of answers.
        #[test]
        fn keyword_order_hides_who_answered_when(mut words in proptest::collection::vec("[a-z]{1,6}", 3..9)) {
            let rule = AnonymityRule::default();
            let marks = |ws: &[String]| ws.iter().map(|w| (0, mark(Some(w), None, None))).collect::<Vec<_>>();
            let n = words.len() as u32;
            let first = picture(1, marks(&words), n, Stage::Revealed, &rule, Audience::GroupMember, "round");
            words.reverse();
            let second = picture(1, marks(&words), n, Stage::Revealed, &rule, Audience::GroupMember, "round");
            prop_assert_eq!(first, second);
        }
    }
}
