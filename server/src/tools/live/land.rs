//! The thread across levels from a live session: the next steps a
//! prioritising session agreed go where its deck says.
//! - The organisation deck's go to the organisation's open plan for leader
//!   wellbeing (Tool 3) as a draft: each step with a theme is added to that
//!   theme's action card, choosing the theme if the plan had not. Only HR,
//!   who edits the plan, saves them.
//! - The leader group deck's are lifted to a group the facilitator belongs
//!   to, one lift per step (`SourceKind::LiveStep`), so they arrive in the
//!   group's inbox and on its meeting page, where the group's leader answers
//!   them and the group works them into its agreement (Tool 2).
//! - The 1-1 deck's become agreements with the nearest leader in the
//!   current leader agreement (Tool 1) of the participant who saves them,
//!   followed up at the next dialog; the agreement then waits to be agreed
//!   again by both.
//!
//! Saved once per session (by its facilitator, or for the 1-1 deck by the
//! participant whose agreement it is), once the group is at its next steps.

use super::participant::Participant;
use super::store;
use crate::auth::csrf::CsrfForm;
use crate::auth::extract::Membership;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::thread::store as thread;
use crate::tools::cards::content::LandsIn;
use crate::tools::group::store::GroupLink;
use crate::tools::dialog::store as dialog;
use crate::tools::plan::store as plan_store;
use domain::agreement::{PointKind, Rhythm};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::live::{Live, Step};
use domain::thread::{Destination, LiftText, SourceKind};

/// Where this session's next steps can go now, for this viewer.
pub enum Target {
    Plan,
    /// The facilitator's groups to choose from.
    Group(Vec<GroupLink>),
    /// The viewer's current leader agreement.
    LeaderAgreement(domain::ids::AgreementId),
}

pub async fn target(state: &AppState, who: &Participant, me: Option<&Membership>, live: &Live) -> anyhow::Result<Option<Target>> {
    let session = &who.room.session;
    let Some(me) = me.filter(|m| m.org_id.as_str() == session.org_id) else { return Ok(None) };
    if !(live.step == Step::NextSteps || live.ended) || live.next_steps.is_empty() {
        return Ok(None);
    }
    let deck = super::session_deck(state, session, crate::i18n::Lang::Da).await?;
    let lands = deck.as_ref().and_then(|d| d.procedure(super::procedure_kind(session.procedure()))).and_then(|p| p.lands_in);
    Ok(match lands {
        Some(LandsIn::LeaderAgreement) => {
            let today = state.clock.today();
            dialog::current(&state.db, &me.org_id, &me.person_id)
                .await?
                .filter(|a| a.period.contains(today))
                .map(|a| Target::LeaderAgreement(a.id))
        }
        _ if !who.is_facilitator() => None,
        Some(LandsIn::WellbeingPlan) if me.roles.may_administer() => Some(Target::Plan),
        Some(LandsIn::GroupAgreement) => {
            let mut groups = crate::tools::group::store::groups_of(&state.db, &me.org_id, &me.person_id).await?;
            // A leader group session is mostly run by the group's own leader:
            // the groups they lead come first, so the form offers them.
            groups.sort_by_key(|g| !g.i_lead);
            (!groups.is_empty()).then_some(Target::Group(groups))
        }
        _ => None,
    })
}

#[derive(serde::Deserialize)]
pub struct LandForm {
    #[serde(default)]
    group: String,
}

pub async fn land(State(state): State<AppState>, me: Member, who: Participant, CsrfForm(form): CsrfForm<LandForm>) -> AppResult<Response> {
    let live = who.room.state().await;
    let id = who.room.session.id.clone();
    let back = |notice: &str| Ok(Redirect::to(&format!("/live/{id}/summary?notice={notice}")).into_response());
    match target(&state, &who, Some(&me.m), &live).await? {
        None => Err(AppError::Forbidden),
        Some(Target::Plan) => {
            let Some(plan) = plan_store::plans(&state.db, me.org()).await?.into_iter().find(|p| p.open) else {
                return back("no-plan");
            };
            let mut tx = state.db.begin_write().await?;
            if !store::mark_landed(&mut tx, &id, store::LandedTo::Plan, None, state.clock.now()).await? {
                return back("landed");
            }
            let lines: Vec<(String, String)> = live.next_steps.iter().filter_map(|s| s.card.clone().map(|card| (card, line(s)))).collect();
            match plan_store::draft_actions(&mut tx, me.org(), &plan.id, me.person(), &lines, state.clock.now()).await? {
                Ok(()) => {
                    tx.commit().await?;
                    back("landed")
                }
                // Replaced in between: nothing is kept, not even the mark.
                Err(plan_store::Refused::Closed) => back("no-plan"),
            }
        }
        Some(Target::Group(groups)) => {
            let Some(group) = groups.iter().find(|g| g.id.as_str() == form.group) else {
                return Err(AppError::BadRequest("error-live-group"));
            };
            let mut tx = state.db.begin_write().await?;
            if !store::mark_landed(&mut tx, &id, store::LandedTo::Group, Some(&group.id), state.clock.now()).await? {
                return back("landed");
            }
            let to = Destination::Group(group.id.clone());
            for step in &live.next_steps {
                let Ok(text) = LiftText::parse(&line(step)) else { continue };
                let source = format!("{id}/{}", step.n);
                let new = thread::NewLift {
                    source_kind: SourceKind::LiveStep,
                    source_id: &source,
                    from_person: me.person(),
                    from_group: None,
                    to: &to,
                    text: &text,
                    attributed: true,
                };
                thread::lift(&mut tx, me.org(), new, state.clock.now()).await?;
            }
            tx.commit().await?;
            back("lifted")
        }
        Some(Target::LeaderAgreement(agreement)) => {
            let mut tx = state.db.begin_write().await?;
            if !store::mark_landed(&mut tx, &id, store::LandedTo::Agreement, None, state.clock.now()).await? {
                return back("landed");
            }
            let mut points: Vec<dialog::PointInput> = dialog::points_in(&mut tx, me.org(), &agreement)
                .await?
                .into_iter()
                .map(|p| dialog::PointInput { id: Some(p.id), kind: p.kind, text: p.text, follow_up: p.follow_up, rhythm: p.rhythm })
                .collect();
            points.extend(live.next_steps.iter().map(|s| dialog::PointInput {
                id: None,
                kind: PointKind::ManagerCommitment,
                text: s.text.clone(),
                follow_up: s.owner.clone(),
                rhythm: Rhythm::AtDialog,
            }));
            dialog::save_points(&mut tx, me.org(), me.person(), &agreement, &points, state.clock.now()).await?;
            tx.commit().await?;
            back("agreement")
        }
    }
}

/// A next step as one line: what, and who takes it on.
fn line(s: &domain::live::NextStep) -> String {
    if s.owner.is_empty() { format!("• {}", s.text) } else { format!("• {} ({})", s.text, s.owner) }
}
