//! Tool 1, "Styrk lederens dialog med nærmeste leder": the leader's
//! interview guide (private notes), the leader agreement with its follow-up,
//! and the dialog with the nearest leader (`meetings`: the meeting itself,
//! its calendar invitations and mails).
//!
//! Privacy: notes are the leader's alone; agreement points leave the
//! leader's space only when shared, one by one, with the named person in
//! `agreements.shared_with_id`. Every store function that touches the
//! leader's own work filters by the leader's `PersonId`, so a guessed id
//! opens nothing.

pub mod agreement;
pub mod comments;
pub mod document;
pub mod followup;
pub mod guide;
pub mod meetings;
pub mod meetings_mail;
pub mod meetings_store;
pub mod notes;
pub mod overview;
pub mod pictures;
pub mod store;
pub mod ticks;

use crate::auth::Member;
use crate::error::AppResult;
use crate::i18n::format;
use crate::state::AppState;
use crate::web::Page;
use axum::routing::{get, post};
use axum::Router;
use domain::agreement::Period;
use domain::ids::PersonId;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dialog", get(overview::show))
        .route("/dialog/guide", get(guide::show).post(guide::save_all))
        .route("/dialog/guide/notes/{item}", post(guide::save_one))
        .route("/dialog/agreement", get(agreement::edit).post(agreement::save))
        .route("/dialog/agreement/document", get(document::show))
        .route("/dialog/agreement.docx", get(document::docx))
        .route("/dialog/sample", get(agreement::sample))
        .route("/dialog/agreement/from-sample", post(agreement::from_sample))
        .route("/dialog/agreement/share", post(agreement::share))
        .route("/dialog/agreement/agreed", post(agreement::agreed))
        .route("/dialog/agreement/comments", post(agreement::comment))
        .route("/dialog/agreement/next-period", post(agreement::next_period))
        .route("/dialog/points/{id}", get(followup::point))
        .route("/dialog/points/{id}/tick", post(followup::tick))
        .route("/dialog/points/{id}/week", post(followup::week))
        .route("/dialog/meetings/new", get(meetings::new))
        .route("/dialog/meetings", post(meetings::create))
        .route("/dialog/meetings/{id}", get(meetings::show))
        .route("/dialog/meetings/{id}/reschedule", post(meetings::reschedule))
        .route("/dialog/meetings/{id}/cancel", post(meetings::cancel))
}


/// The viewer's nearest leader, as HR has set the reporting line.
pub struct Nearest {
    pub id: PersonId,
    pub name: String,
}

pub async fn nearest_leader(state: &AppState, me: &Member) -> AppResult<Option<Nearest>> {
    Ok(store::nearest_leader(&state.db, me.org(), me.person()).await?.map(|(id, name)| Nearest { id, name }))
}

pub async fn person_name(state: &AppState, me: &Member, id: &PersonId) -> AppResult<String> {
    Ok(store::person_name(&state.db, me.org(), id).await?.unwrap_or_default())
}

/// "1. december 2026 – 28. februar 2027".
pub fn period_text(page: &Page, p: &Period) -> String {
    format!("{} – {}", format::date(page.lang, p.starts_on), format::date(page.lang, p.ends_on))
}
