//! What the introduction tool's pages show, built from stored data: round
//! rows, decisions, and a round's results under the anonymity rule. No SQL
//! and no HTTP here; the pages hand in what they loaded.

use super::chart::{bar_chart, Bar};
use super::store::{Decision, RunItem, RunSummary};
use crate::content::IntroContent;
use crate::i18n::{format, Lang, Tr};
use crate::tools::group::store::GroupLink;
use domain::anonymity::{AnonymityRule, Audience};
use domain::intro::{summarise, ItemPicture, NextTool, Picture, ScaleValue, Section};
use domain::promise::Stage;
use std::collections::HashMap;

/// "1,5" in Danish, "1.5" in English.
pub fn tenths(lang: Lang, t: u32) -> String {
    let sep = if lang == Lang::Da { ',' } else { '.' };
    format!("{}{sep}{}", t / 10, t % 10)
}

pub fn tool_name(tr: &Tr, t: NextTool) -> String {
    tr.t(t.label_key())
}

/// One line on what each tool is for, next to its name in the decision form.
pub fn tool_purpose(tr: &Tr, t: NextTool) -> String {
    match t {
        NextTool::LeaderDialog => tr.t("intro-next-purpose-leader-dialog"),
        NextTool::GroupCollaboration => tr.t("intro-next-purpose-group-collaboration"),
        NextTool::OrganisationPlan => tr.t("intro-next-purpose-organisation-plan"),
        NextTool::LeaderApv => tr.t("intro-next-purpose-leader-apv"),
        NextTool::DialogCards => tr.t("intro-next-purpose-dialog-cards"),
        NextTool::Network => tr.t("intro-next-purpose-network"),
    }
}

pub struct DecisionView {
    pub tool: String,
    pub owner: String,
    pub due: String,
    /// Free text: only shown inside the group.
    pub note: Option<String>,
}

impl DecisionView {
    pub fn new(tr: &Tr, d: &Decision, inside: bool) -> Self {
        DecisionView {
            tool: tool_name(tr, d.next_tool),
            owner: d.owner_name.clone().unwrap_or_else(|| tr.t("intro-owner-gone")),
            due: format::date(tr.lang, d.due),
            note: if inside { d.note.clone() } else { None },
        }
    }
}

/// A round in a list (tool page, group page).
pub struct RunRow {
    pub id: String,
    pub started: String,
    pub open: bool,
    /// "3 of 4 have answered".
    pub answered_text: String,
    pub i_answered: bool,
    pub may_answer: bool,
    pub decision: Option<DecisionView>,
}

impl RunRow {
    pub fn new(tr: &Tr, run: &RunSummary, size: i64, inside: bool) -> Self {
        RunRow {
            id: run.id.to_string(),
            started: crate::i18n::format::stored_date_time(tr.lang, &run.created_at),
            open: run.open,
            answered_text: answered_text(tr, run.respondents, size),
            i_answered: run.i_answered,
            // Only the round's readers answer it, until the group has seen
            // its picture; a newcomer waits for the next round.
            may_answer: inside && run.i_read && Stage::of(run.open, run.revealed).takes_answers(),
            decision: run.decision.as_ref().map(|d| DecisionView::new(tr, d, inside)),
        }
    }
}

pub fn answered_text(tr: &Tr, respondents: i64, size: i64) -> String {
    tr.t_args("intro-answered-of", &[("count", respondents.to_string()), ("total", size.to_string())])
}

/// A group with its rounds, and whether the viewer may start one.
pub struct GroupBlock {
    pub id: String,
    pub name: String,
    pub i_lead: bool,
    pub runs: Vec<RunRow>,
    pub can_start: bool,
    pub has_open: bool,
}

impl GroupBlock {
    pub fn new(tr: &Tr, g: &GroupLink, runs: &[RunSummary], is_hr: bool) -> Self {
        let inside = g.i_lead || g.i_am_member;
        let runs: Vec<RunRow> =
            runs.iter().filter(|r| r.group_id == g.id).map(|r| RunRow::new(tr, r, g.size, inside)).collect();
        GroupBlock {
            id: g.id.to_string(),
            name: g.name.clone(),
            i_lead: g.i_lead,
            has_open: runs.iter().any(|r| r.open),
            can_start: g.i_lead || is_hr,
            runs,
        }
    }
}

/// One statement's figures.
pub struct ItemView {
    pub text: String,
    pub chart: String,
    /// (scale label, count), "don't know" last.
    pub rows: Vec<(String, u32)>,
    pub answered: u32,
    pub mean: Option<String>,
    /// Too few took a stand on the statement: only that is said about it.
    pub withheld: bool,
}

pub struct SectionView {
    pub title: String,
    pub items: Vec<ItemView>,
}

/// A round's figures for one viewer: shown, or withheld with the reason.
pub enum Figures {
    Shown(Vec<SectionView>),
    Withheld { respondents: u32, needed: u32 },
    /// Outside the group: shown when the round is closed.
    UntilClosed,
    /// Inside the group: shown when its leader reveals it to everyone.
    UntilRevealed,
    /// Deleted after the organisation's retention period.
    AnswersDeleted,
}

impl Figures {
    /// The retention purge took the answers: the page then says nothing of
    /// how many answered or of comments, which are gone too.
    pub fn answers_deleted(&self) -> bool {
        matches!(self, Figures::AnswersDeleted)
    }
}

pub fn figures(
    lang: Lang,
    content: &IntroContent,
    items: &[RunItem],
    answers: &[(String, ScaleValue)],
    respondents: u32,
    stage: Stage,
    rule: &AnonymityRule,
    audience: Audience,
) -> Figures {
    let index: HashMap<&str, usize> = items.iter().enumerate().map(|(i, it)| (it.revision_id.as_str(), i)).collect();
    let indexed = answers.iter().filter_map(|(rev, v)| Some((*index.get(rev.as_str())?, *v)));
    let pictures = match summarise(items.len(), indexed, respondents, stage, rule, audience) {
        Picture::Shown(p) => p,
        Picture::Withheld { respondents, needed } => return Figures::Withheld { respondents, needed },
        Picture::UntilClosed => return Figures::UntilClosed,
        Picture::UntilRevealed => return Figures::UntilRevealed,
        Picture::AnswersDeleted => return Figures::AnswersDeleted,
    };
    let mut sections = Vec::new();
    for section in Section::ALL {
        let views: Vec<ItemView> = items
            .iter()
            .zip(&pictures)
            .filter(|(item, _)| item.section == section)
            .map(|(item, picture)| item_view(&content.scale, &content.unknown, item.text(lang), picture, respondents, lang, bars))
            .collect();
        if !views.is_empty() {
            let title = content.sections.get(section.code()).map(|s| s.title.clone()).unwrap_or_default();
            sections.push(SectionView { title, items: views });
        }
    }
    Figures::Shown(sections)
}

/// The introduction tool's chart of one statement: a bar per answer.
pub fn bars(rows: &[(String, u32)], respondents: u32) -> String {
    let bars: Vec<Bar> =
        rows.iter().enumerate().map(|(i, (label, count))| Bar { label, count: *count, muted: i == 5 }).collect();
    bar_chart(&bars, respondents)
}

/// One statement's figures on a five-point scale with "don't know" last,
/// drawn by `draw` from the (label, count) rows and the respondents.
pub fn item_view(
    scale: &[String; 5],
    unknown: &str,
    text: &str,
    picture: &ItemPicture,
    respondents: u32,
    lang: Lang,
    draw: fn(&[(String, u32)], u32) -> String,
) -> ItemView {
    let dont_know = respondents.saturating_sub(picture.answered);
    let mut rows: Vec<(String, u32)> = scale.iter().cloned().zip(picture.counts.iter().copied()).collect();
    rows.push((unknown.to_string(), dont_know));
    ItemView {
        text: text.to_string(),
        chart: if picture.withheld { String::new() } else { draw(&rows, respondents) },
        rows,
        answered: picture.answered,
        mean: picture.mean_tenths().map(|t| tenths(lang, t)),
        withheld: picture.withheld,
    }
}

/// Who answered what, for a group in named mode: one row per statement,
/// one column per person who answered.
pub struct NamedTable {
    pub people: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

pub fn named_table(lang: Lang, items: &[RunItem], named: &super::store::NamedAnswers) -> NamedTable {
    let items: Vec<(&str, &str)> = items.iter().map(|i| (i.revision_id.as_str(), i.text(lang))).collect();
    named_rows(&items, named)
}

/// The named table for any checklist: `items` as (revision id, text).
pub fn named_rows(items: &[(&str, &str)], named: &super::store::NamedAnswers) -> NamedTable {
    let values: HashMap<(&str, &str), ScaleValue> =
        named.values.iter().map(|(p, r, v)| ((p.as_str(), r.as_str()), *v)).collect();
    let rows = items
        .iter()
        .map(|(rev, text)| {
            let cells = named
                .people
                .iter()
                .map(|(p, _)| match values.get(&(p.as_str(), *rev)) {
                    Some(v) => v.get().to_string(),
                    None => "–".to_string(),
                })
                .collect();
            (text.to_string(), cells)
        })
        .collect();
    NamedTable { people: named.people.iter().map(|(_, n)| n.clone()).collect(), rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(tenths(Lang::Da, 37), "3,7");
        assert_eq!(tenths(Lang::En, 40), "4.0");
    }
}
