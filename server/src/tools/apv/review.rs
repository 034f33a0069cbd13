//! The review that opens the next round's meeting (seed 001: follow-up
//! before new mapping): last round's actions with owners and dates, and for
//! each whether it was done, whether it worked, and whether the group
//! carries on with it or drops it. The group's leader records it; everyone
//! who sees the meeting reads it.

use super::pages::meeting_refused;
use super::store::{self, ReviewLine};
use super::RoundContext;
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::AppResult;
use crate::i18n::format;
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::apv::{NextStep, Review, Worked};
use domain::ids::ApvActionId;

/// One action as the review shows it.
pub struct ReviewRow {
    pub id: String,
    pub theme: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub marked_done: bool,
    /// The recorded (or just typed) answers: "yes"/"no", a `Worked` code, a `NextStep` code.
    pub done: &'static str,
    pub worked: &'static str,
    pub next_step: &'static str,
}

/// The review section of a meeting page; `None` when the last round had no actions.
pub struct ReviewSection {
    pub rows: Vec<ReviewRow>,
    pub may_review: bool,
    /// (code, label) for the three questions' answers.
    pub worked_choices: Vec<(&'static str, String)>,
    pub next_choices: Vec<(&'static str, String)>,
}

pub async fn section(state: &AppState, page: &Page, me: &Member, ctx: &RoundContext) -> AppResult<Option<ReviewSection>> {
    let lines = store::to_review(&state.db, me.org(), &ctx.round).await?;
    if lines.is_empty() {
        return Ok(None);
    }
    Ok(Some(ReviewSection {
        rows: lines.iter().map(|l| row(page, l)).collect(),
        may_review: ctx.may_lead() && ctx.round.open,
        worked_choices: Worked::ALL.into_iter().map(|w| (w.code(), page.t(&format!("apv-review-worked-{}", w.code())))).collect(),
        next_choices: NextStep::ALL.into_iter().map(|n| (n.code(), page.t(&format!("apv-review-next-{}", n.code())))).collect(),
    }))
}

fn row(page: &Page, l: &ReviewLine) -> ReviewRow {
    ReviewRow {
        id: l.action.to_string(),
        theme: l.theme(page.lang).to_string(),
        text: l.text.clone(),
        owner: l.owner.clone(),
        due: l.due_on.map(|d| format::date(page.lang, d)),
        marked_done: l.marked_done,
        done: l.review.map_or("", |r| if r.done { "yes" } else { "no" }),
        worked: l.review.map_or("", |r| r.worked.code()),
        next_step: l.review.map_or("", |r| r.next_step.code()),
    }
}

/// Records the group's review; a half-answered row refuses the whole form.
pub async fn save(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = super::actions::leading(&state, &me, &id).await?;
    let lines = store::to_review(&state.db, me.org(), &ctx.round).await?;
    let value = |name: String| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str()).unwrap_or("");
    let mut reviews: Vec<(ApvActionId, Review)> = Vec::new();
    for line in &lines {
        let a = line.action.as_str();
        match Review::parse(value(format!("done-{a}")), value(format!("worked-{a}")), value(format!("next-{a}"))) {
            Ok(Some(review)) => reviews.push((line.action.clone(), review)),
            Ok(None) => {}
            Err(e) => {
                let mut errors = FormErrors::default();
                errors.add_key(&page.tr, None, e.key);
                return meeting_refused(&state, page, &me, ctx, errors).await;
            }
        }
    }
    store::save_reviews(&state.db, me.org(), &ctx.round.id, &reviews, me.person()).await?;
    Ok(Redirect::to(&format!("/apv/rounds/{}/meeting?notice=reviewed#review", ctx.round.id)).into_response())
}
