//! Dialog cards, "dialogkort": the decks the method talks through (the
//! organisation's 16 theme cards, the leader group's and the 1-1 deck, the
//! leader-wellbeing cards and the network cards), the organisation's own
//! cards and decks, and the procedure each deck is used with
//! ("dialogredskab", "Det korte møde", reflection alone or on a walk).
//!
//! This module holds the decks and their pages (read, print, reflect). It
//! never stores what a participant picks, says or votes: that belongs to a
//! session, not a deck.

pub mod content;
pub mod decks;
pub mod notes;
pub mod own;
pub mod own_deck_pages;
pub mod own_decks;
pub mod pages;

use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cards", get(pages::index))
        .route("/cards/new", get(own_deck_pages::new_form).post(own_deck_pages::create))
        .route("/cards/{deck}", get(pages::show))
        .route("/cards/{deck}/edit", get(own_deck_pages::edit_form).post(own_deck_pages::update))
        .route("/cards/{deck}/visibility", post(own_deck_pages::visibility))
        .route("/cards/{deck}/print", get(pages::print))
        .route("/cards/{deck}/reflect", get(notes::show).post(notes::save_all))
        .route("/cards/{deck}/notes/{card}", post(notes::save_one))
}
