//! HR's pages for the organisation's own decks: create one (named and
//! described in Danish and English, used the way a chosen shipped deck is),
//! rename it, hide it or show it again. Its cards are added in the content
//! catalogue, which the deck's page links to. Every change is audited in
//! the same transaction; another organisation's deck is 404.

use super::content::DECKS;
use super::own_decks::{self, OwnDeck, Texts};
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
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::input::{DeckTitle, LongText};
use serde::Deserialize;

/// The create and edit form (one template).
#[derive(Template, WebTemplate)]
#[template(path = "tools/cards/own_deck_form.html")]
pub struct FormPage {
    pub page: Page,
    pub errors: FormErrors,
    /// The deck's code when editing; `None` when creating.
    pub code: Option<String>,
    /// (shipped deck code, how it is used) for the template choice.
    pub templates: Vec<(&'static str, String)>,
    pub form: DeckForm,
}

#[derive(Deserialize, Default)]
pub struct DeckForm {
    #[serde(default)]
    pub template: String,
    #[serde(default)]
    pub title_da: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub summary_da: String,
    #[serde(default)]
    pub summary_en: String,
}

/// Each shipped deck as a way to use an own deck: its name and procedures.
fn templates(state: &AppState, page: &Page) -> Vec<(&'static str, String)> {
    let set = state.shipped.cards.get(page.lang);
    DECKS
        .into_iter()
        .filter_map(|code| {
            let deck = set.deck(code)?;
            let ways: Vec<&str> = deck.procedures.iter().map(|p| p.title.as_str()).collect();
            Some((code, page.t2("cards-own-template-option", "deck", deck.title.as_str(), "procedures", ways.join(", "))))
        })
        .collect()
}

fn form_page(state: &AppState, page: Page, code: Option<String>, form: DeckForm) -> FormPage {
    FormPage { templates: templates(state, &page), page, errors: FormErrors::default(), code, form }
}

fn refused(mut form_page: FormPage, errors: FormErrors) -> Response {
    form_page.errors = errors;
    (StatusCode::UNPROCESSABLE_ENTITY, form_page).into_response()
}

pub async fn new_form(State(state): State<AppState>, page: Page, _admin: OrgAdmin) -> FormPage {
    form_page(&state, page, None, DeckForm::default())
}

/// Both names and both summaries are required.
fn parse(page: &Page, form: &DeckForm, errors: &mut FormErrors) -> Option<[String; 4]> {
    let title_da = errors.check(&page.tr, "title_da", DeckTitle::parse(&form.title_da));
    let title_en = errors.check(&page.tr, "title_en", DeckTitle::parse(&form.title_en));
    let summary_da = errors.check(&page.tr, "summary_da", LongText::parse(&form.summary_da));
    let summary_en = errors.check(&page.tr, "summary_en", LongText::parse(&form.summary_en));
    Some([
        title_da?.as_str().to_string(),
        title_en?.as_str().to_string(),
        summary_da?.as_str().to_string(),
        summary_en?.as_str().to_string(),
    ])
}

fn texts(parsed: &[String; 4]) -> Texts<'_> {
    Texts { title_da: &parsed[0], title_en: &parsed[1], summary_da: &parsed[2], summary_en: &parsed[3] }
}

pub async fn create(State(state): State<AppState>, page: Page, admin: OrgAdmin, CsrfForm(form): CsrfForm<DeckForm>) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let template = DECKS.into_iter().find(|c| *c == form.template);
    if template.is_none() {
        errors.add_key(&page.tr, Some("template"), "cards-own-error-template");
    }
    let parsed = parse(&page, &form, &mut errors);
    let (Some(template), Some(parsed)) = (template, parsed) else {
        return Ok(refused(form_page(&state, page, None, form), errors));
    };
    let mut tx = state.db.begin_write().await?;
    let id = own_decks::insert(&mut tx, admin.org(), template, &texts(&parsed), state.clock.now()).await?;
    let actor = audit::Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, admin.org(), actor, "own-deck-added", &parsed[0], state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/cards/{}", own_decks::code(&id))).into_response())
}

/// The organisation's own deck with this code; anything else is 404.
async fn find(state: &AppState, admin: &OrgAdmin, code: &str) -> AppResult<OwnDeck> {
    let id = own_decks::id_of(code).ok_or(AppError::NotFound)?;
    own_decks::get(&state.db, admin.org(), &id).await?.ok_or(AppError::NotFound)
}

pub async fn edit_form(State(state): State<AppState>, page: Page, admin: OrgAdmin, Path(code): Path<String>) -> AppResult<FormPage> {
    let deck = find(&state, &admin, &code).await?;
    let form = DeckForm {
        template: deck.template.clone(),
        title_da: deck.title_da,
        title_en: deck.title_en,
        summary_da: deck.summary_da,
        summary_en: deck.summary_en,
    };
    Ok(form_page(&state, page, Some(code), form))
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    admin: OrgAdmin,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<DeckForm>,
) -> AppResult<Response> {
    let deck = find(&state, &admin, &code).await?;
    let mut errors = FormErrors::default();
    let Some(parsed) = parse(&page, &form, &mut errors) else {
        let form = DeckForm { template: deck.template, ..form };
        return Ok(refused(form_page(&state, page, Some(code), form), errors));
    };
    let mut tx = state.db.begin_write().await?;
    own_decks::update(&mut tx, admin.org(), &deck.id, &texts(&parsed)).await?;
    let actor = audit::Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, admin.org(), actor, "own-deck-edited", &parsed[0], state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/cards/{code}")).into_response())
}

/// Hides a deck from the lists and the start form, or shows it again.
/// Sessions already run with it keep it.
pub async fn visibility(
    State(state): State<AppState>,
    admin: OrgAdmin,
    Path(code): Path<String>,
    CsrfForm(form): CsrfForm<VisibilityForm>,
) -> AppResult<Redirect> {
    let deck = find(&state, &admin, &code).await?;
    let hidden = form.hidden()?;
    let mut tx = state.db.begin_write().await?;
    own_decks::set_hidden(&mut tx, admin.org(), &deck.id, hidden).await?;
    let action = if hidden { "own-deck-hidden" } else { "own-deck-shown" };
    let actor = audit::Actor { person: Some(admin.person()), name: &admin.m.name };
    audit::record(&mut tx, admin.org(), actor, action, &deck.title_da, state.clock.now()).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/cards/{code}")))
}
