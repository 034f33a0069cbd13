//! The thread across levels: a leader lifts a point of their own agreement
//! to a leader group they are in; the group's leader answers it or lifts it
//! on to the organisation, where HR answers. The sender sees the status and
//! the answers on the point's page, at every level it reached.
//!
//! Built once for every source (`domain::thread::SourceKind`): the group
//! tool, the APV and the organisation's plan add their sources and reuse the
//! store, the inboxes and the answer flow. Nothing here shows a sender's
//! name to a receiving level unless the sender chose so.

pub mod access;
pub mod actions;
pub mod pages;
pub mod store;
pub mod tell;
pub mod view;

use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dialog/points/{id}/lift", post(actions::lift))
        .route("/thread/lifts/{id}/withdraw", post(actions::withdraw))
        .route("/groups/{id}/inbox", get(pages::group_inbox))
        .route("/groups/{id}/inbox/{lift}/answer", post(actions::answer_in_group))
        .route("/groups/{id}/inbox/{lift}/lift-on", post(actions::lift_on))
        .route("/admin/inbox", get(pages::org_inbox))
        .route("/admin/inbox/{lift}/answer", post(actions::answer_at_org))
}
