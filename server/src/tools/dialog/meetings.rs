//! Step 3: the 45-minute dialog with the nearest leader. The leader picks a
//! time and place; both get a mail with a calendar invitation (.ics), and
//! again when the dialog is moved or cancelled. Only the leader and the
//! nearest leader see a dialog; for anyone else it does not exist (404).
//!
//! Times are typed in Copenhagen time and stored in UTC.

use super::meetings_mail::{self as mail, Change};
use super::meetings_store::{self as store, Dialog, When};
use super::nearest_leader;
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::i18n::format;
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::notice::NoticeQuery;
use crate::web::download;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::agreement::{check_dialog_time, DialogMinutes, DialogPlace, DIALOG_MINUTES};
use domain::ids::DialogId;
use domain::input::{parse_date, parse_time, LongText};
use time::{OffsetDateTime, PrimitiveDateTime};
use time_tz::{timezones, PrimitiveDateTimeExt};

/// The form as typed, so a refused form comes back as the person left it.
#[derive(serde::Deserialize, Default, Clone)]
pub struct DialogForm {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub message: String,
}

/// A dialog time and place that passed every check.
struct DialogInput {
    starts_at: OffsetDateTime,
    minutes: DialogMinutes,
    place: DialogPlace,
    message: Option<LongText>,
}

impl DialogInput {
    fn when(&self) -> When<'_> {
        When { starts_at: self.starts_at, minutes: self.minutes.get(), place: self.place.as_str() }
    }
}

/// Checks every field (all errors at once), then the time itself.
fn parse(page: &Page, form: &DialogForm, now: OffsetDateTime) -> Result<DialogInput, FormErrors> {
    let mut errors = FormErrors::default();
    let date = errors.check(&page.tr, "date", parse_date(&form.date));
    let time = errors.check(&page.tr, "time", parse_time(&form.time));
    let minutes = errors.check(&page.tr, "minutes", DialogMinutes::parse(&form.minutes));
    let place = errors.check(&page.tr, "place", DialogPlace::parse(&form.place));
    let message = errors.check(&page.tr, "message", LongText::parse_optional(&form.message));
    let (Some(date), Some(time), Some(minutes), Some(place), Some(message)) = (date, time, minutes, place, message) else {
        return Err(errors);
    };
    // A time skipped when the clocks go forward does not exist; a time that
    // happens twice when they go back means the first.
    let Some(starts_at) = PrimitiveDateTime::new(date, time).assume_timezone(timezones::db::europe::COPENHAGEN).take_first() else {
        errors.add_key(&page.tr, Some("time"), "error-dialog-time-skipped");
        return Err(errors);
    };
    if let Err(e) = check_dialog_time(starts_at, now) {
        errors.add(&page.tr, "date", e);
        return Err(errors);
    }
    Ok(DialogInput { starts_at, minutes, place, message })
}

/// The form's fields for a dialog that exists, in Copenhagen time.
fn form_of(dialog: &Dialog) -> DialogForm {
    let local = format::copenhagen(dialog.starts_at);
    DialogForm {
        date: local.date().to_string(),
        time: format!("{:02}:{:02}", local.hour(), local.minute()),
        minutes: dialog.minutes.to_string(),
        place: dialog.place.clone(),
        message: String::new(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/dialog/meeting_new.html")]
pub struct NewPage {
    pub page: Page,
    pub nearest_name: Option<String>,
    pub form: DialogForm,
    pub min_date: String,
    pub place_hint: String,
    pub questions: Vec<String>,
    pub errors: FormErrors,
}

fn new_page(state: &AppState, page: Page, nearest_name: Option<String>, form: DialogForm, errors: FormErrors) -> NewPage {
    let invite = &state.shipped.dialog.get(page.lang).invite;
    NewPage {
        nearest_name,
        form,
        min_date: state.clock.today().to_string(),
        place_hint: invite.place_hint.clone(),
        questions: invite.preparation.clone(),
        errors,
        page,
    }
}

/// The invitation form: date, time, duration (the method's 45 minutes), place
/// and a personal message.
pub async fn new(State(state): State<AppState>, page: Page, me: Member) -> AppResult<NewPage> {
    let nearest = nearest_leader(&state, &me).await?;
    let form = DialogForm { minutes: DIALOG_MINUTES.to_string(), ..DialogForm::default() };
    Ok(new_page(&state, page, nearest.map(|n| n.name), form, FormErrors::default()))
}

/// Books the dialog and mails both people the invitation. Nothing is saved
/// when a field is wrong or HR has not set a nearest leader.
pub async fn create(State(state): State<AppState>, page: Page, me: Member, CsrfForm(form): CsrfForm<DialogForm>) -> AppResult<Response> {
    let now = state.clock.now();
    let nearest = nearest_leader(&state, &me).await?;
    let parsed = parse(&page, &form, now);
    let (input, nearest) = match (parsed, nearest) {
        (Ok(input), Some(nearest)) => (input, nearest),
        (parsed, nearest) => {
            let mut errors = parsed.err().unwrap_or_default();
            if nearest.is_none() {
                errors.add_key(&page.tr, None, "dialog-meeting-error-no-nearest");
            }
            let body = new_page(&state, page, nearest.map(|n| n.name), form, errors);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let agreement = super::agreement::current_or_new(&state, &me).await?;
    let mut tx = state.db.begin_write().await?;
    let id = store::create(&mut tx, me.org(), me.person(), &nearest.id, &agreement.id, input.when(), now).await?;
    tx.commit().await?;
    let dialog = store::find_for(&state.db, me.org(), me.person(), &id).await?.ok_or(AppError::NotFound)?;
    let message = input.message.as_ref().map(|m| m.as_str());
    mail::send_change(&state, &dialog, Change::Invited { message }, now).await?;
    Ok(Redirect::to(&format!("/dialog/meetings/{id}?notice=invited")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/dialog/meeting.html")]
pub struct MeetingPage {
    pub page: Page,
    pub id: String,
    pub i_am_leader: bool,
    pub other_name: String,
    pub when: String,
    pub minutes: i64,
    pub place: String,
    pub cancelled: bool,
    pub past: bool,
    pub intro: String,
    pub questions: Vec<String>,
    pub form: DialogForm,
    pub min_date: String,
    pub place_hint: String,
    pub notice: Option<String>,
    pub errors: FormErrors,
}

fn meeting_page(state: &AppState, page: Page, me: &Member, d: &Dialog, form: Option<DialogForm>, errors: FormErrors, notice: Option<String>) -> MeetingPage {
    let invite = &state.shipped.dialog.get(page.lang).invite;
    let i_am_leader = d.leader.id == *me.person();
    let other_name = if i_am_leader { d.nearest.as_ref().map(|n| n.name.clone()).unwrap_or_default() } else { d.leader.name.clone() };
    MeetingPage {
        id: d.id.to_string(),
        i_am_leader,
        other_name,
        when: format::date_time(page.lang, d.starts_at),
        minutes: d.minutes,
        place: d.place.clone(),
        cancelled: d.cancelled,
        past: d.ends_at() <= state.clock.now(),
        intro: invite.intro.clone(),
        questions: invite.preparation.clone(),
        form: form.unwrap_or_else(|| form_of(d)),
        min_date: state.clock.today().to_string(),
        place_hint: invite.place_hint.clone(),
        notice,
        errors,
        page,
    }
}

/// A dialog id from the path, for one of its two people.
async fn load(state: &AppState, me: &Member, raw: &str) -> AppResult<Dialog> {
    let id = DialogId::parse(raw).ok_or(AppError::NotFound)?;
    store::find_for(&state.db, me.org(), me.person(), &id).await?.ok_or(AppError::NotFound)
}

/// `/dialog/meetings/{id}` shows the dialog; `/dialog/meetings/{id}.ics` is
/// its calendar file (the router cannot match a parameter with a suffix).
pub async fn show(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(raw): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    if let Some(id) = raw.strip_suffix(".ics") {
        let dialog = load(&state, &me, id).await?;
        let ics = mail::calendar(&state, &dialog, page.lang, None, state.clock.now());
        let method = if dialog.cancelled { "CANCEL" } else { "REQUEST" };
        return Ok(download::ics(ics, method, "dialog"));
    }
    let dialog = load(&state, &me, &raw).await?;
    let notice = q.text(&page, "dialog-meeting-notice-", &["invited", "moved", "cancelled"]);
    Ok(meeting_page(&state, page, &me, &dialog, None, FormErrors::default(), notice).into_response())
}

/// A new time or place: the sequence goes up and both get the new invitation.
pub async fn reschedule(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(raw): Path<String>,
    CsrfForm(form): CsrfForm<DialogForm>,
) -> AppResult<Response> {
    let now = state.clock.now();
    let dialog = load(&state, &me, &raw).await?;
    let input = match parse(&page, &form, now) {
        Ok(input) => input,
        Err(errors) => {
            let body = meeting_page(&state, page, &me, &dialog, Some(form), errors, None);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    if !store::reschedule(&state.db, me.org(), me.person(), &dialog.id, input.when()).await? {
        return Err(AppError::BadRequest("dialog-meeting-error-cancelled"));
    }
    let dialog = load(&state, &me, &raw).await?;
    mail::send_change(&state, &dialog, Change::Moved { by: &me.m.name }, now).await?;
    Ok(Redirect::to(&format!("/dialog/meetings/{}?notice=moved", dialog.id)).into_response())
}

/// Cancels the dialog; both get a cancellation their calendar understands.
pub async fn cancel(
    State(state): State<AppState>,
    me: Member,
    Path(raw): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let dialog = load(&state, &me, &raw).await?;
    if store::cancel(&state.db, me.org(), me.person(), &dialog.id, state.clock.now()).await? {
        let dialog = load(&state, &me, &raw).await?;
        mail::send_change(&state, &dialog, Change::Cancelled { by: &me.m.name }, state.clock.now()).await?;
    }
    Ok(Redirect::to(&format!("/dialog/meetings/{}?notice=cancelled", dialog.id)).into_response())
}
