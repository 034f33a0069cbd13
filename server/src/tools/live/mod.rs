//! Live dialog sessions ("dialogredskab" and "Det korte møde" on a shared
//! screen and phones). The rules live in `domain::live`; here are the log's
//! tables (`store`), the rooms that hold a session in memory (`room`), the
//! WebSocket (`socket`), the fan-out between servers (`fanout`), who may
//! take part (`participant`), and the pages (`pages`, `summary`).

pub mod fanout;
pub mod land;
pub mod pages;
pub mod participant;
pub mod room;
pub mod socket;
pub mod store;
pub mod summary;

use crate::state::AppState;
use crate::tools::cards::content::{Card, CardKind, Deck, ProcedureKind};
use axum::routing::get;
use axum::Router;
use domain::live::{Procedure, Rules};
use store::SessionRow;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/live", get(pages::index).post(pages::start))
        .route("/live/{id}", get(pages::show))
        .route("/live/{id}/socket", get(socket::connect))
        .route("/live/{id}/summary", get(summary::show))
        .route("/live/{id}/summary.docx", get(summary::docx))
        .route("/live/{id}/land", axum::routing::post(land::land))
        .route("/join", get(pages::join_form))
        .route("/join/{code}", get(pages::join_code).post(pages::join))
}

/// The deck's procedure kind for a live procedure.
pub fn procedure_kind(p: Procedure) -> ProcedureKind {
    match p {
        Procedure::Prioritise => ProcedureKind::Prioritise,
        Procedure::PairInterviews => ProcedureKind::PairInterviews,
    }
}

/// The cards a procedure works with: themes to prioritise, questions to
/// interview each other with.
pub fn playable(cards: &[Card], p: Procedure) -> Vec<&Card> {
    let kind = match p {
        Procedure::Prioritise => CardKind::Theme,
        Procedure::PairInterviews => CardKind::Question,
    };
    cards.iter().filter(|c| c.kind == kind).collect()
}

/// The session's deck in a language, with the organisation's own cards; an
/// own deck hidden since the session started is still found.
pub async fn session_deck(state: &AppState, row: &SessionRow, lang: crate::i18n::Lang) -> anyhow::Result<Option<Deck>> {
    let org = domain::ids::OrgId::from_db(row.org_id.clone());
    Ok(crate::tools::cards::decks::find(state, &org, lang, &row.deck).await?.map(|d| d.deck))
}

/// What a procedure of a deck allows, with the deck's cards (shipped and
/// the organisation's own).
pub fn deck_rules(deck: &Deck, procedure: Procedure) -> Option<Rules> {
    let p = deck.procedure(procedure_kind(procedure))?;
    Some(Rules {
        procedure,
        cards: playable(&deck.cards, procedure).iter().map(|c| c.code.clone()).collect(),
        dots: p.themes.map_or(3, |[_, most]| most),
        most_rounds: p.rounds.map_or(3, |[_, most]| most),
        seconds_per_person: p.seconds_per_person.unwrap_or(60),
    })
}

/// What a session may do, from the deck it was started with and the cards
/// fixed when it started (card codes and numbers are the same in every
/// language).
pub async fn rules(state: &AppState, row: &SessionRow) -> anyhow::Result<Option<Rules>> {
    let Some(procedure) = Procedure::parse(&row.procedure) else { return Ok(None) };
    let deck = session_deck(state, row, crate::i18n::Lang::Da).await?;
    let Some(mut rules) = deck.and_then(|d| deck_rules(&d, procedure)) else { return Ok(None) };
    if let Some(cards) = row.cards.as_deref() {
        rules.cards = serde_json::from_str(cards)?;
    }
    Ok(Some(rules))
}
