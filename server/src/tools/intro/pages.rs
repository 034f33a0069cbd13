//! The introduction tool's pages: the tool page (why, how, my groups and
//! their rounds), a round's page (results and decision) and the answer form.

use super::input::DecisionForm;
use super::store::{self, RunItem};
use super::view::{self, DecisionView, Figures, GroupBlock, NamedTable};
use super::{load_run, RunContext};
use crate::auth::Member;
use crate::content::IntroContent;
use crate::error::{AppError, AppResult};
use crate::org::audit;
use crate::state::AppState;
use crate::tools::group::store::{self as groups, Person};
use crate::tools::promise::{Notice, RevealView};
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::response::{IntoResponse, Redirect, Response};
use domain::intro::{NextTool, Section};
use domain::promise::{Seat, Stage};
use rand::seq::SliceRandom;
use std::collections::HashMap;

#[derive(Template, WebTemplate)]
#[template(path = "tools/intro/index.html")]
pub struct ToolPage {
    pub page: Page,
    pub title: String,
    pub summary: String,
    pub why: Vec<String>,
    pub how: Vec<String>,
    pub mine: Vec<GroupBlock>,
    /// For HR: the organisation's other groups.
    pub others: Vec<GroupBlock>,
    pub is_hr: bool,
    pub errors: FormErrors,
}

pub async fn tool(State(state): State<AppState>, page: Page, me: Member) -> AppResult<ToolPage> {
    tool_page(&state, page, &me, FormErrors::default()).await
}

pub async fn tool_page(state: &AppState, page: Page, me: &Member, errors: FormErrors) -> AppResult<ToolPage> {
    let is_hr = me.m.roles.may_administer();
    let links = if is_hr {
        groups::all_groups(&state.db, me.org(), me.person()).await?
    } else {
        groups::groups_of(&state.db, me.org(), me.person()).await?
    };
    let runs = store::runs_visible(&state.db, me.org(), me.person(), is_hr).await?;
    let (mut mine, mut others) = (Vec::new(), Vec::new());
    for link in &links {
        let block = GroupBlock::new(&page.tr, link, &runs, is_hr);
        if link.i_lead || link.i_am_member {
            mine.push(block);
        } else {
            others.push(block);
        }
    }
    let content = state.shipped.intro.get(page.lang);
    let paragraphs = |s: &str| IntroContent::paragraphs(s).into_iter().map(str::to_string).collect();
    Ok(ToolPage {
        title: content.title.clone(),
        summary: content.summary.clone(),
        why: paragraphs(&content.why),
        how: paragraphs(&content.how),
        mine,
        others,
        is_hr,
        errors,
        page,
    })
}

pub struct ToolOption {
    pub code: &'static str,
    pub name: String,
    pub purpose: String,
}

/// The decision form, for whoever may record the decision on an open round.
pub struct DecideForm {
    pub members: Vec<Person>,
    pub tools: Vec<ToolOption>,
    pub form: DecisionForm,
    pub min_date: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/intro/run.html")]
pub struct RunPage {
    pub page: Page,
    pub group_id: String,
    pub group_name: String,
    pub run_id: String,
    pub started: String,
    pub open: bool,
    pub respondents: u32,
    pub answered_text: String,
    pub inside: bool,
    pub may_answer: bool,
    pub i_answered: bool,
    pub saved: bool,
    /// Just revealed by this viewer: the confirmation shows where they acted.
    pub revealed: bool,
    pub figures: Figures,
    /// `None` when the comments are withheld from this viewer.
    pub comments: Option<Vec<String>>,
    pub comments_needed: u32,
    pub named: Option<NamedTable>,
    /// What the round promised when it started.
    pub promise: Notice,
    /// Before the group has seen its picture: how many answered, and the
    /// form that reveals it (`tools/reveal.html`).
    pub reveal: Option<RevealView>,
    /// The group has seen its picture, so nobody answers any more.
    pub answers_ended: bool,
    pub decision: Option<DecisionView>,
    pub decide: Option<DecideForm>,
    pub errors: FormErrors,
}

#[derive(serde::Deserialize)]
pub struct RunQuery {
    saved: Option<String>,
    revealed: Option<String>,
}

pub async fn run(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<RunQuery>,
) -> AppResult<RunPage> {
    let ctx = load_run(&state, &me, &id).await?;
    let mut built = run_page(&state, page, &me, ctx, DecisionForm::default(), FormErrors::default()).await?;
    built.saved = q.saved.as_deref() == Some("1") && built.i_answered;
    built.revealed = q.revealed.as_deref() == Some("1") && built.answers_ended;
    Ok(built)
}

/// The round's page; also re-rendered with the decision form's errors.
pub async fn run_page(
    state: &AppState,
    page: Page,
    me: &Member,
    ctx: RunContext,
    form: DecisionForm,
    errors: FormErrors,
) -> AppResult<RunPage> {
    let RunContext { run, group, relation, is_hr, kept } = ctx;
    let (org, db) = (me.org(), &state.db);
    let audience = kept.seat.audience();
    let rule = kept.promise.rule;
    let respondents = u32::try_from(run.respondents).unwrap_or(0);
    let members = groups::members(db, org, &group.id).await?;
    let items = store::run_items(db, org, &run.id).await?;
    let content = state.shipped.intro.get(page.lang);
    let answers = store::answers(db, org, &run.id).await?;
    let stage = kept.stage(run.open);
    let figures = view::figures(page.lang, content, &items, &answers, respondents, stage, &rule, audience);
    let shown = matches!(figures, Figures::Shown(_));
    let comments = if shown && rule.may_show_free_text(audience, respondents) {
        let mut list = store::comments(db, org, &run.id).await?;
        // Shuffled, so the order does not follow who answered first.
        list.shuffle(&mut rand::rng());
        Some(list)
    } else {
        None
    };
    let named = if shown && kept.seat.may_see_names(&kept.promise) {
        Some(view::named_table(page.lang, &items, &store::named_answers(db, org, &run.id).await?))
    } else {
        None
    };
    if kept.seat == Seat::Outsider && shown {
        let mut conn = db.pool.acquire().await?;
        let target = format!("{} ({})", group.name, page.date_time(&run.created_at));
        audit::record(&mut conn, org, audit::Actor { person: Some(me.person()), name: &me.m.name }, "intro-results-read", &target, state.clock.now())
            .await?;
    }
    let leads = relation.may_decide(is_hr, group.leader_id.is_some());
    let answered_text = view::answered_text(&page.tr, run.respondents, members.len() as i64);
    let reveal = matches!(figures, Figures::UntilRevealed)
        .then(|| RevealView::new(format!("/intro/runs/{}/reveal", run.id), answered_text.clone(), leads, respondents));
    let decide = (run.open && leads).then(|| DecideForm {
        tools: NextTool::ALL
            .into_iter()
            .map(|t| ToolOption { code: t.code(), name: view::tool_name(&page.tr, t), purpose: view::tool_purpose(&page.tr, t) })
            .collect(),
        members: members.clone(),
        form,
        min_date: state.clock.today().to_string(),
    });
    Ok(RunPage {
        group_id: group.id.to_string(),
        group_name: group.name.clone(),
        run_id: run.id.to_string(),
        started: page.date_time(&run.created_at),
        open: run.open,
        respondents,
        answered_text,
        inside: kept.seat.may_answer(),
        may_answer: kept.may_answer(run.open),
        answers_ended: kept.seat.may_answer() && stage == Stage::Revealed,
        i_answered: run.i_answered,
        saved: false,
        revealed: false,
        figures,
        comments,
        comments_needed: rule.min_for_free_text(audience),
        named,
        promise: kept.summary(&page.tr),
        reveal,
        decision: run.decision.as_ref().map(|d| DecisionView::new(&page.tr, d, kept.seat.may_answer())),
        decide,
        errors,
        page,
    })
}

pub struct AnswerItem {
    pub rev: String,
    pub text: String,
    pub selected: String,
}

pub struct AnswerSection {
    pub title: String,
    pub intro: String,
    pub items: Vec<AnswerItem>,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/intro/answer.html")]
pub struct AnswerPage {
    pub page: Page,
    /// Where the form posts; the page serves every checklist on the
    /// five-point scale (this tool's statements, Tool 2's checklist).
    pub action: String,
    pub title: String,
    pub lead: String,
    /// Paragraphs above the form.
    pub intro: Vec<String>,
    pub group_name: String,
    /// What the round promised, told before anyone answers.
    pub promise: Notice,
    pub submitted_before: bool,
    pub sections: Vec<AnswerSection>,
    /// (value, label): the five scale points, then "don't know".
    pub scale: Vec<(String, String)>,
    pub comment_prompt: String,
    pub comment: String,
    pub errors: FormErrors,
}

pub async fn answer(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<Response> {
    let ctx = answerable(&state, &me, &id).await?;
    let Some(ctx) = ctx else {
        return Ok(Redirect::to(&format!("/intro/runs/{id}")).into_response());
    };
    let mine = store::my_answers(&state.db, me.org(), &ctx.run.id, me.person()).await?;
    let mut selected: HashMap<String, String> =
        mine.values.iter().map(|(rev, v)| (rev.clone(), v.get().to_string())).collect();
    let items = store::run_items(&state.db, me.org(), &ctx.run.id).await?;
    if mine.submitted {
        // An earlier "don't know" shows as chosen again.
        for item in &items {
            selected.entry(item.revision_id.to_string()).or_insert_with(|| "unknown".into());
        }
    }
    let comment = mine.comment.unwrap_or_default();
    Ok(answer_page(&state, page, &ctx, &items, &selected, comment, mine.submitted, FormErrors::default()).await?.into_response())
}

/// The round, if the viewer may answer it and it still takes answers;
/// `None` once the group has seen its picture or the round has closed.
pub async fn answerable(state: &AppState, me: &Member, id: &str) -> AppResult<Option<RunContext>> {
    let ctx = load_run(state, me, id).await?;
    if !ctx.kept.seat.may_answer() {
        return Err(AppError::Forbidden);
    }
    Ok(ctx.kept.may_answer(ctx.run.open).then_some(ctx))
}

#[allow(clippy::too_many_arguments)]
pub async fn answer_page(
    state: &AppState,
    page: Page,
    ctx: &RunContext,
    items: &[RunItem],
    selected: &HashMap<String, String>,
    comment: String,
    submitted_before: bool,
    errors: FormErrors,
) -> AppResult<AnswerPage> {
    let promise = ctx.kept.notice(&page.tr);
    let content = state.shipped.intro.get(page.lang);
    let sections = Section::ALL
        .into_iter()
        .filter_map(|section| {
            let items: Vec<AnswerItem> = items
                .iter()
                .filter(|i| i.section == section)
                .map(|i| AnswerItem {
                    rev: i.revision_id.to_string(),
                    text: i.text(page.lang).to_string(),
                    selected: selected.get(i.revision_id.as_str()).cloned().unwrap_or_default(),
                })
                .collect();
            let text = content.sections.get(section.code())?;
            (!items.is_empty()).then(|| AnswerSection { title: text.title.clone(), intro: text.intro.clone(), items })
        })
        .collect();
    let mut scale: Vec<(String, String)> =
        content.scale.iter().enumerate().map(|(i, label)| ((i + 1).to_string(), label.clone())).collect();
    scale.push(("unknown".into(), content.unknown.clone()));
    Ok(AnswerPage {
        action: format!("/intro/runs/{}/answer", ctx.run.id),
        title: page.t("intro-answer-title"),
        lead: page.t1("intro-answer-lead", "group", &ctx.group.name),
        intro: Vec::new(),
        group_name: ctx.group.name.clone(),
        promise,
        submitted_before,
        sections,
        scale,
        comment_prompt: content.comment_prompt.clone(),
        comment,
        errors,
        page,
    })
}

/// A refused answer form (this tool's or Tool 2's checklist): every problem
/// as a message naming the statement (`text_of` gives a revision's
/// wording), and what was chosen and written, so nothing has to be
/// answered again.
pub fn refused_answers(
    page: &Page,
    problems: Vec<super::input::AnswerError>,
    text_of: impl Fn(&str) -> String,
    pairs: &[(String, String)],
) -> (FormErrors, HashMap<String, String>, String) {
    use super::input::AnswerError;
    let mut errors = FormErrors::default();
    for problem in problems {
        let (field, message) = match problem {
            AnswerError::UnknownItem => (None, page.t("intro-error-item-unknown")),
            AnswerError::BadValue(rev) => (None, page.t1("intro-error-value-invalid", "statement", text_of(&rev))),
            AnswerError::Duplicate(rev) => (None, page.t1("intro-error-value-twice", "statement", text_of(&rev))),
            AnswerError::Comment(e) => (Some("comment"), page.t(e.key)),
        };
        errors.0.push(crate::web::forms::FieldError { field: field.map(Into::into), message });
    }
    let selected = pairs.iter().filter_map(|(k, v)| Some((k.strip_prefix(super::input::ANSWER_PREFIX)?.to_string(), v.clone()))).collect();
    let comment = pairs.iter().find(|(k, _)| k == "comment").map(|(_, v)| v.clone()).unwrap_or_default();
    (errors, selected, comment)
}
