//! The decks as pages: every deck with who it is for and how it is used,
//! a deck's cards with their questions and its procedures step by step, and
//! a cut-out sheet to print (one-sided A4, six cards a page, dashed lines to
//! cut along). The decks are the method's shared material: every signed-in
//! person may read and print them.

use super::content::{Card, CardKind, Deck, ProcedureKind};
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};

/// A deck in the list.
pub struct DeckRow {
    pub code: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
    pub cards: usize,
    /// The organisation's own deck, not a shipped one.
    pub own: bool,
    /// Hidden by HR (listed for HR only).
    pub hidden: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/cards/index.html")]
pub struct IndexPage {
    pub page: Page,
    pub decks: Vec<DeckRow>,
    /// HR may add the organisation's own decks.
    pub may_add: bool,
}

pub async fn index(State(state): State<AppState>, page: Page, me: Member) -> AppResult<IndexPage> {
    let may_add = me.m.roles.may_administer();
    let decks = super::decks::all(&state, me.org(), page.lang, may_add)
        .await?
        .into_iter()
        .map(|d| DeckRow {
            own: d.own.is_some(),
            hidden: d.hidden(),
            cards: d.deck.cards.len(),
            code: d.deck.code,
            title: d.deck.title,
            summary: d.deck.summary,
            audience: d.deck.audience,
        })
        .collect();
    Ok(IndexPage { decks, may_add, page })
}

/// A card as the deck page and the sheet show it.
pub struct CardView {
    pub code: String,
    /// "Tema", "Spørgsmål", "Start", "Slut" in the page's language.
    pub kind: String,
    pub title: String,
    pub text: String,
    pub questions: Vec<String>,
}

/// A procedure with its frame (time, how many themes, where the next steps go).
pub struct ProcedureView {
    pub title: String,
    pub intro: String,
    pub facts: Vec<String>,
    pub steps: Vec<(String, String)>,
}

pub fn cards(page: &Page, cards: &[Card]) -> Vec<CardView> {
    cards
        .iter()
        .map(|c| CardView {
            code: c.code.clone(),
            kind: page.t(match c.kind {
                CardKind::Theme => "cards-kind-theme",
                CardKind::Question => "cards-kind-question",
                CardKind::Start => "cards-kind-start",
                CardKind::End => "cards-kind-end",
            }),
            title: c.title.clone(),
            text: c.text.clone(),
            questions: c.questions.clone(),
        })
        .collect()
}

fn procedures(page: &Page, deck: &Deck) -> Vec<ProcedureView> {
    deck.procedures
        .iter()
        .map(|p| {
            let mut facts = vec![page.t2("cards-minutes", "from", p.minutes[0], "to", p.minutes[1])];
            if let Some([a, b]) = p.themes {
                facts.push(page.t2("cards-themes", "from", a, "to", b));
            }
            if let Some(s) = p.seconds_per_person {
                facts.push(page.t1("cards-seconds", "seconds", s));
            }
            if let Some([a, b]) = p.rounds {
                facts.push(page.t2("cards-rounds", "from", a, "to", b));
            }
            if p.kind == ProcedureKind::Prioritise {
                if let Some(lands) = p.lands_in {
                    facts.push(page.t(match lands {
                        super::content::LandsIn::WellbeingPlan => "cards-lands-plan",
                        super::content::LandsIn::GroupAgreement => "cards-lands-group",
                        super::content::LandsIn::LeaderAgreement => "cards-lands-leader",
                    }));
                }
            }
            ProcedureView {
                title: p.title.clone(),
                intro: p.intro.clone(),
                facts,
                steps: p.steps.iter().map(|s| (s.title.clone(), s.text.clone())).collect(),
            }
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/cards/deck.html")]
pub struct DeckPage {
    pub page: Page,
    pub code: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
    pub procedures: Vec<ProcedureView>,
    pub cards: Vec<CardView>,
    /// The deck is used alone or on a walk: it has a page for one's own notes.
    pub reflective: bool,
    /// The ways this deck runs as a live session: (`deck:procedure`, title).
    pub live: Vec<(String, String)>,
    /// The organisation's own deck.
    pub own: bool,
    /// An own deck HR has hidden: it is read, but not offered.
    pub hidden: bool,
    /// HR's controls for an own deck.
    pub manage: Option<OwnControls>,
}

/// A deck of the reader's organisation, shipped or its own; 404 otherwise.
async fn deck(state: &AppState, page: &Page, me: &Member, code: &str) -> AppResult<super::decks::OrgDeck> {
    super::decks::find(state, me.org(), page.lang, code).await?.ok_or(AppError::NotFound)
}

/// What HR can do with the organisation's own deck on its page.
pub struct OwnControls {
    pub hidden: bool,
}

pub async fn show(State(state): State<AppState>, page: Page, me: Member, Path(code): Path<String>) -> AppResult<DeckPage> {
    let found = deck(&state, &page, &me, &code).await?;
    let d = &found.deck;
    let live = crate::tools::live::pages::startable(&found)
        .filter_map(|p| d.procedure(crate::tools::live::procedure_kind(p)).map(|q| (format!("{}:{}", d.code, p.code()), q.title.clone())))
        .collect();
    let manage = found.own.as_ref().filter(|_| me.m.roles.may_administer()).map(|o| OwnControls { hidden: o.hidden });
    Ok(DeckPage {
        code: d.code.clone(),
        title: d.title.clone(),
        summary: d.summary.clone(),
        audience: d.audience.clone(),
        procedures: procedures(&page, d),
        cards: cards(&page, &d.cards),
        reflective: d.procedures.iter().any(|p| matches!(p.kind, ProcedureKind::Solo | ProcedureKind::PairWalk)),
        live,
        own: found.own.is_some(),
        hidden: found.hidden(),
        manage,
        page,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "tools/cards/print.html")]
pub struct PrintPage {
    pub page: Page,
    pub code: String,
    pub title: String,
    /// Six cards to a sheet of A4.
    pub sheets: Vec<Vec<CardView>>,
}

pub async fn print(State(state): State<AppState>, page: Page, me: Member, Path(code): Path<String>) -> AppResult<PrintPage> {
    let d = deck(&state, &page, &me, &code).await?.deck;
    let mut sheets: Vec<Vec<CardView>> = Vec::new();
    for card in cards(&page, &d.cards) {
        match sheets.last_mut() {
            Some(sheet) if sheet.len() < 6 => sheet.push(card),
            _ => sheets.push(vec![card]),
        }
    }
    Ok(PrintPage { code: d.code, title: d.title, sheets, page })
}
