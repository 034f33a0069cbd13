//! The shipped card decks in Danish and English (`content/cards/<lang>.toml`),
//! parsed and checked when the server starts.
//!
//! Danish is the reference. The check refuses a file where the languages
//! disagree on anything a session relies on (decks, card codes and their
//! order, card kinds, procedures, step keys, timings), where a text is
//! empty, or where a deck breaks the method's shape: 16 theme cards for the
//! organisation, 14 question cards framed by a start and an end card for
//! leader wellbeing. Card codes are stable: sessions and printed sheets refer
//! to them, so a code is never reused for a different card.

use crate::content::PerLang;
use serde::Deserialize;
use std::collections::BTreeSet;

/// The shipped decks, in the order they are offered.
pub const DECKS: [&str; 5] = ["organisation", "leader_group", "one_to_one", "wellbeing", "network"];
/// The organisation deck's theme cards, as the method has them.
pub const ORGANISATION_THEMES: usize = 16;
/// The leader-wellbeing deck's question cards, between its start and end card.
pub const WELLBEING_QUESTIONS: usize = 14;
/// The steps of the prioritising procedure ("dialogredskab"). Picks are made
/// in private during `pick` and shown to everyone at once when it ends.
pub const PRIORITISE_STEPS: [&str; 5] = ["lay_out", "pick", "reasons", "prioritise", "next_steps"];
/// The steps of "Det korte møde".
pub const PAIR_INTERVIEW_STEPS: [&str; 4] = ["pairs", "interview", "swap", "close"];

/// Every deck in one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardSet {
    pub lang: String,
    pub version: i64,
    pub decks: Vec<Deck>,
}

impl CardSet {
    pub fn deck(&self, code: &str) -> Option<&Deck> {
        self.decks.iter().find(|d| d.code == code)
    }
}

/// A deck: its cards and the ways it is used.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    pub code: String,
    pub title: String,
    pub summary: String,
    /// Who the deck is for, as one sentence shown before a session starts.
    pub audience: String,
    pub procedures: Vec<Procedure>,
    pub cards: Vec<Card>,
}

impl Deck {
    pub fn card(&self, code: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.code == code)
    }

    pub fn procedure(&self, kind: ProcedureKind) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.kind == kind)
    }
}

/// How a deck is worked through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureKind {
    /// Pick, give reasons, prioritise 1–3 themes, agree next steps.
    Prioritise,
    /// "Det korte møde": mutual interviews in rotating pairs, a card each.
    PairInterviews,
    /// A leader alone, or with a mentor or coach.
    Solo,
    /// Two leaders interviewing each other, for instance on a walk.
    PairWalk,
}

/// Where the next steps of a prioritising session are saved: the thread
/// across levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LandsIn {
    WellbeingPlan,
    GroupAgreement,
    LeaderAgreement,
}

/// One way of using a deck, with its steps. The numbers say what the live
/// session enforces; they are equal in both languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub kind: ProcedureKind,
    pub title: String,
    pub intro: String,
    /// Time frame in minutes, shortest and longest.
    pub minutes: [u32; 2],
    /// Prioritising only: the fewest and most themes to choose.
    #[serde(default)]
    pub themes: Option<[u32; 2]>,
    /// Prioritising only: where the agreed next steps go.
    #[serde(default)]
    pub lands_in: Option<LandsIn>,
    /// "Det korte møde" only: speaking time per person in a pair.
    #[serde(default)]
    pub seconds_per_person: Option<u32>,
    /// "Det korte møde" only: the fewest and most rounds of new pairs.
    #[serde(default)]
    pub rounds: Option<[u32; 2]>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub key: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    /// A theme to choose and prioritise, with questions to talk about.
    Theme,
    /// Questions to reflect on or interview each other with.
    Question,
    /// How to begin; first in its deck.
    Start,
    /// How to round off; last in its deck.
    End,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable across languages and versions.
    pub code: String,
    pub kind: CardKind,
    pub title: String,
    /// A short explanation of what the card is about.
    pub text: String,
    pub questions: Vec<String>,
}

const SHIPPED_DA: &str = include_str!("../../../../content/cards/da.toml");
const SHIPPED_EN: &str = include_str!("../../../../content/cards/en.toml");

/// Parses and checks the decks shipped in the binary.
pub fn load() -> anyhow::Result<PerLang<CardSet>> {
    let cards = parse(SHIPPED_DA, SHIPPED_EN)?;
    check(&cards)?;
    Ok(cards)
}

fn parse(da: &str, en: &str) -> anyhow::Result<PerLang<CardSet>> {
    let da = toml::from_str(da).map_err(|e| anyhow::anyhow!("cards content (da): {e}"))?;
    let en = toml::from_str(en).map_err(|e| anyhow::anyhow!("cards content (en): {e}"))?;
    Ok(PerLang { da, en })
}

/// Every problem found, so an author fixes them in one go.
pub fn check(c: &PerLang<CardSet>) -> anyhow::Result<()> {
    let mut problems = Vec::new();
    if c.da.lang != "da" || c.en.lang != "en" {
        problems.push("wrong lang field".to_string());
    }
    if c.da.version != c.en.version {
        problems.push("versions differ between languages".to_string());
    }
    for set in [&c.da, &c.en] {
        check_one(set, &mut problems);
    }
    check_same_shape(&c.da, &c.en, &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        anyhow::bail!("cards content: {}", problems.join("; "))
    }
}

fn check_one(set: &CardSet, problems: &mut Vec<String>) {
    let lang = &set.lang;
    let codes: Vec<&str> = set.decks.iter().map(|d| d.code.as_str()).collect();
    if codes != DECKS {
        problems.push(format!("{lang}: decks are {codes:?}, expected {DECKS:?}"));
    }
    let mut seen = BTreeSet::new();
    for deck in &set.decks {
        let at = format!("{lang}/{}", deck.code);
        for (field, text) in [("title", &deck.title), ("summary", &deck.summary), ("audience", &deck.audience)] {
            require_text(problems, &at, field, text);
        }
        if deck.procedures.is_empty() {
            problems.push(format!("{at}: no procedure"));
        }
        for (i, p) in deck.procedures.iter().enumerate() {
            check_procedure(problems, &at, p);
            if deck.procedures[..i].iter().any(|q| q.kind == p.kind) {
                problems.push(format!("{at}: more than one {:?} procedure", p.kind));
            }
        }
        if deck.cards.is_empty() {
            problems.push(format!("{at}: no cards"));
        }
        for (i, card) in deck.cards.iter().enumerate() {
            let at = format!("{at}/{}", card.code);
            if !is_code(&card.code) {
                problems.push(format!("{at}: code must be lowercase letters, digits, '-' and '_'"));
            }
            if !seen.insert(card.code.as_str()) {
                problems.push(format!("{at}: code used twice"));
            }
            require_text(problems, &at, "title", &card.title);
            require_text(problems, &at, "text", &card.text);
            for q in &card.questions {
                require_text(problems, &at, "question", q);
            }
            let n = card.questions.len();
            let ok = match card.kind {
                CardKind::Theme => (2..=4).contains(&n),
                CardKind::Question => (1..=5).contains(&n),
                CardKind::Start | CardKind::End => n <= 3,
            };
            if !ok {
                problems.push(format!("{at}: {n} questions is too many or too few for a {:?} card", card.kind));
            }
            let first = i == 0;
            let last = i + 1 == deck.cards.len();
            if (card.kind == CardKind::Start && !first) || (card.kind == CardKind::End && !last) {
                problems.push(format!("{at}: a start card goes first and an end card last"));
            }
        }
        check_deck_shape(problems, &at, deck);
    }
}

fn check_procedure(problems: &mut Vec<String>, at: &str, p: &Procedure) {
    let at = format!("{at}/{:?}", p.kind);
    require_text(problems, &at, "title", &p.title);
    require_text(problems, &at, "intro", &p.intro);
    for s in &p.steps {
        require_text(problems, &at, "step title", &s.title);
        require_text(problems, &at, "step text", &s.text);
    }
    if p.minutes[0] == 0 || p.minutes[0] > p.minutes[1] {
        problems.push(format!("{at}: minutes {:?} is not a time frame", p.minutes));
    }
    let keys: Vec<&str> = p.steps.iter().map(|s| s.key.as_str()).collect();
    let prioritise = p.kind == ProcedureKind::Prioritise;
    let pairs = p.kind == ProcedureKind::PairInterviews;
    if prioritise && (keys != PRIORITISE_STEPS || p.themes != Some([1, 3]) || p.lands_in.is_none()) {
        problems.push(format!("{at}: needs the steps {PRIORITISE_STEPS:?}, themes [1, 3] and lands_in"));
    }
    if !prioritise && (p.themes.is_some() || p.lands_in.is_some()) {
        problems.push(format!("{at}: themes and lands_in belong to prioritising only"));
    }
    if pairs {
        let timed = matches!(p.seconds_per_person, Some(30..=180));
        let rounds = matches!(p.rounds, Some([lo, hi]) if (1..=hi).contains(&lo));
        if keys != PAIR_INTERVIEW_STEPS || !timed || !rounds {
            problems.push(format!("{at}: needs the steps {PAIR_INTERVIEW_STEPS:?}, seconds_per_person 30–180 and rounds"));
        }
    } else if p.seconds_per_person.is_some() || p.rounds.is_some() {
        problems.push(format!("{at}: seconds_per_person and rounds belong to pair interviews only"));
    }
    if !prioritise && !pairs && keys.len() < 2 {
        problems.push(format!("{at}: needs at least two steps"));
    }
    let unique: BTreeSet<&str> = keys.iter().copied().collect();
    if unique.len() != keys.len() || !keys.iter().all(|k| is_code(k)) {
        problems.push(format!("{at}: step keys must be unique codes"));
    }
}

/// The method's shape of each shipped deck.
fn check_deck_shape(problems: &mut Vec<String>, at: &str, deck: &Deck) {
    let count = |kind| deck.cards.iter().filter(|c| c.kind == kind).count();
    let has = |kind| deck.procedure(kind).is_some();
    let lands_in = deck.procedure(ProcedureKind::Prioritise).and_then(|p| p.lands_in);
    let all_of = |kind| count(kind) == deck.cards.len();
    let ok = match deck.code.as_str() {
        "organisation" => {
            all_of(CardKind::Theme) && deck.cards.len() == ORGANISATION_THEMES && lands_in == Some(LandsIn::WellbeingPlan)
        }
        "leader_group" => all_of(CardKind::Theme) && deck.cards.len() >= 8 && lands_in == Some(LandsIn::GroupAgreement),
        "one_to_one" => all_of(CardKind::Theme) && deck.cards.len() >= 8 && lands_in == Some(LandsIn::LeaderAgreement),
        "wellbeing" => {
            count(CardKind::Question) == WELLBEING_QUESTIONS
                && count(CardKind::Start) == 1
                && count(CardKind::End) == 1
                && deck.cards.len() == WELLBEING_QUESTIONS + 2
                && has(ProcedureKind::Solo)
                && has(ProcedureKind::PairWalk)
        }
        "network" => all_of(CardKind::Question) && deck.cards.len() >= 8 && has(ProcedureKind::PairInterviews),
        _ => true,
    };
    if !ok {
        problems.push(format!("{at}: cards or procedures do not match the method's deck"));
    }
}

/// English must mirror Danish in everything but the words.
fn check_same_shape(da: &CardSet, en: &CardSet, problems: &mut Vec<String>) {
    if da.decks.len() != en.decks.len() {
        problems.push("the languages have different decks".to_string());
    }
    for (d, e) in da.decks.iter().zip(&en.decks) {
        if d.code != e.code {
            problems.push(format!("deck {} in Danish is {} in English", d.code, e.code));
            continue;
        }
        let procedure = |p: &Procedure| {
            let keys: Vec<String> = p.steps.iter().map(|s| s.key.clone()).collect();
            (p.kind, p.minutes, p.themes, p.lands_in, p.seconds_per_person, p.rounds, keys)
        };
        let procedures = |x: &Deck| x.procedures.iter().map(procedure).collect::<Vec<_>>();
        if procedures(d) != procedures(e) {
            problems.push(format!("{}: procedures differ between languages", d.code));
        }
        let cards = |x: &Deck| x.cards.iter().map(|c| (c.code.clone(), c.kind, c.questions.len())).collect::<Vec<_>>();
        if cards(d) != cards(e) {
            problems.push(format!("{}: cards (codes, order, kinds or number of questions) differ between languages", d.code));
        }
    }
}

fn require_text(problems: &mut Vec<String>, at: &str, field: &str, text: &str) {
    if text.trim().is_empty() {
        problems.push(format!("{at}: empty {field}"));
    }
}

fn is_code(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> PerLang<CardSet> {
        parse(SHIPPED_DA, SHIPPED_EN).unwrap()
    }

    fn refused(c: &PerLang<CardSet>, needle: &str) {
        let err = check(c).expect_err("the check should refuse this").to_string();
        assert!(err.contains(needle), "expected {needle:?} in: {err}");
    }

    #[test]
    fn shipped_decks_load_and_pass_the_checks() {
        let cards = load().unwrap();
        for set in [&cards.da, &cards.en] {
            let codes: Vec<&str> = set.decks.iter().map(|d| d.code.as_str()).collect();
            assert_eq!(codes, DECKS);
            let org = set.deck("organisation").unwrap();
            let themes: Vec<&str> = org.cards.iter().map(|c| c.code.as_str()).collect();
            assert_eq!(
                themes,
                [
                    "org-onboarding",
                    "org-goals",
                    "org-prioritisation",
                    "org-influence",
                    "org-meaning",
                    "org-change",
                    "org-leader-sparring",
                    "org-leader-groups",
                    "org-across",
                    "org-meetings",
                    "org-psychological-safety",
                    "org-leadership-development",
                    "org-support",
                    "org-overload-stress",
                    "org-sickness-absence",
                    "org-recognition",
                ]
            );
            let wellbeing = set.deck("wellbeing").unwrap();
            assert_eq!(wellbeing.cards.first().unwrap().kind, CardKind::Start);
            assert_eq!(wellbeing.cards.last().unwrap().kind, CardKind::End);
            let short_meeting = set.deck("network").unwrap().procedure(ProcedureKind::PairInterviews).unwrap();
            assert_eq!(short_meeting.seconds_per_person, Some(60));
            assert_eq!(short_meeting.rounds, Some([2, 3]));
        }
    }

    #[test]
    fn check_refuses_cards_in_another_order() {
        let mut c = shipped();
        c.en.decks[0].cards.swap(0, 1);
        refused(&c, "organisation: cards");
    }

    #[test]
    fn check_refuses_a_missing_translation_of_a_deck() {
        let mut c = shipped();
        c.en.decks.pop();
        refused(&c, "en: decks are");
    }

    #[test]
    fn check_refuses_an_empty_question() {
        let mut c = shipped();
        c.en.decks[1].cards[2].questions[0] = "  ".into();
        refused(&c, "empty question");
    }

    #[test]
    fn check_refuses_a_code_used_twice() {
        let mut c = shipped();
        for set in [&mut c.da, &mut c.en] {
            let code = set.decks[0].cards[0].code.clone();
            set.decks[2].cards[0].code = code;
        }
        refused(&c, "code used twice");
    }

    #[test]
    fn check_refuses_an_organisation_deck_without_sixteen_themes() {
        let mut c = shipped();
        c.da.decks[0].cards.pop();
        c.en.decks[0].cards.pop();
        refused(&c, "organisation: cards or procedures do not match");
    }

    #[test]
    fn check_refuses_a_wellbeing_deck_without_its_end_card() {
        let mut c = shipped();
        for set in [&mut c.da, &mut c.en] {
            let wellbeing = set.decks.iter_mut().find(|d| d.code == "wellbeing").unwrap();
            wellbeing.cards.last_mut().unwrap().kind = CardKind::Question;
        }
        refused(&c, "wellbeing: cards or procedures do not match");
    }

    #[test]
    fn check_refuses_a_procedure_that_differs_between_languages() {
        let mut c = shipped();
        c.en.decks[0].procedures[0].minutes = [10, 20];
        refused(&c, "organisation: procedures differ");
        let mut c = shipped();
        c.da.decks[0].procedures[0].steps.pop();
        refused(&c, "needs the steps");
    }
}
