//! What Tool 2's pages show, built from stored data: round rows per group,
//! and a round's picture under the anonymity rule, theme by theme, drawn as
//! the introduction tool draws its statements. No SQL and no HTTP here.

use super::content::CollabContent;
use super::store::{Round, RoundItem};
use crate::i18n::{format, Lang, Tr};
use crate::tools::group::store::GroupLink;
use crate::tools::intro::view::{answered_text, item_view, Figures, ItemView, SectionView};
use domain::anonymity::{AnonymityRule, Audience};
use domain::collab::THEMES;
use domain::intro::{summarise, Picture, ScaleValue};
use std::collections::HashMap;

/// A round in a list (tool page).
pub struct RoundRow {
    pub id: String,
    pub when: String,
    pub open: bool,
    pub answered_text: String,
    pub i_answered: bool,
    pub may_answer: bool,
}

impl RoundRow {
    pub fn new(tr: &Tr, round: &Round, size: i64, inside: bool) -> Self {
        RoundRow {
            id: round.id.to_string(),
            when: format::date_time(tr.lang, round.meeting_at),
            open: round.open,
            answered_text: answered_text(tr, round.respondents, size),
            i_answered: round.i_answered,
            // Only the round's readers answer it, until the group has seen
            // its picture; a newcomer waits for the next round.
            may_answer: inside && round.i_read && domain::promise::Stage::of(round.open, round.revealed).takes_answers(),
        }
    }
}

/// A group with its rounds, and whether the viewer may start one.
pub struct GroupBlock {
    pub id: String,
    pub name: String,
    pub rounds: Vec<RoundRow>,
    pub can_start: bool,
    pub has_open: bool,
}

impl GroupBlock {
    pub fn new(tr: &Tr, g: &GroupLink, rounds: &[Round], is_hr: bool) -> Self {
        let inside = g.i_lead || g.i_am_member;
        let rounds: Vec<RoundRow> =
            rounds.iter().filter(|r| r.group_id == g.id).map(|r| RoundRow::new(tr, r, g.size, inside)).collect();
        GroupBlock {
            id: g.id.to_string(),
            name: g.name.clone(),
            has_open: rounds.iter().any(|r| r.open),
            can_start: g.i_lead || is_hr,
            rounds,
        }
    }
}

/// The round's picture for one viewer, theme by theme; the whole round is
/// one slice, shown or withheld as one (`intro::summarise`).
#[allow(clippy::too_many_arguments)]
pub fn figures(
    lang: Lang,
    content: &CollabContent,
    items: &[RoundItem],
    answers: &[(String, ScaleValue)],
    respondents: u32,
    stage: domain::promise::Stage,
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
    let sections = THEMES
        .into_iter()
        .filter_map(|theme| {
            let views: Vec<ItemView> = items
                .iter()
                .zip(&pictures)
                .filter(|(item, _)| item.theme == theme)
                // The meeting looks at all statements at once: one stacked bar each.
                .map(|(item, picture)| item_view(&content.scale, &content.unknown, item.text(lang), picture, respondents, lang, stacked))
                .collect();
            (!views.is_empty()).then(|| SectionView { title: content.theme_title(theme).to_string(), items: views })
        })
        .collect();
    Figures::Shown(sections)
}

fn stacked(rows: &[(String, u32)], _respondents: u32) -> String {
    let mut counts = [0; 6];
    for (slot, (_, n)) in counts.iter_mut().zip(rows) {
        *slot = *n;
    }
    super::chart::stacked_bar(&counts)
}

/// The picture's legend: (swatch, label) for each scale point and "don't know".
pub fn legend(content: &CollabContent) -> Vec<(String, String)> {
    content
        .scale
        .iter()
        .chain(std::iter::once(&content.unknown))
        .enumerate()
        .map(|(i, label)| (super::chart::swatch(i), label.clone()))
        .collect()
}
