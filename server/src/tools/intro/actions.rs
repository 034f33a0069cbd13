//! The introduction tool's state changes: start a round, save my answers,
//! reveal the group's picture, record the decision. Each re-renders its page with a clear message and
//! the right status when refused, and changes nothing then.

use super::input::{self, DecisionForm};
use super::pages::{answer_page, refused_answers, run_page, tool_page};
use super::store::{self, Refused};
use super::load_run;
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::catalogue;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::promise::{self, RevealForm, Revealing};
use crate::tools::group::{viewed, Viewed};
use crate::tools::group::store as groups;
use crate::web::forms::{FieldError, FormErrors};
use crate::web::Page;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::{ContentVersionId, GroupId};

/// Starts a round for a group: its leader, or HR.
pub async fn start(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let group_id = GroupId::parse(&id).ok_or(AppError::NotFound)?;
    let Viewed { group, relation, is_hr } = viewed(&state, &me, &group_id).await?;
    if !relation.may_start_round(is_hr) {
        return Err(AppError::Forbidden);
    }
    let items = catalogue::store::items(&state.db, me.org(), "intro").await?;
    match store::start(&state.db, me.org(), &group.id, me.person(), &items, state.clock.now()).await? {
        Ok(run) => Ok(Redirect::to(&format!("/intro/runs/{run}")).into_response()),
        Err(_) => {
            let mut errors = FormErrors::default();
            let message = page.t1("intro-error-already-open", "group", &group.name);
            errors.0.push(FieldError { field: None, message });
            let body = tool_page(&state, page, &me, errors).await?;
            Ok((StatusCode::CONFLICT, body).into_response())
        }
    }
}

/// Saves my answers; I can change them until the group has seen its picture.
pub async fn save_answers(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = load_run(&state, &me, &id).await?;
    if !ctx.kept.seat.may_answer() {
        return Err(AppError::Forbidden);
    }
    if !ctx.run.open {
        return Err(AppError::BadRequest("intro-error-run-closed"));
    }
    let items = store::run_items(&state.db, me.org(), &ctx.run.id).await?;
    let asked: Vec<&str> = items.iter().map(|i| i.revision_id.as_str()).collect();
    let text_of = |rev: &str| items.iter().find(|i| i.revision_id.as_str() == rev).map(|i| i.text(page.lang).to_string()).unwrap_or_default();
    let parsed = match input::parse_answers(&pairs, &asked) {
        Ok(p) => p,
        Err(problems) => {
            let (errors, selected, comment) = refused_answers(&page, problems, text_of, &pairs);
            let submitted = ctx.run.i_answered;
            let body = answer_page(&state, page, &ctx, &items, &selected, comment, submitted, errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let values: Vec<(ContentVersionId, domain::intro::ScaleValue)> =
        parsed.values.into_iter().map(|(rev, v)| (ContentVersionId::from_db(rev), v)).collect();
    match store::save_answers(&state.db, me.org(), &ctx.run.id, me.person(), &values, parsed.comment.as_ref(), state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/intro/runs/{}?saved=1", ctx.run.id)).into_response()),
        Err(Refused::Revealed) => {
            // Nothing is saved, but what was typed stays on the screen.
            let (mut errors, selected, comment) = refused_answers(&page, Vec::new(), text_of, &pairs);
            errors.add_key(&page.tr, None, "reveal-error-answers-ended");
            let submitted = ctx.run.i_answered;
            let body = answer_page(&state, page, &ctx, &items, &selected, comment, submitted, errors).await?;
            Ok((StatusCode::CONFLICT, body).into_response())
        }
        Err(Refused::Closed | Refused::AlreadyOpen) => Err(AppError::BadRequest("intro-error-run-closed")),
    }
}

/// Shows the group its picture, which ends the answering: whoever may
/// record the decision does it when the group meets.
pub async fn reveal(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RevealForm>,
) -> AppResult<Response> {
    let ctx = load_run(&state, &me, &id).await?;
    if !ctx.relation.may_decide(ctx.is_hr, ctx.group.leader_id.is_some()) {
        return Err(AppError::Forbidden);
    }
    let target = format!("{} ({})", ctx.group.name, page.date_time(&ctx.run.created_at));
    let round = Revealing {
        round: ctx.run.id.as_str(),
        stage: ctx.kept.stage(ctx.run.open),
        respondents: u32::try_from(ctx.run.respondents).unwrap_or(0),
        target: &target,
    };
    match promise::reveal_round(&state, &me, round, &form, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/intro/runs/{}?revealed=1#results-heading", ctx.run.id)).into_response()),
        Err(key) => {
            let errors = promise::reveal_refused(&page.tr, key);
            let body = run_page(&state, page, &me, ctx, DecisionForm::default(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
    }
}

/// Records the decision on the next step, which closes the round.
pub async fn decide(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> AppResult<Response> {
    let ctx = load_run(&state, &me, &id).await?;
    if !ctx.relation.may_decide(ctx.is_hr, ctx.group.leader_id.is_some()) {
        return Err(AppError::Forbidden);
    }
    if !ctx.run.open {
        return Err(AppError::BadRequest("intro-error-run-closed"));
    }
    let members: Vec<_> = groups::members(&state.db, me.org(), &ctx.group.id).await?.into_iter().map(|p| p.id).collect();
    match input::parse_decision(&form, state.clock.today(), &members) {
        Ok(decision) => match store::decide(&state.db, me.org(), &ctx.run.id, me.person(), &decision, state.clock.now()).await? {
            Ok(()) => Ok(Redirect::to(&format!("/intro/runs/{}", ctx.run.id)).into_response()),
            Err(_) => Err(AppError::BadRequest("intro-error-run-closed")),
        },
        Err(problems) => {
            let mut errors = FormErrors::default();
            for (field, e) in problems {
                errors.add(&page.tr, field, e);
            }
            let body = run_page(&state, page, &me, ctx, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
    }
}
