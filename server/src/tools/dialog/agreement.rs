//! Step 2: the leader agreement. The editor shows every part of the
//! agreement with its question, the points written so far and empty rows to
//! add more; saving checks every row first and writes nothing if one is
//! wrong. Also here: the sample, sharing with the nearest leader, the
//! leader's "agreed" mark, the leader's side of the conversation about the
//! shared agreement, and the next period.

use super::comments;
use super::store::{self, Agreement, Point, PointInput};
use super::{nearest_leader, Nearest};
use crate::auth::csrf::{CsrfForm, Whole, WholeForm};
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::notify::{self, AgreementPair, Kind};
use crate::state::AppState;
use crate::team::access::Party;
use crate::team::pages::{parse_comment, CommentForm};
use crate::team::view::Conversation;
use crate::web::forms::FormErrors;
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::agreement::{parse_follow_up, Period, PointKind, PointText, Rhythm};
use domain::ids::PointId;

/// One row of the editor.
pub struct RowView {
    pub n: usize,
    pub id: String,
    pub text: String,
    pub follow_up: String,
    pub rhythm: String,
}

pub struct PartView {
    pub kind: &'static str,
    pub title: String,
    pub question: String,
    pub is_commitment: bool,
    pub rows: Vec<RowView>,
}

pub struct ShareRow {
    pub id: String,
    pub kind_title: String,
    pub text: String,
    pub shared: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/dialog/agreement.html")]
pub struct AgreementPage {
    pub page: Page,
    pub period: Option<String>,
    pub parts: Vec<PartView>,
    pub rhythms: Vec<(&'static str, String)>,
    pub share_rows: Vec<ShareRow>,
    pub nearest: Option<Nearest>,
    pub shared_with_other: Option<String>,
    pub agreed_by_leader: bool,
    pub agreed_by_nearest: bool,
    pub has_points: bool,
    pub notice: Option<String>,
    pub errors: FormErrors,
    /// The conversation with the person the agreement is shared with.
    pub conversation: Option<Conversation>,
}

/// Who reads an agreement's parts. The leader writes "Aftaler med dig
/// selv"; the nearest leader reads the same part as the leader's agreements
/// with themselves, and "Aftaler med din nærmeste leder" as agreements with
/// them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Leader,
    Nearest,
}

pub fn kind_title(page: &Page, kind: PointKind, reader: Reader) -> String {
    match reader {
        Reader::Leader => page.t(&format!("dialog-kind-{}", kind.as_str())),
        Reader::Nearest => page.t(&format!("team-kind-{}", kind.as_str())),
    }
}

/// Rows for one part: the points written plus empty rows to add more
/// (two at first, one once something is written), up to the part's maximum.
fn rows_for(kind: PointKind, points: &[(Option<String>, String, String, String)], next_n: &mut usize) -> Vec<RowView> {
    let blanks = if points.is_empty() { 2 } else { 1 };
    let total = (points.len() + blanks).min(kind.max_points()).max(points.len());
    (0..total)
        .map(|i| {
            let (id, text, follow_up, rhythm) = points.get(i).cloned().unwrap_or((None, String::new(), String::new(), String::new()));
            *next_n += 1;
            RowView { n: *next_n, id: id.unwrap_or_default(), text, follow_up, rhythm }
        })
        .collect()
}

async fn render(
    state: &AppState,
    page: Page,
    me: &Member,
    typed: Option<Vec<(PointKind, (Option<String>, String, String, String))>>,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<AgreementPage> {
    let agreement = store::current(&state.db, me.org(), me.person()).await?;
    let points = match &agreement {
        Some(a) => store::points(&state.db, me.org(), &a.id).await?,
        None => Vec::new(),
    };
    let nearest = nearest_leader(state, me).await?;
    let content = state.shipped.dialog.get(page.lang);
    let rows: Vec<(PointKind, (Option<String>, String, String, String))> = typed.unwrap_or_else(|| {
        points
            .iter()
            .map(|p| (p.kind, (Some(p.id.to_string()), p.text.clone(), p.follow_up.clone(), p.rhythm.as_str().to_string())))
            .collect()
    });
    let mut n = 0;
    let parts = PointKind::ALL
        .into_iter()
        .map(|kind| {
            let mine: Vec<_> = rows.iter().filter(|(k, _)| *k == kind).map(|(_, r)| r.clone()).collect();
            PartView {
                kind: kind.as_str(),
                title: kind_title(&page, kind, Reader::Leader),
                question: content.agreement.for_kind(kind).to_string(),
                is_commitment: kind.is_commitment(),
                rows: rows_for(kind, &mine, &mut n),
            }
        })
        .collect();
    let shared_with_other = match (&agreement, &nearest) {
        (Some(Agreement { shared_with_id: Some(with), .. }), Some(n)) if *with != n.id => Some(super::person_name(state, me, with).await?),
        (Some(Agreement { shared_with_id: Some(with), .. }), None) => Some(super::person_name(state, me, with).await?),
        _ => None,
    };
    let conversation = match &agreement {
        Some(a) => {
            let thread = comments::list(&state.db, me.org(), &a.id).await?;
            let action = a.shared_with_id.is_some().then_some("/dialog/agreement/comments");
            (action.is_some() || !thread.is_empty()).then(|| Conversation::new(&page, me.person(), Reader::Leader, thread, &points, action))
        }
        None => None,
    };
    Ok(AgreementPage {
        conversation,
        period: agreement.as_ref().map(|a| super::period_text(&page, &a.period)),
        rhythms: Rhythm::CHOICES.iter().map(|r| (r.as_str(), page.t(&format!("dialog-rhythm-{}", r.as_str())))).collect(),
        share_rows: points
            .iter()
            .map(|p: &Point| ShareRow { id: p.id.to_string(), kind_title: kind_title(&page, p.kind, Reader::Leader), text: p.text.clone(), shared: p.shared })
            .collect(),
        has_points: !points.is_empty(),
        agreed_by_leader: agreement.as_ref().is_some_and(|a| a.agreed_by_leader_at.is_some()),
        agreed_by_nearest: agreement.as_ref().is_some_and(|a| a.agreed_by_nearest_at.is_some()),
        nearest,
        shared_with_other,
        parts,
        notice,
        errors,
        page,
    })
}

pub async fn edit(State(state): State<AppState>, page: Page, me: Member, Query(q): Query<NoticeQuery>) -> AppResult<AgreementPage> {
    let notice = q.text(&page, "dialog-notice-", &["saved", "sample-used", "shared", "unshared", "agreed", "unagreed", "next-period", "commented"]);
    render(&state, page, &me, None, FormErrors::default(), notice).await
}

/// The agreement of the current period, started today if there is none
/// (or the last one ended: then the new period starts from the old one).
pub(super) async fn current_or_new(state: &AppState, me: &Member) -> AppResult<Agreement> {
    let today = state.clock.today();
    let current = store::current(&state.db, me.org(), me.person()).await?;
    if let Some(a) = current.as_ref().filter(|a| !a.period.has_ended(today)) {
        return Ok(a.clone());
    }
    let mut tx = state.db.begin_write().await?;
    let period = current.as_ref().map(|a| a.period.next(today)).unwrap_or_else(|| Period::starting(today));
    let id = store::start(&mut tx, me.org(), me.person(), period, current.as_ref().map(|a| &a.id), state.clock.now()).await?;
    tx.commit().await?;
    store::find(&state.db, me.org(), &id).await?.ok_or_else(|| AppError::Internal(anyhow::anyhow!("agreement vanished")))
}

/// Parses the editor's rows: `p-N-kind`, `p-N-id`, `p-N-text`, `p-N-follow`,
/// `p-N-rhythm`. Rows without text are left out (that is how a point is removed).
fn parse_rows(
    page: &Page,
    pairs: &[(String, String)],
) -> (Vec<PointInput>, Vec<(PointKind, (Option<String>, String, String, String))>, FormErrors) {
    let get = |n: &str, f: &str| pairs.iter().find(|(k, _)| *k == format!("p-{n}-{f}")).map(|(_, v)| v.as_str()).unwrap_or("");
    let mut numbers: Vec<&str> =
        pairs.iter().filter_map(|(k, _)| k.strip_prefix("p-").and_then(|r| r.strip_suffix("-kind"))).collect();
    numbers.sort_by_key(|n| n.parse::<usize>().unwrap_or(usize::MAX));
    let (mut input, mut typed, mut errors) = (Vec::new(), Vec::new(), FormErrors::default());
    let mut per_kind = std::collections::HashMap::new();
    for n in numbers {
        let Some(kind) = PointKind::parse(get(n, "kind")) else {
            errors.add_key(&page.tr, None, "error-form-invalid");
            continue;
        };
        let (text, follow, rhythm) = (get(n, "text"), get(n, "follow"), get(n, "rhythm"));
        let id = PointId::parse(get(n, "id"));
        typed.push((kind, (id.as_ref().map(|i| i.to_string()), text.to_string(), follow.to_string(), rhythm.to_string())));
        if text.trim().is_empty() && follow.trim().is_empty() {
            continue;
        }
        let count = per_kind.entry(kind).or_insert(0usize);
        *count += 1;
        if *count > kind.max_points() {
            errors.add_at(&page.tr, format!("p-{n}-text"), domain::ValidationError::new("dialog-error-too-many"));
            continue;
        }
        let text = PointText::parse(text).map_err(|e| errors.add_at(&page.tr, format!("p-{n}-text"), e)).ok();
        let follow = parse_follow_up(follow).map_err(|e| errors.add_at(&page.tr, format!("p-{n}-follow"), e)).ok();
        let rhythm = Rhythm::for_point(kind, rhythm).map_err(|e| errors.add_at(&page.tr, format!("p-{n}-rhythm-daily"), e)).ok();
        if let (Some(text), Some(follow_up), Some(rhythm)) = (text, follow, rhythm) {
            input.push(PointInput { id, kind, text: text.into_string(), follow_up, rhythm });
        }
    }
    (input, typed, errors)
}

/// The agreement form: it replaces the points, and every row sends its
/// hidden `p-<n>-kind` (empty rows too), so a body without any row is
/// refused instead of erasing every point.
#[derive(serde::Deserialize)]
#[serde(transparent)]
pub struct PointsForm(Vec<(String, String)>);

impl Whole for PointsForm {
    const SENDS: &'static [&'static str] = &["p-*-kind"];
}

pub async fn save(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    WholeForm(PointsForm(pairs)): WholeForm<PointsForm>,
) -> AppResult<Response> {
    let (input, typed, errors) = parse_rows(&page, &pairs);
    if !errors.is_empty() {
        let body = render(&state, page, &me, Some(typed), errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    let agreement = current_or_new(&state, &me).await?;
    // The write lock first: `save_points` reads the points before it writes.
    let mut tx = state.db.begin_write().await?;
    if store::save_points(&mut tx, me.org(), me.person(), &agreement.id, &input, state.clock.now()).await? {
        // The nearest leader's "aftalt" was for what the agreement said before.
        let pair = AgreementPair { id: &agreement.id, leader: me.person(), shared_with: agreement.shared_with_id.as_ref() };
        notify::about_agreement(&mut tx, me.org(), pair, me.person(), Kind::AgreementChanged, state.clock.now()).await?;
    }
    tx.commit().await?;
    notify::wake(&state);
    Ok(Redirect::to("/dialog/agreement?notice=saved").into_response())
}

/// Fills an empty agreement with the sample, to edit from there.
pub async fn from_sample(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let agreement = current_or_new(&state, &me).await?;
    if !store::points(&state.db, me.org(), &agreement.id).await?.is_empty() {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, None, "dialog-error-sample-not-empty");
        let body = render(&state, page, &me, None, errors, None).await?;
        return Ok((StatusCode::CONFLICT, body).into_response());
    }
    let input: Vec<PointInput> = state
        .shipped
        .dialog
        .get(page.lang)
        .sample
        .iter()
        .filter_map(|p| {
            Some(PointInput {
                id: None,
                kind: PointKind::parse(&p.kind)?,
                text: p.text.clone(),
                follow_up: p.follow_up.clone(),
                rhythm: Rhythm::parse(&p.rhythm)?,
            })
        })
        .collect();
    let mut tx = state.db.begin_write().await?;
    store::save_points(&mut tx, me.org(), me.person(), &agreement.id, &input, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/dialog/agreement?notice=sample-used").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/dialog/sample.html")]
pub struct SamplePage {
    pub page: Page,
    pub parts: Vec<(String, String, Vec<(String, String, String)>)>,
    pub may_use: bool,
}

/// The filled sample agreement, read-only, with a button to start from it.
pub async fn sample(State(state): State<AppState>, page: Page, me: Member) -> AppResult<SamplePage> {
    let content = state.shipped.dialog.get(page.lang);
    let parts = PointKind::ALL
        .into_iter()
        .map(|kind| {
            let points = content
                .sample
                .iter()
                .filter(|p| p.kind == kind.as_str())
                .map(|p| {
                    let rhythm = if kind.is_commitment() { page.t(&format!("dialog-rhythm-{}", p.rhythm)) } else { String::new() };
                    (p.text.clone(), p.follow_up.clone(), rhythm)
                })
                .collect();
            (kind_title(&page, kind, Reader::Leader), content.agreement.for_kind(kind).to_string(), points)
        })
        .collect();
    let current = store::current(&state.db, me.org(), me.person()).await?;
    let may_use = match current {
        Some(a) if !a.period.has_ended(state.clock.today()) => store::points(&state.db, me.org(), &a.id).await?.is_empty(),
        _ => true,
    };
    Ok(SamplePage { page, parts, may_use })
}

#[derive(serde::Deserialize)]
pub struct ShareForm {
    #[serde(default)]
    point: Vec<String>,
    #[serde(default)]
    withdraw: Option<String>,
}

/// Shares the ticked points with the nearest leader; "withdraw" (or no
/// point ticked) makes everything private again.
pub async fn share(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    CsrfForm(form): CsrfForm<ShareForm>,
) -> AppResult<Response> {
    let agreement = store::current(&state.db, me.org(), me.person()).await?.ok_or(AppError::NotFound)?;
    let chosen: Vec<PointId> = if form.withdraw.is_some() { Vec::new() } else { form.point.iter().filter_map(|p| PointId::parse(p)).collect() };
    let nearest = nearest_leader(&state, &me).await?;
    if !chosen.is_empty() && nearest.is_none() {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, None, "dialog-error-no-nearest");
        let body = render(&state, page, &me, None, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    let mut tx = state.db.begin_write().await?;
    let with = nearest.as_ref().map(|n| &n.id).filter(|_| !chosen.is_empty());
    if agreement.shared_with_id.is_some() && agreement.shared_with_id.as_ref() != with {
        notify::agreement_unshared(&mut tx, me.org(), &agreement.id).await?;
    }
    store::share(&mut tx, me.org(), me.person(), &agreement.id, with, &chosen, state.clock.now()).await?;
    let pair = AgreementPair { id: &agreement.id, leader: me.person(), shared_with: with };
    notify::about_agreement(&mut tx, me.org(), pair, me.person(), Kind::AgreementShared, state.clock.now()).await?;
    tx.commit().await?;
    notify::wake(&state);
    let notice = if chosen.is_empty() { "unshared" } else { "shared" };
    Ok(Redirect::to(&format!("/dialog/agreement?notice={notice}#share")).into_response())
}

#[derive(serde::Deserialize)]
pub struct AgreedForm {
    agreed: String,
}

pub async fn agreed(State(state): State<AppState>, me: Member, CsrfForm(form): CsrfForm<AgreedForm>) -> AppResult<Response> {
    let agreement = store::current(&state.db, me.org(), me.person()).await?.ok_or(AppError::NotFound)?;
    let agreed = match form.agreed.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("error-form-invalid")),
    };
    let mut tx = state.db.begin_write().await?;
    store::set_agreed_by_leader(&mut tx, me.org(), me.person(), &agreement.id, agreed, state.clock.now()).await?;
    let pair = AgreementPair { id: &agreement.id, leader: me.person(), shared_with: agreement.shared_with_id.as_ref() };
    if agreed {
        notify::about_agreement(&mut tx, me.org(), pair, me.person(), Kind::AgreementAgreed, state.clock.now()).await?;
    } else if agreement.agreed_by_leader_at.is_some() {
        notify::about_agreement(&mut tx, me.org(), pair, me.person(), Kind::AgreementUnagreed, state.clock.now()).await?;
    }
    tx.commit().await?;
    notify::wake(&state);
    let notice = if agreed { "agreed" } else { "unagreed" };
    Ok(Redirect::to(&format!("/dialog/agreement?notice={notice}#agreed")).into_response())
}

/// Starts the next three months from the current agreement, ahead of time
/// if the leader wants a fresh start.
pub async fn next_period(State(state): State<AppState>, me: Member, CsrfForm(_): CsrfForm<serde::de::IgnoredAny>) -> AppResult<Response> {
    let current = store::current(&state.db, me.org(), me.person()).await?.ok_or(AppError::NotFound)?;
    let today = state.clock.today();
    let period = if current.period.has_ended(today) { current.period.next(today) } else { Period::starting(today) };
    let mut tx = state.db.begin_write().await?;
    if !current.period.has_ended(today) && !store::end_early(&mut tx, me.org(), me.person(), &current.id, today).await? {
        return Err(AppError::BadRequest("dialog-error-period-just-started"));
    }
    store::start(&mut tx, me.org(), me.person(), period, Some(&current.id), state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to("/dialog/agreement?notice=next-period").into_response())
}

/// The leader's comment (or reply) on their shared agreement.
pub async fn comment(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> AppResult<Response> {
    let agreement = store::current(&state.db, me.org(), me.person()).await?.ok_or(AppError::NotFound)?;
    let parsed = if Party::Leader.may_comment(agreement.shared_with_id.is_some()) {
        parse_comment(&page, &form)
    } else {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, None, "dialog-error-comment-not-shared");
        Err(errors)
    };
    let (text, point) = match parsed {
        Ok(parsed) => parsed,
        Err(errors) => {
            let mut body = render(&state, page, &me, None, errors, None).await?;
            if let Some(c) = body.conversation.as_mut() {
                c.typed = form.comment;
                c.typed_point = form.point;
            }
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    if !comments::add(&mut tx, me.org(), &agreement.id, me.person(), point.as_ref(), &text, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    let pair = AgreementPair { id: &agreement.id, leader: me.person(), shared_with: agreement.shared_with_id.as_ref() };
    notify::about_agreement(&mut tx, me.org(), pair, me.person(), Kind::AgreementCommented, state.clock.now()).await?;
    tx.commit().await?;
    notify::wake(&state);
    Ok(Redirect::to("/dialog/agreement?notice=commented#comment-form").into_response())
}
