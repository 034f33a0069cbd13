//! Sending, withdrawing, answering and lifting on. Each handler parses,
//! checks the viewer's seat, and writes in one statement or transaction; a
//! refused form is shown again with its messages and changes nothing.

use super::access;
use super::pages;
use super::store::{self, NewLift, Withdrawn};
use super::view::{self, Typed};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Member, OrgAdmin};
use crate::error::{AppError, AppResult};
use crate::notify::{self, store::Event, Kind};
use crate::org::audit;
use crate::state::AppState;
use crate::tools::dialog::followup;
use crate::tools::group::store as groups;
use crate::web::forms::FormErrors;
use crate::web::Page;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::{GroupId, LiftId, PointId};
use domain::thread::{Answer, Destination, LiftText, SourceKind};
use domain::ValidationError;

#[derive(serde::Deserialize)]
pub struct LiftForm {
    #[serde(default)]
    group: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    attributed: String,
    #[serde(default)]
    consent: String,
}

/// "Show my name" or not: the form asks, and there is no default to overlook.
fn attributed(raw: &str) -> Option<bool> {
    match raw {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// Lifts one of my agreement points to a leader group I am in.
pub async fn lift(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<LiftForm>,
) -> AppResult<Response> {
    let point = PointId::parse(&id).ok_or(AppError::NotFound)?;
    let (agreement, points) = followup::my_point_context(&state, &me).await?;
    let p = points.iter().find(|p| p.id == point).ok_or(AppError::NotFound)?;
    let mine = groups::groups_of(&state.db, me.org(), me.person()).await?;
    let mut errors = FormErrors::default();
    let group = GroupId::parse(&form.group).filter(|g| mine.iter().any(|m| &m.id == g));
    if group.is_none() {
        errors.add_key(&page.tr, Some("lift-group"), "thread-error-group-invalid");
    }
    let text = errors.check(&page.tr, "lift-text", LiftText::parse(&form.text));
    let named = attributed(&form.attributed);
    if named.is_none() {
        errors.add_key(&page.tr, Some("lift-attributed-no"), "thread-error-attributed-missing");
    }
    let consent = form.consent == "yes";
    if !consent {
        errors.add_key(&page.tr, Some("lift-consent"), "thread-error-consent-missing");
    }
    if let (Some(group), Some(text), Some(named), true) = (&group, &text, named, consent) {
        let to = Destination::Group(group.clone());
        let new = NewLift {
            source_kind: SourceKind::AgreementPoint,
            source_id: point.as_str(),
            from_person: me.person(),
            from_group: None,
            to: &to,
            text,
            attributed: named,
        };
        let mut tx = state.db.begin_write().await?;
        if let Some(lift) = store::lift(&mut tx, me.org(), new, state.clock.now()).await? {
            tell_group_leader(&state, &mut tx, &me, group, &lift, named).await?;
            tx.commit().await?;
            notify::wake(&state);
            return Ok(Redirect::to(&format!("/dialog/points/{point}?lifted=1#lift-heading")).into_response());
        }
        errors.add_key(&page.tr, Some("lift-group"), "thread-error-already-lifted");
    }
    let mut body = followup::render_point(&state, page, &me, &agreement, p, errors, None).await?;
    body.lift.group = form.group;
    body.lift.text = form.text;
    body.lift.attributed = named;
    body.lift.consent = consent;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}

/// The group's leader hears that a point arrived in the inbox they answer;
/// the sender's name only when the sender chose to show it.
async fn tell_group_leader(
    state: &AppState,
    conn: &mut sqlx::AnyConnection,
    me: &Member,
    group: &GroupId,
    lift: &LiftId,
    named: bool,
) -> AppResult<()> {
    let Some(leader) = groups::find(&state.db, me.org(), group, me.person()).await?.and_then(|g| g.leader_id) else {
        return Ok(());
    };
    let link = format!("/groups/{group}/inbox#lift-{lift}");
    let event = Event { to: &leader, kind: Kind::LiftArrived, actor: named.then(|| me.person()), group: Some(group), link: &link };
    notify::store::record(conn, me.org(), event, state.clock.now()).await?;
    Ok(())
}

/// The lift's sender hears that it was answered, with a link to where they
/// follow it (the point's page, the group's inbox for what a group lifted on).
async fn tell_sender(conn: &mut sqlx::AnyConnection, me: &Member, to: &Destination, lift: &LiftId, now: time::OffsetDateTime) -> AppResult<()> {
    let Some(sent) = store::sender(conn, me.org(), lift).await?.filter(|s| &s.person != me.person()) else { return Ok(()) };
    let link = view::source_page(sent.kind, &sent.source_id, sent.from_group.as_ref());
    let event = Event { to: &sent.person, kind: Kind::LiftAnswered, actor: None, group: to.group(), link: &link };
    notify::store::record(conn, me.org(), event, now).await?;
    // A group's leader lifted someone's point on: the one who first lifted
    // it hears the answer too; their point's page shows it.
    let first_lift = (sent.kind == SourceKind::Lift).then(|| LiftId::parse(&sent.source_id)).flatten();
    if let Some(first_lift) = first_lift {
        let first = store::sender(conn, me.org(), &first_lift).await?;
        // Not twice to the same person, and not to the one who answered.
        if let Some(first) = first.filter(|f| f.person != sent.person && &f.person != me.person()) {
            let link = view::source_page(first.kind, &first.source_id, first.from_group.as_ref());
            let event = Event { to: &first.person, kind: Kind::LiftAnswered, actor: None, group: to.group(), link: &link };
            notify::store::record(conn, me.org(), event, now).await?;
        }
    }
    Ok(())
}

/// The sender takes a lift back while it is open; it is deleted.
pub async fn withdraw(State(state): State<AppState>, me: Member, Path(id): Path<String>, CsrfForm(_): CsrfForm<serde::de::IgnoredAny>) -> AppResult<Response> {
    let lift = LiftId::parse(&id).ok_or(AppError::NotFound)?;
    let withdrawn = store::withdraw(&state.db, me.org(), me.person(), &lift).await?;
    if let Withdrawn::Done { .. } = withdrawn {
        // The group's leader can no longer open it: the news goes too.
        let mut conn = state.db.pool.acquire().await?;
        let link = format!("/inbox#lift-{lift}");
        notify::store::forget(&mut conn, me.org(), &[Kind::LiftArrived], notify::store::Link::EndsWith(&link)).await?;
    }
    let back = match withdrawn {
        Withdrawn::NotFound => return Err(AppError::NotFound),
        Withdrawn::NotOpen => return Err(AppError::BadRequest("thread-error-not-open")),
        Withdrawn::Done { kind: SourceKind::AgreementPoint, source_id, .. } => {
            format!("/dialog/points/{source_id}?withdrawn=1#lift-heading")
        }
        Withdrawn::Done { kind: SourceKind::Lift, from_group: Some(g), .. } => format!("/groups/{g}/inbox?withdrawn=1"),
        Withdrawn::Done { kind, source_id, from_group } => view::source_page(kind, &source_id, from_group.as_ref()),
    };
    Ok(Redirect::to(&back).into_response())
}

#[derive(serde::Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    answer: String,
}

/// Parses an answer, or records its error under the lift's own fields.
fn parse_answer(page: &Page, lift: &LiftId, form: &AnswerForm, errors: &mut FormErrors) -> Option<Answer> {
    match Answer::parse(&form.status, &form.answer) {
        Ok(a) => Some(a),
        Err(e) => {
            let field = if e.key == "thread-error-status-invalid" { "status" } else { "answer" };
            errors.add_at(&page.tr, format!("{field}-{lift}"), e);
            None
        }
    }
}

fn typed_answer(lift: &LiftId, form: AnswerForm) -> Typed {
    Typed { lift_id: lift.to_string(), status: form.status, answer: form.answer, ..Typed::default() }
}

/// The group's leader answers a lift that arrived at the group.
pub async fn answer_in_group(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path((id, lift)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> AppResult<Response> {
    let inbox = access::group_inbox_to_answer(&state, &me, &id).await?;
    let lift = LiftId::parse(&lift).ok_or(AppError::NotFound)?;
    store::arrived(&state.db, me.org(), &inbox.to, &lift, me.person()).await?.ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    let Some(answer) = parse_answer(&page, &lift, &form, &mut errors) else {
        let typed = typed_answer(&lift, form);
        let body = pages::render_group(&state, page, &me, &inbox, Some(&typed), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    let mut tx = state.db.begin_write().await?;
    if store::answer(&mut tx, me.org(), &inbox.to, &lift, &answer, me.person(), state.clock.now()).await? {
        tell_sender(&mut tx, &me, &inbox.to, &lift, state.clock.now()).await?;
    }
    tx.commit().await?;
    notify::wake(&state);
    Ok(Redirect::to(&format!("/groups/{}/inbox?answered=1#lift-{lift}", inbox.group.id)).into_response())
}

#[derive(serde::Deserialize)]
pub struct LiftOnForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    attributed: String,
}

/// The group's leader lifts what arrived on to the organisation, in the
/// group's words; the first sender's name never goes along.
pub async fn lift_on(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path((id, lift)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<LiftOnForm>,
) -> AppResult<Response> {
    let inbox = access::group_inbox_to_answer(&state, &me, &id).await?;
    if !inbox.may_lift_on() {
        return Err(AppError::Forbidden);
    }
    let lift = LiftId::parse(&lift).ok_or(AppError::NotFound)?;
    store::arrived(&state.db, me.org(), &inbox.to, &lift, me.person()).await?.ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    let field = format!("onward-text-{lift}");
    let text = match LiftText::parse(&form.text) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.add_at(&page.tr, field.clone(), e);
            None
        }
    };
    let named = attributed(&form.attributed);
    if named.is_none() {
        errors.add_at(&page.tr, format!("onward-attributed-{lift}"), ValidationError::new("thread-error-attributed-missing"));
    }
    if let (Some(text), Some(named)) = (&text, named) {
        let new = NewLift {
            source_kind: SourceKind::Lift,
            source_id: lift.as_str(),
            from_person: me.person(),
            from_group: Some(&inbox.group.id),
            to: &Destination::Organisation,
            text,
            attributed: named,
        };
        if super::tell::lift_to_organisation(&state, me.org(), new).await?.is_some() {
            return Ok(Redirect::to(&format!("/groups/{}/inbox?lifted=1#lift-{lift}", inbox.group.id)).into_response());
        }
        errors.add_key(&page.tr, None, "thread-error-already-lifted");
    }
    let typed = Typed {
        lift_id: lift.to_string(),
        onward_text: form.text,
        onward_attributed: named == Some(true),
        ..Typed::default()
    };
    let body = pages::render_group(&state, page, &me, &inbox, Some(&typed), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}

/// HR answers a lift that arrived at the organisation (recorded in the audit log).
pub async fn answer_at_org(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(lift): Path<String>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> AppResult<Response> {
    let lift = LiftId::parse(&lift).ok_or(AppError::NotFound)?;
    let to = Destination::Organisation;
    let found = store::arrived(&state.db, admin.org(), &to, &lift, admin.person()).await?.ok_or(AppError::NotFound)?;
    let mut errors = FormErrors::default();
    let Some(answer) = parse_answer(&page, &lift, &form, &mut errors) else {
        let typed = typed_answer(&lift, form);
        let body = pages::render_org(&state, page, &admin, Some(&typed), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    let mut tx = state.db.begin_write().await?;
    if store::answer(&mut tx, admin.org(), &to, &lift, &answer, admin.person(), state.clock.now()).await? {
        tell_sender(&mut tx, &admin.0, &to, &lift, state.clock.now()).await?;
    }
    let target: String = found.text.chars().take(80).collect();
    audit::record(&mut tx, admin.org(), audit::Actor { person: Some(admin.person()), name: &admin.m.name }, "lift-answered", &target, state.clock.now())
        .await?;
    tx.commit().await?;
    notify::wake(&state);
    Ok(Redirect::to(&format!("/admin/inbox?answered=1#lift-{lift}")).into_response())
}
