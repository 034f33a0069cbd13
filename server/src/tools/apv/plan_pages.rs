//! Skema 3: the action plan for one chosen theme, with its eight fields, the
//! law's severity, extent and causes, and actions with owners and dates.
//! The group's leader fills it in with the group (on a shared screen); the
//! members and HR read it.

use super::content::{FieldText, PLAN_FIELDS};
use super::input::{optional_date, plan_text};
use super::store::{self, Action, Plan, PLAN_COLUMNS};
use super::{load_round, RoundContext};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::i18n::format;
use crate::state::AppState;
use crate::tools::group::store::{self as groups, Person};
use crate::web::forms::{FieldError, FormErrors};
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::{ApvActionId, ApvPlanId, PersonId};
use std::collections::HashMap;

/// One field of the form: its column, texts and value.
pub struct PlanField {
    pub name: &'static str,
    pub label: String,
    pub hint: String,
    pub value: String,
}

pub struct ActionLine {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: String,
    pub overdue: bool,
    pub done: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/apv/plan.html")]
pub struct PlanPage {
    pub page: Page,
    pub plan_id: String,
    pub round_id: String,
    pub group_name: String,
    pub theme: String,
    pub intro: String,
    pub may_edit: bool,
    /// Skema 3's eight questions, then the law's three.
    pub fields: Vec<PlanField>,
    pub law_fields: Vec<PlanField>,
    pub follow_up_on: String,
    pub actions: Vec<ActionLine>,
    pub members: Vec<Person>,
    pub action_form: ActionForm,
    pub min_date: String,
    pub notice: Option<String>,
    pub errors: FormErrors,
}

#[derive(Default, serde::Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_on: String,
}

/// The plan with its round, if the viewer may see the round.
async fn load_plan(state: &AppState, me: &Member, id: &str) -> AppResult<(Plan, RoundContext)> {
    let plan_id = ApvPlanId::parse(id).ok_or(AppError::NotFound)?;
    let plan = store::plan(&state.db, me.org(), &plan_id).await?.ok_or(AppError::NotFound)?;
    let ctx = load_round(state, me, plan.round_id.as_str()).await?;
    Ok((plan, ctx))
}

async fn editable(state: &AppState, me: &Member, id: &str) -> AppResult<(Plan, RoundContext)> {
    let (plan, ctx) = load_plan(state, me, id).await?;
    let allowed = ctx.may_lead();
    Ok((plan, ctx.open_for(allowed)?))
}

pub async fn plan(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<PlanPage> {
    let (plan, ctx) = load_plan(&state, &me, &id).await?;
    let notice = q.text(&page, "apv-notice-", &["plan-saved", "action-added", "action-updated", "action-deleted"]);
    let values = plan.fields.clone();
    let follow_up_on = plan.follow_up_on.map(|d| d.to_string()).unwrap_or_default();
    plan_page(&state, page, &me, plan, ctx, values, follow_up_on, ActionForm::default(), notice, FormErrors::default()).await
}

#[allow(clippy::too_many_arguments)]
async fn plan_page(
    state: &AppState,
    page: Page,
    me: &Member,
    plan: Plan,
    ctx: RoundContext,
    values: HashMap<String, String>,
    follow_up_on: String,
    action_form: ActionForm,
    notice: Option<String>,
    errors: FormErrors,
) -> AppResult<PlanPage> {
    let content = state.shipped.apv.get(page.lang);
    let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
    let theme = themes.iter().find(|t| t.revision_id.as_str() == plan.revision_id).map(|t| super::pages::theme_label(&page.tr, t)).unwrap_or_default();
    let field = |name: &'static str, text: &FieldText| PlanField {
        name,
        label: text.label.clone(),
        hint: text.hint.clone(),
        value: values.get(name).cloned().unwrap_or_default(),
    };
    let fields = PLAN_FIELDS.iter().filter_map(|k| Some(field(k, content.plan.field(k)?))).collect();
    let law_fields = vec![
        field("severity", &content.plan.severity),
        field("extent", &content.plan.extent),
        field("causes", &content.plan.causes),
    ];
    let today = state.clock.today();
    let actions = plan.actions.iter().map(|a| action_line(&page, a, today)).collect();
    Ok(PlanPage {
        plan_id: plan.id.to_string(),
        round_id: ctx.round.id.to_string(),
        group_name: ctx.group.name.clone(),
        theme,
        intro: content.plan.intro.clone(),
        may_edit: ctx.may_lead() && ctx.round.open,
        fields,
        law_fields,
        follow_up_on,
        actions,
        members: groups::members(&state.db, me.org(), &ctx.group.id).await?,
        action_form,
        min_date: today.to_string(),
        notice,
        errors,
        page,
    })
}

fn action_line(page: &Page, a: &Action, today: time::Date) -> ActionLine {
    ActionLine {
        id: a.id.to_string(),
        text: a.text.clone(),
        owner: a.owner_name.clone().unwrap_or_else(|| page.t("apv-action-no-owner")),
        due: format::date(page.lang, a.due_on),
        overdue: !a.done && a.due_on < today,
        done: a.done,
    }
}

/// Saves Skema 3's fields.
pub async fn save_plan(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (plan, ctx) = editable(&state, &me, &id).await?;
    let value = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let mut errors = FormErrors::default();
    let mut fields = HashMap::new();
    for column in PLAN_COLUMNS {
        if let Some(text) = errors.check(&page.tr, column, plan_text(&value(column))) {
            fields.insert(column.to_string(), text);
        }
    }
    let follow_up_on = errors.check(&page.tr, "follow_up_on", optional_date(&value("follow_up_on")));
    let Some(follow_up_on) = follow_up_on.filter(|_| errors.is_empty()) else {
        let typed: HashMap<String, String> = PLAN_COLUMNS.iter().map(|c| (c.to_string(), value(c))).collect();
        let body =
            plan_page(&state, page, &me, plan, ctx, typed, value("follow_up_on"), ActionForm::default(), None, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    match store::save_plan(&state.db, me.org(), &plan.id, &fields, follow_up_on, state.clock.now()).await? {
        Ok(()) => Ok(Redirect::to(&format!("/apv/plans/{}?notice=plan-saved", plan.id)).into_response()),
        Err(_) => Err(AppError::BadRequest("apv-error-round-closed")),
    }
}

/// Drops a chosen theme and its plan.
#[derive(Template, WebTemplate)]
#[template(path = "tools/apv/remove_plan.html")]
pub struct RemovePage {
    pub page: Page,
    pub plan_id: String,
    pub theme: String,
    /// How many fields of Skema 3 hold text, and how many actions it has:
    /// what is lost, said before it is.
    pub filled: usize,
    pub actions: usize,
}

/// Asks before a theme and its plan are removed: nothing of it comes back.
pub async fn confirm_remove(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<RemovePage> {
    let (plan, ctx) = editable(&state, &me, &id).await?;
    let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
    let theme = themes.iter().find(|t| t.revision_id.as_str() == plan.revision_id).map(|t| super::pages::theme_label(&page.tr, t)).unwrap_or_default();
    Ok(RemovePage {
        plan_id: plan.id.to_string(),
        theme,
        filled: plan.fields.values().filter(|v| !v.trim().is_empty()).count(),
        actions: plan.actions.len(),
        page,
    })
}

pub async fn remove_plan(
    State(state): State<AppState>,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let (plan, ctx) = editable(&state, &me, &id).await?;
    store::unchoose(&state.db, me.org(), &plan.id).await?;
    Ok(Redirect::to(&format!("/apv/rounds/{}/meeting?notice=removed#plans", ctx.round.id)).into_response())
}

/// Adds an action with an owner from the group and a due date.
pub async fn add_action(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> AppResult<Response> {
    let (plan, ctx) = editable(&state, &me, &id).await?;
    let members = groups::members(&state.db, me.org(), &ctx.group.id).await?;
    let mut errors = FormErrors::default();
    let text = errors.check(&page.tr, "text", domain::input::LongText::parse(&form.text));
    let due = errors.check(&page.tr, "due_on", domain::input::parse_date(&form.due_on));
    let owner = if form.owner.is_empty() {
        Some(None)
    } else {
        let found = members.iter().find(|m| m.id.as_str() == form.owner).map(|m| m.id.clone());
        if found.is_none() {
            errors.0.push(FieldError { field: Some("owner".into()), message: page.t("apv-error-owner") });
        }
        found.map(Some)
    };
    let (Some(text), Some(due), Some(owner), true) = (text, due, owner, errors.is_empty()) else {
        let values = plan.fields.clone();
        let follow = plan.follow_up_on.map(|d| d.to_string()).unwrap_or_default();
        let body = plan_page(&state, page, &me, plan, ctx, values, follow, form, None, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    store::add_action(&state.db, me.org(), &plan.id, text.as_str(), owner.as_ref(), due, state.clock.now()).await?;
    Ok(Redirect::to(&format!("/apv/plans/{}?notice=action-added#actions", plan.id)).into_response())
}

#[derive(serde::Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    done: String,
    /// "apv" when sent from the tool page's list of my actions.
    #[serde(default)]
    back: String,
}

/// Marks an action done or not done: the group's leader, or the action's owner.
pub async fn action_done(
    State(state): State<AppState>,
    me: Member,
    Path((id, action)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<DoneForm>,
) -> AppResult<Response> {
    let (plan, ctx) = load_plan(&state, &me, &id).await?;
    let action_id = ApvActionId::parse(&action).ok_or(AppError::NotFound)?;
    let action = plan.actions.iter().find(|a| a.id == action_id).ok_or(AppError::NotFound)?;
    let owns = action.owner_id.as_ref() == Some::<&PersonId>(me.person());
    if !(ctx.may_lead() || owns) {
        return Err(AppError::Forbidden);
    }
    store::set_action_done(&state.db, me.org(), &plan.id, &action_id, form.done == "1", state.clock.now()).await?;
    if form.back == "apv" {
        return Ok(Redirect::to("/apv?notice=action-done#my-actions").into_response());
    }
    Ok(Redirect::to(&format!("/apv/plans/{}?notice=action-updated#actions", plan.id)).into_response())
}

pub async fn delete_action(
    State(state): State<AppState>,
    me: Member,
    Path((id, action)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let (plan, _) = editable(&state, &me, &id).await?;
    let action_id = ApvActionId::parse(&action).ok_or(AppError::NotFound)?;
    store::delete_action(&state.db, me.org(), &plan.id, &action_id).await?;
    Ok(Redirect::to(&format!("/apv/plans/{}?notice=action-deleted#actions", plan.id)).into_response())
}
