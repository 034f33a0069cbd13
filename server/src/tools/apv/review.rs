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
    Ok(Some(ReviewSection::new(page, lines.iter().map(|l| row(page, l)).collect(), ctx.may_lead() && ctx.round.open)))
}

impl ReviewSection {
    /// The section with the answers' labels in the page's language; also
    /// used by Tool 2 to follow up the last group agreement.
    pub fn new(page: &Page, rows: Vec<ReviewRow>, may_review: bool) -> ReviewSection {
        ReviewSection {
            rows,
            may_review,
            worked_choices: Worked::ALL.into_iter().map(|w| (w.code(), page.t(&format!("apv-review-worked-{}", w.code())))).collect(),
            next_choices: NextStep::ALL.into_iter().map(|n| (n.code(), page.t(&format!("apv-review-next-{}", n.code())))).collect(),
        }
    }
}

/// The three answers of a recorded review as the form's codes.
pub fn codes(review: Option<Review>) -> (&'static str, &'static str, &'static str) {
    (
        review.map_or("", |r| if r.done { "yes" } else { "no" }),
        review.map_or("", |r| r.worked.code()),
        review.map_or("", |r| r.next_step.code()),
    )
}

/// Reads each row's three answers from the posted pairs (`done-<id>`,
/// `worked-<id>`, `next-<id>`); a half-answered row refuses the whole form.
pub fn parse_rows<'a>(pairs: &[(String, String)], ids: impl IntoIterator<Item = &'a str>) -> Result<Vec<(&'a str, Review)>, domain::ValidationError> {
    let value = |name: String| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str()).unwrap_or("");
    let mut reviews = Vec::new();
    for id in ids {
        if let Some(review) = Review::parse(value(format!("done-{id}")), value(format!("worked-{id}")), value(format!("next-{id}")))? {
            reviews.push((id, review));
        }
    }
    Ok(reviews)
}

fn row(page: &Page, l: &ReviewLine) -> ReviewRow {
    ReviewRow {
        id: l.action.to_string(),
        theme: l.theme(page.lang).to_string(),
        text: l.text.clone(),
        owner: l.owner.clone(),
        due: l.due_on.map(|d| format::date(page.lang, d)),
        marked_done: l.marked_done,
        done: codes(l.review).0,
        worked: codes(l.review).1,
        next_step: codes(l.review).2,
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
    let reviews: Vec<(ApvActionId, Review)> = match parse_rows(&pairs, lines.iter().map(|l| l.action.as_str())) {
        Ok(rows) => rows.into_iter().map(|(id, r)| (ApvActionId::from_db(id.to_string()), r)).collect(),
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add_key(&page.tr, None, e.key);
            return meeting_refused(&state, page, &me, ctx, errors).await;
        }
    };
    store::save_reviews(&state.db, me.org(), &ctx.round.id, &reviews, me.person(), state.clock.now()).await?;
    Ok(Redirect::to(&format!("/apv/rounds/{}/meeting?notice=reviewed#review", ctx.round.id)).into_response())
}
