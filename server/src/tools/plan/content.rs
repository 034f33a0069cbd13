//! Tool 3's shipped texts in Danish and English (`content/plan/<lang>.toml`),
//! parsed and checked when the server starts: the three steps, the labels
//! of the mapping and the action card, and the playbooks for the process
//! and for each meeting. The check refuses a file whose languages disagree
//! or whose meeting agendas do not add up to the meeting's length.

use crate::content::{PerLang, SectionText};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The method's three steps, in order.
pub const STEPS: [&str; 3] = ["prepare", "qualify", "concretise"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub known: String,
    pub known_hint: String,
    pub sources: String,
    pub sources_hint: String,
    pub need_more: String,
    pub need_more_hint: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualify {
    pub unfold: String,
    pub unfold_hint: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuadrantText {
    pub title: String,
    pub hint: String,
}

/// The prioritisation matrix as the organisation's plan uses it: the same
/// method as a leader group's (Tool 2), in words for those who make the
/// plan, who are the organisation (issue 17, item 8).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixText {
    pub intro: String,
    pub importance: String,
    pub influence: String,
    pub unplaced: String,
    pub quadrants: BTreeMap<String, QuadrantText>,
}

impl MatrixText {
    pub fn quadrant(&self, q: domain::collab::Quadrant) -> &QuadrantText {
        &self.quadrants[q.code()]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardText {
    pub intro: String,
    pub goal: String,
    pub actions: String,
    pub owner: String,
    pub owner_hint: String,
    pub starts_on: String,
    pub deadline: String,
    pub measure: String,
    pub follow_up: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    pub top_intro: String,
    pub signoff_intro: String,
    pub signoff_by: String,
    pub signoff_note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessStep {
    pub key: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub title: String,
    pub minutes: u32,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub key: String,
    pub title: String,
    pub participants: String,
    pub minutes: u32,
    pub items: Vec<AgendaItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanContent {
    pub tool: String,
    pub version: i64,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub why: String,
    pub how: String,
    pub steps: BTreeMap<String, SectionText>,
    pub mapping: Mapping,
    pub qualify: Qualify,
    pub matrix: MatrixText,
    pub card: CardText,
    pub plan: PlanText,
    pub process: Vec<ProcessStep>,
    pub meetings: Vec<Meeting>,
}

impl PlanContent {
    pub fn step(&self, key: &str) -> &SectionText {
        &self.steps[key]
    }
}

pub fn load() -> anyhow::Result<PerLang<PlanContent>> {
    let c = PerLang {
        da: toml::from_str(include_str!("../../../../content/plan/da.toml"))?,
        en: toml::from_str(include_str!("../../../../content/plan/en.toml"))?,
    };
    check(&c)?;
    Ok(c)
}

fn check(c: &PerLang<PlanContent>) -> anyhow::Result<()> {
    anyhow::ensure!(c.da.lang == "da" && c.en.lang == "en", "plan content: wrong lang field");
    anyhow::ensure!(c.da.tool == "plan" && c.en.tool == "plan", "plan content: wrong tool field");
    anyhow::ensure!(c.da.version == c.en.version, "plan content: versions differ between languages");
    let shape = |x: &PlanContent| {
        (
            x.process.iter().map(|p| p.key.clone()).collect::<Vec<_>>(),
            x.meetings.iter().map(|m| (m.key.clone(), m.minutes, m.items.iter().map(|i| i.minutes).collect::<Vec<_>>())).collect::<Vec<_>>(),
        )
    };
    anyhow::ensure!(shape(&c.da) == shape(&c.en), "plan content: playbooks differ between languages");
    for lang in [&c.da, &c.en] {
        anyhow::ensure!(STEPS.iter().all(|s| lang.steps.contains_key(*s)) && lang.steps.len() == STEPS.len(), "plan content: the three steps");
        let meetings: Vec<&str> = lang.meetings.iter().map(|m| m.key.as_str()).collect();
        anyhow::ensure!(meetings == STEPS, "plan content: a meeting per step, got {meetings:?}");
        for m in &lang.meetings {
            let sum: u32 = m.items.iter().map(|i| i.minutes).sum();
            anyhow::ensure!(sum == m.minutes, "plan content: meeting {} has {sum} of {} minutes", m.key, m.minutes);
        }
        anyhow::ensure!(!lang.process.is_empty(), "plan content: the process playbook is empty");
        use domain::collab::Quadrant;
        anyhow::ensure!(
            Quadrant::ALL.iter().all(|q| lang.matrix.quadrants.contains_key(q.code())) && lang.matrix.quadrants.len() == Quadrant::ALL.len(),
            "plan content: the matrix needs a text for each of its four fields"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_plan_content_loads() {
        let c = super::load().unwrap();
        assert_eq!(c.da.meetings.len(), 3);
        assert_eq!(c.en.process.len(), 6);
    }
}
