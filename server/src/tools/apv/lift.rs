//! Themes the group sorted as the organisation's in Skema 2 go up to the
//! organisation through the thread across levels (decision 0002): the
//! group's leader sends each in the group's words, with or without their
//! own name; HR answers in the organisation's inbox, and the answer shows
//! on the meeting page for the whole group.

use super::pages::{colour_text, colours, meeting_refused, theme_label};
use super::store::{self, RoundTheme};
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::AppResult;
use crate::state::AppState;
use crate::thread::store::{self as lifts, NewLift};
use crate::thread::view::{self, LiftView, Shown};
use crate::tools::apv::RoundContext;
use crate::web::forms::FormErrors;
use crate::web::Page;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::apv::{Colour, Level};
use domain::ids::ApvRoundId;
use domain::thread::{Destination, LiftText, SourceKind};
use std::collections::HashMap;

/// The thread's source id of one theme in one colour of one round.
pub fn source_id(round: &ApvRoundId, rev: &str, colour: Colour) -> String {
    format!("{round}/{rev}/{}", colour.code())
}

/// One theme in one colour that the group sorted as the organisation's.
pub struct OrgItem {
    pub rev: String,
    pub colour: &'static str,
    pub label: String,
    /// What the form starts with: the theme and colour; the group adds its words.
    pub suggestion: String,
    pub lifts: Vec<LiftView>,
}

pub struct OrgSection {
    pub items: Vec<OrgItem>,
    pub may_lift: bool,
}

/// `themes` and `sorting` are the meeting page's own, so nothing is asked twice.
pub async fn section(
    state: &AppState,
    page: &Page,
    me: &Member,
    ctx: &RoundContext,
    themes: &[RoundTheme],
    sorting: &HashMap<(String, Colour), Level>,
) -> AppResult<Option<OrgSection>> {
    let (org, db) = (me.org(), &state.db);
    if !sorting.values().any(|l| *l == Level::Organisation) {
        return Ok(None);
    }
    let names = colours(state.shipped.apv.get(page.lang), ctx.round.variant);
    let errors = FormErrors::default();
    let shown = Shown { page, own_list: false, may_answer: false, may_lift_on: false, base: "", typed: None, errors: &errors };
    let mut items = Vec::new();
    for t in themes {
        for colour in Colour::ALL {
            let rev = t.revision_id.as_str();
            if sorting.get(&(rev.to_string(), colour)) != Some(&Level::Organisation) {
                continue;
            }
            let sent = lifts::from_group(db, org, me.person(), &ctx.group.id, SourceKind::ApvTheme, &source_id(&ctx.round.id, rev, colour)).await?;
            let label = format!("{} – {}", theme_label(&page.tr, t), colour_text(names, colour).name);
            items.push(OrgItem {
                rev: rev.to_string(),
                colour: colour.code(),
                suggestion: format!("{label}: "),
                label,
                lifts: sent.iter().map(|l| view::lift(l, &shown)).collect(),
            });
        }
    }
    Ok(Some(OrgSection { items, may_lift: ctx.may_lead() && ctx.round.open }))
}

/// Sends one organisation theme up; refused (422, nothing sent) without
/// text or the choice of name, or when the theme is not sorted as the
/// organisation's.
pub async fn lift(
    State(state): State<AppState>,
    page: Page,
    me: Member,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let ctx = super::actions::leading(&state, &me, &id).await?;
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    let (rev, colour) = (field("rev"), Colour::parse(field("colour")));
    let sorting = store::sorting(&state.db, me.org(), &ctx.round.id).await?;
    let mut errors = FormErrors::default();
    let sorted_up = colour.is_some_and(|c| sorting.get(&(rev.to_string(), c)) == Some(&Level::Organisation));
    if !sorted_up {
        errors.add_key(&page.tr, None, "apv-error-lift-not-organisation");
    }
    let text = errors.check(&page.tr, "lift-text", LiftText::parse(field("text")));
    let attributed = match field("attributed") {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.add_key(&page.tr, Some("lift-attributed"), "thread-error-attributed-missing");
            None
        }
    };
    if let (Some(colour), Some(text), Some(attributed), true) = (colour, &text, attributed, errors.is_empty()) {
        let source = source_id(&ctx.round.id, rev, colour);
        let new = NewLift {
            source_kind: SourceKind::ApvTheme,
            source_id: &source,
            from_person: me.person(),
            from_group: Some(&ctx.group.id),
            to: &Destination::Organisation,
            text,
            attributed,
        };
        if crate::thread::tell::lift_to_organisation(&state, me.org(), new).await?.is_some() {
            return Ok(Redirect::to(&format!("/apv/rounds/{}/meeting?notice=lifted#organisation-themes", ctx.round.id)).into_response());
        }
        errors.add_key(&page.tr, None, "thread-error-already-lifted");
    }
    meeting_refused(&state, page, &me, ctx, errors).await
}
