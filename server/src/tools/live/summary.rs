//! The session's summary, at any moment and also before it ends: who took
//! part, the picks once revealed (before that only one's own), the reasons
//! noted, the dots per theme and the agreed next steps; for "Det korte
//! møde" the rounds' pairs and cards. A page that prints well, read by the
//! session's participants only.

use super::participant::Participant;
use super::procedure_kind;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use exports::docx::{Block, Document};
use domain::live::{Live, ParticipantNo, Procedure};

pub struct Row {
    pub name: String,
    pub detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/live/summary.html")]
pub struct SummaryPage {
    pub page: Page,
    pub id: String,
    pub title: String,
    pub started: String,
    pub step: String,
    pub ended: bool,
    pub prioritise: bool,
    pub participants: Vec<String>,
    pub picks: Vec<Row>,
    pub picks_hidden: bool,
    pub notes: Vec<Row>,
    pub tally: Vec<Row>,
    pub next_steps: Vec<Row>,
    pub round: u32,
    pub pairs: Vec<Row>,
    /// Where the facilitator may send the next steps now: the plan, or one
    /// of their groups (id, name).
    pub to_plan: bool,
    /// The viewer may add them to their own leader agreement.
    pub to_agreement: bool,
    pub to_groups: Vec<(String, String)>,
    /// When and where they were saved, as a sentence.
    pub landed: Option<String>,
    pub notice: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct Notice {
    #[serde(default)]
    notice: Option<String>,
}

async fn summary(state: &AppState, page: Page, who: &Participant) -> AppResult<SummaryPage> {
    let session = &who.room.session;
    let deck = state.shipped.cards.get(page.lang).deck(&session.deck).ok_or(AppError::NotFound)?;
    let procedure = session.procedure();
    let p = deck.procedure(procedure_kind(procedure)).ok_or(AppError::NotFound)?;
    let live: Live = who.room.state().await;
    let landed = super::store::landed(&state.db, &session.id).await?;
    let target = match landed {
        Some(_) => None,
        None => super::land::target(state, who, who.viewer.as_ref().and_then(|v| v.member.as_ref()), &live).await?,
    };
    let name = |n: &ParticipantNo| live.participants.get(n).map(|x| x.name.clone()).unwrap_or_default();
    let all = super::session_cards(state, session, page.lang).await?.map(|(_, c)| c).unwrap_or_default();
    let card = |code: &str| all.iter().find(|c| c.code == code).map(|c| c.title.clone()).unwrap_or_else(|| code.to_string());
    let picks = live
        .picks
        .iter()
        .filter(|(n, _)| live.revealed || **n == who.no)
        .map(|(n, c)| Row { name: name(n), detail: card(c) })
        .collect();
    let tally = live.tally(&who.room.rules).into_iter().map(|(c, n)| Row { name: card(&c), detail: page.t1("live-dots", "count", n) }).collect();
    let pairs = live
        .groups
        .iter()
        .map(|g| Row {
            name: g.iter().map(&name).collect::<Vec<_>>().join(" · "),
            detail: g.iter().filter_map(|n| live.dealt.get(n)).map(|c| card(c)).collect::<Vec<_>>().join(" · "),
        })
        .collect();
    Ok(SummaryPage {
        id: session.id.clone(),
        title: format!("{} · {}", deck.title, p.title),
        started: page.date_time(&session.created_at),
        step: p.steps.iter().find(|s| s.key == live.step.key()).map(|s| s.title.clone()).unwrap_or_default(),
        ended: live.ended,
        prioritise: procedure == Procedure::Prioritise,
        participants: live.participants.values().map(|x| x.name.clone()).collect(),
        picks_hidden: !live.revealed && !live.picks.is_empty(),
        picks,
        notes: live.notes.iter().map(|(n, text)| Row { name: name(n), detail: text.clone() }).collect(),
        tally,
        next_steps: live
            .next_steps
            .iter()
            .map(|s| Row {
                name: s.text.clone(),
                detail: [s.card.as_deref().map(card), (!s.owner.is_empty()).then(|| s.owner.clone())].into_iter().flatten().collect::<Vec<_>>().join(" · "),
            })
            .collect(),
        round: live.round,
        pairs,
        to_plan: matches!(target, Some(super::land::Target::Plan)),
        to_agreement: matches!(target, Some(super::land::Target::LeaderAgreement(_))),
        to_groups: match target {
            Some(super::land::Target::Group(groups)) => groups.into_iter().map(|g| (g.id.as_str().to_string(), g.name)).collect(),
            _ => Vec::new(),
        },
        landed: landed.map(|(at, to)| {
            let key = match to {
                super::store::LandedTo::Plan => "live-landed-at",
                super::store::LandedTo::Group => "live-lifted-at",
                super::store::LandedTo::Agreement => "live-agreement-at",
            };
            page.t1(key, "when", page.date_time(&at))
        }),
        notice: None,
        page,
    })
}

pub async fn show(State(state): State<AppState>, page: Page, who: Participant, Query(q): Query<Notice>) -> AppResult<SummaryPage> {
    let mut s = summary(&state, page, &who).await?;
    s.notice = match q.notice.as_deref() {
        Some("landed") => Some(s.page.t("live-landed-notice")),
        Some("no-plan") => Some(s.page.t("live-no-plan")),
        Some("lifted") => Some(s.page.t("live-lifted-notice")),
        Some("agreement") => Some(s.page.t("live-agreement-notice")),
        _ => None,
    };
    Ok(s)
}

/// The summary as an editable Word file: the same sections as the page.
pub async fn docx(State(state): State<AppState>, page: Page, who: Participant) -> AppResult<Response> {
    let s = summary(&state, page, &who).await?;
    let t = |k: &str| s.page.t(k);
    let table = |header: [&str; 2], rows: &[Row]| {
        if rows.is_empty() {
            Block::Empty(t("live-none-yet"))
        } else {
            Block::Table { header: header.iter().map(|k| t(k)).collect(), rows: rows.iter().map(|r| vec![r.name.clone(), r.detail.clone()]).collect() }
        }
    };
    let mut blocks = vec![Block::Heading(t("live-participants-heading")), Block::Paragraph(s.participants.join(", "))];
    if s.prioritise {
        blocks.push(Block::Heading(t("live-picks-heading-summary")));
        if s.picks_hidden {
            blocks.push(Block::Empty(t("live-picks-hidden")));
        }
        blocks.push(table(["live-col-who", "live-col-card"], &s.picks));
        blocks.push(Block::Heading(t("live-notes-heading-summary")));
        blocks.push(table(["live-col-who", "live-note-label"], &s.notes));
        blocks.push(Block::Heading(t("live-tally-heading-summary")));
        blocks.push(table(["live-col-card", "live-col-dots"], &s.tally));
        blocks.push(Block::Heading(t("live-next-steps-heading-summary")));
        blocks.push(table(["live-next-step-text", "live-col-theme-owner"], &s.next_steps));
    } else {
        blocks.push(Block::Heading(s.page.t1("live-rounds-heading", "count", s.round)));
        blocks.push(table(["live-col-pair", "live-col-cards"], &s.pairs));
    }
    let status = if s.ended { t("live-ended") } else { s.page.t1("live-summary-step", "step", &s.step) };
    let doc = Document {
        title: format!("{}: {}", t("live-summary-title"), s.title),
        subtitle: Some(format!("{} · {status}", s.page.t1("live-summary-started", "when", &s.started))),
        lang: s.page.lang_code().to_string(),
        blocks,
        footer: None,
    };
    let bytes = exports::docx::render(&doc).map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    let file = format!("attachment; filename=\"{}.docx\"", t("live-doc-file"));
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.wordprocessingml.document".to_string()),
            (header::CONTENT_DISPOSITION, file),
        ],
        bytes,
    )
        .into_response())
}
