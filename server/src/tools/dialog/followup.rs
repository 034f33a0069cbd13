//! Follow-up in the agreement's own rhythm: the daily tick ("kept it
//! today?", one tap from the start page), the weekly line, and a point's
//! history as a calendar picture with a table beside it.

use super::store::{self, Point};
use super::ticks::Tick;
use super::pictures;
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::i18n::format;
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::agreement::{self, check_tick_window, history, tally, week_start, Rhythm};
use domain::ids::PointId;
use domain::input::LongText;

/// Where a tick may send the leader back to: only our own pages.
fn back_to(raw: Option<&str>) -> &'static str {
    match raw {
        Some("/") => "/",
        Some("/dialog") => "/dialog",
        _ => "/dialog",
    }
}

#[derive(serde::Deserialize)]
pub struct TickForm {
    kept: String,
    #[serde(default)]
    day: Option<String>,
    #[serde(default)]
    back: Option<String>,
}

/// Records "kept it today?" (or for a recent day) on one of my daily points.
pub async fn tick(
    State(state): State<AppState>,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<TickForm>,
) -> AppResult<Response> {
    let point = PointId::parse(&id).ok_or(AppError::NotFound)?;
    let kept = match form.kept.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("error-form-invalid")),
    };
    let now = state.clock.now();
    let today = crate::i18n::format::local_date(now);
    let day = match form.day.as_deref().filter(|d| !d.is_empty()) {
        Some(d) => store::parse_day(d).ok_or(AppError::BadRequest("error-date-invalid"))?,
        None => today,
    };
    check_tick_window(day, today).map_err(|e| AppError::BadRequest(e.key))?;
    // One statement: my daily point, in an agreement whose period holds the day.
    let tick = Tick { org: me.org().clone(), person: me.person().clone(), point, day, kept, at: now };
    if !state.ticks.write(tick).await? {
        return Err(AppError::NotFound);
    }
    let back = back_to(form.back.as_deref());
    let anchor = if back == "/" { "#today" } else { "" };
    Ok(Redirect::to(&format!("{back}{anchor}")).into_response())
}

#[derive(serde::Deserialize)]
pub struct WeekForm {
    #[serde(default)]
    kept: String,
    #[serde(default)]
    note: String,
}

/// This week's line on one of my weekly points.
pub async fn week(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<WeekForm>,
) -> AppResult<Response> {
    let point = PointId::parse(&id).ok_or(AppError::NotFound)?;
    let (agreement, points) = my_point_context(&state, &me).await?;
    let p = points.iter().find(|p| p.id == point && p.rhythm == Rhythm::Weekly).ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    let kept = match form.kept.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.add_key(&page.tr, Some("kept-yes"), "dialog-error-kept-missing");
            None
        }
    };
    let note = errors.check(&page.tr, "note", LongText::parse_optional(&form.note));
    let (Some(kept), Some(note)) = (kept, note) else {
        let body = render_point(&state, page, &me, &agreement, p, errors, Some(form.note)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    let note = note.map(|n| n.as_str().to_string()).unwrap_or_default();
    let now = state.clock.now();
    store::weekly_line(&state.db, me.org(), me.person(), &point, week_start(crate::i18n::format::local_date(now)), kept, &note, now).await?;
    Ok(Redirect::to(&format!("/dialog/points/{point}?saved=1")).into_response())
}

pub(crate) async fn my_point_context(state: &AppState, me: &Member) -> AppResult<(store::Agreement, Vec<Point>)> {
    let agreement = store::current(&state.db, me.org(), me.person()).await?.ok_or(AppError::NotFound)?;
    let points = store::points(&state.db, me.org(), &agreement.id).await?;
    Ok((agreement, points))
}

pub struct DayRow {
    pub date: String,
    pub answer: String,
    pub note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/dialog/point.html")]
pub struct PointPage {
    pub page: Page,
    pub id: String,
    pub text: String,
    pub follow_up: String,
    pub rhythm: &'static str,
    pub rhythm_name: String,
    pub period: String,
    pub svg: String,
    pub summary: String,
    pub rows: Vec<DayRow>,
    pub recent_days: Vec<(String, String, Option<bool>)>,
    pub this_week_note: String,
    pub this_week_kept: Option<bool>,
    pub saved: bool,
    pub errors: FormErrors,
    /// Lifting the point to a leader group, and what came of it.
    pub lift: crate::thread::pages::LiftPanel,
}

#[derive(serde::Deserialize)]
pub struct PointQuery {
    saved: Option<String>,
    lifted: Option<String>,
    withdrawn: Option<String>,
}

/// A point's follow-up page: the history picture and table, and the form
/// for today (daily) or this week (weekly).
pub async fn point(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<PointQuery>,
) -> AppResult<Response> {
    let point = PointId::parse(&id).ok_or(AppError::NotFound)?;
    let (agreement, points) = my_point_context(&state, &me).await?;
    let p = points.iter().find(|p| p.id == point).ok_or(AppError::NotFound)?;
    let mut body = render_point(&state, page, &me, &agreement, p, FormErrors::default(), None).await?;
    body.saved = q.saved.is_some();
    let notice = match (q.lifted.is_some(), q.withdrawn.is_some()) {
        (true, _) => Some("thread-notice-lifted"),
        (_, true) => Some("thread-notice-withdrawn"),
        _ => None,
    };
    body.lift.notice = notice.map(|k| body.page.t(k));
    Ok(body.into_response())
}

pub(crate) async fn render_point(
    state: &AppState,
    page: Page,
    me: &Member,
    agreement: &store::Agreement,
    p: &Point,
    errors: FormErrors,
    typed_note: Option<String>,
) -> AppResult<PointPage> {
    let period = agreement.period;
    let today = state.clock.today();
    let check_ins = store::check_ins(&state.db, me.org(), &p.id, &period).await?;
    let initials: [String; 7] = std::array::from_fn(|i| page.t(&format!("dialog-weekday-{i}")));
    let (svg, summary) = if p.rhythm == Rhythm::Daily {
        let ticks: Vec<_> = check_ins.iter().map(|(d, k, _)| (*d, *k)).collect();
        let weeks = history(&period, today, &ticks);
        let (kept, not_kept, unanswered) = tally(&weeks);
        let summary = page.tr.t_args(
            "dialog-history-summary",
            &[("kept", kept.to_string()), ("notkept", not_kept.to_string()), ("unanswered", unanswered.to_string())],
        );
        (pictures::history(&weeks, &initials), summary)
    } else {
        (String::new(), String::new())
    };
    let answer = |kept: bool| page.t(if kept { "dialog-kept-yes" } else { "dialog-kept-no" });
    let rows = check_ins
        .iter()
        .rev()
        .map(|(d, k, n)| DayRow { date: format::date(page.lang, *d), answer: answer(*k), note: n.clone() })
        .collect();
    let recent_days = (0..=agreement::TICK_DAYS_BACK)
        .map(|back| today - time::Duration::days(back))
        .filter(|d| period.contains(*d))
        .map(|d| (d.to_string(), format::date(page.lang, d), check_ins.iter().find(|(x, _, _)| *x == d).map(|(_, k, _)| *k)))
        .collect();
    let this_week = check_ins.iter().find(|(d, _, _)| *d == week_start(today));
    let lift = crate::thread::pages::panel(state, &page, me, &p.id, &p.text).await?;
    Ok(PointPage {
        lift,
        id: p.id.to_string(),
        text: p.text.clone(),
        follow_up: p.follow_up.clone(),
        rhythm: p.rhythm.as_str(),
        rhythm_name: page.t(&format!("dialog-rhythm-{}", p.rhythm.as_str())),
        period: super::period_text(&page, &period),
        svg,
        summary,
        rows,
        recent_days,
        this_week_note: typed_note.or_else(|| this_week.map(|(_, _, n)| n.clone())).unwrap_or_default(),
        this_week_kept: this_week.map(|(_, k, _)| *k),
        saved: false,
        errors,
        page,
    })
}
