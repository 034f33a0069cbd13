//! A theme lifted to the organisation taken into the plan: HR picks one of
//! the plan's chosen themes; the lift is answered "taken into the plan"
//! with the theme's name (the sender and their group read it where they
//! sent it). A leader group's words join what the plan knows about the
//! theme; an individual leader's own words do not, since the plan's
//! readers (top management, MED, AMO) are more than the inbox's (HR).
//! One transaction that writes first, audited like any answer in the
//! organisation's inbox; a lift answered meanwhile is refused.

use super::{editable, sheet, store};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::org::audit;
use crate::state::AppState;
use crate::thread::store as lifts;
use crate::web::Page;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::LiftId;
use domain::thread::{Answer, Destination};

#[derive(serde::Deserialize)]
pub struct TakeForm {
    #[serde(default)]
    theme: String,
}

pub async fn take(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path((id, lift)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<TakeForm>,
) -> AppResult<Response> {
    let plan = editable(&state, &me, &id).await?;
    let lift = LiftId::parse(&lift).ok_or(AppError::NotFound)?;
    let to = Destination::Organisation;
    let found = lifts::arrived(&state.db, me.org(), &to, &lift, me.person()).await?.ok_or(AppError::NotFound)?;
    let themes = store::themes(&state.db, me.org(), &plan.id).await?;
    let Some(theme) = themes.iter().find(|t| t.theme == form.theme.trim()) else {
        return Err(AppError::BadRequest("plan-error-theme-unknown"));
    };
    let title = sheet::sheet(&state, me.org(), page.lang)
        .await?
        .into_iter()
        .find(|s| s.key == theme.theme)
        .map(|s| s.title)
        .unwrap_or_else(|| page.t("plan-theme-gone"));
    let answer = Answer::parse("taken", &page.t2("plan-taken-answer", "theme", &title, "plan", &plan.title)).map_err(|e| AppError::BadRequest(e.key))?;
    let mut tx = state.db.begin_write().await?;
    if !lifts::answer_open(&mut tx, me.org(), &to, &lift, &answer, me.person(), state.clock.now()).await? {
        return Err(AppError::BadRequest("plan-error-lift-answered"));
    }
    if found.from_group_id.is_some() {
        let addition = page.t1("plan-taken-known", "text", &found.text);
        if !store::append_known(&mut tx, me.org(), &plan.id, &theme.theme, &addition, me.person(), state.clock.now()).await? {
            // Too long for the mapping's form, or the plan was replaced: nothing is kept.
            return Err(AppError::BadRequest("plan-error-known-full"));
        }
    }
    let target: String = found.text.chars().take(80).collect();
    audit::record(&mut tx, me.org(), audit::Actor { person: Some(me.person()), name: &me.m.name }, "lift-answered", &target, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/plan/{}/prepare?notice=taken#mapping", plan.id)).into_response())
}
