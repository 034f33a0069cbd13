//! The theme sheet: the known themes of leader wellbeing to choose from,
//! with a short explanation each. The organisation deck's sixteen theme
//! cards (with their questions, which help unfold a theme) and its own cards
//! and decks used like it, and the organisation's APV themes (from its
//! catalogue, as HR has edited them).

use crate::i18n::Lang;
use crate::state::AppState;
use crate::tools::apv::content::ApvContent;
use crate::tools::cards::content::CardKind;
use domain::ids::OrgId;

/// Where a theme on the sheet comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Deck,
    Apv,
}

#[derive(Clone, Debug)]
pub struct SheetTheme {
    /// A deck card's code, or `apv:<catalogue item id>`.
    pub key: String,
    pub title: String,
    pub text: String,
    pub questions: Vec<String>,
    pub origin: Origin,
}

pub const APV_PREFIX: &str = "apv:";

pub async fn sheet(state: &AppState, org: &OrgId, lang: Lang) -> anyhow::Result<Vec<SheetTheme>> {
    // The organisation deck with the organisation's own cards, then its own
    // decks used like it: their next steps land in the plan under a card.
    // Hidden decks too, as the plan may already hold their themes.
    let mut themes: Vec<SheetTheme> = crate::tools::cards::decks::all(state, org, lang, true)
        .await?
        .into_iter()
        .filter(|d| d.template == "organisation")
        .flat_map(|d| d.deck.cards)
        .filter(|c| c.kind == CardKind::Theme)
        .map(|c| SheetTheme { key: c.code, title: c.title, text: c.text, questions: c.questions, origin: Origin::Deck })
        .collect();
    let other = crate::tools::apv::other_keys(&state.shipped);
    for item in crate::catalogue::store::items(&state.db, org, "apv").await? {
        if item.hidden || other.contains(&item.key.as_str()) {
            continue;
        }
        let text = item.text(lang);
        themes.push(SheetTheme {
            key: format!("{APV_PREFIX}{}", item.id),
            title: ApvContent::theme_name(text).to_string(),
            text: ApvContent::theme_description(text).to_string(),
            questions: Vec::new(),
            origin: Origin::Apv,
        });
    }
    Ok(themes)
}
