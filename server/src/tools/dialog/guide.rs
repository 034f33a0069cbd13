//! Step 1: the interview guide, worked through alone. One note field per
//! support question, saved as the leader types (app.js posts each field a
//! moment after the last key, and once more when the tab is hidden or
//! closed); the whole form also saves with its button, without JavaScript.

use crate::auth::csrf::{CsrfForm, Whole, WholeForm};
use crate::auth::Member;
use crate::catalogue::store::{self as catalogue, Item};
use crate::content::{DialogContent, GUIDE_SECTIONS};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::forms::FormErrors;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ids::CatalogueItemId;
use domain::input::LongText;

use super::notes;
use super::pictures;

pub struct PromptView {
    pub item_id: String,
    pub text: String,
    pub note: String,
    /// The wording the note was written to, when HR has changed it since.
    pub asked_before: Option<String>,
}

pub struct SectionView {
    pub key: &'static str,
    pub number: usize,
    pub title: String,
    pub intro: String,
    pub prompts: Vec<PromptView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/dialog/guide.html")]
pub struct GuidePage {
    pub page: Page,
    pub title: String,
    pub figure_svg: String,
    pub figure_caption: String,
    pub figure_description: String,
    pub sections: Vec<SectionView>,
    pub errors: FormErrors,
    pub saved: bool,
}

/// The guide's visible prompts, grouped by section in the method's order.
pub fn sections(content: &DialogContent, items: &[Item]) -> Vec<(usize, &'static str, String, String, Vec<Item>)> {
    GUIDE_SECTIONS
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let text = &content.sections[*key];
            let prompts = items.iter().filter(|it| it.section == *key && !it.hidden).cloned().collect();
            (i + 1, *key, text.title.clone(), text.intro.clone(), prompts)
        })
        .collect()
}

async fn render(state: &AppState, page: Page, me: &Member, typed: Option<&[(String, String)]>, errors: FormErrors, saved: bool) -> AppResult<GuidePage> {
    let items = catalogue::items(&state.db, me.org(), "dialog").await?;
    let notes = notes::notes(&state.db, me.org(), me.person()).await?;
    let content = state.shipped.dialog.get(page.lang);
    let sections = sections(content, &items)
        .into_iter()
        .map(|(number, key, title, intro, prompts)| SectionView {
            key,
            number,
            title,
            intro,
            prompts: prompts
                .iter()
                .map(|item| {
                    let saved = notes.get(&item.id);
                    let field = format!("note-{}", item.id);
                    let typed = typed.and_then(|t| t.iter().find(|(k, _)| *k == field)).map(|(_, v)| v.clone());
                    PromptView {
                        item_id: item.id.to_string(),
                        text: item.text(page.lang).to_string(),
                        note: typed.or_else(|| saved.map(|n| n.text.clone())).unwrap_or_default(),
                        asked_before: saved.filter(|n| n.revision_id != item.revision_id).map(|n| match page.lang {
                            crate::i18n::Lang::Da => n.asked_da.clone(),
                            crate::i18n::Lang::En => n.asked_en.clone(),
                        }),
                    }
                })
                .collect(),
        })
        .collect();
    Ok(GuidePage {
        title: content.title.clone(),
        figure_svg: pictures::all_the_way_round(&content.figure),
        figure_caption: content.figure.caption.clone(),
        figure_description: content.figure.description.clone(),
        sections,
        errors,
        saved,
        page,
    })
}

#[derive(serde::Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    crate::web::query::Query(q): crate::web::query::Query<SavedQuery>,
) -> AppResult<GuidePage> {
    render(&state, page, &me, None, FormErrors::default(), q.saved.is_some()).await
}

/// Saves every note on the page (the button, and the no-JavaScript path).
/// A note that is too long stops the whole save, so nothing is half-saved.
pub async fn save_all(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let mut parsed = Vec::new();
    for (field, value) in pairs.iter().filter(|(k, _)| k.starts_with("note-")) {
        let Some(item) = CatalogueItemId::parse(&field["note-".len()..]) else {
            return Err(AppError::BadRequest("error-form-invalid"));
        };
        match LongText::parse_optional(value) {
            Ok(text) => parsed.push((item, text.map(|t| t.as_str().to_string()).unwrap_or_default())),
            Err(e) => errors.add_at(&page.tr, field.clone(), e),
        }
    }
    if !errors.is_empty() {
        let body = render(&state, page, &me, Some(&pairs), errors, false).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
    }
    for (item, text) in parsed {
        notes::save(&state.db, me.org(), me.person(), &item, &text, state.clock.now()).await?;
    }
    Ok(Redirect::to("/dialog/guide?saved=1").into_response())
}

#[derive(serde::Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    text: String,
}

/// A note replaces the one saved; an empty `text` erases it, a missing one
/// is refused.
impl Whole for NoteForm {
    const SENDS: &'static [&'static str] = &["text"];
}

/// Saves one note as it is typed (called by app.js). Answers 204, or 422
/// with the reason as plain text in the user's language.
pub async fn save_one(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(item): Path<String>,
    WholeForm(form): WholeForm<NoteForm>,
) -> AppResult<Response> {
    let item = CatalogueItemId::parse(&item).ok_or(AppError::NotFound)?;
    let text = match LongText::parse_optional(&form.text) {
        Ok(t) => t.map(|t| t.as_str().to_string()).unwrap_or_default(),
        Err(e) => return Ok((StatusCode::UNPROCESSABLE_ENTITY, page.t(e.key)).into_response()),
    };
    if !notes::save(&state.db, me.org(), me.person(), &item, &text, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
