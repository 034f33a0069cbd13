//! A theme lifted to the organisation taken into the plan: HR picks one of
//! the plan's chosen themes; the lift is answered "taken into the plan"
//! with the theme's name (the sender and their group read it where they
//! sent it), and the lifted words join what the plan knows about the theme.
//! One transaction, audited like any answer in the organisation's inbox.

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
    if !found.answered.status.is_open() {
        return Err(AppError::BadRequest("plan-error-lift-answered"));
    }
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
    let known = if theme.known.is_empty() {
        page.t1("plan-taken-known", "text", &found.text)
    } else {
        format!("{}\n\n{}", theme.known, page.t1("plan-taken-known", "text", &found.text))
    };
    // What the plan knows stays within what its form accepts.
    if known.chars().count() > domain::input::LongText::MAX_LEN {
        return Err(AppError::BadRequest("plan-error-known-full"));
    }
    let mut tx = state.db.pool.begin().await?;
    if !lifts::answer(&mut tx, me.org(), &to, &lift, &answer, me.person()).await? {
        return Err(AppError::NotFound);
    }
    store::append_known(&mut tx, me.org(), &plan.id, &theme.theme, &known, me.person()).await?;
    let target: String = found.text.chars().take(80).collect();
    audit::record(&mut tx, me.org(), audit::Actor { person: Some(me.person()), name: &me.m.name }, "lift-answered", &target).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/plan/{}/prepare?notice=taken#mapping", plan.id)).into_response())
}
