//! The leader APV's shipped texts in Danish and English
//! (`content/apv/<lang>.toml`), parsed and checked when the server starts.
//!
//! Danish is the reference. The themes of Skema 1 are catalogue items (HR
//! edits, hides and adds themes), so a theme's text is two parts in one
//! string: its name on the first line and what it covers below. The check
//! refuses a file where the languages disagree on a key, where a text is
//! empty, or where the shape breaks the method: two parts, each ending in an
//! "other themes" row, six walk-and-talk themes, eight action-plan fields.

use crate::content::{PerLang, SectionText};
use serde::Deserialize;

/// The parts of Skema 1: the leader's frame ("the big organisation") and the
/// leader's own unit ("the small organisation").
pub const PARTS: [&str; 2] = ["big", "small"];
/// The eight questions of Skema 3, in the method's order.
pub const PLAN_FIELDS: [&str; 8] =
    ["issue", "activities", "resources", "timing", "participants", "responsibilities", "evaluation", "follow_up"];
/// The walk-and-talk themes: from politicians and top management to the
/// people the unit serves.
pub const PREPARE_THEMES: [&str; 6] = ["top", "nearest", "peers", "role", "staff", "users"];

/// A shipped Skema 1 theme.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub key: String,
    /// `big` or `small`.
    pub part: String,
    /// Name on the first line, what the theme covers below it.
    pub text: String,
    /// The part's "other themes" row, where a leader names their own.
    #[serde(default)]
    pub other: bool,
}

/// What a colour means, in the variant it belongs to.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColourText {
    /// The short name on the button: "Stop op", "Vent", "Kør".
    pub name: String,
    /// One line under the name in Skema 1.
    pub meaning: String,
    /// How Skema 2 describes the colour's themes.
    pub sorting: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colours {
    pub red: ColourText,
    pub yellow: ColourText,
    pub green: ColourText,
}

/// The levels a theme is sorted into in Skema 2.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levels {
    pub individual: String,
    pub group: String,
    pub organisation: String,
}

/// One walk-and-talk theme with its support questions.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrepareTheme {
    pub key: String,
    pub title: String,
    pub questions: Vec<String>,
}

/// The walk-and-talk reflection before the mapping.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prepare {
    pub title: String,
    pub intro: String,
    /// How to do it in pairs, with the time per person.
    pub pairs: String,
    /// Suggested speaking time per person in a pair, shortest and longest.
    pub minutes_per_person: [u32; 2],
    pub themes: Vec<PrepareTheme>,
    pub closing: String,
}

/// A field of Skema 3 or of the round's report: its label and a hint.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldText {
    pub label: String,
    pub hint: String,
}

/// Skema 3, the action plan for one chosen theme, with what the law asks
/// to be documented about each problem.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    pub title: String,
    pub intro: String,
    pub issue: FieldText,
    pub activities: FieldText,
    pub resources: FieldText,
    pub timing: FieldText,
    pub participants: FieldText,
    pub responsibilities: FieldText,
    pub evaluation: FieldText,
    pub follow_up: FieldText,
    /// The law's words for a problem: how serious, how widespread, why.
    pub severity: FieldText,
    pub extent: FieldText,
    pub causes: FieldText,
}

impl PlanText {
    /// A Skema 3 field's text by its key in `PLAN_FIELDS`.
    pub fn field(&self, key: &str) -> Option<&FieldText> {
        Some(match key {
            "issue" => &self.issue,
            "activities" => &self.activities,
            "resources" => &self.resources,
            "timing" => &self.timing,
            "participants" => &self.participants,
            "responsibilities" => &self.responsibilities,
            "evaluation" => &self.evaluation,
            "follow_up" => &self.follow_up,
            _ => return None,
        })
    }
}

/// The parts of the round's report the law asks for beyond the action plans.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportText {
    pub title: String,
    pub intro: String,
    /// Does the work environment contribute to sickness absence?
    pub absence: FieldText,
    pub absence_yes: String,
    pub absence_partly: String,
    pub absence_no: String,
    /// How the safety organisation (AMO) took part, and when.
    pub amo: FieldText,
    pub next_due: FieldText,
}

/// The leader APV's texts in one language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApvContent {
    pub tool: String,
    pub version: i64,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub why: String,
    pub how: String,
    /// The five elements every APV has, and why leaders need their own.
    pub law: String,
    /// Skema 1's instructions.
    pub mapping_intro: String,
    /// The mapping of today: STOP / WAIT / GO.
    pub colours: Colours,
    /// The future APV: leave behind / think anew / keep.
    pub future_colours: Colours,
    pub future_intro: String,
    pub parts: std::collections::BTreeMap<String, SectionText>,
    pub themes: Vec<Theme>,
    pub prepare: Prepare,
    /// Skema 2's instructions, and the three levels themes are sorted into.
    pub sorting_intro: String,
    pub levels: Levels,
    pub priority_intro: String,
    /// How the next round's meeting opens: the last round's actions.
    pub review_intro: String,
    pub plan: PlanText,
    pub report: ReportText,
}

impl ApvContent {
    /// The theme's name: the first line of its text.
    pub fn theme_name(text: &str) -> &str {
        text.lines().next().unwrap_or("").trim()
    }

    /// What the theme covers: everything after the first line.
    pub fn theme_description(text: &str) -> &str {
        text.split_once('\n').map(|(_, rest)| rest.trim()).unwrap_or("")
    }
}

pub fn load() -> anyhow::Result<PerLang<ApvContent>> {
    let c = PerLang {
        da: toml::from_str(include_str!("../../../../content/apv/da.toml"))?,
        en: toml::from_str(include_str!("../../../../content/apv/en.toml"))?,
    };
    check(&c)?;
    Ok(c)
}

fn check(c: &PerLang<ApvContent>) -> anyhow::Result<()> {
    anyhow::ensure!(c.da.lang == "da" && c.en.lang == "en", "apv content: wrong lang field");
    anyhow::ensure!(c.da.version == c.en.version, "apv content: versions differ between languages");
    let keys = |x: &ApvContent| x.themes.iter().map(|t| (t.key.clone(), t.part.clone(), t.other)).collect::<Vec<_>>();
    anyhow::ensure!(keys(&c.da) == keys(&c.en), "apv content: themes differ between languages");
    let prepare = |x: &ApvContent| x.prepare.themes.iter().map(|t| t.key.clone()).collect::<Vec<_>>();
    anyhow::ensure!(prepare(&c.da) == prepare(&c.en), "apv content: walk-and-talk themes differ between languages");
    anyhow::ensure!(prepare(&c.da) == PREPARE_THEMES, "apv content: the walk-and-talk needs the six themes in order");
    anyhow::ensure!(
        c.da.prepare.minutes_per_person == c.en.prepare.minutes_per_person,
        "apv content: walk-and-talk timing differs between languages"
    );
    for lang in [&c.da, &c.en] {
        for part in PARTS {
            anyhow::ensure!(lang.parts.contains_key(part), "apv content: part {part} lacks its text");
            let themes: Vec<&Theme> = lang.themes.iter().filter(|t| t.part == part).collect();
            anyhow::ensure!(themes.len() >= 2, "apv content: part {part} has too few themes");
            anyhow::ensure!(
                themes.last().is_some_and(|t| t.other) && themes.iter().filter(|t| t.other).count() == 1,
                "apv content: part {part} must end in one \"other themes\" row"
            );
        }
        for t in &lang.themes {
            anyhow::ensure!(PARTS.contains(&t.part.as_str()), "apv content: unknown part {}", t.part);
            anyhow::ensure!(!ApvContent::theme_name(&t.text).is_empty(), "apv content: theme {} has no name", t.key);
        }
        for t in &lang.prepare.themes {
            anyhow::ensure!(!t.questions.is_empty(), "apv content: walk-and-talk theme {} has no questions", t.key);
        }
        for key in PLAN_FIELDS {
            let f = lang.plan.field(key).expect("every plan field has a text");
            anyhow::ensure!(!f.label.trim().is_empty(), "apv content: plan field {key} has no label");
        }
        let texts = [&lang.title, &lang.summary, &lang.why, &lang.how, &lang.law, &lang.mapping_intro, &lang.sorting_intro];
        anyhow::ensure!(texts.iter().all(|t| !t.trim().is_empty()), "apv content: an introduction text is empty");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_apv_content_loads_with_the_methods_themes() {
        let c = load().unwrap();
        let big = c.da.themes.iter().filter(|t| t.part == "big").count();
        let small = c.da.themes.iter().filter(|t| t.part == "small").count();
        assert_eq!((big, small), (8, 5), "Skema 1 has 7+1 and 4+1 themes");
        assert_eq!(c.en.prepare.themes.len(), 6);
    }

    #[test]
    fn a_theme_text_splits_into_name_and_description() {
        assert_eq!(ApvContent::theme_name("Indflydelse\nOm din mulighed for at påvirke"), "Indflydelse");
        assert_eq!(ApvContent::theme_description("Indflydelse\nOm din mulighed\nfor at påvirke"), "Om din mulighed\nfor at påvirke");
        assert_eq!(ApvContent::theme_description("Andre temaer"), "");
    }
}
