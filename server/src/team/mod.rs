//! The nearest leader's side of Tool 1: "Mine ledere", the leaders who
//! report to me and whether they share their agreement with me; a shared
//! agreement with its shared points, their follow-up and the conversation;
//! the nearest leader's "agreed" mark.
//!
//! Privacy: only agreements whose `shared_with_id` is the viewer are read,
//! and of those only the shared points (see `store`). Private notes and
//! unshared points are never selected. Every read of a shared agreement is
//! written to the audit log. Anyone but the person it is shared with gets 404.

pub mod access;
pub mod pages;
pub mod store;
pub mod view;

use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/team", get(pages::index))
        .route("/team/agreements/{id}", get(pages::agreement))
        .route("/team/agreements/{id}/comments", post(pages::comment))
        .route("/team/agreements/{id}/agreed", post(pages::agreed))
}
