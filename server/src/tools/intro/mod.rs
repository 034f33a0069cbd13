//! The introduction tool, "Sæt spot på lederes trivsel": a leader group's
//! short shared picture of leader wellbeing, its results under the anonymity
//! rule, and the decision on the next step.
//!
//! A round fixes the statements it asks when it starts (`store::start`), so
//! edits in the catalogue never change what an earlier round asked or shows.
//! Handlers here parse, authorise (`tools::access`), call the store and render.

pub mod actions;
pub mod chart;
pub mod input;
pub mod pages;
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
use domain::ids::IntroRunId;
use store::RunSummary;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/intro", get(pages::tool))
        .route("/intro/groups/{id}/runs", post(actions::start))
        .route("/intro/runs/{id}", get(pages::run))
        .route("/intro/runs/{id}/answer", get(pages::answer).post(actions::save_answers))
        .route("/intro/runs/{id}/reveal", post(actions::reveal))
        .route("/intro/runs/{id}/decision", post(actions::decide))
}

/// A round with its group and how the viewer stands to the group.
pub struct RunContext {
    pub run: RunSummary,
    pub group: Group,
    pub relation: Relation,
    pub is_hr: bool,
    /// What the round promised, and where the viewer reads it from.
    pub kept: Kept,
}

/// Loads a round the viewer may see; anything else (another organisation, a
/// group the viewer is outside of) is 404, so the round's existence stays hidden.
pub async fn load_run(state: &AppState, me: &Member, id: &str) -> AppResult<RunContext> {
    let id = IntroRunId::parse(id).ok_or(AppError::NotFound)?;
    let run = store::run(&state.db, me.org(), me.person(), &id).await?.ok_or(AppError::NotFound)?;
    let groups::Viewed { group, relation, is_hr } = groups::viewed(state, me, &run.group_id).await?;
    let kept = promise::load(&state.db, me.org(), run.id.as_str(), me.person(), relation.may_answer(), me.m.rule).await?;
    Ok(RunContext { run, group, relation, is_hr, kept })
}

