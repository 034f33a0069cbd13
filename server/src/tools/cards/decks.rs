//! The decks an organisation works with, as one list: the shipped decks with
//! the organisation's own cards added, then the organisation's own decks,
//! each used the way its template (a shipped deck) is: the same procedures,
//! the same audience, its next steps going to the same place. Pages, live
//! sessions and the catalogue all find a deck here, so a deck code means the
//! same everywhere and another organisation's own deck is never found.

use super::content::{CardSet, Deck, DECKS};
use super::own;
use super::own_decks::{self, OwnDeck};
use crate::catalogue::store::{self as catalogue, Item};
use crate::i18n::Lang;
use crate::state::AppState;
use domain::ids::OrgId;

/// A deck as an organisation sees it, in one language.
pub struct OrgDeck {
    /// With every card the organisation uses: shipped and own.
    pub deck: Deck,
    /// The shipped deck whose procedures it uses; its own code for a
    /// shipped deck.
    pub template: &'static str,
    /// The organisation's own deck; `None` for a shipped one.
    pub own: Option<OwnDeck>,
}

impl OrgDeck {
    pub fn hidden(&self) -> bool {
        self.own.as_ref().is_some_and(|d| d.hidden)
    }
}

/// Every deck of the organisation: the shipped ones, then its own; hidden
/// own decks only with `hidden` (for HR, and where what was already used
/// with them must still be found).
pub async fn all(state: &AppState, org: &OrgId, lang: Lang, hidden: bool) -> anyhow::Result<Vec<OrgDeck>> {
    let items = catalogue::items(&state.db, org, own::TOOL).await?;
    let set = state.shipped.cards.get(lang);
    let mut decks: Vec<OrgDeck> = set.decks.iter().filter_map(|d| shipped(d, &items, lang)).collect();
    for deck in own_decks::list(&state.db, org).await?.into_iter().filter(|d| hidden || !d.hidden) {
        decks.extend(own_deck(set, deck, &items, lang));
    }
    Ok(decks)
}

/// One deck by its code. A hidden own deck is found too: the sessions run
/// with it and its links stay readable.
pub async fn find(state: &AppState, org: &OrgId, lang: Lang, code: &str) -> anyhow::Result<Option<OrgDeck>> {
    let set = state.shipped.cards.get(lang);
    let own = match own_decks::id_of(code) {
        Some(id) => match own_decks::get(&state.db, org, &id).await? {
            Some(deck) => Some(deck),
            None => return Ok(None),
        },
        None if set.deck(code).is_some() => None,
        None => return Ok(None),
    };
    let items = catalogue::items(&state.db, org, own::TOOL).await?;
    Ok(match own {
        Some(deck) => own_deck(set, deck, &items, lang),
        None => set.deck(code).and_then(|d| shipped(d, &items, lang)),
    })
}

fn template_code(code: &str) -> Option<&'static str> {
    DECKS.into_iter().find(|c| *c == code)
}

fn shipped(deck: &Deck, items: &[Item], lang: Lang) -> Option<OrgDeck> {
    let template = template_code(&deck.code)?;
    let kind = own::card_kind(deck);
    let mut deck = deck.clone();
    own::add_cards(&mut deck.cards, items, template, kind, lang);
    Some(OrgDeck { deck, template, own: None })
}

fn own_deck(set: &CardSet, own_deck: OwnDeck, items: &[Item], lang: Lang) -> Option<OrgDeck> {
    let template = template_code(&own_deck.template)?;
    let like = set.deck(template)?;
    let code = own_deck.code();
    let mut cards = Vec::new();
    own::add_cards(&mut cards, items, &code, own::card_kind(like), lang);
    let deck = Deck {
        code,
        title: own_deck.title(lang).to_string(),
        summary: own_deck.summary(lang).to_string(),
        audience: like.audience.clone(),
        procedures: like.procedures.clone(),
        cards,
    };
    Some(OrgDeck { deck, template, own: Some(own_deck) })
}
