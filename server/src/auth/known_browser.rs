//! A browser that has signed in to an account before. At each successful
//! sign-in the browser gets a long-lived cookie (`lt_known`: a random
//! secret, one year, HttpOnly, SameSite=Lax, sent only to `/login`) whose
//! SHA-256 is kept in `tokens` (kind `known_browser`) with the account.
//! Wrong passwords from such a browser are counted on the browser alone
//! (`rate_limit::SignInLimits`), so an owner is never locked out of their
//! own browser by someone else's guesses. The secret is unguessable and
//! stored only hashed, so the cookie cannot be made up; it says nothing
//! about the account to anyone who reads it. A new password forgets every
//! known browser of the account (`forget_all`), as it signs them all out:
//! a browser that signed in with a stolen password is no longer exempt.

use crate::auth::tokens::{self, Kind};
use crate::storage::Db;
use axum::http::{header, HeaderMap, HeaderValue};
use domain::ids::AccountId;

const COOKIE: &str = "lt_known";

/// The secret of the known-browser cookie the request carries, if any.
pub fn secret(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_string())
        .filter(|v| !v.is_empty() && v.len() <= 64)
}

/// The id this browser is counted by when its cookie belongs to `account`.
pub async fn id_for(db: &Db, secret: Option<&str>, account: Option<&AccountId>, now: time::OffsetDateTime) -> anyhow::Result<Option<String>> {
    let (Some(secret), Some(account)) = (secret, account) else { return Ok(None) };
    let found = tokens::find(db, Kind::KnownBrowser, secret, now).await?;
    Ok(found.filter(|t| t.account_id.as_ref() == Some(account)).map(|t| t.hash))
}

/// A new known-browser cookie for `account` (after a successful sign-in).
pub async fn remember(db: &Db, account: &AccountId, secure: bool, now: time::OffsetDateTime) -> anyhow::Result<HeaderValue> {
    let secret = tokens::issue_alongside(db, Kind::KnownBrowser, account, now).await?;
    let secure = if secure { "; Secure" } else { "" };
    let cookie = format!("{COOKIE}={secret}; Path=/login; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}");
    Ok(HeaderValue::from_str(&cookie)?)
}

/// Forgets every known browser of `account`, inside the caller's transaction.
pub async fn forget_all(tx: &mut sqlx::AnyConnection, account: &AccountId, now: time::OffsetDateTime) -> anyhow::Result<()> {
    sqlx::query("UPDATE tokens SET used_at = $1 WHERE kind = 'known_browser' AND account_id = $2 AND used_at IS NULL")
        .bind(crate::storage::to_text(now))
        .bind(account.as_str())
        .execute(tx)
        .await?;
    Ok(())
}
