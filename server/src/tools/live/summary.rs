//! The session's summary, at any moment and also before it ends: who took
//! part, the picks once revealed (before that only one's own), the reasons
//! noted, the dots per theme and the agreed next steps; for "Det korte
//! møde" the pairs and cards of the last round. One document, shown as a
//! page that prints well (with where the next steps can go) and downloaded
//! as .docx; read by the session's participants only.

use super::participant::Participant;
use super::procedure_kind;
use super::store::LandedTo;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use crate::web::query::Query;
use axum::response::Response;
use domain::live::{Live, ParticipantNo, Procedure};
use exports::docx::{Block, Document};

/// The summary as blocks, in the reader's language.
async fn document(state: &AppState, page: &Page, who: &Participant, live: &Live) -> AppResult<Document> {
    let session = &who.room.session;
    let deck = super::session_deck(state, session, page.lang).await?.ok_or(AppError::NotFound)?;
    let procedure = session.procedure();
    let p = deck.procedure(procedure_kind(procedure)).ok_or(AppError::NotFound)?;
    let card = |code: &str| deck.cards.iter().find(|c| c.code == code).map(|c| c.title.clone()).unwrap_or_else(|| code.to_string());
    let name = |n: &ParticipantNo| live.participants.get(n).map(|x| x.name.clone()).unwrap_or_default();
    let t = |k: &str| page.t(k);
    let table = |header: [&str; 2], rows: Vec<[String; 2]>| {
        if rows.is_empty() {
            Block::Empty(t("live-none-yet"))
        } else {
            Block::Table { header: header.iter().map(|k| t(k)).collect(), rows: rows.into_iter().map(Vec::from).collect() }
        }
    };
    let people: Vec<String> = live.participants.values().map(|x| x.name.clone()).collect();
    let mut blocks = vec![Block::Heading(t("live-participants-heading")), Block::Paragraph(people.join(", "))];
    if procedure == Procedure::Prioritise {
        blocks.push(Block::Heading(t("live-picks-heading-summary")));
        if !live.revealed && !live.picks.is_empty() {
            blocks.push(Block::Empty(t("live-picks-hidden")));
        }
        let picks = live.picks.iter().filter(|(n, _)| live.revealed || **n == who.no).map(|(n, c)| [name(n), card(c)]).collect();
        blocks.push(table(["live-col-who", "live-col-card"], picks));
        blocks.push(Block::Heading(t("live-notes-heading-summary")));
        blocks.push(table(["live-col-who", "live-note-label"], live.notes.iter().map(|(n, text)| [name(n), text.clone()]).collect()));
        blocks.push(Block::Heading(t("live-tally-heading-summary")));
        let tally = live.tally(&who.room.rules).into_iter().map(|(c, n)| [card(&c), page.t1("live-dots", "count", n)]).collect();
        blocks.push(table(["live-col-card", "live-col-dots"], tally));
        blocks.push(Block::Heading(t("live-next-steps-heading-summary")));
        let steps = live
            .next_steps
            .iter()
            .map(|s| {
                let about = [s.card.as_deref().map(card), (!s.owner.is_empty()).then(|| s.owner.clone())];
                [s.text.clone(), about.into_iter().flatten().collect::<Vec<_>>().join(" · ")]
            })
            .collect();
        blocks.push(table(["live-next-step-text", "live-col-theme-owner"], steps));
    } else {
        blocks.push(Block::Heading(page.t1("live-rounds-heading", "count", live.round)));
        let pairs = live
            .groups
            .iter()
            .map(|g| {
                [g.iter().map(name).collect::<Vec<_>>().join(" · "), g.iter().filter_map(|n| live.dealt.get(n)).map(|c| card(c)).collect::<Vec<_>>().join(" · ")]
            })
            .collect();
        blocks.push(table(["live-col-pair", "live-col-cards"], pairs));
    }
    let status = if live.ended {
        t("live-ended")
    } else {
        page.t1("live-summary-step", "step", p.steps.iter().find(|s| s.key == live.step.key()).map(|s| s.title.as_str()).unwrap_or_default())
    };
    Ok(Document {
        title: format!("{}: {} · {}", t("live-summary-title"), deck.title, p.title),
        subtitle: Some(format!("{} · {status}", page.t1("live-summary-started", "when", page.date_time(&session.created_at)))),
        lang: page.lang_code().to_string(),
        blocks,
        footer: None,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/live/summary.html")]
pub struct SummaryPage {
    pub page: Page,
    pub id: String,
    pub doc: Document,
    /// Where the viewer may send the next steps now.
    pub to_plan: bool,
    pub to_agreement: bool,
    /// The facilitator's groups (id, name).
    pub to_groups: Vec<(String, String)>,
    /// When and where they went, as a sentence.
    pub landed: Option<String>,
    pub notice: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct Notice {
    #[serde(default)]
    notice: Option<String>,
}

pub async fn show(State(state): State<AppState>, page: Page, who: Participant, Query(q): Query<Notice>) -> AppResult<SummaryPage> {
    let live = who.room.state().await;
    let doc = document(&state, &page, &who, &live).await?;
    let session = &who.room.session;
    let landed = super::store::landed(&state.db, &session.id).await?;
    let target = match landed {
        Some(_) => None,
        None => super::land::target(&state, &who, who.viewer.as_ref().and_then(|v| v.member.as_ref()), &live).await?,
    };
    Ok(SummaryPage {
        id: session.id.clone(),
        doc,
        to_plan: matches!(target, Some(super::land::Target::Plan)),
        to_agreement: matches!(target, Some(super::land::Target::LeaderAgreement(_))),
        to_groups: match target {
            Some(super::land::Target::Group(groups)) => groups.into_iter().map(|g| (g.id.as_str().to_string(), g.name)).collect(),
            _ => Vec::new(),
        },
        landed: landed.map(|(at, to)| {
            let key = match to {
                LandedTo::Plan => "live-landed-at",
                LandedTo::Group => "live-lifted-at",
                LandedTo::Agreement => "live-agreement-at",
            };
            page.t1(key, "when", page.date_time(&at))
        }),
        notice: match q.notice.as_deref() {
            Some("landed") => Some(page.t("live-landed-notice")),
            Some("no-plan") => Some(page.t("live-no-plan")),
            Some("lifted") => Some(page.t("live-lifted-notice")),
            Some("agreement") => Some(page.t("live-agreement-notice")),
            _ => None,
        },
        page,
    })
}

/// The same document as an editable Word file.
pub async fn docx(State(state): State<AppState>, page: Page, who: Participant) -> AppResult<Response> {
    let live = who.room.state().await;
    let doc = document(&state, &page, &who, &live).await?;
    crate::web::download::docx(&doc, &page.t("live-doc-file"))
}
