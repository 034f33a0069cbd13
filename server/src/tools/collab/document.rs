//! The group agreement as a document: its two points with actions, owner
//! and follow-up, where the group placed the themes in the matrix, the
//! follow-up of the last agreement, and what went up to the organisation.
//! The same blocks make an editable Word file and a page that prints well.
//! Only the group's own people get it: the agreement is the group's.

use super::{load_inside, store, RoundContext};
use crate::auth::Member;
use crate::error::AppResult;
use crate::i18n::format;
use crate::state::AppState;
use crate::thread::store as lifts;
use crate::tools::apv::report_doc::PrintPage;
use crate::web::Page;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::collab::{Quadrant, THEMES};
use domain::thread::{LiftStatus, SourceKind};
use exports::docx::{Block, Document};

fn points_blocks(page: &Page, labels: &super::content::AgreementText, points: &[store::Point]) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(page.t("collab-doc-points"))];
    if points.is_empty() {
        blocks.push(Block::Empty(page.t("collab-agreement-none")));
    }
    let or_none = |s: &str| if s.trim().is_empty() { page.t("apv-doc-not-answered") } else { s.to_string() };
    for p in points {
        blocks.push(Block::Subheading(format!("{}: {}", page.t1("collab-point-legend", "n", p.position), p.text)));
        blocks.push(Block::Fields(vec![
            (labels.actions.clone(), or_none(&p.actions)),
            (labels.measure.clone(), or_none(&p.measure)),
            (page.t("collab-point-owner"), p.owner_name.clone().unwrap_or_else(|| page.t("intro-owner-gone"))),
            (page.t("collab-point-follow-up"), format::date(page.lang, p.follow_up_on)),
        ]));
    }
    blocks
}

async fn build(state: &AppState, page: &Page, me: &Member, ctx: &RoundContext) -> AppResult<Document> {
    let (db, org) = (&state.db, me.org());
    let content = state.shipped.collab.get(page.lang);
    let points = store::points(db, org, &ctx.round.id).await?;
    let mut blocks = points_blocks(page, &content.agreement, &points);

    blocks.push(Block::Heading(page.t("collab-matrix-heading")));
    let placements = store::placements(db, org, &ctx.round.id).await?;
    let rows: Vec<Vec<String>> = Quadrant::ALL
        .into_iter()
        .map(|q| {
            let themes: Vec<&str> =
                THEMES.into_iter().filter(|t| placements.iter().any(|(p, pq)| p == t && *pq == q)).map(|t| content.theme_title(t)).collect();
            vec![content.matrix.quadrant(q).title.clone(), themes.join(", ")]
        })
        .filter(|r| !r[1].is_empty())
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Empty(page.t("collab-doc-none")));
    } else {
        blocks.push(Block::Table { header: vec![page.t("collab-doc-field"), page.t("collab-doc-themes")], rows });
    }

    if let Some(previous) = store::previous(db, org, me.person(), &ctx.round).await? {
        let earlier = store::points(db, org, &previous.id).await?;
        let reviews = store::reviews(db, org, &ctx.round.id).await?;
        if !earlier.is_empty() {
            blocks.push(Block::Heading(page.t("collab-followup-heading")));
            let rows = earlier
                .iter()
                .map(|p| match reviews.iter().find(|(id, _)| id == p.id.as_str()).map(|(_, r)| *r) {
                    Some(r) => vec![
                        p.text.clone(),
                        page.t(if r.done { "apv-review-done-yes" } else { "apv-review-done-no" }),
                        page.t(&format!("apv-review-worked-{}", r.worked.code())),
                        page.t(&format!("apv-review-next-{}", r.next_step.code())),
                    ],
                    None => vec![p.text.clone(), page.t("apv-review-not-yet")],
                })
                .collect();
            let header = ["collab-doc-point", "apv-review-done-legend", "apv-review-worked-legend", "apv-review-next-legend"];
            blocks.push(Block::Table { header: header.iter().map(|k| page.t(k)).collect(), rows });
        }
    }

    let mut sent = Vec::new();
    for p in &points {
        let source = super::lift::source_id(&ctx.round.id, p.id.as_str());
        for l in lifts::from_group(db, org, me.person(), &ctx.group.id, SourceKind::CollabPoint, &source).await? {
            let status = page.t(l.answered.status.label_key());
            let answer = if l.answered.answer.is_empty() || l.answered.status == LiftStatus::Open { String::new() } else { format!(": {}", l.answered.answer) };
            sent.push(format!("{} ({status}{answer})", l.text));
        }
    }
    if !sent.is_empty() {
        blocks.push(Block::Heading(page.t("collab-doc-lifted")));
        blocks.push(Block::Bullets(sent));
    }

    let status = page.t(if ctx.round.open { "collab-doc-draft" } else { "collab-round-settled" });
    Ok(Document {
        title: page.t1("collab-doc-title", "group", &ctx.group.name),
        subtitle: Some(format!("{} · {status}", super::invite::when_text(&page.tr, &ctx.round))),
        lang: page.lang_code().to_string(),
        blocks,
        footer: Some(page.t1("collab-doc-footer", "date", format::date(page.lang, state.clock.today()))),
    })
}

pub async fn docx(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<Response> {
    let ctx = load_inside(&state, &me, &id).await?;
    let doc = build(&state, &page, &me, &ctx).await?;
    crate::web::download::docx(&doc, &page.t("collab-doc-file"))
}

pub async fn print(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<PrintPage> {
    let ctx = load_inside(&state, &me, &id).await?;
    let doc = build(&state, &page, &me, &ctx).await?;
    let id = ctx.round.id.to_string();
    Ok(PrintPage { back_href: format!("/collab/rounds/{id}"), back_label: page.t("collab-back-to-round"), docx_href: format!("/collab/rounds/{id}/agreement.docx"), doc, page })
}
