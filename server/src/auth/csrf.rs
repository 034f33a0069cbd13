//! CSRF protection: a secret per login session, sent back by every form as
//! the hidden field `csrf`. `CsrfForm<T>` is the only way handlers read a
//! posted form, so no state change can skip the check, and every form is
//! read by the same rules (see `CsrfForm`).

use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap};
use domain::input::{self, ValidationError};
use base64::Engine;
use rand::RngCore;
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;
use tower_sessions::Session;

const KEY: &str = "csrf";

/// The session's token, created on first use.
pub async fn token(session: &Session) -> anyhow::Result<String> {
    if let Some(t) = session.get::<String>(KEY).await? {
        return Ok(t);
    }
    renew(session).await
}

pub async fn renew(session: &Session) -> anyhow::Result<String> {
    let mut bytes = [0u8; 24];
    rand::rng().fill_bytes(&mut bytes);
    let t = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    session.insert(KEY, &t).await?;
    Ok(t)
}

/// Checks a submitted token against the session's.
pub async fn verify(session: &Session, submitted: Option<&str>) -> Result<(), AppError> {
    let expected = session.get::<String>(KEY).await.map_err(|e| AppError::Internal(e.into()))?;
    match (expected, submitted) {
        (Some(expected), Some(submitted))
            if bool::from(expected.as_bytes().ct_eq(submitted.as_bytes())) =>
        {
            Ok(())
        }
        _ => Err(AppError::Csrf),
    }
}

/// A posted form, read only as our own forms send it, with its CSRF token
/// checked. Every handler that reads a form reads it through this, so
/// these rules hold in one place:
/// - The body is `application/x-www-form-urlencoded` (UTF-8), else 415: a
///   JSON or multipart body would read as a form without fields, and a
///   missing field may mean "erased" (an unticked box sends nothing).
/// - The token comes in the body's hidden `csrf` field, which every form of
///   ours and the page scripts send: the marker that the body is a whole
///   form, so a field it lacks was really left out. A header alone is not
///   enough.
/// - Every name and value is UTF-8 with no hidden characters
///   (`domain::input`), so nothing is stored that nobody typed.
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (value, _) = read(req, state).await?;
        Ok(CsrfForm(value))
    }
}

/// A form whose fields *are* what it saves, replacing what was saved before
/// (a whole Skema 1, the agreement's points, a note): a field it lacks would
/// be read as "erase". Such a form names the fields it always sends (a
/// textarea is sent even when empty); a body holding none of them (only
/// the token, say) did not come whole from the page and is refused with
/// 400 and "error-form-incomplete", and nothing changes. Read by the same
/// rules as `CsrfForm`.
pub struct WholeForm<T>(pub T);

/// The fields a whole form always sends at least one of; `*` stands for any
/// text (`k-*` for Skema 1's keyword boxes, `p-*-kind` for the agreement's rows).
pub trait Whole {
    const SENDS: &'static [&'static str];
}

impl<S: Send + Sync, T: DeserializeOwned + Whole> FromRequest<S> for WholeForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (value, pairs) = read(req, state).await?;
        if !pairs.iter().any(|(name, _)| T::SENDS.iter().any(|pattern| matches(pattern, name))) {
            return Err(AppError::BadRequest("error-form-incomplete"));
        }
        Ok(WholeForm(value))
    }
}

/// `name` fits `pattern`, where one `*` stands for any text.
fn matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        Some((start, end)) => name.len() >= start.len() + end.len() && name.starts_with(start) && name.ends_with(end),
        None => name == pattern,
    }
}

/// The form and its names and values, by the rules above.
async fn read<S: Send + Sync, T: DeserializeOwned>(req: Request, state: &S) -> Result<(T, Vec<(String, String)>), AppError> {
    if !is_form(req.headers()) {
        return Err(AppError::UnsupportedMediaType);
    }
    let session = req.extensions().get::<Session>().cloned().ok_or(AppError::Csrf)?;
    let body = Bytes::from_request(req, state)
        .await
        .map_err(|_| AppError::BadRequest("error-form-too-large"))?;
    let pairs = text_pairs(&body).map_err(|e| AppError::BadRequest(e.key))?;
    let submitted = pairs.iter().find(|(k, _)| k == KEY).map(|(_, v)| v.as_str());
    verify(&session, submitted).await?;
    let value = serde_html_form::from_bytes(&body).map_err(|_| AppError::BadRequest("error-form-invalid"))?;
    Ok((value, pairs))
}

/// `application/x-www-form-urlencoded`, with no charset or UTF-8 (what
/// browsers and `fetch` with `URLSearchParams` send).
fn is_form(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let mut parts = value.split(';').map(str::trim);
    parts.next().is_some_and(|t| t.eq_ignore_ascii_case("application/x-www-form-urlencoded"))
        && parts.all(|p| match p.split_once('=') {
            Some((k, v)) if k.trim().eq_ignore_ascii_case("charset") => {
                let v = v.trim().trim_matches('"');
                v.eq_ignore_ascii_case("utf-8") || v.eq_ignore_ascii_case("utf8")
            }
            _ => true,
        })
}

/// The body's names and values, decoded strictly: bytes that are not UTF-8
/// or hidden characters refuse the whole form instead of being replaced.
pub fn text_pairs(body: &[u8]) -> Result<Vec<(String, String)>, ValidationError> {
    let decode = |raw: &[u8]| -> Result<String, ValidationError> {
        let spaced: Vec<u8> = raw.iter().map(|&b| if b == b'+' { b' ' } else { b }).collect();
        let bytes: Vec<u8> = percent_encoding::percent_decode(&spaced).collect();
        let text = input::utf8(&bytes)?;
        input::storable(text)?;
        Ok(text.to_string())
    };
    body.split(|&b| b == b'&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, value) = match part.iter().position(|&b| b == b'=') {
                Some(at) => (&part[..at], &part[at + 1..]),
                None => (part, &[][..]),
            };
            Ok((decode(name)?, decode(value)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn a_whole_forms_fields_are_named_exactly_or_with_one_star() {
        assert!(matches("text", "text"));
        assert!(!matches("text", "texts"));
        assert!(!matches("text", "csrf"));
        assert!(matches("k-*", "k-abc-red"));
        assert!(!matches("k-*", "m-abc-red"));
        assert!(matches("p-*-kind", "p-0-kind"));
        assert!(!matches("p-*-kind", "p-0-text"));
        // The start and the end may not overlap.
        assert!(!matches("p-*-kind", "p-kind"));
    }
}
