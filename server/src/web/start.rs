//! The start page: what is due (rounds to answer, next steps I am
//! responsible for, today's ticks, dialogs this week, comments and lifted
//! points waiting for my answer), my leaders' shared agreements waiting for
//! me, my groups, and the tools; first, what is new for me ("Nyt til dig",
//! `notify`). Indexed queries, run at once; what is due
//! across the tools is one of them (`web::due`). What they read is kept in
//! memory until the database changes (`storage::cache`): a start page
//! reloaded asks nothing of the database.

use crate::auth::Member;
use crate::error::AppResult;
use crate::i18n::format;
use crate::state::AppState;
use crate::storage::Db;
use crate::tools::group::store::{groups_of, GroupLink};
use crate::tools::dialog::meetings_store as meetings;
use crate::tools::dialog::store as dialog;
use crate::tools::intro::view::tool_name;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use domain::ids::{OrgId, PersonId};
use std::sync::Arc;

/// An open round I have not answered.
pub struct DueAnswer {
    pub run_id: String,
    pub group_name: String,
    pub started: String,
}

/// A next step I am responsible for.
pub struct DueStep {
    pub run_id: String,
    pub group_name: String,
    pub tool: String,
    pub due: String,
    pub overdue: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "start.html")]
pub struct StartPage {
    page: Page,
    /// No leader agreement yet: with nothing due, the page points to the
    /// one step a leader can always take alone.
    first_step: bool,
    first_name: String,
    answers: Vec<DueAnswer>,
    steps: Vec<DueStep>,
    groups: Vec<GroupLink>,
    intro_title: String,
    intro_summary: String,
    is_admin: bool,
    today_ticks: Vec<crate::tools::dialog::store::TodayTick>,
    has_daily: bool,
    /// Weekly points whose line for this week is missing.
    weekly_due: Vec<(String, String)>,
    tick_back: &'static str,
    /// Dialogs with (or as) the nearest leader in the coming week: (id, with whom, when).
    dialogs_due: Vec<(String, String, String)>,
    dialog_title: String,
    dialog_summary: String,
    apv_title: String,
    apv_summary: String,
    collab_title: String,
    collab_summary: String,
    /// Tool 3 is for HR, top management, MED and AMO.
    may_read_plan: bool,
    plan_title: String,
    plan_summary: String,
    /// APV rounds where my Skema 1 is missing: (round id, group, deadline).
    apv_due: Vec<(String, String, Option<String>)>,
    /// Tool 2 checklists to fill in: (round id, group, meeting time).
    collab_due: Vec<(String, String, String)>,
    /// Group agreement points I own with a follow-up ahead: (round id, group, point, date, overdue).
    collab_points: Vec<(String, String, String, String, bool)>,
    /// Lifted points waiting for my answer: (inbox path, group name or none for the organisation, count).
    inboxes: Vec<(String, Option<String>, i64)>,
    /// The newest comment on my agreement is my nearest leader's.
    comment_waits: bool,
    /// "Mine ledere", for people with direct reports or a shared agreement.
    team: Option<TeamWaiting>,
    /// "Nyt til dig": unread news, newest first.
    news: Vec<crate::notify::view::NewsItem>,
}

/// Shared agreements waiting for my "agreed" mark or my answer.
pub struct TeamWaiting {
    pub to_agree: usize,
    pub to_answer: usize,
}

/// What the start page reads from the database for one person on one day.
pub struct StartData {
    groups: Vec<GroupLink>,
    due: super::due::Due,
    today_ticks: Vec<dialog::TodayTick>,
    dialogs: Vec<meetings::Dialog>,
    waiting: crate::team::store::Waiting,
    news: Vec<crate::notify::store::News>,
    /// The leader has begun a leader agreement (Tool 1) at some point.
    has_agreement: bool,
}

/// Whose start page, whether they are HR, and on which day.
pub type StartKey = (PersonId, bool, time::Date);

impl StartData {
    async fn read(db: &Db, org: &OrgId, person: &PersonId, is_admin: bool, now: time::OffsetDateTime) -> anyhow::Result<Arc<Self>> {
        let today = crate::i18n::format::local_date(now);
        let (groups, due, today_ticks, dialogs, waiting, news, agreement) = tokio::try_join!(
            groups_of(db, org, person),
            super::due::due_for(db, org, person, is_admin, today),
            dialog::ticks_today(db, org, person, today),
            meetings::upcoming(db, org, person, now),
            crate::team::store::waiting(db, org, person, today),
            crate::notify::store::unread(db, org, person),
            dialog::current(db, org, person),
        )?;
        let has_agreement = agreement.is_some();
        Ok(Arc::new(StartData { groups, due, today_ticks, dialogs, waiting, news, has_agreement }))
    }
}

pub async fn show(State(state): State<AppState>, page: Page, me: Member) -> AppResult<StartPage> {
    let (org, person) = (me.org(), me.person());
    // One reading of the clock: the kept page's day and its data agree.
    let now = state.clock.now();
    let today = format::local_date(now);
    let is_admin = me.m.roles.may_administer();
    let key = (person.clone(), is_admin, today);
    let data = state.kept.start.get_or_load(key, StartData::read(&state.db, org, person, is_admin, now)).await?;
    let StartData { groups, due, today_ticks, dialogs, waiting, news, has_agreement } = &*data;
    let dialogs_due = dialogs
        .iter()
        .filter(|d| d.starts_at <= now + time::Duration::days(7))
        .map(|d| {
            let other = if d.leader.id == *person { d.nearest.as_ref().map(|n| n.name.clone()) } else { Some(d.leader.name.clone()) };
            (d.id.to_string(), other.unwrap_or_default(), format::date_time(page.lang, d.starts_at))
        })
        .collect();
    let mut inboxes: Vec<(String, Option<String>, i64)> =
        due.inboxes.iter().map(|(id, name, n)| (format!("/groups/{id}/inbox"), Some(name.clone()), *n)).collect();
    if due.at_org > 0 {
        inboxes.push(("/admin/inbox".to_string(), None, due.at_org));
    }
    let has_team = due.reports > 0 || waiting.any_shared;
    let answers = due
        .intro_answers
        .iter()
        .map(|(run, group_name, created_at)| DueAnswer {
            run_id: run.to_string(),
            group_name: group_name.clone(),
            started: page.date_time(created_at),
        })
        .collect();
    let steps = due
        .intro_steps
        .iter()
        .map(|(run, group_name, tool, on)| DueStep {
            run_id: run.to_string(),
            group_name: group_name.clone(),
            tool: tool_name(&page.tr, *tool),
            due: format::date(page.lang, *on),
            overdue: *on < today,
        })
        .collect();
    let intro = state.shipped.intro.get(page.lang);
    let dialog = state.shipped.dialog.get(page.lang);
    Ok(StartPage {
        first_step: !*has_agreement,
        first_name: me.m.name.split_whitespace().next().unwrap_or_default().to_string(),
        answers,
        steps,
        groups: groups.clone(),
        intro_title: intro.title.clone(),
        intro_summary: intro.summary.clone(),
        is_admin,
        inboxes,
        has_daily: today_ticks.iter().any(|t| !t.weekly),
        weekly_due: today_ticks
            .iter()
            .filter(|t| t.weekly && t.kept.is_none())
            .map(|t| (t.point_id.to_string(), t.text.clone()))
            .collect(),
        today_ticks: today_ticks.clone(),
        tick_back: "/",
        dialogs_due,
        dialog_title: dialog.title.clone(),
        dialog_summary: dialog.summary.clone(),
        apv_title: state.shipped.apv.get(page.lang).title.clone(),
        apv_summary: state.shipped.apv.get(page.lang).summary.clone(),
        collab_title: state.shipped.collab.get(page.lang).title.clone(),
        collab_summary: state.shipped.collab.get(page.lang).summary.clone(),
        may_read_plan: me.m.roles.may_read_overview(),
        plan_title: state.shipped.plan.get(page.lang).title.clone(),
        plan_summary: state.shipped.plan.get(page.lang).summary.clone(),
        apv_due: due
            .apv_answers
            .iter()
            .map(|(round, group, deadline)| (round.to_string(), group.clone(), deadline.map(|d| format::date(page.lang, d))))
            .collect(),
        collab_due: due
            .collab_answers
            .iter()
            .map(|(round, group, at)| (round.to_string(), group.clone(), page.date_time(at)))
            .collect(),
        collab_points: due
            .collab_points
            .iter()
            .map(|(round, group, text, on)| (round.to_string(), group.clone(), text.clone(), format::date(page.lang, *on), *on < today))
            .collect(),
        team: has_team.then_some(TeamWaiting { to_agree: waiting.to_agree, to_answer: waiting.to_answer }),
        comment_waits: due.comment_waits,
        news: crate::notify::view::items(&page.tr, news),
        page,
    })
}
