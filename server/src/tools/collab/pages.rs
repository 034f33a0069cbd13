//! Tool 2's pages and their forms: the tool page (why, how, my groups and
//! their rounds), step 1 (propose the meeting), a round's page (when and
//! where, the checklist's progress, the agreement once settled) and the
//! checklist itself. The meeting and the agreement live in `meeting`.

use super::input::{parse_meeting, MeetingForm};
use super::store::{self, Refused};
use super::view::{self, GroupBlock};
use super::{invite, load_inside, load_round, RoundContext};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::content::IntroContent;
use crate::error::{AppError, AppResult};
use crate::org::audit;
use crate::state::AppState;
use crate::tools::group::store as groups;
use crate::tools::group::{viewed, Viewed};
use crate::tools::intro::input as answers_input;
use crate::tools::intro::pages::{AnswerItem, AnswerPage, AnswerSection};
use crate::tools::intro::view::Figures;
use crate::web::forms::{FieldError, FormErrors};
use crate::web::notice::NoticeQuery;
use crate::web::download;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::collab::THEMES;
use domain::ids::GroupId;
use std::collections::HashMap;

fn paragraphs(s: &str) -> Vec<String> {
    IntroContent::paragraphs(s).into_iter().map(str::to_string).collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/collab/index.html")]
pub struct ToolPage {
    pub page: Page,
    pub title: String,
    pub summary: String,
    pub why: Vec<String>,
    pub how: Vec<String>,
    pub mine: Vec<GroupBlock>,
    /// For HR: the organisation's other groups.
    pub others: Vec<GroupBlock>,
}

pub async fn tool(State(state): State<AppState>, page: Page, me: Member) -> AppResult<ToolPage> {
    let is_hr = me.m.roles.may_administer();
    let links = if is_hr {
        groups::all_groups(&state.db, me.org(), me.person()).await?
    } else {
        groups::groups_of(&state.db, me.org(), me.person()).await?
    };
    let rounds = store::rounds_visible(&state.db, me.org(), me.person(), is_hr).await?;
    let (mut mine, mut others) = (Vec::new(), Vec::new());
    for link in &links {
        let block = GroupBlock::new(&page.tr, link, &rounds, is_hr);
        if link.i_lead || link.i_am_member { mine.push(block) } else { others.push(block) }
    }
    let content = state.shipped.collab.get(page.lang);
    Ok(ToolPage {
        title: content.title.clone(),
        summary: content.summary.clone(),
        why: paragraphs(&content.why),
        how: paragraphs(&content.how),
        mine,
        others,
        page,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/collab/new.html")]
pub struct NewPage {
    pub page: Page,
    pub group_id: String,
    pub group_name: String,
    pub form: MeetingForm,
    pub min_date: String,
    pub preparation: Vec<String>,
    pub errors: FormErrors,
}

fn new_page(state: &AppState, page: Page, group_id: &GroupId, group_name: &str, form: MeetingForm, errors: FormErrors) -> NewPage {
    NewPage {
        group_id: group_id.to_string(),
        group_name: group_name.to_string(),
        form,
        min_date: state.clock.today().to_string(),
        preparation: state.shipped.collab.get(page.lang).invite.preparation.clone(),
        errors,
        page,
    }
}

/// Step 1's form: the group's leader (or HR) proposes when and where.
pub async fn new_round(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<NewPage> {
    let group_id = GroupId::parse(&id).ok_or(AppError::NotFound)?;
    let Viewed { group, relation, is_hr } = viewed(&state, &me, &group_id).await?;
    if !relation.may_start_round(is_hr) {
        return Err(AppError::Forbidden);
    }
    let form = MeetingForm { minutes: domain::collab::MeetingMinutes::DEFAULT.to_string(), ..MeetingForm::default() };
    Ok(new_page(&state, page, &group.id, &group.name, form, FormErrors::default()))
}

/// Starts the round and mails everyone inside the group the invitation.
/// A wrong field, or a round already open, changes nothing.
pub async fn start(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<MeetingForm>,
) -> AppResult<Response> {
    let group_id = GroupId::parse(&id).ok_or(AppError::NotFound)?;
    let Viewed { group, relation, is_hr } = viewed(&state, &me, &group_id).await?;
    if !relation.may_start_round(is_hr) {
        return Err(AppError::Forbidden);
    }
    let input = match parse_meeting(&page.tr, &form, state.clock.now()) {
        Ok(input) => input,
        Err(errors) => {
            let body = new_page(&state, page, &group.id, &group.name, form, errors);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let items = crate::catalogue::store::items(&state.db, me.org(), "collab").await?;
    match store::start(&state.db, me.org(), &group.id, me.person(), &input.meeting(), &items, state.clock.now()).await? {
        Ok(id) => {
            let round = store::round(&state.db, me.org(), me.person(), &id).await?.ok_or(AppError::NotFound)?;
            let organiser = group.leader_id.as_ref().unwrap_or(me.person());
            invite::send(&state, me.org(), &round, &group.name, Some(organiser), &me.m.name, false).await?;
            Ok(Redirect::to(&format!("/collab/rounds/{id}?notice=invited")).into_response())
        }
        Err(_) => {
            let mut errors = FormErrors::default();
            errors.0.push(FieldError { field: None, message: page.t1("collab-error-already-open", "group", &group.name) });
            let body = new_page(&state, page, &group.id, &group.name, form, errors);
            Ok((StatusCode::CONFLICT, body).into_response())
        }
    }
}

/// A point of a settled agreement, as the round page lists it.
pub struct PointView {
    pub text: String,
    pub actions: String,
    pub measure: String,
    pub owner: String,
    pub follow_up: String,
}

impl PointView {
    pub fn new(page: &Page, p: &store::Point) -> PointView {
        PointView {
            text: p.text.clone(),
            actions: p.actions.clone(),
            measure: p.measure.clone(),
            owner: p.owner_name.clone().unwrap_or_else(|| page.t("intro-owner-gone")),
            follow_up: crate::i18n::format::date(page.lang, p.follow_up_on),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/collab/round.html")]
pub struct RoundPage {
    pub page: Page,
    pub id: String,
    pub group_id: String,
    pub group_name: String,
    pub when: String,
    /// The meeting is still ahead, so the calendar file is worth offering.
    pub ahead: bool,
    pub message: String,
    pub open: bool,
    pub inside: bool,
    pub may_move: bool,
    pub i_answered: bool,
    /// One of the round's readers, before the group has seen its picture.
    pub may_answer: bool,
    /// The group has seen its picture, so nobody answers any more.
    pub answers_ended: bool,
    pub answered_text: String,
    pub figures: Option<Figures>,
    /// Never set here (the picture is revealed on the meeting page), but
    /// the shared picture template asks for it.
    pub reveal: Option<crate::tools::promise::RevealView>,
    /// What the round promised when it started.
    pub promise: crate::tools::promise::Notice,
    pub legend: Vec<(String, String)>,
    /// The agreement while the meeting writes it.
    pub points: Vec<PointView>,
    /// The settled agreement, each point with what was sent up from it.
    pub lifted: Vec<super::lift::LiftedPoint>,
    pub may_lift: bool,
    /// The settled agreement is shared with HR; the group's leader may change that.
    pub shared: bool,
    pub may_share: bool,
    /// For the group's leader, once settled: whether and until when the
    /// agreement may be opened again (`settle`).
    pub reopen: Option<super::settle::ReopenView>,
    /// For HR outside the group: the agreement the group shared.
    pub shared_points: Vec<PointView>,
    pub form: MeetingForm,
    pub min_date: String,
    pub notice: Option<String>,
    pub errors: FormErrors,
}

pub async fn round(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<Response> {
    // `/collab/rounds/{id}.ics` is the calendar file (a route parameter cannot carry a suffix).
    if let Some(id) = id.strip_suffix(".ics") {
        let ctx = load_round(&state, &me, id).await?;
        return calendar_file(&state, &page, &me, &ctx).await;
    }
    let ctx = load_round(&state, &me, &id).await?;
    let notice = q.text(&page, "collab-notice-", &["invited", "moved", "saved", "settled", "lifted", "shared", "unshared"]);
    Ok(round_page(&state, page, &me, ctx, None, FormErrors::default(), notice, None).await?.into_response())
}

/// The meeting's .ics, for anyone inside the group.
async fn calendar_file(state: &AppState, page: &Page, me: &Member, ctx: &RoundContext) -> AppResult<Response> {
    if !ctx.kept.seat.may_answer() {
        return Err(AppError::Forbidden);
    }
    let people = invite::invitees(&state.db, me.org(), &ctx.group.id).await?;
    let ics = invite::calendar(state, &ctx.round, &ctx.group.name, &people, ctx.group.leader_id.as_ref(), page.lang, state.clock.now());
    Ok(download::ics(ics, "REQUEST", "ledergruppe"))
}

fn form_of(round: &store::Round) -> MeetingForm {
    let local = crate::i18n::format::copenhagen(round.meeting_at);
    MeetingForm {
        date: local.date().to_string(),
        time: format!("{:02}:{:02}", local.hour(), local.minute()),
        minutes: round.minutes.to_string(),
        place: round.place.clone(),
        message: String::new(),
    }
}

/// The round's page; also re-rendered with a refused form's errors
/// (`typed`: the point and text of a refused lift).
#[allow(clippy::too_many_arguments)]
pub async fn round_page(
    state: &AppState,
    page: Page,
    me: &Member,
    ctx: RoundContext,
    form: Option<MeetingForm>,
    errors: FormErrors,
    notice: Option<String>,
    typed: Option<(&str, &str)>,
) -> AppResult<RoundPage> {
    let RoundContext { round, group, relation, is_hr, kept } = ctx;
    let (db, org) = (&state.db, me.org());
    let inside = kept.seat.may_answer();
    // The meeting page's one query has everything this page shows too.
    let data = super::meeting_data::load(db, org, &round).await?;
    let target = format!("{} ({})", group.name, crate::i18n::format::date_time(page.lang, round.meeting_at));
    let target = target.as_str();
    let read = |action: &'static str| async move {
        let mut conn = db.pool.acquire().await?;
        audit::record(&mut conn, org, audit::Actor { person: Some(me.person()), name: &me.m.name }, action, target, state.clock.now()).await
    };
    // Inside the group the picture is on the meeting page; HR outside sees
    // a closed round's picture here, at the organisation's threshold.
    let figures = if inside {
        None
    } else {
        let respondents = u32::try_from(round.respondents).unwrap_or(0);
        let content = state.shipped.collab.get(page.lang);
        let figures = view::figures(page.lang, content, &data.items, &data.answers, respondents, kept.stage(round.open), &kept.promise.rule, kept.seat.audience());
        if matches!(figures, Figures::Shown(_)) {
            read("collab-picture-read").await?;
        }
        Some(figures)
    };
    // The agreement is the group's own; HR reads it only while it is shared.
    let points = if inside && round.open { data.points.iter().map(|p| PointView::new(&page, p)).collect() } else { Vec::new() };
    let shared_points = if !inside && round.shared {
        read("collab-agreement-read").await?;
        data.points.iter().map(|p| PointView::new(&page, p)).collect()
    } else {
        Vec::new()
    };
    let lifted = if inside && !round.open { super::lift::points(state, &page, me, &round.id, &group.id, &data.points, typed).await? } else { Vec::new() };
    let reopen = match inside && !round.open && super::leads(relation, &group) {
        true => super::settle::settled(db, org, &round.id).await?.and_then(|f| super::settle::ReopenView::new(&page, &f, state.clock.now())),
        false => None,
    };
    Ok(RoundPage {
        id: round.id.to_string(),
        group_id: group.id.to_string(),
        group_name: group.name.clone(),
        when: invite::when_text(&page.tr, &round),
        ahead: round.meeting_at > state.clock.now(),
        message: if inside { round.message.clone() } else { String::new() },
        open: round.open,
        inside,
        may_move: round.open && relation.may_start_round(is_hr),
        i_answered: round.i_answered,
        may_answer: kept.may_answer(round.open),
        answers_ended: inside && kept.stage(round.open) == domain::promise::Stage::Revealed,
        answered_text: crate::tools::intro::view::answered_text(&page.tr, round.respondents, data.members.len() as i64),
        figures,
        reveal: None,
        promise: kept.summary(&page.tr),
        legend: view::legend(state.shipped.collab.get(page.lang)),
        points,
        lifted,
        may_lift: !round.open && super::leads(relation, &group),
        shared: round.shared,
        may_share: inside && !round.open && super::leads(relation, &group),
        reopen,
        shared_points,
        form: form.unwrap_or_else(|| form_of(&round)),
        min_date: state.clock.today().to_string(),
        notice,
        errors,
        page,
    })
}

/// A new time or place: everyone gets the updated invitation.
pub async fn reschedule(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<MeetingForm>,
) -> AppResult<Response> {
    let ctx = load_round(&state, &me, &id).await?;
    if !ctx.relation.may_start_round(ctx.is_hr) {
        return Err(AppError::Forbidden);
    }
    let input = match parse_meeting(&page.tr, &form, state.clock.now()) {
        Ok(input) => input,
        Err(errors) => {
            let body = round_page(&state, page, &me, ctx, Some(form), errors, None, None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    if store::reschedule(&state.db, me.org(), &ctx.round.id, &input.meeting()).await? == Err(Refused::Closed) {
        return Err(AppError::BadRequest("collab-error-closed"));
    }
    let round = store::round(&state.db, me.org(), me.person(), &ctx.round.id).await?.ok_or(AppError::NotFound)?;
    invite::send(&state, me.org(), &round, &ctx.group.name, ctx.group.leader_id.as_ref(), &me.m.name, true).await?;
    Ok(Redirect::to(&format!("/collab/rounds/{}?notice=moved", round.id)).into_response())
}

/// The checklist, for the group's own people until the group has seen its picture.
pub async fn checklist(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    if !ctx.kept.may_answer(ctx.round.open) {
        return Ok(Redirect::to(&format!("/collab/rounds/{id}")).into_response());
    }
    let mine = store::my_answers(&state.db, me.org(), &ctx.round.id, me.person()).await?;
    let items = store::round_items(&state.db, me.org(), &ctx.round.id).await?;
    let mut selected: HashMap<String, String> = mine.values.iter().map(|(rev, v)| (rev.clone(), v.get().to_string())).collect();
    if mine.submitted {
        for item in &items {
            selected.entry(item.revision_id.to_string()).or_insert_with(|| "unknown".into());
        }
    }
    let comment = mine.comment.unwrap_or_default();
    Ok(checklist_page(&state, page, &ctx, &items, &selected, comment, mine.submitted, FormErrors::default()).into_response())
}

#[allow(clippy::too_many_arguments)]
fn checklist_page(
    state: &AppState,
    page: Page,
    ctx: &RoundContext,
    items: &[store::RoundItem],
    selected: &HashMap<String, String>,
    comment: String,
    submitted_before: bool,
    errors: FormErrors,
) -> AnswerPage {
    let content = state.shipped.collab.get(page.lang);
    let sections = THEMES
        .into_iter()
        .filter_map(|theme| {
            let items: Vec<AnswerItem> = items
                .iter()
                .filter(|i| i.theme == theme)
                .map(|i| AnswerItem {
                    rev: i.revision_id.to_string(),
                    text: i.text(page.lang).to_string(),
                    selected: selected.get(i.revision_id.as_str()).cloned().unwrap_or_default(),
                })
                .collect();
            let text = content.sections.get(theme)?;
            (!items.is_empty()).then(|| AnswerSection { title: text.title.clone(), intro: text.intro.clone(), items })
        })
        .collect();
    let mut scale: Vec<(String, String)> = content.scale.iter().enumerate().map(|(i, l)| ((i + 1).to_string(), l.clone())).collect();
    scale.push(("unknown".into(), content.unknown.clone()));
    AnswerPage {
        action: format!("/collab/rounds/{}/checklist", ctx.round.id),
        title: page.t("collab-checklist-title"),
        lead: page.t1("collab-checklist-lead", "group", &ctx.group.name),
        intro: paragraphs(&content.checklist_intro),
        group_name: ctx.group.name.clone(),
        promise: ctx.kept.notice(&page.tr),
        submitted_before,
        sections,
        scale,
        comment_prompt: content.comment_prompt.clone(),
        comment,
        errors,
        page,
    }
}

/// Saves my checklist; I can change it until the group has seen its picture.
pub async fn save_checklist(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    if !ctx.round.open {
        return Err(AppError::BadRequest("collab-error-closed"));
    }
    let items = store::round_items(&state.db, me.org(), &ctx.round.id).await?;
    let asked: Vec<&str> = items.iter().map(|i| i.revision_id.as_str()).collect();
    let text_of = |rev: &str| items.iter().find(|i| i.revision_id.as_str() == rev).map(|i| i.text(page.lang).to_string()).unwrap_or_default();
    let parsed = match answers_input::parse_answers(&pairs, &asked) {
        Ok(p) => p,
        Err(problems) => {
            let (errors, selected, comment) = crate::tools::intro::pages::refused_answers(&page, problems, text_of, &pairs);
            let body = checklist_page(&state, page, &ctx, &items, &selected, comment, ctx.round.i_answered, errors);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    match store::save_answers(&state.db, me.org(), &ctx.round.id, me.person(), &parsed.values, parsed.comment.as_ref(), state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/collab/rounds/{}?notice=saved", ctx.round.id)).into_response()),
        Err(Refused::Revealed) => {
            // Nothing is saved, but what was typed stays on the screen.
            let (mut errors, selected, comment) = crate::tools::intro::pages::refused_answers(&page, Vec::new(), text_of, &pairs);
            errors.add_key(&page.tr, None, "reveal-error-answers-ended");
            let body = checklist_page(&state, page, &ctx, &items, &selected, comment, ctx.round.i_answered, errors);
            Ok((StatusCode::CONFLICT, body).into_response())
        }
        Err(_) => Err(AppError::BadRequest("collab-error-closed")),
    }
}

#[derive(serde::Deserialize)]
pub struct ShareForm {
    #[serde(default)]
    shared: String,
}

/// The group's leader shares the settled agreement with HR, or stops.
pub async fn share(
    State(state): State<AppState>,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ShareForm>,
) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    if !ctx.may_lead() {
        return Err(AppError::Forbidden);
    }
    let shared = match form.shared.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("collab-error-share-choice")),
    };
    if !store::set_shared(&state.db, me.org(), &ctx.round.id, shared, state.clock.now()).await? {
        return Err(AppError::BadRequest("collab-error-lift-unsettled"));
    }
    let notice = if shared { "shared" } else { "unshared" };
    Ok(Redirect::to(&format!("/collab/rounds/{}?notice={notice}#share", ctx.round.id)).into_response())
}
