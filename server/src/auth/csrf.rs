//! CSRF protection: a secret per login session, sent back by every form as
//! the hidden field `csrf` (or by htmx as the `X-CSRF-Token` header).
//! `CsrfForm<T>` is the only way handlers read a posted form, so no state
//! change can skip the check.

use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use base64::Engine;
use rand::RngCore;
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;
use tower_sessions::Session;

const KEY: &str = "csrf";
pub const HEADER: &str = "x-csrf-token";

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

/// A URL-encoded form whose CSRF token has been checked.
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let session = req.extensions().get::<Session>().cloned().ok_or(AppError::Csrf)?;
        let header = req.headers().get(HEADER).and_then(|v| v.to_str().ok()).map(str::to_string);
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest("error-form-too-large"))?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest("error-form-invalid"))?;
        let submitted = pairs.iter().find(|(k, _)| k == KEY).map(|(_, v)| v.clone()).or(header);
        verify(&session, submitted.as_deref()).await?;
        let value = serde_html_form::from_bytes(&body).map_err(|_| AppError::BadRequest("error-form-invalid"))?;
        Ok(CsrfForm(value))
    }
}
