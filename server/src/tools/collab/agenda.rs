//! The meeting's agenda clock on the server (issue 17, item 4): which
//! agenda item the group is on and how much of its time is left, the same
//! on the shared screen, after a reload and on every phone. The rule is
//! `domain::collab::agenda`; this module stores it, shows it and takes the
//! three buttons (start, pause, next). The buttons are a plain form, so
//! they work without JavaScript; app.js sends them without leaving the
//! page and asks now and then what other screens pressed.
//!
//! Anyone inside the group may press them, as anyone may move a matrix
//! card: whoever facilitates need not be the group's leader. Only while the
//! round is open.

use super::content::CollabContent;
use super::load_inside;
use super::store::Refused;
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::storage::{from_text, to_text, Db};
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName};
use axum::response::{IntoResponse, Redirect, Response};
use domain::collab::agenda::{Agenda, Press};
use domain::ids::{CollabRoundId, OrgId};
use time::OffsetDateTime;

/// Each agenda item's length, in minutes, in the agenda's order.
pub fn minutes(content: &CollabContent) -> Vec<u32> {
    content.playbook.iter().map(|s| s.minutes).collect()
}

type Row = (i64, Option<String>, i64);

fn to_agenda(r: Row) -> Option<Agenda> {
    let started_at = match r.1 {
        Some(at) => Some(from_text(&at)?),
        None => None,
    };
    Some(Agenda { item: usize::try_from(r.0).ok()?, started_at, left: r.2 })
}

/// The clock as stored, if anyone has pressed a button yet.
pub async fn stored(db: &Db, org: &OrgId, round: &CollabRoundId) -> anyhow::Result<Option<Agenda>> {
    let row: Option<Row> = sqlx::query_as("SELECT item, started_at, left_seconds FROM collab_agenda WHERE org_id = $1 AND round_id = $2")
        .bind(org.as_str())
        .bind(round.as_str())
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.and_then(to_agenda))
}

/// The clock as the meeting's one query read it (`meeting_data`): item,
/// started at (empty while stopped) and seconds left, as text.
pub fn from_columns(item: &str, started_at: &str, left: &str) -> Option<Agenda> {
    let started_at = if started_at.is_empty() { None } else { Some(started_at.to_string()) };
    to_agenda((item.parse().ok()?, started_at, left.parse().ok()?))
}

/// Presses a button of an open round's clock at `now`; `seen` is the item
/// the pressing page showed (`Agenda::press`).
pub async fn press(
    db: &Db,
    org: &OrgId,
    round: &CollabRoundId,
    press: Press,
    seen: usize,
    minutes: &[u32],
    now: OffsetDateTime,
) -> anyhow::Result<Result<Agenda, Refused>> {
    let mut tx = db.begin_write().await?;
    // Touching the round takes its lock (two screens pressing at once take
    // turns) and proves it open.
    if !super::store::lock_round(&mut tx, org, round, true).await? {
        return Ok(Err(Refused::Closed));
    }
    let row: Option<Row> = sqlx::query_as("SELECT item, started_at, left_seconds FROM collab_agenda WHERE org_id = $1 AND round_id = $2")
        .bind(org.as_str())
        .bind(round.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let before = row.and_then(to_agenda).unwrap_or_else(|| Agenda::new(minutes)).within(minutes);
    let after = before.press(press, seen, minutes, now);
    sqlx::query(
        "INSERT INTO collab_agenda (round_id, org_id, item, started_at, left_seconds, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (round_id) DO UPDATE SET item = excluded.item, started_at = excluded.started_at, \
           left_seconds = excluded.left_seconds, updated_at = excluded.updated_at",
    )
    .bind(round.as_str())
    .bind(org.as_str())
    .bind(after.item as i64)
    .bind(after.started_at.map(to_text))
    .bind(after.left)
    .bind(to_text(now))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(after))
}

/// The clock as a page shows it at one moment.
pub struct AgendaView {
    /// The current item, from 0 (what the buttons send back as seen).
    pub item: usize,
    /// "Punkt 2 af 6: Opfølgning på sidste aftale".
    pub step: String,
    /// What is left, as mm:ss (00:00 once over).
    pub clock: String,
    /// Seconds left, below 0 once over: app.js counts down from it.
    pub left: i64,
    pub running: bool,
    pub over: bool,
    /// Running, paused, or not yet started.
    pub state: String,
    /// The start button's word: start, or go on after a pause.
    pub start: String,
    /// No item after this one.
    pub last: bool,
    /// The round is open, so the buttons show.
    pub open: bool,
}

impl AgendaView {
    pub fn new(page: &Page, content: &CollabContent, stored: Option<Agenda>, open: bool, now: OffsetDateTime) -> AgendaView {
        let minutes = minutes(content);
        let agenda = stored.unwrap_or_else(|| Agenda::new(&minutes)).within(&minutes);
        let left = agenda.left_at(now);
        let shown = left.max(0);
        let full = minutes.get(agenda.item).map(|m| i64::from(*m) * 60).unwrap_or(0);
        let title = content.playbook.get(agenda.item).map(|s| s.title.clone()).unwrap_or_default();
        let state = if agenda.running() {
            "collab-timer-running"
        } else if agenda.left == full {
            "collab-timer-not-started"
        } else {
            "collab-timer-paused"
        };
        AgendaView {
            item: agenda.item,
            step: page.tr.t_args(
                "collab-timer-step",
                &[("n", (agenda.item + 1).to_string()), ("count", minutes.len().to_string()), ("title", title)],
            ),
            clock: format!("{:02}:{:02}", shown / 60, shown % 60),
            left,
            running: agenda.running(),
            over: left <= 0,
            state: page.t(state),
            start: page.t(if agenda.left == full { "collab-timer-start" } else { "collab-timer-resume" }),
            last: agenda.item + 1 >= minutes.len(),
            open,
        }
    }
}

/// The clock alone, for app.js to put in place of the one on the page.
#[derive(Template, WebTemplate)]
#[template(path = "tools/collab/agenda_timer.html")]
pub struct TimerPart {
    pub page: Page,
    pub id: String,
    pub agenda: AgendaView,
}

/// The header app.js sends when it wants the clock alone, not the whole
/// page (htmx's name for it, so htmx could send it too).
const PART: HeaderName = HeaderName::from_static("hx-request");

fn wants_part(headers: &HeaderMap) -> bool {
    headers.get(PART).is_some_and(|v| v == "true")
}

fn part(state: &AppState, page: Page, id: &CollabRoundId, stored: Option<Agenda>, open: bool, now: OffsetDateTime) -> Response {
    let content = state.shipped.collab.get(page.lang);
    let agenda = AgendaView::new(&page, content, stored, open, now);
    TimerPart { page, id: id.to_string(), agenda }.into_response()
}

/// The clock now, for screens that ask what others pressed; without
/// JavaScript, the meeting page at its agenda.
pub async fn show(State(state): State<AppState>, page: Page, me: Member, headers: HeaderMap, Path(id): Path<String>) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    if !wants_part(&headers) {
        return Ok(Redirect::to(&format!("/collab/rounds/{}/meeting#agenda", ctx.round.id)).into_response());
    }
    let stored = stored(&state.db, me.org(), &ctx.round.id).await?;
    Ok(part(&state, page, &ctx.round.id, stored, ctx.round.open, state.clock.now()))
}

#[derive(serde::Deserialize)]
pub struct PressForm {
    #[serde(default, rename = "do")]
    press: String,
    #[serde(default)]
    item: String,
}

/// Start, pause or next. Back to the meeting page's agenda, or the clock
/// alone for app.js.
pub async fn press_button(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    headers: HeaderMap,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<PressForm>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    let pressed = Press::parse(form.press.trim()).ok_or(AppError::BadRequest("collab-error-timer-button"))?;
    let seen: usize = form.item.trim().parse().map_err(|_| AppError::BadRequest("collab-error-timer-button"))?;
    let minutes = minutes(state.shipped.collab.get(page.lang));
    let now = state.clock.now();
    let agenda = match press(&state.db, me.org(), &ctx.round.id, pressed, seen, &minutes, now).await? {
        Ok(agenda) => agenda,
        Err(_) => return Err(AppError::BadRequest("collab-error-closed")),
    };
    if wants_part(&headers) {
        return Ok(part(&state, page, &ctx.round.id, Some(agenda), true, now));
    }
    Ok(Redirect::to(&format!("/collab/rounds/{}/meeting#agenda", ctx.round.id)).into_response())
}
