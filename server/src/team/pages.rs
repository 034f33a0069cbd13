//! The handlers: "Mine ledere" (/team), a shared agreement, a comment on
//! it, and the nearest leader's "agreed" mark. Thin: parse, find the
//! agreement shared with the viewer (or 404), call the store, render.

use super::access::Party;
use super::store::{self, Report};
use super::view::{self, Conversation, SharedPointView};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::notify::{self, AgreementPair, Kind};
use crate::org::audit;
use crate::state::AppState;
use crate::tools::dialog::agreement::{kind_title, Reader};
use crate::tools::dialog::meetings_store as meetings;
use crate::tools::dialog::store::{self as dialog, Agreement};
use crate::tools::dialog::{comments, period_text};
use crate::web::forms::FormErrors;
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::agreement::{CommentText, PointKind, RECENT_DAYS};
use domain::ids::{AgreementId, PointId};

/// One leader on "Mine ledere".
pub struct ReportRow {
    pub name: String,
    pub reports_to_me: bool,
    /// The next dialog with this leader: (id, when).
    pub next_dialog: Option<(String, String)>,
    pub shared: Option<SharedRow>,
}

pub struct SharedRow {
    pub id: String,
    pub period: String,
    pub agreed_by_leader: Option<String>,
    pub agreed_by_nearest: Option<String>,
    pub shared_points: i64,
    pub comments: i64,
    pub awaits_answer: bool,
    /// (point text, what is due).
    pub due: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "team/index.html")]
pub struct TeamPage {
    pub page: Page,
    pub rows: Vec<ReportRow>,
}

fn actor(me: &Member) -> audit::Actor<'_> {
    audit::Actor { person: Some(me.person()), name: &me.m.name }
}

pub async fn index(State(state): State<AppState>, page: Page, me: Member) -> AppResult<TeamPage> {
    let now = state.clock.now();
    let today = crate::i18n::format::local_date(now);
    let from = today - time::Duration::days(RECENT_DAYS + 7);
    let (reports, follow_ups, dialogs) = tokio::try_join!(
        store::reports(&state.db, me.org(), me.person(), today),
        store::follow_ups(&state.db, me.org(), me.person(), today, from),
        meetings::upcoming(&state.db, me.org(), me.person(), now),
    )?;
    // Soonest first, so the first match is the next dialog.
    let next_dialog = |leader: &domain::ids::PersonId| {
        dialogs
            .iter()
            .find(|d| d.leader.id == *leader && d.nearest.as_ref().is_some_and(|n| n.id == *me.person()))
            .map(|d| (d.id.to_string(), crate::i18n::format::date_time(page.lang, d.starts_at)))
    };
    let row = |r: Report| ReportRow {
        next_dialog: next_dialog(&r.person_id),
        name: r.name,
        reports_to_me: r.reports_to_me,
        shared: r.shared.map(|s| SharedRow {
            id: s.agreement_id.to_string(),
            period: period_text(&page, &s.period),
            agreed_by_leader: s.agreed_by_leader_at.as_deref().map(|t| page.date_time(t)),
            agreed_by_nearest: s.agreed_by_nearest_at.as_deref().map(|t| page.date_time(t)),
            shared_points: s.shared_points,
            comments: s.comments,
            awaits_answer: s.awaits_answer,
            due: follow_ups
                .iter()
                .filter(|f| f.agreement_id == s.agreement_id)
                .map(|f| (f.text.clone(), view::due_text(&page, f.rhythm, &s.period, f.since, today, &f.answered)))
                .filter(|(_, due)| !due.is_empty())
                .collect(),
        }),
    };
    let rows: Vec<ReportRow> = reports.into_iter().map(row).collect();
    let names: Vec<&str> = rows.iter().filter(|r| r.shared.is_some()).map(|r| r.name.as_str()).collect();
    if !names.is_empty() {
        let mut conn = state.db.pool.acquire().await?;
        audit::record(&mut conn, me.org(), actor(&me), "dialog-team-read", &names.join(", "), now).await?;
    }
    Ok(TeamPage { page, rows })
}

#[derive(Template, WebTemplate)]
#[template(path = "team/agreement.html")]
pub struct SharedAgreementPage {
    pub page: Page,
    pub id: String,
    pub leader_name: String,
    pub period: String,
    pub agreed_by_leader: Option<String>,
    pub agreed_by_nearest: Option<String>,
    pub parts: Vec<(String, Vec<SharedPointView>)>,
    pub conversation: Conversation,
    pub notice: Option<String>,
    pub errors: FormErrors,
}

/// The agreement shared with me, or 404 for anyone else.
async fn shared(state: &AppState, me: &Member, raw_id: &str) -> AppResult<(Agreement, String)> {
    let id = AgreementId::parse(raw_id).ok_or(AppError::NotFound)?;
    let (agreement, name) = store::shared_with_me(&state.db, me.org(), me.person(), &id).await?.ok_or(AppError::NotFound)?;
    // The store already selected by `shared_with_id`; the rule says the same.
    match Party::of(me.person(), &agreement.person_id, agreement.shared_with_id.as_ref()) {
        p if p.may_read_shared() => Ok((agreement, name)),
        _ => Err(AppError::NotFound),
    }
}

/// Renders the shared agreement; every render is a read of shared data and is audited.
#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    page: Page,
    me: &Member,
    agreement: &Agreement,
    leader_name: String,
    typed: Option<(String, String)>,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<SharedAgreementPage> {
    let (db, org) = (&state.db, me.org());
    let today = state.clock.today();
    let mut points = store::shared_points(db, org, me.person(), &agreement.id).await?;
    // The store selects shared points only; the rule says the same, twice is cheap.
    points.retain(|p| Party::SharedWith.sees_point(p.shared));
    let mut parts = Vec::new();
    for kind in PointKind::ALL {
        let mut views = Vec::new();
        for p in points.iter().filter(|p| p.kind == kind) {
            let check_ins = dialog::check_ins(db, org, &p.id, &agreement.period).await?;
            views.push(view::shared_point(&page, p, &agreement.period, today, &check_ins));
        }
        if !views.is_empty() {
            parts.push((kind_title(&page, kind, Reader::Nearest), views));
        }
    }
    let action = format!("/team/agreements/{}/comments", agreement.id);
    let mut conversation = Conversation::new(&page, me.person(), Reader::Nearest, comments::list(db, org, &agreement.id).await?, &points, Some(action.as_str()));
    if let Some((text, point)) = typed {
        conversation.typed = text;
        conversation.typed_point = point;
    }
    let period = period_text(&page, &agreement.period);
    let mut conn = db.pool.acquire().await?;
    audit::record(&mut conn, org, actor(me), "dialog-shared-agreement-read", &format!("{leader_name}, {period}"), state.clock.now()).await?;
    Ok(SharedAgreementPage {
        id: agreement.id.to_string(),
        leader_name,
        period,
        agreed_by_leader: agreement.agreed_by_leader_at.as_deref().map(|t| page.date_time(t)),
        agreed_by_nearest: agreement.agreed_by_nearest_at.as_deref().map(|t| page.date_time(t)),
        parts,
        conversation,
        notice,
        errors,
        page,
    })
}

pub async fn agreement(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<SharedAgreementPage> {
    let (agreement, name) = shared(&state, &me, &id).await?;
    let notice = q.text(&page, "team-notice-", &["commented", "agreed", "unagreed"]);
    render(&state, page, &me, &agreement, name, None, FormErrors::default(), notice).await
}

#[derive(serde::Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub point: String,
}

/// Parses the comment form: the text, and the shared point it is about (if any).
pub fn parse_comment(page: &Page, form: &CommentForm) -> Result<(CommentText, Option<PointId>), FormErrors> {
    let mut errors = FormErrors::default();
    let text = errors.check(&page.tr, "comment", CommentText::parse(&form.comment));
    let point = match form.point.trim() {
        "" => Some(None),
        raw => match PointId::parse(raw) {
            Some(id) => Some(Some(id)),
            None => {
                errors.add_key(&page.tr, Some("comment-point"), "error-form-invalid");
                None
            }
        },
    };
    match (text, point) {
        (Some(text), Some(point)) if errors.is_empty() => Ok((text, point)),
        _ => Err(errors),
    }
}

pub async fn comment(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> AppResult<Response> {
    let (agreement, name) = shared(&state, &me, &id).await?;
    if !Party::SharedWith.may_comment(agreement.shared_with_id.is_some()) {
        return Err(AppError::NotFound);
    }
    let (text, point) = match parse_comment(&page, &form) {
        Ok(parsed) => parsed,
        Err(errors) => {
            let body = render(&state, page, &me, &agreement, name, Some((form.comment, form.point)), errors, None).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    if !comments::add(&mut tx, me.org(), &agreement.id, me.person(), point.as_ref(), &text, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    let pair = AgreementPair { id: &agreement.id, leader: &agreement.person_id, shared_with: agreement.shared_with_id.as_ref() };
    notify::about_agreement(&mut tx, me.org(), pair, me.person(), Kind::AgreementCommented, state.clock.now()).await?;
    tx.commit().await?;
    notify::wake(&state);
    Ok(Redirect::to(&format!("/team/agreements/{}?notice=commented#comment-form", agreement.id)).into_response())
}

#[derive(serde::Deserialize)]
pub struct AgreedForm {
    agreed: String,
}

pub async fn agreed(
    State(state): State<AppState>,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<AgreedForm>,
) -> AppResult<Response> {
    let (agreement, _) = shared(&state, &me, &id).await?;
    if !Party::SharedWith.may_mark_agreed_as_nearest() {
        return Err(AppError::NotFound);
    }
    let agreed = match form.agreed.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("error-form-invalid")),
    };
    let mut tx = state.db.begin_write().await?;
    if !store::set_agreed_by_nearest(&mut tx, me.org(), me.person(), &agreement.id, agreed, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    let pair = AgreementPair { id: &agreement.id, leader: &agreement.person_id, shared_with: agreement.shared_with_id.as_ref() };
    if agreed {
        notify::about_agreement(&mut tx, me.org(), pair, me.person(), Kind::AgreementAgreed, state.clock.now()).await?;
    } else if agreement.agreed_by_nearest_at.is_some() {
        notify::about_agreement(&mut tx, me.org(), pair, me.person(), Kind::AgreementUnagreed, state.clock.now()).await?;
    }
    tx.commit().await?;
    notify::wake(&state);
    let notice = if agreed { "agreed" } else { "unagreed" };
    Ok(Redirect::to(&format!("/team/agreements/{}?notice={notice}#agreed", agreement.id)).into_response())
}
