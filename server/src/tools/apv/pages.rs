//! The APV's pages: the tool page (why, how, the law, my groups and their
//! rounds), a round's page (steps, status, report), the walk-and-talk
//! preparation, Skema 1 and the meeting (Skema 2).

use super::chart::{colour_map, Row};
use super::content::{ApvContent, Colours};
use super::input::{keywords_field, mark_field, sorting_field};
use super::store::{self, Plan, Round, RoundTheme};
use super::{load_round, RoundContext};
use crate::auth::Member;
use crate::content::IntroContent;
use crate::error::{AppError, AppResult};
use crate::i18n::{format, Tr};
use crate::state::AppState;
use crate::tools::access::Relation;
use crate::tools::group::store as groups;
use crate::web::forms::FormErrors;
use crate::web::notice::NoticeQuery;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::response::{IntoResponse, Redirect, Response};
use super::picture::Seen;
use domain::apv::{by_urgency, Absence, Colour, Level, Mark, Variant};
use std::collections::HashMap;

fn paragraphs(s: &str) -> Vec<String> {
    IntroContent::paragraphs(s).into_iter().map(str::to_string).collect()
}

/// The colour texts of a round's variant.
pub fn colours(content: &ApvContent, variant: Variant) -> &Colours {
    match variant {
        Variant::Now => &content.colours,
        Variant::Future => &content.future_colours,
    }
}

pub fn colour_text(colours: &Colours, colour: Colour) -> &super::content::ColourText {
    match colour {
        Colour::Red => &colours.red,
        Colour::Yellow => &colours.yellow,
        Colour::Green => &colours.green,
    }
}

pub fn level_name(content: &ApvContent, level: Level) -> &str {
    match level {
        Level::Individual => &content.levels.individual,
        Level::Group => &content.levels.group,
        Level::Organisation => &content.levels.organisation,
    }
}

/// A theme's name where themes are listed together; the two "other themes"
/// rows get their part, so they can be told apart.
pub fn theme_label(tr: &Tr, t: &RoundTheme) -> String {
    labelled(tr, t.name(tr.lang), t.other, &t.part)
}

/// A theme's name, with its part for an "other themes" row.
pub fn labelled(tr: &Tr, name: &str, other: bool, part: &str) -> String {
    if other {
        format!("{name} ({})", tr.t(&format!("apv-part-short-{part}")))
    } else {
        name.to_string()
    }
}

pub fn variant_name(tr: &Tr, variant: Variant) -> String {
    tr.t(match variant {
        Variant::Now => "apv-variant-now",
        Variant::Future => "apv-variant-future",
    })
}

/// A round in a list.
pub struct RoundLine {
    pub id: String,
    pub started: String,
    pub variant: String,
    pub open: bool,
    pub deadline: Option<String>,
    pub handed_in: i64,
    pub i_submitted: bool,
    /// The viewer may fill in Skema 1: one of the round's readers, before
    /// the group has seen its picture.
    pub i_read: bool,
}

impl RoundLine {
    fn new(page: &Page, r: &Round) -> Self {
        RoundLine {
            id: r.id.to_string(),
            started: page.date_time(&r.created_at),
            variant: variant_name(&page.tr, r.variant),
            open: r.open,
            deadline: r.deadline.map(|d| format::date(page.lang, d)),
            handed_in: r.respondents,
            i_submitted: r.i_submitted,
            i_read: r.i_read && domain::promise::Stage::of(r.open, r.revealed).takes_answers(),
        }
    }
}

pub struct GroupBlock {
    pub id: String,
    pub name: String,
    pub inside: bool,
    pub may_start: bool,
    pub has_open: bool,
    pub rounds: Vec<RoundLine>,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/apv/index.html")]
pub struct ToolPage {
    pub page: Page,
    pub title: String,
    pub summary: String,
    pub why: Vec<String>,
    pub how: Vec<String>,
    pub law: Vec<String>,
    pub future_intro: String,
    pub groups: Vec<GroupBlock>,
    pub campaigns: Option<super::campaigns::CampaignsBlock>,
    /// Actions I own that are not done: (plan id, action id, text, where from and due).
    pub my_actions: Vec<(String, String, String, String)>,
    pub notice: Option<String>,
    pub min_date: String,
    pub errors: FormErrors,
}

pub async fn tool(State(state): State<AppState>, page: Page, me: Member, Query(q): Query<NoticeQuery>) -> AppResult<ToolPage> {
    let notice = q.text(&page, "apv-notice-", &["action-done"]);
    let mut body = tool_page(&state, page, &me, FormErrors::default()).await?;
    body.notice = notice;
    Ok(body)
}

pub async fn tool_page(state: &AppState, page: Page, me: &Member, errors: FormErrors) -> AppResult<ToolPage> {
    let is_hr = me.m.roles.may_administer();
    let links = if is_hr {
        groups::all_groups(&state.db, me.org(), me.person()).await?
    } else {
        groups::groups_of(&state.db, me.org(), me.person()).await?
    };
    let rounds = store::rounds_visible(&state.db, me.org(), me.person(), is_hr).await?;
    let mut blocks: Vec<GroupBlock> = links
        .iter()
        .map(|link| {
            let mine: Vec<&Round> = rounds.iter().filter(|r| r.group_id == link.id).collect();
            let relation = Relation::of(link.i_lead, link.i_am_member, is_hr);
            GroupBlock {
                id: link.id.to_string(),
                name: link.name.clone(),
                inside: link.i_lead || link.i_am_member,
                may_start: relation.may_start_round(is_hr),
                has_open: mine.iter().any(|r| r.open),
                rounds: mine.into_iter().map(|r| RoundLine::new(&page, r)).collect(),
            }
        })
        .collect();
    // My own groups first; HR sees the rest below them.
    blocks.sort_by_key(|b| !b.inside);
    let content = state.shipped.apv.get(page.lang);
    Ok(ToolPage {
        title: content.title.clone(),
        summary: content.summary.clone(),
        why: paragraphs(&content.why),
        how: paragraphs(&content.how),
        law: paragraphs(&content.law),
        future_intro: content.future_intro.clone(),
        groups: blocks,
        campaigns: super::campaigns::block(state, &page, me).await?,
        my_actions: store::my_open_actions(&state.db, me.org(), me.person())
            .await?
            .into_iter()
            .map(|a| {
                let theme = ApvContent::theme_name(match page.lang {
                    crate::i18n::Lang::Da => &a.theme_da,
                    crate::i18n::Lang::En => &a.theme_en,
                });
                let mut meta = page.tr.t_args(
                    "apv-my-action-meta",
                    &[("theme", theme.to_string()), ("group", a.group_name.clone()), ("date", format::date(page.lang, a.due_on))],
                );
                if a.due_on < state.clock.today() {
                    meta = format!("{meta} · {}", page.t("apv-my-action-overdue"));
                }
                (a.plan_id.to_string(), a.id.to_string(), a.text, meta)
            })
            .collect(),
        notice: None,
        min_date: state.clock.today().to_string(),
        errors,
        page,
    })
}

/// A chosen theme's plan in a list.
pub struct PlanLine {
    pub id: String,
    pub theme: String,
    pub actions: usize,
}

pub fn plan_lines(tr: &Tr, plans: &[Plan], themes: &[RoundTheme]) -> Vec<PlanLine> {
    plans
        .iter()
        .map(|p| PlanLine {
            id: p.id.to_string(),
            theme: themes.iter().find(|t| t.revision_id.as_str() == p.revision_id).map(|t| theme_label(tr, t)).unwrap_or_default(),
            actions: p.actions.len(),
        })
        .collect()
}

/// The report's form values, kept as typed when refused.
#[derive(Default, serde::Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    pub absence: String,
    #[serde(default)]
    pub absence_note: String,
    #[serde(default)]
    pub amo_on: String,
    #[serde(default)]
    pub amo_note: String,
    #[serde(default)]
    pub next_due: String,
}

impl ReportForm {
    pub fn from_report(r: &store::Report, started: time::Date) -> Self {
        ReportForm {
            absence: r.absence.map(|a| a.code().to_string()).unwrap_or_default(),
            absence_note: r.absence_note.clone(),
            amo_on: r.amo_on.map(|d| d.to_string()).unwrap_or_default(),
            amo_note: r.amo_note.clone(),
            next_due: r.next_due.unwrap_or_else(|| domain::apv::default_next_due(started)).to_string(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/apv/round.html")]
pub struct RoundPage {
    pub page: Page,
    pub group_id: String,
    pub group_name: String,
    pub round_id: String,
    pub variant: String,
    pub started: String,
    pub deadline: Option<String>,
    pub open: bool,
    pub answered_text: String,
    pub inside: bool,
    pub may_answer: bool,
    /// The group has seen its picture, so nobody hands in any more.
    pub answers_ended: bool,
    /// What the round promised when it started.
    pub promise: crate::tools::promise::Notice,
    pub i_submitted: bool,
    pub may_lead: bool,
    pub plans: Vec<PlanLine>,
    pub report: ReportForm,
    /// (code, label) of the sickness-absence answers.
    pub absence_options: Vec<(&'static str, String)>,
    pub report_text: super::content::ReportText,
    /// The report as read by someone who cannot edit it.
    pub absence_answer: Option<String>,
    pub amo_on: Option<String>,
    pub next_due: Option<String>,
    pub notice: Option<String>,
    pub errors: FormErrors,
}

pub async fn round(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<RoundPage> {
    let ctx = load_round(&state, &me, &id).await?;
    let report = ReportForm::from_report(&ctx.round.report, started_on(&ctx.round, state.clock.today()));
    let notice = q.text(&page, "apv-notice-", &["saved", "handed-in", "report-saved", "closed", "started"]);
    round_page(&state, page, &me, ctx, report, notice, FormErrors::default()).await
}

/// The day a round started, in Copenhagen.
pub fn started_on(round: &Round, today: time::Date) -> time::Date {
    crate::storage::from_text(&round.created_at).map(|t| format::copenhagen(t).date()).unwrap_or(today)
}

pub async fn round_page(
    state: &AppState,
    page: Page,
    me: &Member,
    ctx: RoundContext,
    report: ReportForm,
    notice: Option<String>,
    errors: FormErrors,
) -> AppResult<RoundPage> {
    let (org, db) = (me.org(), &state.db);
    let members = groups::members(db, org, &ctx.group.id).await?;
    let themes = store::themes(db, org, &ctx.round.id).await?;
    let plans = store::plans(db, org, &ctx.round.id).await?;
    let content = state.shipped.apv.get(page.lang);
    let r = &ctx.round;
    Ok(RoundPage {
        group_id: ctx.group.id.to_string(),
        group_name: ctx.group.name.clone(),
        round_id: r.id.to_string(),
        variant: variant_name(&page.tr, r.variant),
        started: page.date_time(&r.created_at),
        deadline: r.deadline.map(|d| format::date(page.lang, d)),
        open: r.open,
        answered_text: page.t2("apv-handed-in-of", "count", r.respondents, "total", members.len()),
        inside: ctx.kept.seat.may_answer(),
        may_answer: ctx.kept.may_answer(r.open),
        answers_ended: ctx.kept.seat.may_answer() && ctx.kept.stage(r.open) == domain::promise::Stage::Revealed,
        promise: ctx.kept.summary(&page.tr),
        i_submitted: r.i_submitted,
        may_lead: ctx.may_lead() && r.open,
        plans: plan_lines(&page.tr, &plans, &themes),
        absence_options: Absence::ALL
            .into_iter()
            .map(|a| (a.code(), absence_label(content, a).to_string()))
            .collect(),
        report_text: content.report.clone(),
        absence_answer: r.report.absence.map(|a| absence_label(content, a).to_string()),
        amo_on: r.report.amo_on.map(|d| format::date(page.lang, d)),
        next_due: r.report.next_due.map(|d| format::date(page.lang, d)),
        report,
        notice,
        errors,
        page,
    })
}

pub fn absence_label(content: &ApvContent, a: Absence) -> &str {
    match a {
        Absence::Yes => &content.report.absence_yes,
        Absence::Partly => &content.report.absence_partly,
        Absence::No => &content.report.absence_no,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/apv/prepare.html")]
pub struct PreparePage {
    pub page: Page,
    pub round_id: String,
    pub group_name: String,
    pub prepare: super::content::Prepare,
    pub may_answer: bool,
}

pub async fn prepare(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<PreparePage> {
    let ctx = load_round(&state, &me, &id).await?;
    Ok(PreparePage {
        round_id: ctx.round.id.to_string(),
        group_name: ctx.group.name.clone(),
        prepare: state.shipped.apv.get(page.lang).prepare.clone(),
        may_answer: ctx.kept.may_answer(ctx.round.open),
        page,
    })
}

/// One colour of one theme in Skema 1.
pub struct ColourCell {
    pub code: &'static str,
    pub name: String,
    pub meaning: String,
    pub mark_field: String,
    pub keywords_field: String,
    pub marked: bool,
    pub keywords: String,
    pub error: Option<String>,
}

pub struct MapTheme {
    pub rev: String,
    pub name: String,
    pub description: String,
    pub other: bool,
    pub cells: Vec<ColourCell>,
}

pub struct MapPart {
    pub title: String,
    pub intro: String,
    pub themes: Vec<MapTheme>,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/apv/map.html")]
pub struct MapPage {
    pub page: Page,
    pub round_id: String,
    pub group_name: String,
    pub intro: Vec<String>,
    pub variant_intro: Vec<String>,
    pub parts: Vec<MapPart>,
    pub submitted: bool,
    /// What the round promised, told before anyone answers.
    pub promise: crate::tools::promise::Notice,
    pub errors: FormErrors,
}

pub async fn map(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<Response> {
    let ctx = load_round(&state, &me, &id).await?;
    if !ctx.kept.seat.may_answer() {
        return Err(AppError::Forbidden);
    }
    if !ctx.kept.may_answer(ctx.round.open) {
        return Ok(Redirect::to(&format!("/apv/rounds/{id}")).into_response());
    }
    let mine = store::my_marks(&state.db, me.org(), &ctx.round.id, me.person()).await?;
    let themes = store::themes(&state.db, me.org(), &ctx.round.id).await?;
    Ok(map_page(&state, page, &ctx, &themes, &mine, &HashMap::new(), FormErrors::default()).into_response())
}

/// Skema 1 with `marks` filled in; `field_errors` by field name when refused.
#[allow(clippy::too_many_arguments)]
pub fn map_page(
    state: &AppState,
    page: Page,
    ctx: &RoundContext,
    themes: &[RoundTheme],
    marks: &HashMap<String, Mark>,
    field_errors: &HashMap<String, String>,
    errors: FormErrors,
) -> MapPage {
    let content = state.shipped.apv.get(page.lang);
    let colours = colours(content, ctx.round.variant);
    let parts = super::content::PARTS
        .iter()
        .filter_map(|part| {
            let text = content.parts.get(*part)?;
            let themes: Vec<MapTheme> = themes
                .iter()
                .filter(|t| t.part == *part)
                .map(|t| {
                    let rev = t.revision_id.as_str();
                    let mark = marks.get(rev);
                    MapTheme {
                        rev: rev.to_string(),
                        name: t.name(page.lang).to_string(),
                        description: t.description(page.lang).to_string(),
                        other: t.other,
                        cells: Colour::ALL
                            .into_iter()
                            .map(|c| {
                                let words = mark.and_then(|m| m.get(c));
                                let ct = colour_text(colours, c);
                                ColourCell {
                                    code: c.code(),
                                    name: ct.name.clone(),
                                    meaning: ct.meaning.clone(),
                                    mark_field: mark_field(rev, c),
                                    keywords_field: keywords_field(rev, c),
                                    marked: words.is_some(),
                                    keywords: words.unwrap_or("").to_string(),
                                    error: field_errors.get(&keywords_field(rev, c)).cloned(),
                                }
                            })
                            .collect(),
                    }
                })
                .collect();
            (!themes.is_empty()).then(|| MapPart { title: text.title.clone(), intro: text.intro.clone(), themes })
        })
        .collect();
    MapPage {
        promise: ctx.kept.notice(&page.tr),
        round_id: ctx.round.id.to_string(),
        group_name: ctx.group.name.clone(),
        intro: paragraphs(&content.mapping_intro),
        variant_intro: if ctx.round.variant == Variant::Future { paragraphs(&content.future_intro) } else { Vec::new() },
        parts,
        submitted: ctx.round.i_submitted,
        errors,
        page,
    }
}

/// One theme in the meeting: its counts, pooled keywords and sorting.
pub struct MeetingTheme {
    pub rev: String,
    pub name: String,
    pub counts: [u32; 3],
    /// Per colour: (colour name, keywords, sorting field, chosen level code).
    pub colours: Vec<MeetingColour>,
    pub chosen: bool,
}

pub struct MeetingColour {
    pub code: &'static str,
    pub name: String,
    pub count: u32,
    pub keywords: Vec<String>,
    pub field: String,
    pub level: &'static str,
}

/// The group's picture as the viewer may see it.
pub enum Shown {
    Picture { chart: String, themes: Vec<MeetingTheme>, keywords_shown: bool, total: u32, change: Option<super::change::ChangeSection> },
    Withheld { respondents: u32, needed: u32 },
    UntilClosed,
    /// Inside the group before its leader has shown it (`tools/reveal.html`).
    UntilRevealed,
    /// Large enough, but the campaign's overview hides it (differencing).
    Differencing,
    /// Deleted after the organisation's retention period.
    AnswersDeleted,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/apv/meeting.html")]
pub struct MeetingPage {
    pub page: Page,
    pub round_id: String,
    pub group_name: String,
    pub open: bool,
    pub inside: bool,
    pub may_lead: bool,
    pub sorting_intro: String,
    pub priority_intro: String,
    pub colour_names: Vec<(&'static str, String, String)>,
    /// (code, name) of the three levels.
    pub levels: Vec<(&'static str, String)>,
    pub shown: Shown,
    /// Before the group has seen its picture: the form that reveals it.
    pub reveal: Option<crate::tools::promise::RevealView>,
    /// Just revealed by this viewer: confirmed beside the picture.
    pub revealed: bool,
    /// What the round promised when it started.
    pub promise: crate::tools::promise::Notice,
    pub keywords_needed: u32,
    pub plans: Vec<PlanLine>,
    pub may_choose: bool,
    /// Last round's actions, reviewed before the new picture.
    pub review: Option<super::review::ReviewSection>,
    /// Themes sorted as the organisation's, and what was lifted of them.
    pub org_themes: Option<super::lift::OrgSection>,
    pub notice: Option<String>,
    pub errors: FormErrors,
}

pub async fn meeting(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> AppResult<MeetingPage> {
    let ctx = load_round(&state, &me, &id).await?;
    let notice = q.text(&page, "apv-notice-", &["sorted", "chosen", "removed", "reviewed", "lifted"]);
    // Confirmed in the picture's section, where the reveal was pressed.
    let revealed = q.notice.as_deref() == Some("revealed");
    let mut built = meeting_page(&state, page, &me, ctx, notice, FormErrors::default()).await?;
    built.revealed = revealed && built.reveal.is_none();
    Ok(built)
}

/// The meeting page again with why a change was refused (422); nothing was changed.
pub async fn meeting_refused(state: &AppState, page: Page, me: &Member, ctx: RoundContext, errors: FormErrors) -> AppResult<Response> {
    let body = meeting_page(state, page, me, ctx, None, errors).await?;
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}

pub async fn meeting_page(
    state: &AppState,
    page: Page,
    me: &Member,
    ctx: RoundContext,
    notice: Option<String>,
    errors: FormErrors,
) -> AppResult<MeetingPage> {
    let (org, db) = (me.org(), &state.db);
    let content = state.shipped.apv.get(page.lang);
    let colours = colours(content, ctx.round.variant);
    let audience = ctx.kept.seat.audience();
    let rule = ctx.kept.promise.rule;
    let themes = store::themes(db, org, &ctx.round.id).await?;
    let respondents = u32::try_from(ctx.round.respondents).unwrap_or(0);
    let plans = store::plans(db, org, &ctx.round.id).await?;
    let sorting = store::sorting(db, org, &ctx.round.id).await?;
    let shown = match super::picture::seen(state, me, &ctx, &themes).await? {
        Seen::Withheld { respondents, needed } => Shown::Withheld { respondents, needed },
        Seen::UntilClosed => Shown::UntilClosed,
        Seen::UntilRevealed => Shown::UntilRevealed,
        Seen::Differencing => Shown::Differencing,
        Seen::AnswersDeleted => Shown::AnswersDeleted,
        Seen::Shown { tallies, keywords_shown } => {
            let order = by_urgency(&tallies);
            let names = [colours.red.name.as_str(), colours.yellow.name.as_str(), colours.green.name.as_str()];
            let labels: Vec<String> = themes.iter().map(|t| theme_label(&page.tr, t)).collect();
            let rows: Vec<Row> = order.iter().map(|&i| Row { name: &labels[i], counts: tallies[i].counts }).collect();
            let chart = colour_map(&rows, respondents, names);
            let list = order
                .iter()
                .map(|&i| {
                    let t = &themes[i];
                    let rev = t.revision_id.as_str();
                    MeetingTheme {
                        rev: rev.to_string(),
                        name: labels[i].clone(),
                        counts: tallies[i].counts,
                        colours: Colour::ALL
                            .into_iter()
                            .map(|c| MeetingColour {
                                code: c.code(),
                                name: colour_text(colours, c).name.clone(),
                                count: tallies[i].count(c),
                                keywords: tallies[i].keywords[c.index()].clone(),
                                field: sorting_field(rev, c),
                                level: sorting.get(&(rev.to_string(), c)).map(|l| l.code()).unwrap_or(""),
                            })
                            .collect(),
                        chosen: plans.iter().any(|p| p.revision_id == rev),
                    }
                })
                .collect();
            let change = super::change::section(state, &page, me, &ctx, &themes, &tallies, &order).await?;
            Shown::Picture { chart, themes: list, keywords_shown, total: respondents, change }
        }
    };
    let may_lead = ctx.may_lead() && ctx.round.open;
    let reveal = if matches!(shown, Shown::UntilRevealed) {
        let members = groups::members(db, org, &ctx.group.id).await?.len();
        let answered = page.t2("apv-handed-in-of", "count", ctx.round.respondents, "total", members);
        Some(crate::tools::promise::RevealView::new(format!("/apv/rounds/{}/reveal", ctx.round.id), answered, may_lead, respondents))
    } else {
        None
    };
    let review = super::review::section(state, &page, me, &ctx).await?;
    let org_themes = super::lift::section(state, &page, me, &ctx, &themes, &sorting).await?;
    Ok(MeetingPage {
        round_id: ctx.round.id.to_string(),
        group_name: ctx.group.name.clone(),
        open: ctx.round.open,
        inside: ctx.kept.seat.may_answer(),
        may_lead,
        sorting_intro: content.sorting_intro.clone(),
        priority_intro: content.priority_intro.clone(),
        colour_names: Colour::ALL
            .into_iter()
            .map(|c| (c.code(), colour_text(colours, c).name.clone(), colour_text(colours, c).sorting.clone()))
            .collect(),
        levels: Level::ALL.into_iter().map(|l| (l.code(), level_name(content, l).to_string())).collect(),
        keywords_needed: rule.min_for_free_text(audience),
        may_choose: may_lead && plans.len() < domain::apv::MAX_CHOSEN,
        plans: plan_lines(&page.tr, &plans, &themes),
        review,
        org_themes,
        shown,
        reveal,
        revealed: false,
        promise: ctx.kept.summary(&page.tr),
        notice,
        errors,
        page,
    })
}
