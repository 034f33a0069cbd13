//! The APV's state changes up to the choice of themes: start a round, save
//! and hand in Skema 1, sort and choose in the meeting, the report and
//! closing. Each refusal re-renders its page with a clear message and the
//! right status, and changes nothing.

use super::input::{self, optional_date, plan_text};
use super::pages::{map_page, meeting_refused, round_page, started_on, theme_label, tool_page, ReportForm};
use super::hand_in::Skema1;
use super::store::{self, NewRound, Refused, Report};
use super::{load_round, RoundContext};
use crate::auth::csrf::{CsrfForm, WholeForm};
use crate::auth::Member;
use crate::catalogue;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::promise::{self, RevealForm, Revealing};
use crate::tools::group::{viewed, Viewed};
use crate::web::forms::{FieldError, FormErrors};
use crate::web::Page;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::apv::{check_next_due, check_plan_documented, parse_chosen, Absence, Variant};
use domain::ids::GroupId;
use std::collections::HashMap;

#[derive(serde::Deserialize)]
pub struct StartForm {
    #[serde(default)]
    variant: String,
    #[serde(default)]
    deadline: String,
}

/// Starts a round for a group: its leader, or HR.
pub async fn start(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<StartForm>,
) -> AppResult<Response> {
    let group_id = GroupId::parse(&id).ok_or(AppError::NotFound)?;
    let Viewed { group, relation, is_hr } = viewed(&state, &me, &group_id).await?;
    if !relation.may_start_round(is_hr) {
        return Err(AppError::Forbidden);
    }
    let mut errors = FormErrors::default();
    let variant = errors.check(&page.tr, "variant", Variant::parse(&form.variant));
    let deadline = errors.check(&page.tr, "deadline", optional_date(&form.deadline));
    if let Some(Some(d)) = deadline {
        if d < state.clock.today() {
            errors.add_key(&page.tr, Some("deadline"), "apv-error-deadline-past");
        }
    }
    let (Some(variant), Some(deadline), true) = (variant, deadline, errors.is_empty()) else {
        let body = tool_page(&state, page, &me, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    let items = catalogue::store::items(&state.db, me.org(), "apv").await?;
    let new = NewRound { group: &group.id, variant, deadline, by: me.person() };
    match store::start(&state.db, me.org(), new, &items, &super::other_keys(&state.shipped), state.clock.now()).await? {
        Ok(round) => {
            super::mail::invite_soon(&state, me.org());
            Ok(Redirect::to(&format!("/apv/rounds/{round}?notice=started")).into_response())
        }
        Err(_) => {
            errors.0.push(FieldError { field: None, message: page.t1("apv-error-already-open", "group", &group.name) });
            let body = tool_page(&state, page, &me, errors).await?;
            Ok((StatusCode::CONFLICT, body).into_response())
        }
    }
}

/// The round, if the viewer may fill in Skema 1 and it is still open.
async fn answerable(state: &AppState, me: &Member, id: &str) -> AppResult<RoundContext> {
    let ctx = load_round(state, me, id).await?;
    let allowed = ctx.kept.seat.may_answer();
    ctx.open_for(allowed)
}

/// Saves my whole Skema 1; with `hand_in` it also counts in the group's picture.
pub async fn save_map(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    WholeForm(input::MapForm(pairs)): WholeForm<input::MapForm>,
) -> AppResult<Response> {
    let ctx = answerable(&state, &me, &id).await?;
    // The round's own themes are settled where the answers are written, so
    // the common case (a good form) needs no query for them.
    let named = input::themes_named(&pairs);
    let revs: Vec<&str> = named.iter().map(String::as_str).collect();
    let submit = pairs.iter().any(|(k, v)| k == "hand_in" && v == "1");
    match input::parse_marks(&pairs, &revs) {
        Ok(marks) => match state
            .skema1
            .write(Skema1 { org: me.org().clone(), round: ctx.round.id.clone(), person: me.person().clone(), marks, submit, at: state.clock.now() })
            .await?
        {
            Ok(()) => {
                let notice = if submit { "handed-in" } else { "saved" };
                Ok(Redirect::to(&format!("/apv/rounds/{}?notice={notice}", ctx.round.id)).into_response())
            }
            Err(Refused::Revealed) => {
                // Nothing is saved, but what was typed stays on the screen.
                let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
                let revs: Vec<&str> = themes.iter().map(|t| t.revision_id.as_str()).collect();
                let typed = input::typed_marks(&pairs, &revs).into_iter().collect();
                let mut errors = FormErrors::default();
                errors.add_key(&page.tr, None, "reveal-error-answers-ended");
                let body = map_page(&state, page, &ctx, &themes, &typed, &HashMap::new(), errors);
                Ok((StatusCode::CONFLICT, body).into_response())
            }
            Err(_) => Err(AppError::BadRequest("apv-error-round-closed")),
        },
        Err(problems) => {
            let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
            let revs: Vec<&str> = themes.iter().map(|t| t.revision_id.as_str()).collect();
            let mut errors = FormErrors::default();
            let mut by_field = HashMap::new();
            for p in problems {
                let name = themes.iter().find(|t| t.revision_id.as_str() == p.rev).map(|t| t.name(page.lang)).unwrap_or("");
                let message = format!("{}: {}", name, page.t(p.error.key));
                by_field.insert(p.field.clone(), page.t(p.error.key));
                errors.0.push(FieldError { field: Some(p.field.into()), message });
            }
            // Keep everything as typed, so nothing is lost.
            let typed = input::typed_marks(&pairs, &revs).into_iter().collect();
            let body = map_page(&state, page, &ctx, &themes, &typed, &by_field, errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
    }
}

/// Saves one theme as it is typed (the page's script); answers 204, or 422
/// with the message as text.
pub async fn save_theme(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    WholeForm(input::MapForm(pairs)): WholeForm<input::MapForm>,
) -> AppResult<Response> {
    let ctx = answerable(&state, &me, &id).await?;
    let Some(rev) = pairs.iter().find(|(k, _)| k == "theme").map(|(_, v)| v.clone()) else {
        return Err(AppError::BadRequest("apv-error-theme-unknown"));
    };
    let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
    if !themes.iter().any(|t| t.revision_id.as_str() == rev) {
        return Err(AppError::BadRequest("apv-error-theme-unknown"));
    }
    match input::parse_marks(&pairs, &[rev.as_str()]) {
        Ok(marks) => {
            let mark = marks.into_iter().next().map(|(_, m)| m).unwrap_or_default();
            match store::save_theme(&state.db, me.org(), &ctx.round.id, me.person(), &rev, &mark, state.clock.now()).await? {
                Ok(()) => Ok(StatusCode::NO_CONTENT.into_response()),
                Err(Refused::Revealed) => Ok((StatusCode::CONFLICT, page.t("reveal-error-answers-ended")).into_response()),
                Err(_) => Err(AppError::BadRequest("apv-error-round-closed")),
            }
        }
        Err(problems) => {
            let message = problems.first().map(|p| page.t(p.error.key)).unwrap_or_default();
            Ok((StatusCode::UNPROCESSABLE_ENTITY, message).into_response())
        }
    }
}

/// Shows the group its picture at the meeting, which ends the hand-ins:
/// the meeting's leader (or HR for a group without one).
pub async fn reveal(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RevealForm>,
) -> AppResult<Response> {
    let ctx = leading(&state, &me, &id).await?;
    let day = ctx.round.created_at.get(..10).unwrap_or(&ctx.round.created_at);
    let target = format!("{} ({day})", ctx.group.name);
    let round = Revealing {
        round: ctx.round.id.as_str(),
        stage: ctx.kept.stage(ctx.round.open),
        respondents: u32::try_from(ctx.round.respondents).unwrap_or(0),
        target: &target,
    };
    match promise::reveal_round(&state, &me, round, &form, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/apv/rounds/{}/meeting?notice=revealed#picture-heading", ctx.round.id)).into_response()),
        Err(key) => {
            let errors = promise::reveal_refused(&page.tr, key);
            meeting_refused(&state, page, &me, ctx, errors).await
        }
    }
}

/// The meeting's leader (or HR for a group without one), on an open round.
pub(super) async fn leading(state: &AppState, me: &Member, id: &str) -> AppResult<RoundContext> {
    let ctx = load_round(state, me, id).await?;
    let allowed = ctx.may_lead();
    ctx.open_for(allowed)
}

/// Saves where the group put each theme in each colour.
pub async fn save_sorting(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = leading(&state, &me, &id).await?;
    let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
    let revs: Vec<&str> = themes.iter().map(|t| t.revision_id.as_str()).collect();
    match input::parse_sorting(&pairs, &revs) {
        Ok(placed) => match store::save_sorting(&state.db, me.org(), &ctx.round.id, &placed).await? {
            Ok(()) => Ok(Redirect::to(&format!("/apv/rounds/{}/meeting?notice=sorted#sorting", ctx.round.id)).into_response()),
            Err(_) => Err(AppError::BadRequest("apv-error-round-closed")),
        },
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add_key(&page.tr, None, e.key);
            meeting_refused(&state, page, &me, ctx, errors).await
        }
    }
}

/// Chooses the one or two themes the group works on; each gets a plan.
pub async fn choose(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = leading(&state, &me, &id).await?;
    let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
    let revs: Vec<&str> = themes.iter().map(|t| t.revision_id.as_str()).collect();
    let picked: Vec<&str> = pairs.iter().filter(|(k, _)| k == "theme").map(|(_, v)| v.as_str()).collect();
    let refused = match parse_chosen(&picked, &revs) {
        Ok(chosen) => match store::choose(&state.db, me.org(), &ctx.round.id, &chosen, state.clock.now()).await? {
            Ok(()) => {
                return Ok(Redirect::to(&format!("/apv/rounds/{}/meeting?notice=chosen#plans", ctx.round.id)).into_response())
            }
            Err(Refused::TooMany) => "apv-error-choose-too-many",
            Err(_) => "apv-error-round-closed",
        },
        Err(e) => e.key,
    };
    let mut errors = FormErrors::default();
    errors.add_key(&page.tr, Some("theme"), refused);
    meeting_refused(&state, page, &me, ctx, errors).await
}

/// Saves the report's answers to the law's questions.
pub async fn save_report(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ReportForm>,
) -> AppResult<Response> {
    let ctx = leading(&state, &me, &id).await?;
    let mut errors = FormErrors::default();
    let absence = if form.absence.is_empty() {
        Some(None)
    } else {
        let parsed = Absence::parse(&form.absence).ok_or(domain::ValidationError::new("apv-error-absence"));
        errors.check(&page.tr, "absence", parsed).map(Some)
    };
    let absence_note = errors.check(&page.tr, "absence_note", plan_text(&form.absence_note));
    let amo_note = errors.check(&page.tr, "amo_note", plan_text(&form.amo_note));
    let amo_on = errors.check(&page.tr, "amo_on", optional_date(&form.amo_on));
    let started = started_on(&ctx.round, state.clock.today());
    let next_due = match optional_date(&form.next_due) {
        Ok(Some(d)) => errors.check(&page.tr, "next_due", check_next_due(d, started)).map(Some),
        other => errors.check(&page.tr, "next_due", other),
    };
    let (Some(absence), Some(absence_note), Some(amo_on), Some(amo_note), Some(next_due), true) =
        (absence, absence_note, amo_on, amo_note, next_due, errors.is_empty())
    else {
        let body = round_page(&state, page, &me, ctx, form, None, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    let report = Report { absence, absence_note, amo_on, amo_note, next_due };
    match store::save_report(&state.db, me.org(), &ctx.round.id, &report).await? {
        Ok(()) => Ok(Redirect::to(&format!("/apv/rounds/{}?notice=report-saved#report", ctx.round.id)).into_response()),
        Err(_) => Err(AppError::BadRequest("apv-error-round-closed")),
    }
}

/// Closes the round once the report answers the law's questions.
pub async fn close(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let ctx = leading(&state, &me, &id).await?;
    let r = &ctx.round.report;
    let mut errors = FormErrors::default();
    if r.absence.is_none() {
        errors.add_key(&page.tr, Some("absence"), "apv-error-close-absence");
    }
    if r.next_due.is_none() {
        errors.add_key(&page.tr, Some("next_due"), "apv-error-close-next-due");
    }
    let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
    for plan in store::plans(&state.db, me.org(), &ctx.round.id).await? {
        let issue = plan.fields.get("issue").map(String::as_str).unwrap_or("");
        let owned = plan.actions.iter().filter(|a| a.owner_id.is_some()).count();
        if let Err(e) = check_plan_documented(issue, owned) {
            let theme = themes.iter().find(|t| t.revision_id.as_str() == plan.revision_id).map(|t| theme_label(&page.tr, t)).unwrap_or_default();
            errors.0.push(FieldError { field: None, message: page.t1(e.key, "theme", theme) });
        }
    }
    if !errors.is_empty() {
        let form = ReportForm::from_report(r, started_on(&ctx.round, state.clock.today()));
        let body = round_page(&state, page, &me, ctx, form, None, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    match store::close(&state.db, me.org(), &ctx.round.id, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/apv/rounds/{}?notice=closed", ctx.round.id)).into_response()),
        Err(_) => Err(AppError::BadRequest("apv-error-round-closed")),
    }
}
