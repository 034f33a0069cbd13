//! Tool 2, "Skærp ledergruppens samarbejde": the leader group's three steps.
//! Step 1, the group's leader proposes when and where, and every member
//! gets a calendar invitation with the checklist to fill in beforehand;
//! step 2, the meeting on a shared screen with the group's picture, the
//! prioritisation matrix and the facilitator's agenda; step 3, the group
//! agreement with its two points, owners and follow-up dates.
//!
//! A round fixes the statements it asks when it starts, so edits in the
//! catalogue never change an earlier round. Who may do what is decided by
//! `tools::access::Relation`; outside the group a round does not exist (404),
//! except for HR, who sees a closed round's picture at the organisation's
//! threshold, and the agreement only while the group's leader shares it.

pub mod agenda;
pub mod chart;
pub mod content;
pub mod document;
pub mod input;
pub mod invite;
pub mod lift;
pub mod mail;
pub mod meeting;
pub mod meeting_data;
pub mod pages;
pub mod settle;
pub mod store;
pub mod view;

use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::access::Relation;
use crate::tools::group::{self as groups, store::Group};
use crate::tools::promise::{self, Kept};
use axum::routing::{get, post};
use axum::Router;
use domain::ids::CollabRoundId;
use store::Round;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/collab", get(pages::tool))
        .route("/collab/groups/{id}/rounds", get(pages::new_round).post(pages::start))
        .route("/collab/rounds/{id}", get(pages::round))
        .route("/collab/rounds/{id}/move", post(pages::reschedule))
        .route("/collab/rounds/{id}/checklist", get(pages::checklist).post(pages::save_checklist))
        .route("/collab/rounds/{id}/meeting", get(meeting::show))
        .route("/collab/rounds/{id}/agenda", get(agenda::show).post(agenda::press_button))
        .route("/collab/rounds/{id}/reveal", post(meeting::reveal))
        .route("/collab/rounds/{id}/matrix", post(meeting::place))
        .route("/collab/rounds/{id}/agreement", post(meeting::save_agreement))
        .route("/collab/rounds/{id}/settle", get(settle::confirm).post(settle::settle_now))
        .route("/collab/rounds/{id}/reopen", post(settle::reopen_now))
        .route("/collab/rounds/{id}/review", post(meeting::save_review))
        .route("/collab/rounds/{id}/lift", post(lift::lift))
        .route("/collab/rounds/{id}/share", post(pages::share))
        .route("/collab/rounds/{id}/agreement.docx", get(document::docx))
        .route("/collab/rounds/{id}/print", get(document::print))
}

/// A round with its group and how the viewer stands to the group.
pub struct RoundContext {
    pub round: Round,
    pub group: Group,
    pub relation: Relation,
    pub is_hr: bool,
    /// What the round promised, and where the viewer reads it from.
    pub kept: Kept,
}

impl RoundContext {
    /// Who settles the agreement, follows up, lifts and shares (`Relation::may_lead_inside`).
    pub fn may_lead(&self) -> bool {
        leads(self.relation, &self.group)
    }
}

pub fn leads(relation: Relation, group: &Group) -> bool {
    relation.may_lead_inside(group.leader_id.is_some())
}

/// Loads a round the viewer may see; anything else (another organisation,
/// a group the viewer is outside of) is 404.
pub async fn load_round(state: &AppState, me: &Member, id: &str) -> AppResult<RoundContext> {
    let id = CollabRoundId::parse(id).ok_or(AppError::NotFound)?;
    let round = store::round(&state.db, me.org(), me.person(), &id).await?.ok_or(AppError::NotFound)?;
    let groups::Viewed { group, relation, is_hr } = groups::viewed(state, me, &round.group_id).await?;
    let kept = promise::load(&state.db, me.org(), round.id.as_str(), me.person(), relation.may_answer(), me.m.rule).await?;
    Ok(RoundContext { round, group, relation, is_hr, kept })
}

/// The same round, for the round's own readers only: the meeting, the
/// checklist and the agreement are the work of the group the round was
/// started with. HR outside the group, and anyone who joined the group
/// later, gets 403 (they know the round exists from the round page).
pub async fn load_inside(state: &AppState, me: &Member, id: &str) -> AppResult<RoundContext> {
    let ctx = load_round(state, me, id).await?;
    if !ctx.kept.seat.may_answer() {
        return Err(AppError::Forbidden);
    }
    Ok(ctx)
}
