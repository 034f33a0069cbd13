//! Dialog cards, "dialogkort": the decks the method talks through (the
//! organisation's 16 theme cards, the leader group's and the 1-1 deck, the
//! leader-wellbeing cards and the network cards) and the procedure each deck
//! is used with ("dialogredskab", "Det korte møde", reflection alone or on a
//! walk).
//!
//! This module holds the shipped decks and their pages (read, print). It
//! never stores what a participant picks, says or votes: that belongs to a
//! session, not a deck.

pub mod content;
pub mod notes;
pub mod own;
pub mod pages;

use crate::state::AppState;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cards", get(pages::index))
        .route("/cards/{deck}", get(pages::show))
        .route("/cards/{deck}/print", get(pages::print))
        .route("/cards/{deck}/reflect", get(notes::show).post(notes::save_all))
        .route("/cards/{deck}/notes/{card}", axum::routing::post(notes::save_one))
}
