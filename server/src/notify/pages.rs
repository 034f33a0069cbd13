//! Opening and marking news read: only the reader's own, in the
//! organisation they are signed in to; anyone else's id is not found.

use super::store;
use crate::auth::csrf::CsrfForm;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Redirect;
use domain::ids::NotificationId;

/// Follows the news to its page, marking it read on the way. A GET, so the
/// link works from a mail too; all it can change is the reader's own mark.
pub async fn open(State(state): State<AppState>, me: Member, Path(id): Path<String>) -> AppResult<Redirect> {
    let id = NotificationId::parse(&id).ok_or(AppError::NotFound)?;
    let link = store::open(&state.db, me.org(), me.person(), &id, state.clock.now()).await?.ok_or(AppError::NotFound)?;
    // Stored links are our own paths; anything else is not followed.
    if !link.starts_with('/') || link.starts_with("//") {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&link))
}

/// "Markér som læst" on one piece of news.
pub async fn read(State(state): State<AppState>, me: Member, Path(id): Path<String>, CsrfForm(_): CsrfForm<serde::de::IgnoredAny>) -> AppResult<Redirect> {
    let id = NotificationId::parse(&id).ok_or(AppError::NotFound)?;
    store::mark_read(&state.db, me.org(), me.person(), Some(&id), state.clock.now()).await?;
    Ok(Redirect::to("/#news-heading"))
}

/// "Markér alle som læst".
pub async fn read_all(State(state): State<AppState>, me: Member, CsrfForm(_): CsrfForm<serde::de::IgnoredAny>) -> AppResult<Redirect> {
    store::mark_read(&state.db, me.org(), me.person(), None, state.clock.now()).await?;
    Ok(Redirect::to("/#news-heading"))
}
