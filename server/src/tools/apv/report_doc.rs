//! The round's APV documentation as the law asks for it, in one document:
//! the picture (Skema 1) as far as the reader may see it, the sorting
//! (Skema 2), each action plan (Skema 3) with the problem's nature,
//! severity, extent and causes, who does what by when, and the report's
//! answers (sickness absence, the safety organisation's part and date, the
//! next APV). The same blocks make an editable Word file and a page that
//! prints well.

use super::content::ApvContent;
use super::pages::{absence_label, colour_text, colours, level_name, theme_label, variant_name};
use super::picture::{seen, Seen};
use super::store::{self, RoundTheme};
use super::{load_round, RoundContext};
use crate::auth::Member;
use crate::error::AppResult;
use crate::i18n::format;
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::apv::{by_urgency, Colour, Level};
use exports::docx::{Block, Document};

fn or_empty(page: &Page, text: &str) -> String {
    if text.trim().is_empty() {
        page.t("apv-doc-not-answered")
    } else {
        text.to_string()
    }
}

fn picture_blocks(page: &Page, content: &ApvContent, ctx: &RoundContext, themes: &[RoundTheme], seen: Seen) -> Vec<Block> {
    let names = colours(content, ctx.round.variant);
    let mut blocks = vec![Block::Heading(page.t("apv-doc-mapping")), Block::Paragraph(page.t1("apv-handed-in-count", "count", ctx.round.respondents))];
    match seen {
        Seen::Shown { tallies, .. } => blocks.push(Block::Table {
            header: std::iter::once(page.t("apv-table-theme")).chain(Colour::ALL.map(|c| colour_text(names, c).name.clone())).collect(),
            rows: by_urgency(&tallies)
                .into_iter()
                .map(|i| std::iter::once(theme_label(&page.tr, &themes[i])).chain(tallies[i].counts.map(|n| n.to_string())).collect())
                .collect(),
        }),
        Seen::AnswersDeleted => blocks.push(Block::Empty(page.t("retention-answers-deleted-text"))),
        _ => blocks.push(Block::Empty(page.t("apv-doc-picture-withheld"))),
    }
    blocks
}

/// The document's title, subtitle and blocks for a round the reader may see.
async fn build(state: &AppState, page: &Page, me: &Member, ctx: &RoundContext) -> AppResult<Document> {
    let (org, db) = (me.org(), &state.db);
    let content = state.shipped.apv.get(page.lang);
    let themes = store::themes(db, org, &ctx.round.id).await?;
    let label = |rev: &str| themes.iter().find(|t| t.revision_id.as_str() == rev).map(|t| theme_label(&page.tr, t)).unwrap_or_default();
    let mut blocks = picture_blocks(page, content, ctx, &themes, seen(state, me, ctx, &themes).await?);

    blocks.push(Block::Heading(page.t("apv-doc-sorting")));
    let sorting = store::sorting(db, org, &ctx.round.id).await?;
    let names = colours(content, ctx.round.variant);
    // By level (the individual, the group, the organisation), then the form's order.
    let mut placed: Vec<(usize, Vec<String>)> = themes
        .iter()
        .flat_map(|t| Colour::ALL.map(|c| (t, c)))
        .filter_map(|(t, c)| {
            let level = *sorting.get(&(t.revision_id.as_str().to_string(), c))?;
            let row = vec![theme_label(&page.tr, t), colour_text(names, c).name.clone(), level_name(content, level).to_string()];
            Some((Level::ALL.iter().position(|l| *l == level).unwrap_or(0), row))
        })
        .collect();
    placed.sort_by_key(|(level, _)| *level);
    if placed.is_empty() {
        blocks.push(Block::Empty(page.t("apv-doc-none")));
    } else {
        let rows = placed.into_iter().map(|(_, row)| row).collect();
        blocks.push(Block::Table { header: vec![page.t("apv-table-theme"), page.t("apv-doc-colour"), page.t("apv-doc-level")], rows });
    }

    let plans = store::plans(db, org, &ctx.round.id).await?;
    if plans.is_empty() {
        blocks.push(Block::Heading(page.t("apv-doc-plans")));
        blocks.push(Block::Empty(page.t("apv-doc-none")));
    }
    for plan in &plans {
        blocks.push(Block::Heading(page.t1("apv-plan-for", "theme", label(&plan.revision_id))));
        let field = |key: &str, text: &super::content::FieldText| (text.label.clone(), or_empty(page, plan.fields.get(key).map_or("", String::as_str)));
        let mut fields: Vec<(String, String)> =
            super::content::PLAN_FIELDS.iter().filter_map(|k| Some(field(k, content.plan.field(k)?))).collect();
        fields.push((page.t("apv-doc-follow-up-on"), plan.follow_up_on.map_or_else(|| page.t("apv-doc-not-answered"), |d| format::date(page.lang, d))));
        fields.push(field("severity", &content.plan.severity));
        fields.push(field("extent", &content.plan.extent));
        fields.push(field("causes", &content.plan.causes));
        blocks.push(Block::Fields(fields));
        blocks.push(Block::Subheading(page.t("apv-doc-actions")));
        if plan.actions.is_empty() {
            blocks.push(Block::Empty(page.t("apv-doc-none")));
        } else {
            blocks.push(Block::Table {
                header: vec![page.t("apv-doc-action"), page.t("apv-doc-owner"), page.t("apv-doc-due"), page.t("apv-doc-status")],
                rows: plan
                    .actions
                    .iter()
                    .map(|a| {
                        vec![
                            a.text.clone(),
                            a.owner_name.clone().unwrap_or_default(),
                            format::date(page.lang, a.due_on),
                            page.t(if a.done { "apv-doc-done" } else { "apv-doc-not-done" }),
                        ]
                    })
                    .collect(),
            });
        }
    }

    let r = &ctx.round.report;
    blocks.push(Block::Heading(content.report.title.clone()));
    let absence = r.absence.map(|a| absence_label(content, a).to_string());
    let absence = match absence {
        Some(a) if !r.absence_note.trim().is_empty() => format!("{a}\n{}", r.absence_note),
        Some(a) => a,
        None => page.t("apv-doc-not-answered"),
    };
    let amo = match r.amo_on {
        Some(d) => format!("{}\n{}", format::date(page.lang, d), r.amo_note),
        None => or_empty(page, &r.amo_note),
    };
    blocks.push(Block::Fields(vec![
        (content.report.absence.label.clone(), absence),
        (content.report.amo.label.clone(), amo.trim().to_string()),
        (content.report.next_due.label.clone(), r.next_due.map_or_else(|| page.t("apv-doc-not-answered"), |d| format::date(page.lang, d))),
    ]));

    let status = page.t(if ctx.round.open { "apv-round-open" } else { "apv-round-closed" });
    Ok(Document {
        title: page.t1("apv-doc-title", "group", &ctx.group.name),
        subtitle: Some(format!(
            "{} · {} · {status}",
            variant_name(&page.tr, ctx.round.variant),
            page.t1("apv-round-started", "date", page.date_time(&ctx.round.created_at))
        )),
        lang: page.lang_code().to_string(),
        blocks,
        footer: Some(page.t1("apv-doc-footer", "date", format::date(page.lang, state.clock.today()))),
    })
}

pub async fn docx(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<Response> {
    let ctx = load_round(&state, &me, &id).await?;
    let doc = build(&state, &page, &me, &ctx).await?;
    crate::web::download::docx(&doc, &page.t("apv-doc-file"))
}

/// A tool's document as a page that prints well (APV report, group agreement).
#[derive(Template, WebTemplate)]
#[template(path = "tools/document_print.html")]
pub struct PrintPage {
    pub page: Page,
    pub back_href: String,
    pub back_label: String,
    pub docx_href: String,
    pub doc: Document,
}

/// The same document as a page that prints well.
pub async fn print(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<PrintPage> {
    let ctx = load_round(&state, &me, &id).await?;
    let doc = build(&state, &page, &me, &ctx).await?;
    let id = ctx.round.id.to_string();
    Ok(PrintPage { back_href: format!("/apv/rounds/{id}"), back_label: page.t("apv-back-to-round"), docx_href: format!("/apv/rounds/{id}/report.docx"), doc, page })
}
