//! Who is taking part: a signed-in person of the session's organisation, or
//! a guest who joined with a display name and holds the secret in the
//! `lt_guest` cookie (stored only as a hash). Anyone else gets 404, so a
//! session's existence does not leak across organisations.

use super::room::Room;
use super::store;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::page::{cookie, request_lang};
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use base64::Engine;
use domain::ids::LiveSessionId;
use domain::live::ParticipantNo;
use rand::RngCore;
use std::sync::Arc;

pub const GUEST_COOKIE: &str = "lt_guest";

/// The browser's guest secret if it has one, else a fresh one; with the
/// hash to store.
pub fn guest_secret(headers: &axum::http::HeaderMap) -> (String, String) {
    match cookie(headers, GUEST_COOKIE).filter(|s| s.len() >= 32 && s.len() <= 100) {
        Some(secret) => {
            let hash = crate::auth::tokens::digest(&secret);
            (secret, hash)
        }
        None => new_guest_secret(),
    }
}

/// A fresh guest secret for the cookie, and the hash to store.
fn new_guest_secret() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = crate::auth::tokens::digest(&secret);
    (secret, hash)
}

pub fn guest_cookie(secret: &str, secure: bool) -> String {
    format!("{GUEST_COOKIE}={secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400{}", if secure { "; Secure" } else { "" })
}

/// The guest secret a request carries, hashed.
pub fn guest_hash(headers: &axum::http::HeaderMap) -> Option<String> {
    cookie(headers, GUEST_COOKIE).filter(|s| !s.is_empty() && s.len() <= 100).map(|s| crate::auth::tokens::digest(&s))
}

/// A participant of the session in the path, with its loaded room.
pub struct Participant {
    pub room: Arc<Room>,
    pub no: ParticipantNo,
    pub lang: Lang,
    /// The signed-in person's viewer, if any (guests have none).
    pub viewer: Option<Viewer>,
}

impl Participant {
    pub fn is_facilitator(&self) -> bool {
        self.no == 1
    }
}

/// The session's room if the id is well formed and the session exists.
pub async fn room(state: &AppState, raw_id: &str) -> Result<Arc<Room>, AppError> {
    let id = LiveSessionId::parse(raw_id).ok_or(AppError::NotFound)?;
    if let Some(room) = state.live.loaded(id.as_str()) {
        return Ok(room);
    }
    let row = store::session(&state.db, &id).await?.ok_or(AppError::NotFound)?;
    let rules = super::rules(state, &row).await?.ok_or_else(|| anyhow::anyhow!("session {} uses a deck or procedure that is not shipped", row.id))?;
    Ok(state.live.room(row, rules).await?)
}

impl FromRequestParts<AppState> for Participant {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Path(params): Path<Vec<(String, String)>> = Path::from_request_parts(parts, state).await.map_err(|_| AppError::NotFound)?;
        let raw = params.iter().find(|(k, _)| k == "id").map(|(_, v)| v.clone()).ok_or(AppError::NotFound)?;
        let room = room(state, &raw).await?;
        let viewer = parts.extensions.get::<Viewer>().cloned();
        let lang = request_lang(&parts.headers, viewer.as_ref());
        let id = LiveSessionId::from_db(room.session.id.clone());
        let mut no = None;
        if let Some(m) = viewer.as_ref().and_then(|v| v.member.as_ref()) {
            if m.org_id.as_str() == room.session.org_id {
                no = store::participant_of_person(&state.db, &id, &m.person_id).await?;
            }
        }
        if no.is_none() {
            if let Some(hash) = guest_hash(&parts.headers) {
                no = store::participant_of_guest(&state.db, &id, &hash).await?;
            }
        }
        let no = no.ok_or(AppError::NotFound)?;
        Ok(Participant { room, no, lang, viewer })
    }
}
