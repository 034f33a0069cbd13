//! Step 2 and 3 on the shared screen: the facilitator's agenda with a
//! timer, last time's agreement to follow up, the group's picture, the
//! prioritisation matrix and the group agreement. Only the group's own
//! people see it; the group's leader settles the agreement, which closes
//! the round.

use super::input::{parse_agreement, AgreementForm, PointForm};
use super::store::{self, Refused};
use super::{invite, load_inside, view, RoundContext};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::content::IntroContent;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::group::store::{self as groups, Person};
use crate::tools::apv::review::{codes, parse_rows, ReviewRow, ReviewSection};
use crate::tools::intro::view::{named_rows, Figures, NamedTable};
use crate::tools::promise::{self, RevealForm, RevealView, Revealing};
use crate::web::forms::FormErrors;
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::collab::{parse_placement, Quadrant, THEMES};
use rand::seq::SliceRandom;
use std::sync::Arc;
use time::OffsetDateTime;

pub struct Step {
    pub title: String,
    pub minutes: u32,
    pub text: Vec<String>,
    /// The item the agenda's clock is on.
    pub current: bool,
}

pub use crate::tools::matrix::{MatrixView, QuadrantView, ThemeCard};

#[derive(Template, WebTemplate)]
#[template(path = "tools/collab/meeting.html")]
pub struct MeetingPage {
    pub page: Page,
    pub id: String,
    pub group_id: String,
    pub group_name: String,
    pub when: String,
    pub open: bool,
    pub may_settle: bool,
    pub inside: bool,
    pub answered_text: String,
    pub steps: Vec<Step>,
    pub total_minutes: u32,
    /// The agenda's clock, as the server keeps it (`agenda`).
    pub agenda: super::agenda::AgendaView,
    pub followup_intro: String,
    /// The points of the group's last settled agreement, to follow up.
    pub review: Option<ReviewSection>,
    pub figures: Figures,
    /// Before the group has seen its picture: the form that reveals it.
    pub reveal: Option<RevealView>,
    /// Just revealed by this viewer: confirmed beside the picture.
    pub revealed: bool,
    /// What the round promised when it started.
    pub promise: promise::Notice,
    pub legend: Vec<(String, String)>,
    pub named: Option<NamedTable>,
    pub comments: Option<Vec<String>>,
    pub comments_needed: u32,
    /// Open points lifted to the group from members' agreements, waiting
    /// for the group's answer in its inbox.
    pub arrived: Vec<crate::thread::view::LiftView>,
    pub matrix: MatrixView,
    /// Where the matrix's cards post, and whether they can still move
    /// (the matrix template is shared with Tool 3).
    pub matrix_action: String,
    pub matrix_editable: bool,
    pub agreement_intro: Vec<String>,
    pub labels: [String; 3],
    pub samples: Vec<(String, String, String)>,
    pub members: Vec<Person>,
    pub points: Vec<PointForm>,
    pub min_date: String,
    /// The question before settling, opened by "Indgå aftalen" (`settle`).
    pub ask: Option<crate::web::ask::Ask>,
    pub notice: Option<String>,
    pub errors: FormErrors,
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<MeetingPage> {
    let notice = q.text(&page, "collab-notice-", &["placed", "saved", "reviewed", "reopened"]);
    // Confirmed in the picture's section, where the reveal was pressed.
    let revealed = q.notice.as_deref() == Some("revealed");
    let key = (me.person().clone(), id.clone());
    let read = async { Ok::<_, AppError>(Arc::new(reads(&state, &me, load_inside(&state, &me, &id).await?).await?)) };
    let reads = state.kept.meeting.get_or_load(key, read).await?;
    let mut built = meeting_page(&state, page, &me, &reads, None, FormErrors::default(), notice, state.clock.now()).await?;
    built.revealed = revealed && built.reveal.is_none();
    Ok(built)
}

/// What the meeting page reads from the database for one viewer: kept in
/// memory until the database changes (`storage::cache`), so ten phones and
/// the shared screen reloading the page cost one reading.
pub struct MeetingReads {
    ctx: RoundContext,
    data: super::meeting_data::MeetingData,
    /// The lifted points in the group's inbox.
    lifts: Vec<crate::thread::store::Lift>,
}

/// Whose view of which round.
pub type MeetingKey = (domain::ids::PersonId, String);

async fn reads(state: &AppState, me: &Member, ctx: RoundContext) -> anyhow::Result<MeetingReads> {
    let (db, org) = (&state.db, me.org());
    let (data, lifts) = tokio::try_join!(
        super::meeting_data::load(db, org, &ctx.round),
        crate::thread::store::group_inbox(db, org, &ctx.group.id, me.person()),
    )?;
    Ok(MeetingReads { ctx, data, lifts })
}

fn form_of(points: &[store::Point]) -> Vec<PointForm> {
    (1..=domain::collab::AGREEMENT_POINTS as i64)
        .map(|n| match points.iter().find(|p| p.position == n) {
            Some(p) => PointForm {
                text: p.text.clone(),
                actions: p.actions.clone(),
                measure: p.measure.clone(),
                owner: p.owner_id.as_ref().map(|o| o.to_string()).unwrap_or_default(),
                follow_up_on: p.follow_up_on.to_string(),
            },
            None => PointForm::default(),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn meeting_page(
    state: &AppState,
    page: Page,
    me: &Member,
    reads: &MeetingReads,
    typed: Option<AgreementForm>,
    errors: FormErrors,
    notice: Option<String>,
    now: OffsetDateTime,
) -> AppResult<MeetingPage> {
    let MeetingReads { ctx: RoundContext { round, group, relation, is_hr: _, kept }, data, lifts } = reads;
    let relation = *relation;
    let (db, org) = (&state.db, me.org());
    let content = state.shipped.collab.get(page.lang);
    let rule = kept.promise.rule;
    let audience = kept.seat.audience();
    let respondents = u32::try_from(round.respondents).unwrap_or(0);
    let super::meeting_data::MeetingData { members, items, answers, comments, placements, points: stored, previous_points, reviews, agenda } = data;
    let agenda = super::agenda::AgendaView::new(&page, content, *agenda, round.open, now);
    let figures = view::figures(page.lang, content, &items, &answers, respondents, kept.stage(round.open), &rule, audience);
    let shown = matches!(figures, Figures::Shown(_));
    let answered_text = crate::tools::intro::view::answered_text(&page.tr, round.respondents, members.len() as i64);
    let reveal = matches!(figures, Figures::UntilRevealed).then(|| {
        RevealView::new(format!("/collab/rounds/{}/reveal", round.id), answered_text.clone(), super::leads(relation, group), respondents)
    });
    let named = if shown && kept.seat.may_see_names(&kept.promise) {
        let rows: Vec<(&str, &str)> = items.iter().map(|i| (i.revision_id.as_str(), i.text(page.lang))).collect();
        Some(named_rows(&rows, &store::named_answers(db, org, &round.id).await?))
    } else {
        None
    };
    let comments = if shown && rule.may_show_free_text(audience, respondents) {
        // Shuffled, so the order does not follow who answered first.
        let mut comments = comments.clone();
        comments.shuffle(&mut rand::rng());
        Some(comments)
    } else {
        None
    };
    let card = |theme: &'static str| ThemeCard {
        key: theme.to_string(),
        title: content.theme_title(theme).to_string(),
        placed: placements.iter().find(|(t, _)| t == theme).map(|(_, q)| q.code()).unwrap_or(""),
    };
    let matrix = MatrixView {
        intro: content.matrix.intro.clone(),
        importance: content.matrix.importance.clone(),
        influence: content.matrix.influence.clone(),
        unplaced_title: content.matrix.unplaced.clone(),
        quadrants: Quadrant::ALL
            .into_iter()
            .map(|q| QuadrantView {
                code: q.code(),
                title: content.matrix.quadrant(q).title.clone(),
                hint: content.matrix.quadrant(q).hint.clone(),
                cards: THEMES.into_iter().map(card).filter(|c| c.placed == q.code()).collect(),
            })
            .collect(),
        unplaced: THEMES.into_iter().map(card).filter(|c| c.placed.is_empty()).collect(),
        options: Quadrant::ALL.into_iter().map(|q| (q.code(), content.matrix.quadrant(q).title.clone())).collect(),
    };
    let points = match typed {
        Some(form) => form.points.to_vec(),
        None => form_of(&stored),
    };
    let may_review = round.open && super::leads(relation, &group);
    let arrived = {
        let none = FormErrors::default();
        let shown = crate::thread::view::Shown { page: &page, own_list: false, may_answer: false, may_lift_on: false, base: "", typed: None, errors: &none };
        lifts.iter().filter(|l| l.answered.status.is_open()).map(|l| crate::thread::view::lift(l, &shown)).collect()
    };
    let review = follow_up(&page, &previous_points, &reviews, may_review);
    Ok(MeetingPage {
        id: round.id.to_string(),
        group_id: group.id.to_string(),
        group_name: group.name.clone(),
        when: invite::when_text(&page.tr, &round),
        open: round.open,
        may_settle: round.open && super::leads(relation, &group),
        inside: kept.seat.may_answer(),
        answered_text,
        steps: content
            .playbook
            .iter()
            .enumerate()
            .map(|(i, s)| Step {
                title: s.title.clone(),
                minutes: s.minutes,
                text: IntroContent::paragraphs(&s.text).into_iter().map(str::to_string).collect(),
                current: i == agenda.item,
            })
            .collect(),
        total_minutes: content.playbook.iter().map(|s| s.minutes).sum(),
        agenda,
        followup_intro: content.followup.intro.clone(),
        review,
        figures,
        reveal,
        revealed: false,
        promise: kept.summary(&page.tr),
        legend: view::legend(content),
        named,
        comments,
        comments_needed: rule.min_for_free_text(audience),
        arrived,
        matrix,
        matrix_action: format!("/collab/rounds/{}/matrix", round.id),
        matrix_editable: round.open,
        agreement_intro: IntroContent::paragraphs(&content.agreement.intro).into_iter().map(str::to_string).collect(),
        labels: [content.agreement.point.clone(), content.agreement.actions.clone(), content.agreement.measure.clone()],
        samples: content.sample.iter().map(|s| (s.text.clone(), s.actions.clone(), s.measure.clone())).collect(),
        members: members.clone(),
        points,
        min_date: state.clock.today().to_string(),
        ask: (round.open && super::leads(relation, group)).then(|| super::settle::settle_ask(&page, &round.id)),
        notice,
        errors,
        page,
    })
}

#[derive(serde::Deserialize)]
pub struct PlaceForm {
    #[serde(default)]
    theme: String,
    #[serde(default)]
    quadrant: String,
}

/// Places one theme in the matrix (or takes it off). Anyone inside the
/// group may move a card: the matrix is the group's shared work.
pub async fn place(
    State(state): State<AppState>,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<PlaceForm>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    let (theme, quadrant) = parse_placement(&form.theme, &form.quadrant).map_err(|e| AppError::BadRequest(e.key))?;
    match store::place(&state.db, me.org(), &ctx.round.id, me.person(), theme, quadrant, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/collab/rounds/{}/meeting?notice=placed#matrix", ctx.round.id)).into_response()),
        Err(_) => Err(AppError::BadRequest("collab-error-closed")),
    }
}

/// Saves the agreement's points; with `settle` (the group's leader's
/// "Indgå aftalen" without JavaScript), then asks whether to settle them.
/// A wrong field changes nothing.
pub async fn save_agreement(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    let form = AgreementForm::from_pairs(&pairs);
    if form.settle && !ctx.may_lead() {
        return Err(AppError::Forbidden);
    }
    if !ctx.round.open {
        return Err(AppError::BadRequest("collab-error-closed"));
    }
    let inside: Vec<_> = groups::members(&state.db, me.org(), &ctx.group.id).await?.into_iter().map(|p| p.id).collect();
    let points = match parse_agreement(&page.tr, &form, &inside, state.clock.today()) {
        Ok(points) => points,
        Err(errors) => {
            let body = meeting_page(&state, page, &me, &reads(&state, &me, ctx).await?, Some(form), errors, None, state.clock.now()).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    match store::save_agreement(&state.db, me.org(), &ctx.round.id, me.person(), &points, state.clock.now()).await? {
        // Saved; settling is asked first (`settle`): without JavaScript, as a page.
        Ok(()) if form.settle => Ok(Redirect::to(&format!("/collab/rounds/{}/settle", ctx.round.id)).into_response()),
        Ok(()) => Ok(Redirect::to(&format!("/collab/rounds/{}/meeting?notice=saved#agreement", ctx.round.id)).into_response()),
        Err(Refused::Closed | Refused::AlreadyOpen | Refused::Revealed) => Err(AppError::BadRequest("collab-error-closed")),
    }
}

/// The follow-up that opens the meeting: the group's last settled
/// agreement, point by point, with what this meeting has recorded.
fn follow_up(page: &Page, points: &[store::Point], recorded: &[(String, domain::apv::Review)], may_review: bool) -> Option<ReviewSection> {
    if points.is_empty() {
        return None;
    }
    let rows = points
        .iter()
        .map(|p| {
            let (done, worked, next_step) = codes(recorded.iter().find(|(id, _)| id == p.id.as_str()).map(|(_, r)| *r));
            ReviewRow {
                id: p.id.to_string(),
                theme: page.t1("collab-point-legend", "n", p.position),
                text: p.text.clone(),
                owner: p.owner_name.clone(),
                due: Some(crate::i18n::format::date(page.lang, p.follow_up_on)),
                marked_done: false,
                done,
                worked,
                next_step,
            }
        })
        .collect();
    Some(ReviewSection::new(page, rows, may_review))
}

/// Records the follow-up of the last agreement's points: the group's
/// leader, while this round is open. A half-answered point refuses all.
pub async fn save_review(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    if !ctx.may_lead() {
        return Err(AppError::Forbidden);
    }
    let Some(previous) = store::previous(&state.db, me.org(), me.person(), &ctx.round).await? else {
        return Err(AppError::BadRequest("collab-error-nothing-to-follow-up"));
    };
    let points = store::points(&state.db, me.org(), &previous.id).await?;
    let reviews = match parse_rows(&pairs, points.iter().map(|p| p.id.as_str())) {
        Ok(rows) => rows.into_iter().map(|(id, r)| (domain::ids::CollabPointId::from_db(id.to_string()), r)).collect::<Vec<_>>(),
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add_key(&page.tr, None, e.key);
            let body = meeting_page(&state, page, &me, &reads(&state, &me, ctx).await?, None, errors, None, state.clock.now()).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    match store::save_reviews(&state.db, me.org(), &ctx.round.id, &reviews, me.person(), state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/collab/rounds/{}/meeting?notice=reviewed#followup", ctx.round.id)).into_response()),
        Err(_) => Err(AppError::BadRequest("collab-error-closed")),
    }
}

/// Shows the group its picture at the meeting, which ends the checklist:
/// whoever leads the group's work (`RoundContext::may_lead`).
pub async fn reveal(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RevealForm>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    if !ctx.may_lead() {
        return Err(AppError::Forbidden);
    }
    let target = format!("{} ({})", ctx.group.name, crate::i18n::format::date_time(page.lang, ctx.round.meeting_at));
    let round = Revealing {
        round: ctx.round.id.as_str(),
        stage: ctx.kept.stage(ctx.round.open),
        respondents: u32::try_from(ctx.round.respondents).unwrap_or(0),
        target: &target,
    };
    match promise::reveal_round(&state, &me, round, &form, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/collab/rounds/{}/meeting?notice=revealed#picture", ctx.round.id)).into_response()),
        Err(key) => {
            let errors = promise::reveal_refused(&page.tr, key);
            let reads = reads(&state, &me, ctx).await?;
            let body = meeting_page(&state, page, &me, &reads, None, errors, None, state.clock.now()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
    }
}
