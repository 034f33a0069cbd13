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

use crate::content::Shipped;
use crate::state::AppState;
use crate::tools::cards::content::{CardKind, Deck, ProcedureKind};
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
pub fn playable(deck: &Deck, p: Procedure) -> Vec<&crate::tools::cards::content::Card> {
    let kind = match p {
        Procedure::Prioritise => CardKind::Theme,
        Procedure::PairInterviews => CardKind::Question,
    };
    deck.cards.iter().filter(|c| c.kind == kind).collect()
}

/// What a session may do, from the shipped deck it was started with (card
/// codes and numbers are the same in every language).
pub fn rules(shipped: &Shipped, row: &SessionRow) -> Option<Rules> {
    let procedure = Procedure::parse(&row.procedure)?;
    let deck = shipped.cards.da.deck(&row.deck)?;
    let p = deck.procedure(procedure_kind(procedure))?;
    Some(Rules {
        procedure,
        cards: playable(deck, procedure).iter().map(|c| c.code.clone()).collect(),
        dots: p.themes.map_or(3, |[_, most]| most),
        most_rounds: p.rounds.map_or(3, |[_, most]| most),
        seconds_per_person: p.seconds_per_person.unwrap_or(60),
    })
}
