//! One-time links: setup of the first organisation, invitations, password
//! resets, confirming a new sign-in address; and the secrets of known
//! browsers. The secret goes in the link (or cookie); only its SHA-256 is
//! stored.

use crate::storage::{self, Db};
use base64::Engine;
use domain::ids::{AccountId, OrgId};
use rand::RngCore;
use sha2::{Digest, Sha256};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Setup,
    Invitation,
    PasswordReset,
    /// Not a link: the secret of a browser that signed in to the account
    /// (`known_browser`).
    KnownBrowser,
    /// Confirms a sign-in address an organisation proposed (`address_changes`).
    AddressChange,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Setup => "setup",
            Kind::Invitation => "invitation",
            Kind::PasswordReset => "password_reset",
            Kind::KnownBrowser => "known_browser",
            Kind::AddressChange => "address_change",
        }
    }

    /// How long a link works.
    fn lifetime(self) -> time::Duration {
        match self {
            Kind::Setup => time::Duration::days(7),
            Kind::Invitation => time::Duration::days(14),
            Kind::PasswordReset => time::Duration::hours(2),
            Kind::KnownBrowser => time::Duration::days(365),
            Kind::AddressChange => time::Duration::days(2),
        }
    }
}

pub fn digest(secret: &str) -> String {
    let hash = Sha256::digest(secret.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a valid link stands for.
pub struct Redeemable {
    pub hash: String,
    pub account_id: Option<AccountId>,
    pub org_id: Option<OrgId>,
}

/// Creates a link secret. Earlier unused links of the same kind for the same
/// account and organisation stop working, so only the newest mail counts
/// (an invitation to one organisation leaves one to another working).
pub async fn issue(db: &Db, kind: Kind, account: Option<&AccountId>, org: Option<&OrgId>, now: time::OffsetDateTime) -> anyhow::Result<String> {
    let mut tx = db.begin_write().await?;
    if let Some(account) = account {
        sqlx::query(
            "UPDATE tokens SET used_at = $1 \
             WHERE kind = $2 AND account_id = $3 AND COALESCE(org_id, '') = $4 AND used_at IS NULL",
        )
        .bind(storage::to_text(now))
        .bind(kind.code())
        .bind(account.as_str())
        .bind(org.map(|o| o.as_str()).unwrap_or_default().to_string())
        .execute(&mut *tx)
        .await?;
    }
    let secret = insert(&mut tx, kind, account, org, now).await?;
    tx.commit().await?;
    Ok(secret)
}

/// Creates a secret and leaves the account's earlier ones working (each
/// browser the account signs in from keeps its own).
pub async fn issue_alongside(db: &Db, kind: Kind, account: &AccountId, now: time::OffsetDateTime) -> anyhow::Result<String> {
    let mut conn = db.pool.acquire().await?;
    insert(&mut conn, kind, Some(account), None, now).await
}

async fn insert(
    conn: &mut sqlx::AnyConnection,
    kind: Kind,
    account: Option<&AccountId>,
    org: Option<&OrgId>,
    now: time::OffsetDateTime,
) -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    sqlx::query(
        "INSERT INTO tokens (hash, kind, account_id, org_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(digest(&secret))
    .bind(kind.code())
    .bind(account.map(|a| a.as_str().to_string()))
    .bind(org.map(|o| o.as_str().to_string()))
    .bind(storage::to_text(now + kind.lifetime()))
    .bind(storage::to_text(now))
    .execute(conn)
    .await?;
    Ok(secret)
}

/// Looks a link up without using it (to show the form).
pub async fn find(db: &Db, kind: Kind, secret: &str, now: time::OffsetDateTime) -> anyhow::Result<Option<Redeemable>> {
    let row: Option<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT hash, account_id, org_id FROM tokens \
         WHERE hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(digest(secret))
    .bind(kind.code())
    .bind(crate::storage::to_text(now))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(hash, account, org)| Redeemable {
        hash,
        account_id: account.map(AccountId::from_db),
        org_id: org.map(OrgId::from_db),
    }))
}

/// A link that was real but can no longer be used: taken already, or out
/// of time. Its page says which, instead of "not found".
pub struct Spent {
    pub used: bool,
    pub account_id: Option<AccountId>,
    /// The account's address, if it has a password to sign in with.
    pub sign_in_email: Option<String>,
}

/// Looks up a link that `find` refuses because it was used or has expired.
pub async fn spent(db: &Db, kind: Kind, secret: &str, now: time::OffsetDateTime) -> anyhow::Result<Option<Spent>> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT t.account_id, t.used_at, CASE WHEN a.password_hash IS NULL THEN NULL ELSE a.email END \
         FROM tokens t LEFT JOIN accounts a ON a.id = t.account_id \
         WHERE t.hash = $1 AND t.kind = $2 AND (t.used_at IS NOT NULL OR t.expires_at <= $3)",
    )
    .bind(digest(secret))
    .bind(kind.code())
    .bind(crate::storage::to_text(now))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(account, used_at, sign_in_email)| Spent {
        used: used_at.is_some(),
        account_id: account.map(AccountId::from_db),
        sign_in_email,
    }))
}

/// Marks a link used inside the caller's transaction; false if someone else
/// used it first (two tabs submitting at once).
pub async fn consume(tx: &mut sqlx::AnyConnection, hash: &str, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE tokens SET used_at = $1 WHERE hash = $2 AND used_at IS NULL")
        .bind(crate::storage::to_text(now))
        .bind(hash)
        .execute(tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
