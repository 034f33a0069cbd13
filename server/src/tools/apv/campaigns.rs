//! Campaigns: HR starts a round in many groups at once with one variant and
//! deadline, follows participation, and reads the anonymous colour map of
//! the closed rounds across groups, narrowed by unit and group, with the
//! change since the campaign before. Top management, the works council and
//! the safety organisation read the same overview; only HR starts one.

use super::chart::{colour_map, Row};
use super::pages::{colour_text, colours, tool_page, variant_name};
use super::store::{self, Campaign, CampaignTheme, NewCampaign, Participation};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::catalogue;
use crate::error::{AppError, AppResult};
use crate::i18n::format;
use crate::org::{audit, units};
use crate::state::AppState;
use crate::tools::group::store as groups;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::apv::overview::{percent, Withheld};
use domain::apv::{by_urgency, Colour, ThemeTally, Variant};
use domain::ids::{ApvCampaignId, GroupId};
use domain::input::CampaignTitle;

/// Above this many groups the page lists only what helps (see `campaign`).
const MAX_LISTED: usize = 200;

/// A campaign in the tool page's list.
pub struct CampaignLine {
    pub id: String,
    pub title: String,
    pub started: String,
    pub deadline: Option<String>,
    pub variant: String,
}

/// The tool page's campaign section, for those who read overviews.
pub struct CampaignsBlock {
    pub lines: Vec<CampaignLine>,
    /// (id, name) of every group, for HR's start form.
    pub groups: Vec<(String, String)>,
    pub may_start: bool,
    /// The start form's title and deadline as typed, shown again when refused.
    pub title: String,
    pub deadline: String,
}

pub async fn block(state: &AppState, page: &Page, me: &Member) -> AppResult<Option<CampaignsBlock>> {
    let roles = &me.m.roles;
    if !roles.may_read_overview() {
        return Ok(None);
    }
    let lines = store::campaigns(&state.db, me.org())
        .await?
        .iter()
        .map(|c| CampaignLine {
            id: c.id.to_string(),
            title: c.title.clone(),
            started: page.date_time(&c.created_at),
            deadline: c.deadline.map(|d| format::date(page.lang, d)),
            variant: variant_name(&page.tr, c.variant),
        })
        .collect();
    let may_start = roles.may_administer();
    let groups = if may_start {
        groups::all_groups(&state.db, me.org(), me.person()).await?.into_iter().map(|g| (g.id.to_string(), g.name)).collect()
    } else {
        Vec::new()
    };
    Ok(Some(CampaignsBlock { lines, groups, may_start, title: String::new(), deadline: String::new() }))
}

#[derive(serde::Deserialize)]
pub struct StartForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    variant: String,
    #[serde(default)]
    deadline: String,
    #[serde(default)]
    group: Vec<String>,
}

/// HR starts a campaign: a round in each chosen group that has none open.
pub async fn start(State(state): State<AppState>, page: Page, me: Member, CsrfForm(form): CsrfForm<StartForm>) -> AppResult<Response> {
    if !me.m.roles.may_administer() {
        return Err(AppError::Forbidden);
    }
    let all = groups::all_groups(&state.db, me.org(), me.person()).await?;
    let mut errors = FormErrors::default();
    let title = errors.check(&page.tr, "title", CampaignTitle::parse(&form.title));
    let variant = errors.check(&page.tr, "variant", Variant::parse(&form.variant));
    let deadline = errors.check(&page.tr, "campaign-deadline", domain::input::parse_date(&form.deadline));
    if deadline.is_some_and(|d| d < state.clock.today()) {
        errors.add_key(&page.tr, Some("campaign-deadline"), "apv-error-deadline-past");
    }
    let chosen: Option<Vec<GroupId>> = form.group.iter().map(|id| all.iter().find(|g| g.id.as_str() == id).map(|g| g.id.clone())).collect();
    match &chosen {
        None => errors.add_key(&page.tr, Some("groups"), "apv-error-campaign-unknown-group"),
        Some(list) if list.is_empty() => errors.add_key(&page.tr, Some("groups"), "apv-error-campaign-no-groups"),
        Some(_) => {}
    }
    let (Some(title), Some(variant), Some(deadline), Some(chosen), true) = (title, variant, deadline, chosen, errors.is_empty()) else {
        let mut body = tool_page(&state, page, &me, errors).await?;
        if let Some(block) = body.campaigns.as_mut() {
            (block.title, block.deadline) = (form.title, form.deadline);
        }
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    };
    let items = catalogue::store::items(&state.db, me.org(), "apv").await?;
    let new = NewCampaign { title: title.as_str(), variant, deadline, groups: &chosen, by: me.person() };
    let started = store::start_campaign(&state.db, me.org(), new, &items, &super::other_keys(&state.shipped), state.clock.now()).await?;
    super::mail::invite_soon(&state, me.org());
    let mut conn = state.db.pool.acquire().await?;
    audit::record(&mut conn, me.org(), audit::Actor { person: Some(me.person()), name: &me.m.name }, "apv-campaign-started", title.as_str(), state.clock.now())
        .await?;
    Ok(Redirect::to(&format!("/apv/campaigns/{}?started={}&skipped={}", started.id, started.rounds, started.already_open)).into_response())
}

/// The chosen view; an empty value is "all".
#[derive(Default, serde::Deserialize)]
pub struct ViewQuery {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    group: String,
    started: Option<u32>,
    skipped: Option<u32>,
}

impl ViewQuery {
    fn unit(&self) -> Option<&str> {
        Some(self.unit.as_str()).filter(|s| !s.is_empty())
    }

    fn group(&self) -> Option<&str> {
        Some(self.group.as_str()).filter(|s| !s.is_empty())
    }

    /// The view as a query string, for the export links.
    fn query(&self) -> String {
        let pairs: Vec<(&str, &str)> =
            [("unit", self.unit()), ("group", self.group())].into_iter().filter_map(|(k, v)| Some((k, v?))).collect();
        serde_html_form::to_string(pairs).unwrap_or_default()
    }
}

/// One theme's row in the map's table and exports.
pub struct MapRow {
    pub name: String,
    pub counts: [u32; 3],
    pub percents: [Option<u32>; 3],
    /// The share who marked the theme red in the campaign before, same view.
    pub red_before: Option<u32>,
}

impl MapRow {
    /// The change in the red share since the campaign before, in percentage points.
    pub fn red_change(&self) -> Option<i64> {
        Some(i64::from(self.percents[0]?) - i64::from(self.red_before?))
    }
}

/// What the chosen view shows.
pub enum MapState {
    Shown { respondents: u32, rows: Vec<MapRow>, before: Option<String> },
    TooFew { respondents: u32, needed: u32 },
    Differencing,
}

/// A campaign the reader may see, with its overview figures for one view.
pub struct Overview {
    pub campaign: Campaign,
    pub participation: Vec<Participation>,
    pub units: Vec<units::Unit>,
    pub map: MapState,
    pub colour_names: [String; 3],
    /// With a unit chosen: the groups with leaders in it who answered.
    pub groups_in_unit: Option<std::collections::HashSet<String>>,
}

pub(crate) fn theme_label(page: &Page, t: &CampaignTheme) -> String {
    let text = match page.lang {
        crate::i18n::Lang::Da => &t.text_da,
        crate::i18n::Lang::En => &t.text_en,
    };
    super::pages::labelled(&page.tr, super::content::ApvContent::theme_name(text), t.other, &t.part)
}

/// Loads the campaign and decides the view; 404 for anyone who may not read
/// overviews or a campaign of another organisation.
pub async fn overview(state: &AppState, page: &Page, me: &Member, id: &str, q: &ViewQuery) -> AppResult<Overview> {
    if !me.m.roles.may_read_overview() {
        return Err(AppError::NotFound);
    }
    let (org, db) = (me.org(), &state.db);
    let id = ApvCampaignId::parse(id).ok_or(AppError::NotFound)?;
    let campaign = store::campaign(db, org, &id).await?.ok_or(AppError::NotFound)?;
    let (participation, unit_list, before) =
        tokio::try_join!(store::participation(db, org, &id), units::list(db, org), store::previous(db, org, &campaign))?;
    let rule = campaign.rule;
    let figures = state.apv_figures.get(db, org, &id, &rule).await?;
    let groups_in_unit = q.unit().map(|u| figures.groups_in(u));
    let view = figures.view(figures.filter(q.unit(), q.group()));
    let map = match view {
        Err(Withheld::TooFew { respondents, needed }) => MapState::TooFew { respondents, needed },
        Err(Withheld::Differencing) => MapState::Differencing,
        Ok(view) => {
            let earlier = match &before {
                Some(b) => {
                    let f = state.apv_figures.get(db, org, &b.id, &b.rule).await?;
                    let v = f.view(f.filter(q.unit(), q.group())).ok();
                    v.map(|v| (f, v))
                }
                None => None,
            };
            let tallies: Vec<ThemeTally> = view.counts.iter().map(|c| ThemeTally { counts: *c, ..Default::default() }).collect();
            let rows = by_urgency(&tallies)
                .into_iter()
                .map(|i| {
                    let counts = view.counts[i];
                    let red_before = earlier.as_ref().and_then(|(f, v)| {
                        let c = f.theme_counts(v, &figures.themes[i].item_id)?;
                        percent(c[0], v.respondents)
                    });
                    MapRow {
                        name: theme_label(page, &figures.themes[i]),
                        counts,
                        percents: counts.map(|n| percent(n, view.respondents)),
                        red_before,
                    }
                })
                .collect();
            MapState::Shown { respondents: view.respondents, rows, before: earlier.and(before.map(|b| b.title)) }
        }
    };
    let content = state.shipped.apv.get(page.lang);
    let names = colours(content, campaign.variant);
    let colour_names = Colour::ALL.map(|c| colour_text(names, c).name.clone());
    Ok(Overview { campaign, participation, units: unit_list, map, colour_names, groups_in_unit })
}

/// One group's line in the participation table.
pub struct ParticipationLine {
    pub round_id: String,
    pub group: String,
    pub asked: i64,
    pub handed_in: i64,
    pub percent: String,
    pub open: bool,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/apv/campaign.html")]
pub struct CampaignPage {
    pub page: Page,
    pub id: String,
    pub title: String,
    pub variant: String,
    pub started: String,
    pub deadline: Option<String>,
    pub notice: Option<String>,
    pub asked: i64,
    pub handed_in: i64,
    pub closed: usize,
    pub rounds: usize,
    pub participation: Vec<ParticipationLine>,
    pub unit_choices: Vec<Choice>,
    pub group_choices: Vec<Choice>,
    /// With many groups: choose a unit first to choose among its groups.
    pub group_hint: Option<String>,
    /// With many groups: only those furthest behind are listed.
    pub participation_note: Option<String>,
    pub filtered: bool,
    pub map: MapState,
    pub chart: String,
    pub colour_names: [String; 3],
    pub export_query: String,
    /// HR opens each group's round; the other readers see the overview only.
    pub round_links: bool,
}

fn percent_text(page: &Page, part: i64, whole: i64) -> String {
    let p = percent(u32::try_from(part).unwrap_or(0), u32::try_from(whole).unwrap_or(0)).unwrap_or(0);
    page.t1("apv-percent", "value", p)
}

pub async fn campaign(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<ViewQuery>,
) -> AppResult<CampaignPage> {
    let o = overview(&state, &page, &me, &id, &q).await?;
    let mut conn = state.db.pool.acquire().await?;
    audit::record(&mut conn, me.org(), audit::Actor { person: Some(me.person()), name: &me.m.name }, "apv-overview-read", &o.campaign.title, state.clock.now())
        .await?;
    let notice = q.started.map(|started| page.t2("apv-notice-campaign-started", "rounds", started, "skipped", q.skipped.unwrap_or(0)));
    let chart = match &o.map {
        MapState::Shown { respondents, rows, .. } => {
            let rows: Vec<Row> = rows.iter().map(|r| Row { name: &r.name, counts: r.counts }).collect();
            colour_map(&rows, *respondents, [&o.colour_names[0], &o.colour_names[1], &o.colour_names[2]].map(String::as_str))
        }
        _ => String::new(),
    };
    let nodes: Vec<(String, Option<String>)> =
        o.units.iter().map(|u| (u.id.to_string(), u.parent_id.as_ref().map(ToString::to_string))).collect();
    let unit_choices = domain::hierarchy::tree_order(&nodes)
        .into_iter()
        .filter_map(|(id, depth)| {
            let unit = o.units.iter().find(|u| u.id.as_str() == id)?;
            Some(Choice { label: format!("{}{}", "\u{2003}".repeat(depth), unit.name), selected: q.unit() == Some(&id), value: id })
        })
        .collect();
    // A campaign of thousands of groups lists them only where that helps: the
    // chooser offers the chosen unit's groups, the table those furthest behind.
    let many = o.participation.len() > MAX_LISTED;
    let offered = |p: &Participation| {
        !many || q.group() == Some(p.group_id.as_str()) || o.groups_in_unit.as_ref().is_some_and(|ids| ids.contains(p.group_id.as_str()))
    };
    let group_choices = o
        .participation
        .iter()
        .filter(|p| offered(p))
        .map(|p| Choice { value: p.group_id.to_string(), label: p.group_name.clone(), selected: q.group() == Some(p.group_id.as_str()) })
        .collect();
    let mut listed: Vec<&Participation> = o.participation.iter().collect();
    if many {
        // Lowest share handed in first: a / b < c / d  ⇔  a·d < c·b.
        listed.sort_by(|a, b| (a.handed_in * b.asked.max(1)).cmp(&(b.handed_in * a.asked.max(1))));
        listed.truncate(MAX_LISTED);
    }
    let participation_note = many.then(|| page.t2("apv-participation-listed", "shown", MAX_LISTED, "total", o.participation.len()));
    let group_hint = (many && q.unit().is_none()).then(|| page.t("apv-filter-group-hint"));
    Ok(CampaignPage {
        id: o.campaign.id.to_string(),
        title: o.campaign.title.clone(),
        variant: variant_name(&page.tr, o.campaign.variant),
        started: page.date_time(&o.campaign.created_at),
        deadline: o.campaign.deadline.map(|d| format::date(page.lang, d)),
        notice,
        asked: o.participation.iter().map(|p| p.asked).sum(),
        handed_in: o.participation.iter().map(|p| p.handed_in).sum(),
        closed: o.participation.iter().filter(|p| !p.open).count(),
        rounds: o.participation.len(),
        participation: listed
            .into_iter()
            .map(|p| ParticipationLine {
                round_id: p.round_id.to_string(),
                group: p.group_name.clone(),
                asked: p.asked,
                handed_in: p.handed_in,
                percent: percent_text(&page, p.handed_in, p.asked),
                open: p.open,
            })
            .collect(),
        unit_choices,
        group_choices,
        group_hint,
        participation_note,
        filtered: q.unit().is_some() || q.group().is_some(),
        map: o.map,
        chart,
        colour_names: o.colour_names,
        export_query: q.query(),
        round_links: me.m.roles.may_administer(),
        page,
    })
}
