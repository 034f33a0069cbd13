//! Tool 3's pages: the tool page (why, how, the process playbook, the
//! current plan, the anonymous overview, the inbox) and one page per step
//! with its meeting playbook. Each step's form saves every chosen theme at
//! once; a refused form comes back as typed and changes nothing.

use super::content::PlanContent;
use super::input::{self, fields, rows};
use super::sheet::{self, SheetTheme};
use super::store::{self, Edit, NotSaved, Plan, PlanTheme, Refused};
use super::{editable, load, overview, reader};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::content::IntroContent;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::tools::matrix::{MatrixView, QuadrantView, ThemeCard};
use crate::web::forms::FormErrors;
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::collab::Quadrant;
use domain::input::LongText;

fn paragraphs(s: &str) -> Vec<String> {
    IntroContent::paragraphs(s).into_iter().map(str::to_string).collect()
}

/// A plan in the list, and the step links.
pub struct PlanRow {
    pub id: String,
    pub title: String,
    pub started: String,
    pub open: bool,
    pub signed_off: Option<String>,
}

fn row(page: &Page, p: &Plan) -> PlanRow {
    PlanRow {
        id: p.id.to_string(),
        title: p.title.clone(),
        started: page.date_time(&p.created_at),
        open: p.open,
        signed_off: p.signed_off_on.map(|d| crate::i18n::format::date(page.lang, d)),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/plan/index.html")]
pub struct ToolPage {
    pub page: Page,
    pub content_title: String,
    pub summary: String,
    pub why: Vec<String>,
    pub how: Vec<String>,
    pub process: Vec<(String, Vec<String>)>,
    pub plans: Vec<PlanRow>,
    pub may_edit: bool,
    pub overview: Vec<overview::Line>,
    pub inbox_open: i64,
    pub title_typed: String,
    pub errors: FormErrors,
}

pub async fn tool(State(state): State<AppState>, page: Page, me: Member) -> AppResult<ToolPage> {
    tool_page(&state, page, &me, String::new(), FormErrors::default()).await
}

async fn tool_page(state: &AppState, page: Page, me: &Member, title_typed: String, errors: FormErrors) -> AppResult<ToolPage> {
    reader(me)?;
    let content = state.shipped.plan.get(page.lang);
    let plans = store::plans(&state.db, me.org()).await?;
    let o = overview::load(state, me).await?;
    Ok(ToolPage {
        content_title: content.title.clone(),
        summary: content.summary.clone(),
        why: paragraphs(&content.why),
        how: paragraphs(&content.how),
        process: content.process.iter().map(|p| (p.title.clone(), paragraphs(&p.text))).collect(),
        plans: plans.iter().map(|p| row(&page, p)).collect(),
        may_edit: me.m.roles.may_administer(),
        overview: overview::lines(&page, &o, me.m.rule.k),
        inbox_open: o.inbox_open,
        title_typed,
        errors,
        page,
    })
}

#[derive(serde::Deserialize)]
pub struct StartForm {
    #[serde(default)]
    title: String,
}

/// HR starts a new plan; the one before it is kept, closed, for reference.
pub async fn start(State(state): State<AppState>, page: Page, me: Member, CsrfForm(form): CsrfForm<StartForm>) -> AppResult<Response> {
    reader(&me)?;
    if !me.m.roles.may_administer() {
        return Err(AppError::Forbidden);
    }
    let title = form.title.trim();
    if title.is_empty() || title.chars().count() > 200 || title.chars().any(char::is_control) {
        let mut errors = FormErrors::default();
        errors.add_key(&page.tr, Some("title"), "plan-error-title");
        let body = tool_page(&state, page, &me, form.title.clone(), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    let id = store::start(&state.db, me.org(), me.person(), title, state.clock.now()).await?;
    Ok(Redirect::to(&format!("/plan/{id}/prepare")).into_response())
}

/// A chosen theme as the step pages show it: its place on the sheet and
/// what the steps wrote, as stored or as just typed.
pub struct ThemeView {
    pub n: usize,
    pub key: String,
    pub title: String,
    pub text: String,
    pub questions: Vec<String>,
    pub t: PlanTheme,
    /// The fingerprint of the step's fields the form was opened with
    /// (`store::Edit::fingerprint`), posted back as `seen-N`.
    pub seen: String,
    /// Step 3: the action card's recorded follow-ups, oldest first.
    pub history: Vec<String>,
}

/// What every step page has: the plan, the step, its meeting playbook.
pub struct StepFrame {
    pub id: String,
    pub title: String,
    pub step: &'static str,
    pub step_title: String,
    pub step_intro: String,
    pub open: bool,
    pub may_edit: bool,
    pub meeting_title: String,
    pub meeting_participants: String,
    pub agenda: Vec<(String, u32, String)>,
    pub meeting_minutes: u32,
    pub steps: Vec<(&'static str, String)>,
    pub notice: Option<String>,
}

fn frame(content: &PlanContent, page: &Page, me: &Member, plan: &Plan, step: &'static str, notice: Option<String>) -> StepFrame {
    let meeting = content.meetings.iter().find(|m| m.key == step);
    StepFrame {
        id: plan.id.to_string(),
        title: plan.title.clone(),
        step,
        step_title: content.step(step).title.clone(),
        step_intro: content.step(step).intro.clone(),
        open: plan.open,
        may_edit: plan.open && me.m.roles.may_administer(),
        meeting_title: meeting.map(|m| m.title.clone()).unwrap_or_default(),
        meeting_participants: meeting.map(|m| m.participants.clone()).unwrap_or_default(),
        agenda: meeting.map(|m| m.items.iter().map(|i| (i.title.clone(), i.minutes, i.text.clone())).collect()).unwrap_or_default(),
        meeting_minutes: meeting.map(|m| m.minutes).unwrap_or(0),
        steps: super::content::STEPS.iter().map(|s| (*s, content.step(s).title.clone())).collect(),
        notice: notice.map(|n| page.t(&n)),
    }
}

async fn chosen(state: &AppState, me: &Member, page: &Page, plan: &Plan) -> AppResult<(Vec<SheetTheme>, Vec<ThemeView>)> {
    let sheet = sheet::sheet(state, me.org(), page.lang).await?;
    let themes = store::themes(&state.db, me.org(), &plan.id).await?;
    let views = themes
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let on_sheet = sheet.iter().find(|s| s.key == t.theme);
            ThemeView {
                n: i + 1,
                key: t.theme.clone(),
                title: on_sheet.map(|s| s.title.clone()).unwrap_or_else(|| page.t("plan-theme-gone")),
                text: on_sheet.map(|s| s.text.clone()).unwrap_or_default(),
                questions: on_sheet.map(|s| s.questions.clone()).unwrap_or_default(),
                t,
                seen: String::new(),
                history: Vec::new(),
            }
        })
        .collect();
    Ok((sheet, views))
}

/// A step's form as posted: the themes as typed, and the fingerprints the
/// form was opened with, by theme.
pub struct Typed {
    themes: Vec<PlanTheme>,
    seen: std::collections::HashMap<String, String>,
}

/// The stored fingerprints of the step, then what was typed over them: a
/// form shown again keeps the fingerprints it was opened with, or after a
/// conflict the ones now stored, so saving again replaces what is stored.
fn show_typed(themes: &mut [ThemeView], step: StepForm, typed: Option<Typed>) {
    for v in themes.iter_mut() {
        v.seen = edit_of(step, &v.t).fingerprint();
    }
    if let Some(Typed { themes: typed, seen }) = typed {
        for t in typed {
            let Some(v) = themes.iter_mut().find(|v| v.key == t.theme) else { continue };
            if let Some(s) = seen.get(&t.theme) {
                v.seen = s.clone();
            }
            v.t = t;
        }
    }
}

/// "12.03.2027 kl. 10.15: I gang, næste opfølgning 01.06.2027 (Hanne)".
pub fn history_line(page: &Page, note: &store::StatusNote) -> String {
    let by = note.by.clone().unwrap_or_else(|| page.t("plan-history-deleted"));
    let status = page.t(&format!("plan-status-{}", note.status.code()));
    let mut args = vec![("at", page.date_time(&note.at)), ("status", status), ("by", by)];
    let key = match note.follow_up_on {
        Some(d) => {
            args.push(("next", crate::i18n::format::date(page.lang, d)));
            "plan-history-line"
        }
        None => "plan-history-line-no-date",
    };
    page.tr.t_args(key, &args)
}

/// A form refused for a conflict is shown again with what is stored now as
/// its base: the conflicting themes as typed (saving again replaces them on
/// purpose), the themes it left as they were as stored.
fn rebase(step: StepForm, typed: &mut [PlanTheme], seen: &mut std::collections::HashMap<String, String>, stored: &[PlanTheme], conflicts: &[String]) {
    for t in typed.iter_mut() {
        let (Some(now), Some(was)) = (stored.iter().find(|s| s.theme == t.theme), seen.get(&t.theme).cloned()) else { continue };
        let now_seen = edit_of(step, now).fingerprint();
        if conflicts.contains(&t.theme) {
            seen.insert(t.theme.clone(), now_seen);
        } else if edit_of(step, t).fingerprint() == was {
            *t = now.clone();
            seen.insert(t.theme.clone(), now_seen);
        }
    }
}

/// A step's fields of a theme.
fn edit_of(step: StepForm, t: &PlanTheme) -> Edit<'_> {
    match step {
        StepForm::Mapping => Edit::Mapping { known: &t.known, sources: &t.sources, need_more: &t.need_more },
        StepForm::Unfold => Edit::Unfold { unfold: &t.unfold },
        StepForm::Cards => Edit::Card(&t.card),
    }
}

fn notice(q: &NoticeQuery) -> Option<String> {
    q.notice.as_deref().filter(|n| ["saved", "placed", "decided", "signoff-withdrawn", "taken"].contains(n)).map(|n| format!("plan-notice-{n}"))
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/plan/prepare.html")]
pub struct PreparePage {
    pub page: Page,
    pub f: StepFrame,
    /// The sheet with whether each theme is chosen.
    pub sheet: Vec<(SheetTheme, bool)>,
    pub themes: Vec<ThemeView>,
    pub labels: [(String, String); 3],
    pub overview: Vec<overview::Line>,
    /// For HR: the themes lifted to the organisation, open ones first; the
    /// inbox is HR's, so readers do not see it here.
    pub lifts: Vec<crate::thread::view::LiftView>,
    /// The newest APV campaign's picture across the organisation, if any.
    pub apv: Option<super::apv_picture::ApvSummary>,
    pub errors: FormErrors,
}

pub async fn prepare(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>, Query(q): Query<NoticeQuery>) -> AppResult<PreparePage> {
    let plan = load(&state, &me, &id).await?;
    prepare_page(&state, page, &me, &plan, None, FormErrors::default(), notice(&q)).await
}

async fn prepare_page(state: &AppState, page: Page, me: &Member, plan: &Plan, typed: Option<Typed>, errors: FormErrors, notice: Option<String>) -> AppResult<PreparePage> {
    let content = state.shipped.plan.get(page.lang);
    let (sheet, mut themes) = chosen(state, me, &page, plan).await?;
    show_typed(&mut themes, StepForm::Mapping, typed);
    let o = overview::load(state, me).await?;
    let lifts = if me.m.roles.may_administer() {
        let mut arrived = crate::thread::store::org_inbox(&state.db, me.org(), me.person()).await?;
        arrived.sort_by_key(|l| !l.answered.status.is_open());
        let none = FormErrors::default();
        let shown = crate::thread::view::Shown { page: &page, own_list: false, may_answer: false, may_lift_on: false, base: "", typed: None, errors: &none };
        arrived.iter().map(|l| crate::thread::view::lift(l, &shown)).collect()
    } else {
        Vec::new()
    };
    let m = &content.mapping;
    Ok(PreparePage {
        f: frame(content, &page, me, plan, "prepare", notice),
        sheet: sheet.into_iter().map(|s| {
            let on = themes.iter().any(|t| t.key == s.key);
            (s, on)
        }).collect(),
        themes,
        labels: [(m.known.clone(), m.known_hint.clone()), (m.sources.clone(), m.sources_hint.clone()), (m.need_more.clone(), m.need_more_hint.clone())],
        overview: overview::lines(&page, &o, me.m.rule.k),
        lifts,
        apv: super::apv_picture::newest(state, &page, me).await?,
        errors,
        page,
    })
}

/// Step 1: the themes chosen from the sheet.
pub async fn choose(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>, CsrfForm(pairs): CsrfForm<Vec<(String, String)>>) -> AppResult<Response> {
    let plan = editable(&state, &me, &id).await?;
    let sheet = sheet::sheet(&state, me.org(), page.lang).await?;
    let picked: Vec<&str> = pairs.iter().filter(|(k, _)| k == "theme").map(|(_, v)| v.as_str()).collect();
    if picked.iter().any(|p| !sheet.iter().any(|s| s.key == *p)) {
        return Err(AppError::BadRequest("plan-error-theme-unknown"));
    }
    // In the sheet's order, so the steps list them as the sheet does.
    let keys: Vec<String> = sheet.iter().filter(|s| picked.contains(&s.key.as_str())).map(|s| s.key.clone()).collect();
    match store::choose(&state.db, me.org(), &plan.id, me.person(), &keys, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/plan/{}/prepare?notice=saved#mapping", plan.id)).into_response()),
        Err(Refused::Closed) => Err(AppError::BadRequest("plan-error-closed")),
    }
}


/// Which step's form is saved: what it reads from a theme's row, what it
/// writes, and the page that shows it again when refused.
#[derive(Clone, Copy)]
enum StepForm {
    Mapping,
    Unfold,
    Cards,
}

/// Step 1: what we know about each chosen theme, and where we need more.
pub async fn save_mapping(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>, CsrfForm(pairs): CsrfForm<Vec<(String, String)>>) -> AppResult<Response> {
    save_step(&state, page, &me, &id, &pairs, StepForm::Mapping).await
}

/// Step 2: how the organisation will work with each chosen theme.
pub async fn save_unfold(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>, CsrfForm(pairs): CsrfForm<Vec<(String, String)>>) -> AppResult<Response> {
    save_step(&state, page, &me, &id, &pairs, StepForm::Unfold).await
}

/// Step 3: the action card of every chosen theme.
pub async fn save_cards(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>, CsrfForm(pairs): CsrfForm<Vec<(String, String)>>) -> AppResult<Response> {
    save_step(&state, page, &me, &id, &pairs, StepForm::Cards).await
}

/// Reads every posted row of a step's form; any refusal shows the form as
/// typed and saves nothing; else writes the posted themes. A theme another
/// HR admin saved differently since the form was opened refuses the save
/// and names the theme; the form comes back as typed, and saving it again
/// replaces theirs.
async fn save_step(state: &AppState, page: Page, me: &Member, id: &str, pairs: &[(String, String)], step: StepForm) -> AppResult<Response> {
    let plan = editable(state, me, id).await?;
    let current = store::themes(&state.db, me.org(), &plan.id).await?;
    let keys: Vec<String> = current.iter().map(|t| t.theme.clone()).collect();
    let f = fields(pairs);
    let mut errors = FormErrors::default();
    let mut typed = current.clone();
    let mut seen = std::collections::HashMap::new();
    // Only the rows the form posted are written, so a theme it did not
    // show keeps what others wrote.
    let posted: Vec<String> = rows(&f, &keys).into_iter().map(|(_, k)| k.to_string()).collect();
    for (n, key) in rows(&f, &keys) {
        let t = typed.iter_mut().find(|t| t.theme == key).expect("rows are chosen themes");
        if let Some(s) = f.get(format!("seen-{n}").as_str()) {
            seen.insert(key.to_string(), s.to_string());
        }
        let mut text = |field: &str| input::text(&page.tr, &mut errors, &f, field, n);
        match step {
            StepForm::Mapping => {
                t.known = text("known");
                t.sources = text("sources");
                t.need_more = text("need_more");
            }
            StepForm::Unfold => t.unfold = text("unfold"),
            StepForm::Cards => t.card = input::card(&page.tr, &mut errors, &f, n),
        }
    }
    if errors.is_empty() {
        let edits: Vec<store::Saving<'_>> = typed
            .iter()
            .filter(|t| posted.contains(&t.theme))
            .map(|t| store::Saving { theme: t.theme.clone(), edit: edit_of(step, t), seen: seen.get(&t.theme).cloned() })
            .collect();
        match store::save(&state.db, me.org(), &plan.id, me.person(), &edits, state.clock.now()).await? {
            Ok(()) => return saved(Ok(()), &plan, step),
            Err(NotSaved::Refused(r)) => return saved(Err(r), &plan, step),
            Err(NotSaved::Conflict(themes)) => {
                let stored = store::themes(&state.db, me.org(), &plan.id).await?;
                rebase(step, &mut typed, &mut seen, &stored, &themes);
                let sheet = sheet::sheet(state, me.org(), page.lang).await?;
                let titles: Vec<String> =
                    themes.iter().map(|k| sheet.iter().find(|s| s.key == *k).map_or_else(|| k.clone(), |s| s.title.clone())).collect();
                let message = page.t1("plan-error-conflict", "themes", titles.join(", "));
                errors.0.push(crate::web::forms::FieldError { field: None, message });
            }
        }
    }
    let typed = Some(Typed { themes: typed, seen });
    let body = match step {
        StepForm::Mapping => prepare_page(state, page, me, &plan, typed, errors, None).await?.into_response(),
        StepForm::Unfold => qualify_page(state, page, me, &plan, typed, errors, None).await?.into_response(),
        StepForm::Cards => concretise_page(state, page, me, &plan, typed, None, errors, None).await?.into_response(),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}

fn saved(r: Result<(), Refused>, plan: &Plan, step: StepForm) -> AppResult<Response> {
    let (step, anchor) = match step {
        StepForm::Mapping => ("prepare", "mapping"),
        StepForm::Unfold => ("qualify", "unfold"),
        StepForm::Cards => ("concretise", "cards"),
    };
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/plan/{}/{step}?notice=saved#{anchor}", plan.id)).into_response()),
        Err(Refused::Closed) => Err(AppError::BadRequest("plan-error-closed")),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/plan/qualify.html")]
pub struct QualifyPage {
    pub page: Page,
    pub f: StepFrame,
    pub themes: Vec<ThemeView>,
    pub unfold: (String, String),
    pub matrix: MatrixView,
    /// Where the matrix's cards post (the collab matrix template is shared).
    pub matrix_action: String,
    pub matrix_editable: bool,
    pub errors: FormErrors,
}

pub async fn qualify(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>, Query(q): Query<NoticeQuery>) -> AppResult<QualifyPage> {
    let plan = load(&state, &me, &id).await?;
    qualify_page(&state, page, &me, &plan, None, FormErrors::default(), notice(&q)).await
}

async fn qualify_page(state: &AppState, page: Page, me: &Member, plan: &Plan, typed: Option<Typed>, errors: FormErrors, notice: Option<String>) -> AppResult<QualifyPage> {
    let content = state.shipped.plan.get(page.lang);
    let (_, mut themes) = chosen(state, me, &page, plan).await?;
    show_typed(&mut themes, StepForm::Unfold, typed);
    let card = |t: &ThemeView| ThemeCard {
        key: t.key.clone(),
        title: t.title.clone(),
        placed: t.t.quadrant.map(|q| q.code()).unwrap_or(""),
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
                cards: themes.iter().filter(|t| t.t.quadrant == Some(q)).map(card).collect(),
            })
            .collect(),
        unplaced: themes.iter().filter(|t| t.t.quadrant.is_none()).map(card).collect(),
        options: Quadrant::ALL.into_iter().map(|q| (q.code(), content.matrix.quadrant(q).title.clone())).collect(),
    };
    Ok(QualifyPage {
        f: frame(content, &page, me, plan, "qualify", notice),
        unfold: (content.qualify.unfold.clone(), content.qualify.unfold_hint.clone()),
        matrix_action: format!("/plan/{}/matrix", plan.id),
        matrix_editable: plan.open && me.m.roles.may_administer(),
        matrix,
        themes,
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

/// Step 2: a chosen theme placed in the matrix (or taken off it).
pub async fn place(State(state): State<AppState>, me: Member, Path(id): Path<String>, CsrfForm(form): CsrfForm<PlaceForm>) -> AppResult<Response> {
    let plan = editable(&state, &me, &id).await?;
    // The theme is checked against the plan's chosen themes by the store.
    let quadrant = match form.quadrant.trim() {
        "" => None,
        q => Some(Quadrant::parse(q).ok_or(AppError::BadRequest("error-collab-quadrant-unknown"))?),
    };
    match store::place(&state.db, me.org(), &plan.id, form.theme.trim(), quadrant).await? {
        Ok(true) => Ok(Redirect::to(&format!("/plan/{}/qualify?notice=placed#matrix", plan.id)).into_response()),
        Ok(false) => Err(AppError::BadRequest("plan-error-theme-unknown")),
        Err(Refused::Closed) => Err(AppError::BadRequest("plan-error-closed")),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/plan/concretise.html")]
pub struct ConcretisePage {
    pub page: Page,
    pub f: StepFrame,
    pub themes: Vec<ThemeView>,
    pub card_intro: String,
    pub labels: CardLabels,
    /// (code, label) of each card status.
    pub statuses: Vec<(&'static str, String)>,
    pub top_intro: String,
    pub signoff_intro: String,
    pub top: [String; 2],
    pub signed_off_on: String,
    pub signed_off_by: String,
    pub signoff_note: String,
    pub errors: FormErrors,
}

pub struct CardLabels {
    pub goal: String,
    pub actions: String,
    pub owner: String,
    pub owner_hint: String,
    pub starts_on: String,
    pub deadline: String,
    pub measure: String,
    pub follow_up: String,
    pub follow_up_on: String,
    pub signoff_by: String,
    pub signoff_note: String,
}

pub async fn concretise(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>, Query(q): Query<NoticeQuery>) -> AppResult<ConcretisePage> {
    let plan = load(&state, &me, &id).await?;
    concretise_page(&state, page, &me, &plan, None, None, FormErrors::default(), notice(&q)).await
}

/// What the decision form says, as typed.
pub struct DecisionTyped {
    pub top: [String; 2],
    pub on: String,
    pub by: String,
    pub note: String,
}

#[allow(clippy::too_many_arguments)]
async fn concretise_page(
    state: &AppState,
    page: Page,
    me: &Member,
    plan: &Plan,
    typed: Option<Typed>,
    decision: Option<DecisionTyped>,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<ConcretisePage> {
    let content = state.shipped.plan.get(page.lang);
    let (_, mut themes) = chosen(state, me, &page, plan).await?;
    show_typed(&mut themes, StepForm::Cards, typed);
    for note in store::status_log(&state.db, me.org(), &plan.id).await? {
        if let Some(v) = themes.iter_mut().find(|v| v.key == note.theme) {
            v.history.push(history_line(&page, &note));
        }
    }
    let top_of = |n: i64| themes.iter().find(|t| t.t.top == Some(n)).map(|t| t.key.clone()).unwrap_or_default();
    let d = decision.unwrap_or_else(|| DecisionTyped {
        top: [top_of(1), top_of(2)],
        on: plan.signed_off_on.map(|d| d.to_string()).unwrap_or_default(),
        by: plan.signed_off_by.clone(),
        note: plan.signoff_note.clone(),
    });
    let c = &content.card;
    Ok(ConcretisePage {
        f: frame(content, &page, me, plan, "concretise", notice),
        card_intro: c.intro.clone(),
        labels: CardLabels {
            goal: c.goal.clone(),
            actions: c.actions.clone(),
            owner: c.owner.clone(),
            owner_hint: c.owner_hint.clone(),
            starts_on: c.starts_on.clone(),
            deadline: c.deadline.clone(),
            measure: c.measure.clone(),
            follow_up: c.follow_up.clone(),
            follow_up_on: page.t("plan-follow-up-on"),
            signoff_by: content.plan.signoff_by.clone(),
            signoff_note: content.plan.signoff_note.clone(),
        },
        statuses: store::Status::ALL.into_iter().map(|s| (s.code(), page.t(&format!("plan-status-{}", s.code())))).collect(),
        top_intro: content.plan.top_intro.clone(),
        signoff_intro: content.plan.signoff_intro.clone(),
        top: d.top,
        signed_off_on: d.on,
        signed_off_by: d.by,
        signoff_note: d.note,
        themes,
        errors,
        page,
    })
}


/// Step 3: the plan's two most important points and top management's sign-off.
pub async fn decide(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>, CsrfForm(pairs): CsrfForm<Vec<(String, String)>>) -> AppResult<Response> {
    let plan = editable(&state, &me, &id).await?;
    let current = store::themes(&state.db, me.org(), &plan.id).await?;
    let f = fields(&pairs);
    let value = |k: &str| f.get(k).copied().unwrap_or("").trim().to_string();
    let typed = DecisionTyped { top: [value("top-1"), value("top-2")], on: value("signed_off_on"), by: value("signed_off_by"), note: value("signoff_note") };
    let mut errors = FormErrors::default();
    for (i, t) in typed.top.iter().enumerate() {
        if !t.is_empty() && !current.iter().any(|c| c.theme == *t) {
            errors.add_key_at(&page.tr, format!("top-{}", i + 1), "plan-error-theme-unknown");
        }
    }
    if !typed.top[0].is_empty() && typed.top[0] == typed.top[1] {
        errors.add_key(&page.tr, Some("top-2"), "plan-error-top-twice");
    }
    let on = if typed.on.is_empty() {
        None
    } else {
        errors.check(&page.tr, "signed_off_on", domain::input::parse_date(&typed.on))
    };
    if on.is_some() != !typed.by.is_empty() {
        errors.add_key(&page.tr, Some("signed_off_by"), "plan-error-signoff-both");
    }
    if typed.by.chars().count() > 200 || typed.by.chars().any(char::is_control) {
        errors.add_key(&page.tr, Some("signed_off_by"), "plan-error-title");
    }
    let note = errors.check(&page.tr, "signoff_note", LongText::parse_optional(&typed.note));
    if !errors.is_empty() {
        let body = concretise_page(&state, page, &me, &plan, None, Some(typed), errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    let note = note.flatten().map(|n| n.as_str().to_string()).unwrap_or_default();
    let top = [Some(typed.top[0].as_str()).filter(|t| !t.is_empty()), Some(typed.top[1].as_str()).filter(|t| !t.is_empty())];
    let d = store::Decision { top, signed_off_on: on, signed_off_by: &typed.by, signoff_note: &note };
    match store::decide(&state.db, me.org(), &plan.id, me.person(), &d).await? {
        Ok(store::SignOff::AsSent) => Ok(Redirect::to(&format!("/plan/{}/concretise?notice=decided#decision", plan.id)).into_response()),
        Ok(store::SignOff::Withdrawn) => Ok(Redirect::to(&format!("/plan/{}/concretise?notice=signoff-withdrawn#decision", plan.id)).into_response()),
        Err(Refused::Closed) => Err(AppError::BadRequest("plan-error-closed")),
    }
}
