//! Tool content shipped with the binary: one TOML file per tool and language
//! under `content/`. Parsed once at start; a test parses every file and
//! checks that the languages match item for item.

use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Deserialize)]
pub struct SectionText {
    pub title: String,
    pub intro: String,
}

#[derive(Debug, Deserialize)]
pub struct ItemText {
    pub key: String,
    pub section: String,
    pub text: String,
}

/// The introduction tool's texts in one language.
#[derive(Debug, Deserialize)]
pub struct IntroContent {
    pub tool: String,
    pub version: i64,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub why: String,
    pub how: String,
    pub comment_prompt: String,
    pub scale: [String; 5],
    pub unknown: String,
    pub sections: BTreeMap<String, SectionText>,
    pub items: Vec<ItemText>,
}

impl IntroContent {
    /// Paragraphs of a multi-paragraph text (separated by blank lines).
    pub fn paragraphs(text: &str) -> Vec<&str> {
        text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
    }
}

/// Tool 1's figure: the leadership task seen all the way round.
#[derive(Debug, Deserialize)]
pub struct FigureText {
    pub caption: String,
    pub description: String,
    pub center: String,
    pub up: String,
    pub inward: String,
    pub management: String,
    pub team: String,
    pub across: String,
    pub out: String,
}

/// The agreement's question per kind of point.
#[derive(Debug, Deserialize)]
pub struct AgreementQuestions {
    pub goal: String,
    pub wellbeing: String,
    #[serde(rename = "self")]
    pub self_commitment: String,
    pub manager: String,
}

impl AgreementQuestions {
    pub fn for_kind(&self, kind: domain::agreement::PointKind) -> &str {
        use domain::agreement::PointKind::*;
        match kind {
            Goal => &self.goal,
            Wellbeing => &self.wellbeing,
            SelfCommitment => &self.self_commitment,
            ManagerCommitment => &self.manager,
        }
    }
}

/// One point of the filled sample agreement.
#[derive(Debug, Deserialize)]
pub struct SamplePoint {
    pub kind: String,
    pub text: String,
    #[serde(default)]
    pub follow_up: String,
    #[serde(default = "no_rhythm")]
    pub rhythm: String,
}

fn no_rhythm() -> String {
    "none".into()
}

/// What the invitation to the dialog says, with the preparation questions.
#[derive(Debug, Deserialize)]
pub struct InviteText {
    pub intro: String,
    pub preparation: Vec<String>,
    pub place_hint: String,
}

/// Tool 1's texts in one language: the leader's dialog with the nearest leader.
#[derive(Debug, Deserialize)]
pub struct DialogContent {
    pub tool: String,
    pub version: i64,
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub why: String,
    pub how: String,
    pub figure: FigureText,
    pub sections: BTreeMap<String, SectionText>,
    pub items: Vec<ItemText>,
    pub agreement: AgreementQuestions,
    pub sample: Vec<SamplePoint>,
    pub invite: InviteText,
}

/// The interview guide's sections, in order.
pub const GUIDE_SECTIONS: [&str; 3] = ["goals", "wellbeing", "nearest"];

pub struct PerLang<T> {
    pub da: T,
    pub en: T,
}

impl<T> PerLang<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

pub struct Shipped {
    pub intro: PerLang<IntroContent>,
    pub dialog: PerLang<DialogContent>,
    /// The dialog card decks; checked here so a bad deck stops the server.
    pub cards: PerLang<crate::tools::cards::content::CardSet>,
    /// The leader APV's texts; its themes go into the catalogue.
    pub apv: PerLang<crate::tools::apv::content::ApvContent>,
    /// Tool 2's texts; its checklist statements go into the catalogue.
    pub collab: PerLang<crate::tools::collab::content::CollabContent>,
    /// Tool 3's texts and playbooks.
    pub plan: PerLang<crate::tools::plan::content::PlanContent>,
}

impl Shipped {
    pub fn load() -> anyhow::Result<Shipped> {
        let intro = PerLang {
            da: toml::from_str(include_str!("../../content/intro/da.toml"))?,
            en: toml::from_str(include_str!("../../content/intro/en.toml"))?,
        };
        check_intro(&intro)?;
        let dialog = PerLang {
            da: toml::from_str(include_str!("../../content/dialog/da.toml"))?,
            en: toml::from_str(include_str!("../../content/dialog/en.toml"))?,
        };
        check_dialog(&dialog)?;
        Ok(Shipped { intro, dialog, cards: crate::tools::cards::content::load()?, apv: crate::tools::apv::content::load()?,
            collab: crate::tools::collab::content::load()?,
            plan: crate::tools::plan::content::load()?,
        })
    }
}

fn check_intro(c: &PerLang<IntroContent>) -> anyhow::Result<()> {
    anyhow::ensure!(c.da.lang == "da" && c.en.lang == "en", "intro content: wrong lang field");
    anyhow::ensure!(c.da.version == c.en.version, "intro content: versions differ between languages");
    let keys = |x: &IntroContent| x.items.iter().map(|i| (i.key.clone(), i.section.clone())).collect::<Vec<_>>();
    anyhow::ensure!(keys(&c.da) == keys(&c.en), "intro content: items differ between languages");
    for item in &c.da.items {
        anyhow::ensure!(
            domain::intro::Section::parse(&item.section).is_some(),
            "intro content: unknown section {}",
            item.section
        );
    }
    Ok(())
}

fn check_dialog(c: &PerLang<DialogContent>) -> anyhow::Result<()> {
    use domain::agreement::{PointKind, Rhythm};
    anyhow::ensure!(c.da.lang == "da" && c.en.lang == "en", "dialog content: wrong lang field");
    anyhow::ensure!(c.da.version == c.en.version, "dialog content: versions differ between languages");
    let keys = |x: &DialogContent| x.items.iter().map(|i| (i.key.clone(), i.section.clone())).collect::<Vec<_>>();
    anyhow::ensure!(keys(&c.da) == keys(&c.en), "dialog content: items differ between languages");
    for lang in [&c.da, &c.en] {
        for item in &lang.items {
            anyhow::ensure!(GUIDE_SECTIONS.contains(&item.section.as_str()), "dialog content: unknown section {}", item.section);
        }
        anyhow::ensure!(GUIDE_SECTIONS.iter().all(|s| lang.sections.contains_key(*s)), "dialog content: a section lacks its text");
        for p in &lang.sample {
            let kind = PointKind::parse(&p.kind).ok_or_else(|| anyhow::anyhow!("dialog sample: unknown kind {}", p.kind))?;
            let rhythm = Rhythm::parse(&p.rhythm).ok_or_else(|| anyhow::anyhow!("dialog sample: unknown rhythm {}", p.rhythm))?;
            anyhow::ensure!(kind.is_commitment() == (rhythm != Rhythm::None), "dialog sample: rhythm of {}", p.text);
        }
    }
    let kinds = |x: &DialogContent| x.sample.iter().map(|p| (p.kind.clone(), p.rhythm.clone())).collect::<Vec<_>>();
    anyhow::ensure!(kinds(&c.da) == kinds(&c.en), "dialog content: samples differ between languages");
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_content_loads_and_languages_match() {
        let shipped = super::Shipped::load().unwrap();
        assert!(shipped.intro.da.items.len() >= 12);
        assert_eq!(shipped.intro.da.sections.len(), 3);
        assert!(shipped.dialog.da.items.len() >= 15);
        assert_eq!(shipped.dialog.en.invite.preparation.len(), 3);
    }
}
