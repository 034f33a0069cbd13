//! A point of the settled group agreement goes up to the organisation
//! through the thread across levels: the group's leader sends it in the
//! group's words, with or without their own name; HR answers in the
//! organisation's inbox, and everyone in the group sees the answer under
//! the point on the round page.

use super::pages::PointView;
use super::{load_inside, store};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::thread::store::{self as lifts, NewLift};
use crate::thread::view::{self, LiftView, Shown};
use crate::web::forms::FormErrors;
use crate::web::Page;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::CollabRoundId;
use domain::thread::{Destination, LiftText, SourceKind};
use std::collections::HashMap;

/// The thread's source id of one point of one round.
pub fn source_id(round: &CollabRoundId, point: &str) -> String {
    format!("{round}/{point}")
}

/// A settled point with what was sent up from it.
pub struct LiftedPoint {
    pub id: String,
    pub point: PointView,
    pub lifts: Vec<LiftView>,
    /// The text the form shows: as typed when refused, else the point.
    pub text: String,
}

pub async fn points(
    state: &AppState,
    page: &Page,
    me: &Member,
    round: &CollabRoundId,
    group: &domain::ids::GroupId,
    settled: &[store::Point],
    typed: Option<(&str, &str)>,
) -> AppResult<Vec<LiftedPoint>> {
    let errors = FormErrors::default();
    let shown = Shown { page, own_list: true, may_answer: false, may_lift_on: false, base: "", typed: None, errors: &errors };
    let mut out = Vec::new();
    for p in settled {
        let sent = lifts::from_group(&state.db, me.org(), me.person(), group, SourceKind::CollabPoint, &source_id(round, p.id.as_str())).await?;
        let text = match typed {
            Some((id, text)) if id == p.id.as_str() => text.to_string(),
            _ => p.text.clone(),
        };
        out.push(LiftedPoint { id: p.id.to_string(), point: PointView::new(page, p), lifts: sent.iter().map(|l| view::lift(l, &shown)).collect(), text });
    }
    Ok(out)
}

/// Sends one point up; refused (422, nothing sent) without text or the
/// choice of name, for a point of another round, or before the agreement
/// is settled (an unsettled point may still change).
pub async fn lift(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    if !ctx.may_lead() {
        return Err(AppError::Forbidden);
    }
    if ctx.round.open {
        return Err(AppError::BadRequest("collab-error-lift-unsettled"));
    }
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    let points = store::points(&state.db, me.org(), &ctx.round.id).await?;
    let point = points.iter().find(|p| p.id.as_str() == field("point")).ok_or(AppError::BadRequest("collab-error-lift-unknown"))?;
    let mut errors = FormErrors::default();
    let text = errors.check(&page.tr, "lift-text", LiftText::parse(field("text")));
    let attributed = match field("attributed") {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.add_key(&page.tr, Some("lift-attributed"), "thread-error-attributed-missing");
            None
        }
    };
    if let (Some(text), Some(attributed)) = (&text, attributed) {
        let source = source_id(&ctx.round.id, point.id.as_str());
        let new = NewLift {
            source_kind: SourceKind::CollabPoint,
            source_id: &source,
            from_person: me.person(),
            from_group: Some(&ctx.group.id),
            to: &Destination::Organisation,
            text,
            attributed,
        };
        if crate::thread::tell::lift_to_organisation(&state, me.org(), new).await?.is_some() {
            return Ok(Redirect::to(&format!("/collab/rounds/{}?notice=lifted#agreement-points", ctx.round.id)).into_response());
        }
        errors.add_key(&page.tr, None, "thread-error-already-lifted");
    }
    let typed = Some((point.id.as_str(), field("text")));
    let body = super::pages::round_page(&state, page, &me, ctx, None, errors, None, typed).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}
