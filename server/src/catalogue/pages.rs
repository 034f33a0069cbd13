//! HR's catalogue admin: every catalogued tool's items (the introduction
//! tool's statements, Tool 1's support questions, the APV's themes, the
//! organisation's own dialog cards) per section in Danish and
//! English; hide or show, edit (a new revision, so earlier answers keep
//! their wording) and add the organisation's own items. Every change is
//! written to the audit log in the same transaction.

use super::store::{self, Item};
use crate::auth::csrf::CsrfForm;
use crate::auth::OrgAdmin;
use crate::error::{AppError, AppResult};
use crate::org::audit;
use crate::state::AppState;
use crate::web::forms::{FormErrors, VisibilityForm};
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use crate::web::query::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use domain::ids::{CatalogueItemId, OrgId};
use domain::input::LongText;
use serde::Deserialize;

/// A catalogued tool and its sections (codes are unique across tools, so a
/// section names its tool).
struct CatalogueTool {
    code: &'static str,
    title: String,
    sections: Vec<(String, String)>,
}

/// The tools and their sections; the cards' sections are the shipped decks
/// and the organisation's own decks.
async fn catalogue_tools(state: &AppState, org: &OrgId, lang: crate::i18n::Lang) -> anyhow::Result<Vec<CatalogueTool>> {
    let intro = state.shipped.intro.get(lang);
    let dialog = state.shipped.dialog.get(lang);
    let apv = state.shipped.apv.get(lang);
    let collab = state.shipped.collab.get(lang);
    let cards = state.shipped.cards.get(lang);
    let title = |sections: &std::collections::BTreeMap<String, crate::content::SectionText>, code: &str| {
        (code.to_string(), sections.get(code).map(|s| s.title.clone()).unwrap_or_default())
    };
    let mut decks: Vec<(String, String)> = crate::tools::cards::content::DECKS
        .into_iter()
        .map(|code| (code.to_string(), cards.deck(code).map(|d| d.title.clone()).unwrap_or_default()))
        .collect();
    for own in crate::tools::cards::own_decks::list(&state.db, org).await? {
        decks.push((own.code(), own.title(lang).to_string()));
    }
    Ok(vec![
        CatalogueTool {
            code: "intro",
            title: intro.title.clone(),
            sections: domain::intro::Section::ALL.into_iter().map(|s| title(&intro.sections, s.code())).collect(),
        },
        CatalogueTool {
            code: "dialog",
            title: dialog.title.clone(),
            sections: crate::content::GUIDE_SECTIONS.into_iter().map(|s| title(&dialog.sections, s)).collect(),
        },
        CatalogueTool {
            code: "apv",
            title: apv.title.clone(),
            sections: crate::tools::apv::content::PARTS.into_iter().map(|s| title(&apv.parts, s)).collect(),
        },
        CatalogueTool {
            code: "collab",
            title: collab.title.clone(),
            sections: domain::collab::THEMES.into_iter().map(|s| title(&collab.sections, s)).collect(),
        },
        CatalogueTool {
            code: crate::tools::cards::own::TOOL,
            title: crate::i18n::Tr::new(lang).t("cards-title"),
            sections: decks,
        },
    ])
}

/// The tool a section belongs to.
fn tool_of_section(tools: &[CatalogueTool], section: &str) -> Option<&'static str> {
    tools.iter().find(|t| t.sections.iter().any(|(c, _)| c == section)).map(|t| t.code)
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/catalogue", get(list))
        .route("/admin/catalogue/new", get(new_form))
        .route("/admin/catalogue/items", post(add))
        .route("/admin/catalogue/items/{id}", get(edit_form).post(edit))
        .route("/admin/catalogue/items/{id}/visibility", post(visibility))
}

pub struct SectionBlock {
    pub code: String,
    pub title: String,
    pub items: Vec<Item>,
}

pub struct ToolBlock {
    pub code: &'static str,
    pub title: String,
    pub sections: Vec<SectionBlock>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/catalogue/index.html")]
pub struct ListPage {
    page: Page,
    tools: Vec<ToolBlock>,
}

async fn list(State(state): State<AppState>, page: Page, admin: OrgAdmin) -> AppResult<ListPage> {
    let mut tools = Vec::new();
    for tool in catalogue_tools(&state, admin.org(), page.lang).await? {
        let items = store::items(&state.db, admin.org(), tool.code).await?;
        let sections = tool
            .sections
            .into_iter()
            .map(|(code, title)| SectionBlock { items: items.iter().filter(|i| i.section == code).cloned().collect(), code, title })
            .collect();
        tools.push(ToolBlock { code: tool.code, title: tool.title, sections });
    }
    Ok(ListPage { tools, page })
}

/// The add and edit form (one template).
#[derive(Template, WebTemplate)]
#[template(path = "admin/catalogue/form.html")]
pub struct FormPage {
    page: Page,
    errors: FormErrors,
    /// `None` when adding.
    item_id: Option<String>,
    /// (code, title) of every section, for the add form's choice.
    sections: Vec<(String, String)>,
    section: String,
    /// The item is a dialog card (its section is a deck): the form speaks
    /// of cards and explains how one is written.
    card: bool,
    heading: String,
    text_da: String,
    text_en: String,
}

impl FormPage {
    /// The form over `tools`, the organisation's catalogue (`catalogue_tools`).
    fn new(page: Page, tools: Vec<CatalogueTool>, item_id: Option<String>, section: String, text_da: String, text_en: String) -> Self {
        let card = tools.iter().any(|t| t.code == crate::tools::cards::own::TOOL && t.sections.iter().any(|(c, _)| *c == section));
        let sections = tools
            .into_iter()
            .flat_map(|t| t.sections.into_iter().map(move |(c, title)| (c, format!("{} – {}", t.title, title))))
            .collect();
        let heading = page.t(match (card, item_id.is_some()) {
            (true, true) => "catalogue-edit-card-title",
            (true, false) => "catalogue-add-card-title",
            (false, true) => "catalogue-edit-title",
            (false, false) => "catalogue-add-title",
        });
        FormPage { page, errors: FormErrors::default(), item_id, sections, section, card, heading, text_da, text_en }
    }
}

#[derive(Deserialize)]
pub struct NewQuery {
    section: Option<String>,
}

async fn new_form(State(state): State<AppState>, page: Page, admin: OrgAdmin, Query(q): Query<NewQuery>) -> AppResult<FormPage> {
    let tools = catalogue_tools(&state, admin.org(), page.lang).await?;
    let mut section = q.section.unwrap_or_default();
    if tool_of_section(&tools, &section).is_none() {
        section.clear();
    }
    Ok(FormPage::new(page, tools, None, section, String::new(), String::new()))
}

async fn edit_form(State(state): State<AppState>, page: Page, admin: OrgAdmin, Path(id): Path<String>) -> AppResult<FormPage> {
    let item = find(&state, &admin, &id).await?;
    let tools = catalogue_tools(&state, admin.org(), page.lang).await?;
    Ok(FormPage::new(page, tools, Some(item.id.to_string()), item.section, item.text_da, item.text_en))
}

/// An item in this organisation; anything else is 404.
async fn find(state: &AppState, admin: &OrgAdmin, id: &str) -> AppResult<Item> {
    let id = CatalogueItemId::parse(id).ok_or(AppError::NotFound)?;
    store::item(&state.db, admin.org(), &id).await?.ok_or(AppError::NotFound)
}

#[derive(Deserialize, Default)]
pub struct TextForm {
    #[serde(default)]
    section: String,
    #[serde(default)]
    text_da: String,
    #[serde(default)]
    text_en: String,
}

/// Both languages are required, each within `LongText`'s limits.
fn parse_texts(page: &Page, form: &TextForm, errors: &mut FormErrors) -> Option<(LongText, LongText)> {
    let da = errors.check(&page.tr, "text_da", LongText::parse(&form.text_da));
    let en = errors.check(&page.tr, "text_en", LongText::parse(&form.text_en));
    da.zip(en)
}

fn refused(mut form_page: FormPage, errors: FormErrors) -> Response {
    form_page.errors = errors;
    (StatusCode::UNPROCESSABLE_ENTITY, form_page).into_response()
}

/// What the audit log shows of a statement: its Danish wording, shortened.
fn audit_target(text_da: &str) -> String {
    let mut s: String = text_da.chars().take(120).collect();
    if text_da.chars().count() > 120 {
        s.push('…');
    }
    s
}

async fn add(State(state): State<AppState>, page: Page, admin: OrgAdmin, CsrfForm(form): CsrfForm<TextForm>) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let tools = catalogue_tools(&state, admin.org(), page.lang).await?;
    let tool = tool_of_section(&tools, &form.section);
    if tool.is_none() {
        errors.add_key(&page.tr, Some("section"), "catalogue-error-section");
    }
    let texts = parse_texts(&page, &form, &mut errors);
    let (Some(tool), Some((da, en))) = (tool, texts) else {
        return Ok(refused(FormPage::new(page, tools, None, form.section, form.text_da, form.text_en), errors));
    };
    let section = form.section;
    let mut tx = state.db.begin_write().await?;
    store::add(&mut tx, admin.org(), tool, &section, da.as_str(), en.as_str(), state.clock.now()).await?;
    let actor = audit::Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, admin.org(), actor, "catalogue-item-added", &audit_target(da.as_str()), state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&back_to(Some(tool), &section)).into_response())
}

/// Where a saved item is shown: a card on its deck's page, where it is
/// used; anything else in the catalogue.
fn back_to(tool: Option<&str>, section: &str) -> String {
    if tool == Some(crate::tools::cards::own::TOOL) {
        format!("/cards/{section}")
    } else {
        format!("/admin/catalogue#section-{section}")
    }
}

async fn edit(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<TextForm>,
) -> AppResult<Response> {
    let item = find(&state, &admin, &id).await?;
    let tools = catalogue_tools(&state, admin.org(), page.lang).await?;
    let mut errors = FormErrors::default();
    let Some((da, en)) = parse_texts(&page, &form, &mut errors) else {
        let fp = FormPage::new(page, tools, Some(item.id.to_string()), item.section, form.text_da, form.text_en);
        return Ok(refused(fp, errors));
    };
    let back = back_to(tool_of_section(&tools, &item.section), &item.section);
    if da.as_str() == item.text_da && en.as_str() == item.text_en {
        return Ok(Redirect::to(&back).into_response());
    }
    let mut tx = state.db.begin_write().await?;
    store::edit(&mut tx, admin.org(), &item.id, da.as_str(), en.as_str(), state.clock.now()).await?;
    let actor = audit::Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, admin.org(), actor, "catalogue-item-edited", &audit_target(da.as_str()), state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&back).into_response())
}

async fn visibility(
    State(state): State<AppState>,
    admin: OrgAdmin,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<VisibilityForm>,
) -> AppResult<Redirect> {
    let item = find(&state, &admin, &id).await?;
    let hidden = form.hidden()?;
    let mut tx = state.db.begin_write().await?;
    store::set_hidden(&mut tx, admin.org(), &item.id, hidden).await?;
    let action = if hidden { "catalogue-item-hidden" } else { "catalogue-item-shown" };
    let actor = audit::Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, admin.org(), actor, action, &audit_target(&item.text_da), state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/admin/catalogue#item-{}", item.id)))
}
