//! The agreement as a document: a readable page that prints well, and the
//! same content as an editable Word file. Both are the leader's own; the
//! nearest leader's view of shared points lives in `team`.

use super::agreement::{kind_title, Reader};
use super::store::{self, Agreement, Point};
use super::period_text;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::i18n::format;
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::Response;
use domain::agreement::{PointKind, Rhythm};
use exports::docx::{Block, Document};

pub struct DocPart {
    pub title: String,
    pub question: String,
    pub points: Vec<(String, Option<String>)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/dialog/document.html")]
pub struct DocumentPage {
    pub page: Page,
    pub name: String,
    pub period: String,
    pub parts: Vec<DocPart>,
    pub status: Vec<String>,
}

/// The follow-up line under a commitment: "how" in the leader's words and the rhythm.
fn follow_line(page: &Page, p: &Point) -> Option<String> {
    if p.rhythm == Rhythm::None {
        return None;
    }
    let rhythm = page.t(&format!("dialog-rhythm-{}", p.rhythm.as_str()));
    Some(if p.follow_up.is_empty() { rhythm } else { format!("{} ({rhythm})", p.follow_up) })
}

async fn load(state: &AppState, page: &Page, me: &Member) -> AppResult<(Agreement, Vec<DocPart>, Vec<String>)> {
    let agreement = store::current(&state.db, me.org(), me.person()).await?.ok_or(AppError::NotFound)?;
    let points = store::points(&state.db, me.org(), &agreement.id).await?;
    let content = state.shipped.dialog.get(page.lang);
    let parts = PointKind::ALL
        .into_iter()
        .map(|kind| DocPart {
            title: kind_title(page, kind, Reader::Leader),
            question: content.agreement.for_kind(kind).to_string(),
            points: points.iter().filter(|p| p.kind == kind).map(|p| (p.text.clone(), follow_line(page, p))).collect(),
        })
        .collect();
    let mut status = Vec::new();
    if let Some(at) = &agreement.agreed_by_leader_at {
        status.push(page.t1("dialog-doc-agreed-by-leader", "date", page.date_time(at)));
    }
    if let Some(at) = &agreement.agreed_by_nearest_at {
        status.push(page.t1("dialog-doc-agreed-by-nearest", "date", page.date_time(at)));
    }
    Ok((agreement, parts, status))
}

pub async fn show(State(state): State<AppState>, page: Page, me: Member) -> AppResult<DocumentPage> {
    let (agreement, parts, status) = load(&state, &page, &me).await?;
    Ok(DocumentPage { name: me.m.name.clone(), period: period_text(&page, &agreement.period), parts, status, page })
}

/// The agreement as an editable .docx.
pub async fn docx(State(state): State<AppState>, page: Page, me: Member) -> AppResult<Response> {
    let (agreement, parts, status) = load(&state, &page, &me).await?;
    let mut blocks = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        blocks.push(Block::Heading(format!("{}. {}", i + 1, part.title)));
        blocks.push(Block::Paragraph(part.question));
        if part.points.is_empty() {
            blocks.push(Block::Empty(page.t("dialog-doc-empty")));
        }
        for (text, follow) in part.points {
            match follow {
                Some(f) => blocks.push(Block::Fields(vec![
                    (page.t("dialog-doc-agreement"), text),
                    (page.t("dialog-follow-label"), f),
                ])),
                None => blocks.push(Block::Bullets(vec![text])),
            }
        }
    }
    if !status.is_empty() {
        blocks.push(Block::Heading(page.t("dialog-agreed-heading")));
        blocks.push(Block::Bullets(status));
    }
    let doc = Document {
        title: page.t1("dialog-doc-title", "name", &me.m.name),
        subtitle: Some(page.t1("dialog-period", "period", period_text(&page, &agreement.period))),
        lang: page.lang_code().to_string(),
        blocks,
        footer: Some(page.t1("dialog-doc-footer", "date", format::date(page.lang, state.clock.today()))),
    };
    crate::web::download::docx(&doc, &page.t("dialog-doc-file"))
}
