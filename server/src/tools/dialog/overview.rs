//! The tool's own page: why and how, the three steps with where the leader
//! stands in each, the coming dialogs, and the follow-up of the current period.

use super::agreement::{kind_title, Reader};
use super::meetings_store as meetings;
use super::store::{self, TodayTick};
use super::{nearest_leader, period_text, pictures};
use crate::auth::Member;
use crate::catalogue::store as catalogue;
use crate::content::IntroContent;
use crate::error::AppResult;
use crate::i18n::format;
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use domain::agreement::Rhythm;

/// A coming dialog the viewer takes part in, as leader or as nearest leader.
pub struct DialogRow {
    pub id: String,
    pub with_name: String,
    pub when: String,
    pub place: String,
}

pub struct FollowRow {
    pub id: String,
    pub kind_title: String,
    pub text: String,
    pub rhythm_name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/dialog/index.html")]
pub struct OverviewPage {
    pub page: Page,
    pub title: String,
    pub summary: String,
    pub why: Vec<String>,
    pub how: Vec<String>,
    pub figure_svg: String,
    pub figure_caption: String,
    pub figure_description: String,
    pub prompts: usize,
    pub notes: usize,
    pub period: Option<String>,
    pub days_left: i64,
    pub ended: bool,
    pub point_count: usize,
    pub shared_count: usize,
    pub agreed_by_leader: bool,
    pub agreed_by_nearest: bool,
    pub nearest_name: Option<String>,
    pub today_ticks: Vec<TodayTick>,
    pub has_daily: bool,
    pub tick_back: &'static str,
    pub follow: Vec<FollowRow>,
    pub earlier: Vec<String>,
    pub dialogs: Vec<DialogRow>,
}

pub async fn show(State(state): State<AppState>, page: Page, me: Member) -> AppResult<OverviewPage> {
    let (db, org, person) = (&state.db, me.org(), me.person());
    let today = state.clock.today();
    let now = state.clock.now();
    let (items, notes, agreement, history, nearest, dialogs) = tokio::try_join!(
        catalogue::items(db, org, "dialog"),
        super::notes::notes(db, org, person),
        store::current(db, org, person),
        store::history(db, org, person),
        async { nearest_leader(&state, &me).await.map_err(|e| anyhow::anyhow!("{e}")) },
        meetings::upcoming(db, org, person, now),
    )?;
    let dialogs = dialogs
        .iter()
        .map(|d| DialogRow {
            id: d.id.to_string(),
            with_name: if d.leader.id == *person {
                d.nearest.as_ref().map(|n| n.name.clone()).unwrap_or_default()
            } else {
                d.leader.name.clone()
            },
            when: format::date_time(page.lang, d.starts_at),
            place: d.place.clone(),
        })
        .collect();
    let prompts: Vec<_> = items.iter().filter(|i| !i.hidden).collect();
    let points = match &agreement {
        Some(a) => store::points(db, org, &a.id).await?,
        None => Vec::new(),
    };
    let today_ticks = store::ticks_today(db, org, person, today).await?;
    let content = state.shipped.dialog.get(page.lang);
    let paragraphs = |s: &str| IntroContent::paragraphs(s).into_iter().map(str::to_string).collect();
    let follow = points
        .iter()
        .filter(|p| p.rhythm != Rhythm::None)
        .map(|p| FollowRow {
            id: p.id.to_string(),
            kind_title: kind_title(&page, p.kind, Reader::Leader),
            text: p.text.clone(),
            rhythm_name: page.t(&format!("dialog-rhythm-{}", p.rhythm.as_str())),
        })
        .collect();
    let earlier = history
        .iter()
        .skip(1)
        .map(|a| period_text(&page, &a.period))
        .collect();
    Ok(OverviewPage {
        title: content.title.clone(),
        summary: content.summary.clone(),
        why: paragraphs(&content.why),
        how: paragraphs(&content.how),
        figure_svg: pictures::all_the_way_round(&content.figure),
        figure_caption: content.figure.caption.clone(),
        figure_description: content.figure.description.clone(),
        prompts: prompts.len(),
        notes: prompts.iter().filter(|i| notes.contains_key(&i.id)).count(),
        period: agreement.as_ref().map(|a| period_text(&page, &a.period)),
        days_left: agreement.as_ref().map(|a| a.period.days_left(today)).unwrap_or(0),
        ended: agreement.as_ref().is_some_and(|a| a.period.has_ended(today)),
        point_count: points.len(),
        shared_count: points.iter().filter(|p| p.shared).count(),
        agreed_by_leader: agreement.as_ref().is_some_and(|a| a.agreed_by_leader_at.is_some()),
        agreed_by_nearest: agreement.as_ref().is_some_and(|a| a.agreed_by_nearest_at.is_some()),
        nearest_name: nearest.map(|n| n.name),
        has_daily: today_ticks.iter().any(|t| !t.weekly),
        today_ticks,
        tick_back: "/dialog",
        follow,
        earlier,
        dialogs,
        page,
    })
}
