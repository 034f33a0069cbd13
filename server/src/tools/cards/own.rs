//! An organisation's own cards beside the shipped ones. HR adds them in the
//! content catalogue (tool `cards`, one section per deck), in Danish and
//! English, and can edit and hide them there like any catalogue item. They
//! join their deck's pages, cut-out sheets and live sessions; another
//! organisation never sees them.

use super::content::{Card, CardKind, Deck};
use crate::catalogue::store as catalogue;
use crate::i18n::Lang;
use crate::storage::Db;
use domain::ids::OrgId;

/// The catalogue's tool code for own cards; its sections are the deck codes
/// (`content::DECKS`).
pub const TOOL: &str = "cards";

/// An own card's code: stable, and never one of the shipped codes.
pub fn code(item_id: &str) -> String {
    format!("own-{item_id}")
}

/// The deck's cards with the organisation's own visible cards added: in
/// a deck of themes they are themes, otherwise questions, placed before a
/// closing card so the deck still ends with it.
pub async fn deck_cards(db: &Db, org: &OrgId, lang: Lang, deck: &Deck) -> anyhow::Result<Vec<Card>> {
    let mut cards = deck.cards.clone();
    let kind = if deck.cards.iter().any(|c| c.kind == CardKind::Theme) { CardKind::Theme } else { CardKind::Question };
    let at = cards.iter().position(|c| c.kind == CardKind::End).unwrap_or(cards.len());
    let own: Vec<Card> = catalogue::items(db, org, TOOL)
        .await?
        .into_iter()
        .filter(|i| i.section == deck.code && !i.hidden)
        .map(|i| {
            let parsed = domain::cards::parse_own_card(i.text(lang));
            Card { code: code(i.id.as_str()), kind, title: parsed.title, text: parsed.text, questions: parsed.questions }
        })
        .collect();
    cards.splice(at..at, own);
    Ok(cards)
}

/// How many visible own cards each deck has, by deck code.
pub async fn counts(db: &Db, org: &OrgId) -> anyhow::Result<std::collections::HashMap<String, usize>> {
    let mut counts = std::collections::HashMap::new();
    for item in catalogue::items(db, org, TOOL).await?.into_iter().filter(|i| !i.hidden) {
        *counts.entry(item.section).or_default() += 1;
    }
    Ok(counts)
}
