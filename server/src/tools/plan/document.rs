//! The plan as a document: its two most important points, an action card
//! per theme (with what we know and how we will work with it), and top
//! management's sign-off. The same blocks make an editable Word file and a
//! page that prints well; anyone who may read the plan may take it away.

use super::load;
use super::sheet;
use super::store;
use crate::auth::Member;
use crate::error::AppResult;
use crate::i18n::format;
use crate::state::AppState;
use crate::tools::apv::report_doc::PrintPage;
use crate::web::Page;
use axum::extract::{Path, State};
use axum::response::Response;
use exports::docx::{Block, Document};

async fn build(state: &AppState, page: &Page, me: &Member, plan: &store::Plan) -> AppResult<Document> {
    let content = state.shipped.plan.get(page.lang);
    let sheet = sheet::sheet(state, me.org(), page.lang).await?;
    let themes = store::themes(&state.db, me.org(), &plan.id).await?;
    let log = store::status_log(&state.db, me.org(), &plan.id).await?;
    let title = |key: &str| sheet.iter().find(|s| s.key == key).map(|s| s.title.clone()).unwrap_or_else(|| page.t("plan-theme-gone"));
    let or_none = |s: &str| if s.trim().is_empty() { page.t("apv-doc-not-answered") } else { s.to_string() };
    let date = |d: Option<time::Date>| d.map_or_else(|| page.t("apv-doc-not-answered"), |d| format::date(page.lang, d));

    let mut blocks = vec![Block::Heading(page.t("plan-doc-top"))];
    let mut top: Vec<&store::PlanTheme> = themes.iter().filter(|t| t.top.is_some()).collect();
    top.sort_by_key(|t| t.top);
    if top.is_empty() {
        blocks.push(Block::Empty(page.t("plan-doc-top-none")));
    } else {
        blocks.push(Block::Bullets(top.iter().map(|t| format!("{}: {}", title(&t.theme), or_none(&t.card.goal))).collect()));
    }
    blocks.push(Block::Heading(page.t("plan-doc-cards")));
    if themes.is_empty() {
        blocks.push(Block::Empty(page.t("plan-doc-no-themes")));
    }
    let c = &content.card;
    for t in &themes {
        blocks.push(Block::Subheading(title(&t.theme)));
        blocks.push(Block::Fields(vec![
            (content.mapping.known.clone(), or_none(&t.known)),
            (content.mapping.need_more.clone(), or_none(&t.need_more)),
            (content.qualify.unfold.clone(), or_none(&t.unfold)),
            (c.goal.clone(), or_none(&t.card.goal)),
            (c.actions.clone(), or_none(&t.card.actions)),
            (c.owner.clone(), or_none(&t.card.owner)),
            (c.starts_on.clone(), date(t.card.starts_on)),
            (c.deadline.clone(), date(t.card.deadline)),
            (c.measure.clone(), or_none(&t.card.measure)),
            (c.follow_up.clone(), or_none(&t.card.follow_up)),
            (page.t("plan-follow-up-on"), date(t.card.follow_up_on)),
            (page.t("plan-status-label"), page.t(&format!("plan-status-{}", t.card.status.code()))),
        ]));
        let history: Vec<String> = log.iter().filter(|n| n.theme == t.theme).map(|n| super::pages::history_line(page, n)).collect();
        if !history.is_empty() {
            blocks.push(Block::Paragraph(page.t("plan-history-heading")));
            blocks.push(Block::Bullets(history));
        }
    }
    blocks.push(Block::Heading(page.t("plan-doc-signoff")));
    match plan.signed_off_on {
        Some(on) => {
            let mut fields = vec![(content.plan.signoff_by.clone(), plan.signed_off_by.clone()), (page.t("plan-signed-off-on"), format::date(page.lang, on))];
            if !plan.signoff_note.is_empty() {
                fields.push((content.plan.signoff_note.clone(), plan.signoff_note.clone()));
            }
            blocks.push(Block::Fields(fields));
        }
        None => blocks.push(Block::Empty(page.t("plan-not-signed-off"))),
    }
    Ok(Document {
        title: plan.title.clone(),
        subtitle: Some(content.title.clone()),
        lang: page.lang_code().to_string(),
        blocks,
        footer: Some(page.t1("plan-doc-footer", "date", format::date(page.lang, state.clock.today()))),
    })
}

pub async fn docx(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<Response> {
    let plan = load(&state, &me, &id).await?;
    let doc = build(&state, &page, &me, &plan).await?;
    crate::web::download::docx(&doc, &page.t("plan-doc-file"))
}

pub async fn print(State(state): State<AppState>, page: Page, me: Member, Path(id): Path<String>) -> AppResult<PrintPage> {
    let plan = load(&state, &me, &id).await?;
    let doc = build(&state, &page, &me, &plan).await?;
    let id = plan.id.to_string();
    Ok(PrintPage { back_href: format!("/plan/{id}/concretise"), back_label: page.t("plan-back-to-plan"), docx_href: format!("/plan/{id}/plan.docx"), doc, page })
}
