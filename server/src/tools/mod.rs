//! The method's tools, one folder each, and what they share: the leader
//! group page and the access rules for a group's shared work.

pub mod access;
pub mod apv;
pub mod cards;
pub mod collab;
pub mod dialog;
pub mod group;
pub mod intro;
pub mod live;
pub mod matrix;
pub mod plan;
pub mod promise;
pub mod scale_answers;

use crate::state::AppState;
use axum::Router;

/// Every tool's pages, merged into the signed-in `pages` router.
pub fn routes() -> Router<AppState> {
    Router::new().merge(group::routes()).merge(intro::routes()).merge(dialog::routes()).merge(apv::routes()).merge(collab::routes()).merge(plan::routes()).merge(cards::routes()).merge(live::routes())
}
