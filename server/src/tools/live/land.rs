//! The thread across levels from a live session: the next steps an
//! organisation-deck session agreed become a draft in the organisation's
//! open plan for leader wellbeing (Tool 3). Each step with a theme is added
//! to that theme's action card, choosing the theme if the plan had not;
//! HR then works the draft into goals, owners and dates in the plan itself.
//! Saved once per session, by its facilitator, who must be the one who
//! edits the plan (HR).

use super::participant::Participant;
use super::store;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::Membership;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::cards::content::LandsIn;
use crate::tools::plan::store as plan_store;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::live::{Live, Step};

/// Where a session's next steps can go, if anywhere, and whether they may
/// go now: the organisation deck's, by its facilitator when HR, once the
/// group is at its next steps.
pub fn landable(state: &AppState, who: &Participant, me: Option<&Membership>, live: &Live) -> bool {
    let deck = state.shipped.cards.da.deck(&who.room.session.deck);
    let lands = deck.and_then(|d| d.procedure(super::procedure_kind(who.room.session.procedure()))).and_then(|p| p.lands_in);
    lands == Some(LandsIn::WellbeingPlan)
        && who.is_facilitator()
        && me.is_some_and(|m| m.roles.may_administer() && m.org_id.as_str() == who.room.session.org_id)
        && (live.step == Step::NextSteps || live.ended)
        && !live.next_steps.is_empty()
}

pub async fn land(State(state): State<AppState>, me: Member, who: Participant, CsrfForm(_): CsrfForm<Vec<(String, String)>>) -> AppResult<Response> {
    let live = who.room.state().await;
    if !landable(&state, &who, Some(&me.m), &live) {
        return Err(AppError::Forbidden);
    }
    let id = &who.room.session.id;
    let back = |notice: &str| Ok(Redirect::to(&format!("/live/{id}/summary?notice={notice}")).into_response());
    let Some(plan) = plan_store::plans(&state.db, me.org()).await?.into_iter().find(|p| p.open) else {
        return back("no-plan");
    };
    if !store::mark_landed(&state.db, id).await? {
        return back("landed");
    }
    let lines: Vec<(String, String)> = live
        .next_steps
        .iter()
        .filter_map(|s| {
            let line = if s.owner.is_empty() { format!("• {}", s.text) } else { format!("• {} ({})", s.text, s.owner) };
            s.card.clone().map(|card| (card, line))
        })
        .collect();
    match plan_store::draft_actions(&state.db, me.org(), &plan.id, me.person(), &lines).await? {
        Ok(_) => back("landed"),
        Err(plan_store::Refused::Closed) => {
            store::unmark_landed(&state.db, id).await?;
            back("no-plan")
        }
    }
}
