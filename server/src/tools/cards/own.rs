//! An organisation's own cards. HR adds them in the content catalogue (tool
//! `cards`, one section per deck: the shipped decks' codes and the
//! organisation's own decks' codes), in Danish and English, and can edit and
//! hide them there like any catalogue item. They join their deck's pages,
//! cut-out sheets and live sessions; another organisation never sees them.

use super::content::{Card, CardKind, Deck};
use crate::catalogue::store::Item;
use crate::i18n::Lang;

/// The catalogue's tool code for own cards; its sections are deck codes.
pub const TOOL: &str = "cards";

/// An own card's code: stable, and never one of the shipped codes.
pub fn code(item_id: &str) -> String {
    format!("own-{item_id}")
}

/// What an own card is in a deck like this one: a theme in a deck of themes,
/// otherwise a question.
pub fn card_kind(like: &Deck) -> CardKind {
    if like.cards.iter().any(|c| c.kind == CardKind::Theme) {
        CardKind::Theme
    } else {
        CardKind::Question
    }
}

/// Adds the visible own cards of a deck's section (`items` are the
/// catalogue's cards), before a closing card so the deck still ends with it.
pub fn add_cards(cards: &mut Vec<Card>, items: &[Item], section: &str, kind: CardKind, lang: Lang) {
    let at = cards.iter().position(|c| c.kind == CardKind::End).unwrap_or(cards.len());
    let own: Vec<Card> = items
        .iter()
        .filter(|i| i.section == section && !i.hidden)
        .map(|i| {
            let parsed = domain::cards::parse_own_card(i.text(lang));
            Card { code: code(i.id.as_str()), kind, title: parsed.title, text: parsed.text, questions: parsed.questions }
        })
        .collect();
    cards.splice(at..at, own);
}
