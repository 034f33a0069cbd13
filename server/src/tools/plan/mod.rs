//! Tool 3, "Skab en samlet plan for ledertrivsel": HR, with top
//! management, MED/AMO and leaders, prepares (chooses themes from the theme
//! sheet and maps what is known), qualifies (unfolds each theme and places
//! it in the matrix) and concretises (an action card per theme, the plan's
//! two most important points, top management's sign-off). Beside it: the
//! anonymous overview and the organisation's inbox of lifted themes.
//!
//! HR edits; top management, the works council and the safety organisation
//! read (`Roles::may_read_overview`); anyone else gets 403. Plans are scoped
//! by organisation, so another organisation's plan is 404.

pub mod apv_picture;
pub mod content;
pub mod document;
pub mod input;
pub mod mail;
pub mod overview;
pub mod pages;
pub mod sheet;
pub mod store;
pub mod take;

use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;
use domain::ids::PlanId;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/plan", get(pages::tool).post(pages::start))
        .route("/plan/overview.xlsx", get(overview::xlsx))
        .route("/plan/overview.csv", get(overview::csv))
        .route("/plan/{id}/prepare", get(pages::prepare))
        .route("/plan/{id}/themes", post(pages::choose))
        .route("/plan/{id}/mapping", post(pages::save_mapping))
        .route("/plan/{id}/lifts/{lift}/take", post(take::take))
        .route("/plan/{id}/qualify", get(pages::qualify))
        .route("/plan/{id}/unfold", post(pages::save_unfold))
        .route("/plan/{id}/matrix", post(pages::place))
        .route("/plan/{id}/concretise", get(pages::concretise))
        .route("/plan/{id}/cards", post(pages::save_cards))
        .route("/plan/{id}/decision", post(pages::decide))
        .route("/plan/{id}/print", get(document::print))
        .route("/plan/{id}/plan.docx", get(document::docx))
}

/// Who may read the plan (HR, top management, MED, AMO); 403 for others.
pub fn reader(me: &Member) -> AppResult<()> {
    if me.m.roles.may_read_overview() { Ok(()) } else { Err(AppError::Forbidden) }
}

/// A plan of the viewer's organisation that they may read.
pub async fn load(state: &AppState, me: &Member, id: &str) -> AppResult<store::Plan> {
    reader(me)?;
    let id = PlanId::parse(id).ok_or(AppError::NotFound)?;
    store::plan(&state.db, me.org(), &id).await?.ok_or(AppError::NotFound)
}

/// The same, for a change: HR only, and only the open plan.
pub async fn editable(state: &AppState, me: &Member, id: &str) -> AppResult<store::Plan> {
    let plan = load(state, me, id).await?;
    if !me.m.roles.may_administer() {
        return Err(AppError::Forbidden);
    }
    if !plan.open {
        return Err(AppError::BadRequest("plan-error-closed"));
    }
    Ok(plan)
}
