//! A leader's own notes to the cards of a deck used alone (reflection, or
//! a walk with a colleague): one note per card, private to the leader,
//! saved as they type. Nobody else reads them; they are in the leader's
//! data export and go with their account.

use super::content::ProcedureKind;
use super::pages::CardView;
use crate::auth::csrf::{CsrfForm, Whole, WholeForm};
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::storage::Db;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::ids::{OrgId, PersonId};
use domain::input::LongText;
use std::collections::HashMap;

async fn notes(db: &Db, org: &OrgId, person: &PersonId, deck: &str) -> anyhow::Result<HashMap<String, String>> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT card, text FROM card_notes WHERE org_id = $1 AND person_id = $2 AND deck = $3")
        .bind(org.as_str())
        .bind(person.as_str())
        .bind(deck)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Saves one note; an empty note is removed.
async fn save(db: &Db, org: &OrgId, person: &PersonId, deck: &str, card: &str, text: &str, now: time::OffsetDateTime) -> anyhow::Result<()> {
    if text.is_empty() {
        sqlx::query("DELETE FROM card_notes WHERE org_id = $1 AND person_id = $2 AND deck = $3 AND card = $4")
            .bind(org.as_str())
            .bind(person.as_str())
            .bind(deck)
            .bind(card)
            .execute(&db.pool)
            .await?;
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO card_notes (person_id, org_id, deck, card, text, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (person_id, deck, card) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
    )
    .bind(person.as_str())
    .bind(org.as_str())
    .bind(deck)
    .bind(card)
    .bind(text)
    .bind(crate::storage::to_text(now))
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A deck that is used alone or in pairs (the leader-wellbeing cards, and
/// the organisation's own decks used like them); any other deck has no
/// reflection page.
async fn reflective(state: &AppState, page: &Page, me: &Member, code: &str) -> AppResult<super::content::Deck> {
    let deck = super::decks::find(state, me.org(), page.lang, code).await?.ok_or(AppError::NotFound)?.deck;
    let alone = deck.procedures.iter().any(|p| matches!(p.kind, ProcedureKind::Solo | ProcedureKind::PairWalk));
    if alone { Ok(deck) } else { Err(AppError::NotFound) }
}

pub struct NoteCard {
    pub card: CardView,
    pub note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/cards/reflect.html")]
pub struct ReflectPage {
    pub page: Page,
    pub code: String,
    pub title: String,
    /// The solo and walk procedures' introductions.
    pub ways: Vec<(String, String)>,
    pub cards: Vec<NoteCard>,
    pub saved: bool,
    pub error: Option<String>,
}

async fn reflect_page(state: &AppState, page: Page, me: &Member, code: &str, typed: Option<HashMap<String, String>>, error: Option<String>, saved: bool) -> AppResult<ReflectPage> {
    let deck = reflective(state, &page, me, code).await?;
    let mut mine = notes(&state.db, me.org(), me.person(), &deck.code).await?;
    if let Some(typed) = typed {
        mine = typed;
    }
    let cards = super::pages::cards(&page, &deck.cards)
        .into_iter()
        .map(|card| NoteCard { note: mine.get(&card.code).cloned().unwrap_or_default(), card })
        .collect();
    Ok(ReflectPage {
        code: deck.code.clone(),
        title: deck.title.clone(),
        ways: deck
            .procedures
            .iter()
            .filter(|p| matches!(p.kind, ProcedureKind::Solo | ProcedureKind::PairWalk))
            .map(|p| (p.title.clone(), p.intro.clone()))
            .collect(),
        cards,
        saved,
        error,
        page,
    })
}

pub async fn show(State(state): State<AppState>, page: Page, me: Member, Path(code): Path<String>) -> AppResult<ReflectPage> {
    reflect_page(&state, page, &me, &code, None, None, false).await
}

/// The whole form at once (without JavaScript): `note-<card code>` fields.
/// A note too long refuses the whole form and nothing is saved.
pub async fn save_all(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(code): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let deck = reflective(&state, &page, &me, &code).await?;
    let mut parsed = Vec::new();
    for (name, value) in &pairs {
        let Some(card) = name.strip_prefix("note-") else { continue };
        if deck.card(card).is_none() {
            return Err(AppError::NotFound);
        }
        match LongText::parse_optional(value) {
            Ok(t) => parsed.push((card.to_string(), t.map(|t| t.as_str().to_string()).unwrap_or_default())),
            Err(e) => {
                let typed = pairs.iter().filter_map(|(k, v)| Some((k.strip_prefix("note-")?.to_string(), v.clone()))).collect();
                let body = reflect_page(&state, page.clone(), &me, &code, Some(typed), Some(page.t(e.key)), false).await?;
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response());
            }
        }
    }
    for (card, text) in &parsed {
        save(&state.db, me.org(), me.person(), &deck.code, card, text, state.clock.now()).await?;
    }
    Ok(reflect_page(&state, page, &me, &code, None, None, true).await?.into_response())
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

/// One note as it is typed (the page's script posts it): 204, or 422 with
/// the reason; an unknown card is 404.
pub async fn save_one(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path((code, card)): Path<(String, String)>,
    WholeForm(form): WholeForm<NoteForm>,
) -> AppResult<Response> {
    let deck = reflective(&state, &page, &me, &code).await?;
    if deck.card(&card).is_none() {
        return Err(AppError::NotFound);
    }
    let text = match LongText::parse_optional(&form.text) {
        Ok(t) => t.map(|t| t.as_str().to_string()).unwrap_or_default(),
        Err(e) => return Ok((StatusCode::UNPROCESSABLE_ENTITY, page.t(e.key)).into_response()),
    };
    save(&state.db, me.org(), me.person(), &deck.code, &card, &text, state.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
