//! Tool 2's shipped texts in Danish and English (`content/collab/<lang>.toml`),
//! parsed and checked when the server starts. The checklist's statements
//! are catalogue items (HR edits, hides and adds them); the themes, the
//! matrix, the facilitator's agenda and the agreement's questions are fixed
//! by the method. The check refuses a file whose languages disagree or whose
//! shape breaks the method (seven themes, six agenda steps, two samples).

use crate::content::{ItemText, PerLang, SectionText};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The agenda steps of the meeting, in order.
pub const PLAYBOOK_STEPS: [&str; 6] = ["welcome", "followup", "picture", "matrix", "agreement", "close"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invite {
    pub intro: String,
    pub preparation: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuadrantText {
    pub title: String,
    pub hint: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub intro: String,
    pub importance: String,
    pub influence: String,
    pub unplaced: String,
    pub quadrants: BTreeMap<String, QuadrantText>,
}

impl Matrix {
    pub fn quadrant(&self, q: domain::collab::Quadrant) -> &QuadrantText {
        &self.quadrants[q.code()]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaybookStep {
    pub key: String,
    pub title: String,
    pub minutes: u32,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementText {
    pub intro: String,
    pub point: String,
    pub actions: String,
    pub measure: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SamplePoint {
    pub text: String,
    pub actions: String,
    pub measure: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowupText {
    pub intro: String,
}

/// Tool 2's texts in one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollabContent {
    pub tool: String,
    pub version: i64,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub why: String,
    pub how: String,
    pub checklist_intro: String,
    pub comment_prompt: String,
    pub scale: [String; 5],
    pub unknown: String,
    pub sections: BTreeMap<String, SectionText>,
    pub items: Vec<ItemText>,
    pub invite: Invite,
    pub matrix: Matrix,
    pub playbook: Vec<PlaybookStep>,
    pub agreement: AgreementText,
    pub sample: Vec<SamplePoint>,
    pub followup: FollowupText,
}

impl CollabContent {
    pub fn theme_title<'a>(&'a self, theme: &'a str) -> &'a str {
        self.sections.get(theme).map(|s| s.title.as_str()).unwrap_or(theme)
    }
}

pub fn load() -> anyhow::Result<PerLang<CollabContent>> {
    let c = PerLang {
        da: toml::from_str(include_str!("../../../../content/collab/da.toml"))?,
        en: toml::from_str(include_str!("../../../../content/collab/en.toml"))?,
    };
    check(&c)?;
    Ok(c)
}

fn check(c: &PerLang<CollabContent>) -> anyhow::Result<()> {
    use domain::collab::{Quadrant, THEMES};
    anyhow::ensure!(c.da.lang == "da" && c.en.lang == "en", "collab content: wrong lang field");
    anyhow::ensure!(c.da.tool == "collab" && c.en.tool == "collab", "collab content: wrong tool field");
    anyhow::ensure!(c.da.version == c.en.version, "collab content: versions differ between languages");
    let keys = |x: &CollabContent| x.items.iter().map(|i| (i.key.clone(), i.section.clone())).collect::<Vec<_>>();
    anyhow::ensure!(keys(&c.da) == keys(&c.en), "collab content: items differ between languages");
    let steps = |x: &CollabContent| x.playbook.iter().map(|s| (s.key.clone(), s.minutes)).collect::<Vec<_>>();
    anyhow::ensure!(steps(&c.da) == steps(&c.en), "collab content: the agendas differ between languages");
    for lang in [&c.da, &c.en] {
        anyhow::ensure!(lang.sections.len() == THEMES.len(), "collab content: the checklist has {} themes", lang.sections.len());
        for theme in THEMES {
            anyhow::ensure!(lang.sections.contains_key(theme), "collab content: theme {theme} lacks its text");
            anyhow::ensure!(lang.items.iter().any(|i| i.section == theme), "collab content: theme {theme} has no statement");
        }
        anyhow::ensure!(lang.items.iter().all(|i| THEMES.contains(&i.section.as_str())), "collab content: a statement has an unknown theme");
        for q in Quadrant::ALL {
            anyhow::ensure!(lang.matrix.quadrants.contains_key(q.code()), "collab content: quadrant {} lacks its text", q.code());
        }
        anyhow::ensure!(lang.matrix.quadrants.len() == Quadrant::ALL.len(), "collab content: unknown quadrant");
        let keys: Vec<&str> = lang.playbook.iter().map(|s| s.key.as_str()).collect();
        anyhow::ensure!(keys == PLAYBOOK_STEPS, "collab content: the agenda's steps are {keys:?}");
        anyhow::ensure!(lang.sample.len() == domain::collab::AGREEMENT_POINTS, "collab content: the sample needs two points");
        anyhow::ensure!(!lang.invite.preparation.is_empty(), "collab content: the invitation lacks preparation points");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_collab_content_loads() {
        let c = super::load().unwrap();
        assert_eq!(c.da.items.len(), 21);
        assert_eq!(c.en.playbook.iter().map(|s| s.minutes).sum::<u32>(), 110);
    }
}
