//! The leader APV (seed 001, "Lederens egen APV" to Skema 3): a leader
//! group's round of preparation, Skema 1 (each leader's colours and
//! keywords), the meeting (Skema 2: the group's picture, sorting and the
//! choice of one or two themes), Skema 3 (an action plan per chosen theme)
//! and the report with what the law asks.
//!
//! A round fixes the themes it asks when it starts (`store::start`), so edits
//! in the catalogue never change what an earlier round asked or shows.
//! Handlers parse, authorise (`tools::access`), call the store and render.

pub mod actions;
pub mod campaign_export;
pub mod campaigns;
pub mod change;
pub mod chart;
pub mod content;
pub mod hand_in;
pub mod input;
pub mod lift;
pub mod mail;
pub mod overview;
pub mod picture;
pub mod pages;
pub mod plan_pages;
pub mod report_doc;
pub mod review;
pub mod store;

use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::access::Relation;
use crate::tools::group::{self as groups, store::Group};
use crate::tools::promise::{self, Kept};
use axum::routing::{get, post};
use axum::Router;
use domain::ids::ApvRoundId;
use store::Round;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apv", get(pages::tool))
        .route("/apv/groups/{id}/rounds", post(actions::start))
        .route("/apv/campaigns", post(campaigns::start))
        .route("/apv/campaigns/{id}", get(campaigns::campaign))
        .route("/apv/campaigns/{id}/colour-map.xlsx", get(campaign_export::xlsx))
        .route("/apv/campaigns/{id}/colour-map.csv", get(campaign_export::csv))
        .route("/apv/rounds/{id}", get(pages::round))
        .route("/apv/rounds/{id}/prepare", get(pages::prepare))
        .route("/apv/rounds/{id}/map", get(pages::map).post(actions::save_map))
        .route("/apv/rounds/{id}/map/theme", post(actions::save_theme))
        .route("/apv/rounds/{id}/meeting", get(pages::meeting))
        .route("/apv/rounds/{id}/reveal", post(actions::reveal))
        .route("/apv/rounds/{id}/sorting", post(actions::save_sorting))
        .route("/apv/rounds/{id}/review", post(review::save))
        .route("/apv/rounds/{id}/lift", post(lift::lift))
        .route("/apv/rounds/{id}/choose", post(actions::choose))
        .route("/apv/rounds/{id}/report", post(actions::save_report))
        .route("/apv/rounds/{id}/report.docx", get(report_doc::docx))
        .route("/apv/rounds/{id}/print", get(report_doc::print))
        .route("/apv/rounds/{id}/close", post(actions::close))
        .route("/apv/plans/{id}", get(plan_pages::plan).post(plan_pages::save_plan))
        .route("/apv/plans/{id}/remove", get(plan_pages::confirm_remove).post(plan_pages::remove_plan))
        .route("/apv/plans/{id}/actions", post(plan_pages::add_action))
        .route("/apv/plans/{id}/actions/{action}/done", post(plan_pages::action_done))
        .route("/apv/plans/{id}/actions/{action}/delete", post(plan_pages::delete_action))
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
    /// Leads the meeting, the plans and the report: the group's leader, or
    /// HR for a group without one.
    pub fn may_lead(&self) -> bool {
        self.relation.may_decide(self.is_hr, self.group.leader_id.is_some())
    }

    /// For a change: 403 unless `allowed`, then 400 on a closed round.
    pub fn open_for(self, allowed: bool) -> AppResult<Self> {
        if !allowed {
            return Err(AppError::Forbidden);
        }
        if !self.round.open {
            return Err(AppError::BadRequest("apv-error-round-closed"));
        }
        Ok(self)
    }
}

/// Loads a round the viewer may see; anything else (another organisation, a
/// group the viewer is outside of) is 404, so the round's existence stays hidden.
pub async fn load_round(state: &AppState, me: &Member, id: &str) -> AppResult<RoundContext> {
    let id = ApvRoundId::parse(id).ok_or(AppError::NotFound)?;
    let round = store::round(&state.db, me.org(), me.person(), &id).await?.ok_or(AppError::NotFound)?;
    let groups::Viewed { group, relation, is_hr } = groups::viewed(state, me, &round.group_id).await?;
    let kept = promise::load(&state.db, me.org(), round.id.as_str(), me.person(), relation.may_answer(), me.m.rule).await?;
    Ok(RoundContext { round, group, relation, is_hr, kept })
}


/// The keys of the shipped "other themes" rows, whose position is last in their part.
pub fn other_keys(shipped: &crate::content::Shipped) -> Vec<&str> {
    shipped.apv.da.themes.iter().filter(|t| t.other).map(|t| t.key.as_str()).collect()
}
