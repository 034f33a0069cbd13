//! SQL behind `domain::address`: joining an organisation only by the owner's
//! acceptance, and a sign-in address changed only by its owner's
//! confirmation. Every function takes the `OrgId` first, except those that
//! look at one account across its organisations (the owner's own view).

use super::people::Person;
use crate::auth::tokens;
use crate::storage::Db;
use domain::address::Holder;
use domain::ids::{AccountId, OrgId, PersonId};
use domain::input::Email;
use sqlx::AnyConnection;

/// What the rules need to know about the person's account.
pub async fn holder(conn: &mut AnyConnection, org: &OrgId, person: &Person) -> anyhow::Result<Holder> {
    let (elsewhere,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM persons WHERE account_id = $1 AND org_id <> $2 AND joined_at IS NOT NULL",
    )
    .bind(person.account_id.as_str())
    .bind(org.as_str())
    .fetch_one(conn)
    .await?;
    Ok(Holder { joined_here: person.joined, claimed: person.claimed, joined_elsewhere: elsewhere > 0 })
}

/// The person's owner has accepted: they belong to the organisation from now on,
/// and any other invitation link to it stops working.
pub async fn join(conn: &mut AnyConnection, org: &OrgId, person: &PersonId, account: &AccountId, now: time::OffsetDateTime) -> anyhow::Result<()> {
    let now = crate::storage::to_text(now);
    sqlx::query("UPDATE persons SET joined_at = $1 WHERE org_id = $2 AND id = $3 AND joined_at IS NULL")
        .bind(&now)
        .bind(org.as_str())
        .bind(person.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE tokens SET used_at = $1 WHERE org_id = $2 AND account_id = $3 AND kind = 'invitation' AND used_at IS NULL")
        .bind(&now)
        .bind(org.as_str())
        .bind(account.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

/// Records HR's proposal of a new address for an account and returns the
/// link's secret. A newer proposal from the organisation replaces an older one.
pub async fn propose(db: &Db, org: &OrgId, account: &AccountId, new_email: &Email, now: time::OffsetDateTime) -> anyhow::Result<String> {
    let secret = tokens::issue(db, tokens::Kind::AddressChange, Some(account), Some(org), now).await?;
    sqlx::query(
        "INSERT INTO address_changes (token_hash, org_id, account_id, new_email, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(tokens::digest(&secret))
    .bind(org.as_str())
    .bind(account.as_str())
    .bind(new_email.as_str())
    .bind(crate::storage::to_text(now))
    .execute(&db.pool)
    .await?;
    Ok(secret)
}

/// A proposal behind a valid link.
pub struct Proposal {
    pub hash: String,
    pub org: OrgId,
    pub org_name: String,
    pub account: AccountId,
    pub person: PersonId,
    pub name: String,
    pub old_email: String,
    pub new_email: String,
    pub password_hash: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ProposalRow {
    org_id: String,
    org_name: String,
    account_id: String,
    person_id: String,
    name: String,
    old_email: String,
    new_email: String,
    password_hash: Option<String>,
}

/// The proposal of an unused, unexpired link whose person is still in the
/// organisation that proposed it.
pub async fn find(db: &Db, secret: &str, now: time::OffsetDateTime) -> anyhow::Result<Option<Proposal>> {
    let Some(token) = tokens::find(db, tokens::Kind::AddressChange, secret, now).await? else {
        return Ok(None);
    };
    let row: Option<ProposalRow> = sqlx::query_as(
        "SELECT c.org_id, o.name AS org_name, c.account_id, p.id AS person_id, p.name, a.email AS old_email, \
           c.new_email, a.password_hash \
         FROM address_changes c JOIN orgs o ON o.id = c.org_id JOIN accounts a ON a.id = c.account_id \
         JOIN persons p ON p.org_id = c.org_id AND p.account_id = c.account_id \
         WHERE c.token_hash = $1",
    )
    .bind(&token.hash)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| Proposal {
        hash: token.hash,
        org: OrgId::from_db(r.org_id),
        org_name: r.org_name,
        account: AccountId::from_db(r.account_id),
        person: PersonId::from_db(r.person_id),
        name: r.name,
        old_email: r.old_email,
        new_email: r.new_email,
        password_hash: r.password_hash,
    }))
}

/// Why a confirmed proposal could not take effect.
#[derive(Debug, PartialEq, Eq)]
pub enum NotApplied {
    /// Someone used the link first.
    Used,
    /// The new address has an account of its own by now.
    Taken,
}

/// The owner confirmed: the account signs in with the new address. Other
/// organisations that only added the old address (their invitation not yet
/// accepted) keep it, on an account of its own: they asked for that address,
/// not for this person, and must not learn the new one.
pub async fn apply(conn: &mut AnyConnection, p: &Proposal, now: time::OffsetDateTime) -> anyhow::Result<Result<(), NotApplied>> {
    let taken: Option<(String,)> = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind(&p.new_email)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some_and(|(id,)| id != p.account.as_str()) {
        return Ok(Err(NotApplied::Taken));
    }
    if !tokens::consume(conn, &p.hash, now).await? {
        return Ok(Err(NotApplied::Used));
    }
    sqlx::query("UPDATE accounts SET email = $1 WHERE id = $2")
        .bind(&p.new_email)
        .bind(p.account.as_str())
        .execute(&mut *conn)
        .await?;
    let (waiting,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM persons WHERE account_id = $1 AND joined_at IS NULL")
            .bind(p.account.as_str())
            .fetch_one(&mut *conn)
            .await?;
    if waiting > 0 {
        let old = super::store::ensure_account(conn, &Email::from_db(p.old_email.clone()), now).await?;
        sqlx::query("UPDATE persons SET account_id = $1 WHERE account_id = $2 AND joined_at IS NULL")
            .bind(old.as_str())
            .bind(p.account.as_str())
            .execute(&mut *conn)
            .await?;
        sqlx::query("UPDATE tokens SET account_id = $1 WHERE account_id = $2 AND kind = 'invitation' AND used_at IS NULL")
            .bind(old.as_str())
            .bind(p.account.as_str())
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM address_changes WHERE account_id = $1")
        .bind(p.account.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(Ok(()))
}

/// The address an organisation has proposed for its person and the owner
/// has not yet confirmed, if any.
pub async fn pending_for(db: &Db, org: &OrgId, account: &AccountId, now: time::OffsetDateTime) -> anyhow::Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT c.new_email FROM address_changes c JOIN tokens t ON t.hash = c.token_hash \
         WHERE c.org_id = $1 AND c.account_id = $2 AND t.used_at IS NULL AND t.expires_at > $3 \
         ORDER BY c.created_at DESC",
    )
    .bind(org.as_str())
    .bind(account.as_str())
    .bind(crate::storage::to_text(now))
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(e,)| e))
}

/// One organisation on the chooser, with what the organisation cannot make
/// up: who invited the account, by their sign-in address (which only its
/// owner can change), and when.
pub struct ChooserEntry {
    pub org_id: OrgId,
    pub org_name: String,
    pub inviter_name: Option<String>,
    pub inviter_email: Option<String>,
    /// Joined at, or invited at for an invitation not yet answered (stored form).
    pub at: String,
}

#[derive(sqlx::FromRow)]
struct ChooserRow {
    org_id: String,
    org_name: String,
    inviter_name: Option<String>,
    inviter_email: Option<String>,
    at: Option<String>,
}

fn entries(rows: Vec<ChooserRow>) -> Vec<ChooserEntry> {
    rows.into_iter()
        .map(|r| ChooserEntry {
            org_id: OrgId::from_db(r.org_id),
            org_name: r.org_name,
            inviter_name: r.inviter_name,
            inviter_email: r.inviter_email,
            at: r.at.unwrap_or_default(),
        })
        .collect()
}

/// The organisations the account has joined, and those whose invitation
/// (an unused, unexpired link) it has yet to answer.
pub async fn chooser(db: &Db, account: &AccountId, now: time::OffsetDateTime) -> anyhow::Result<(Vec<ChooserEntry>, Vec<ChooserEntry>)> {
    let joined: Vec<ChooserRow> = sqlx::query_as(
        "SELECT o.id AS org_id, o.name AS org_name, ip.name AS inviter_name, ia.email AS inviter_email, p.joined_at AS at \
         FROM persons p JOIN orgs o ON o.id = p.org_id \
         LEFT JOIN accounts ia ON ia.id = p.invited_by \
         LEFT JOIN persons ip ON ip.account_id = p.invited_by AND ip.org_id = p.org_id \
         WHERE p.account_id = $1 AND p.joined_at IS NOT NULL ORDER BY o.name, o.id",
    )
    .bind(account.as_str())
    .fetch_all(&db.pool)
    .await?;
    let waiting: Vec<ChooserRow> = sqlx::query_as(
        "SELECT o.id AS org_id, o.name AS org_name, ip.name AS inviter_name, ia.email AS inviter_email, p.invited_at AS at \
         FROM persons p JOIN orgs o ON o.id = p.org_id \
         LEFT JOIN accounts ia ON ia.id = p.invited_by \
         LEFT JOIN persons ip ON ip.account_id = p.invited_by AND ip.org_id = p.org_id \
         WHERE p.account_id = $1 AND p.joined_at IS NULL AND EXISTS ( \
           SELECT 1 FROM tokens t WHERE t.kind = 'invitation' AND t.account_id = p.account_id \
             AND t.org_id = p.org_id AND t.used_at IS NULL AND t.expires_at > $2) \
         ORDER BY o.name, o.id",
    )
    .bind(account.as_str())
    .bind(crate::storage::to_text(now))
    .fetch_all(&db.pool)
    .await?;
    Ok((entries(joined), entries(waiting)))
}

/// The account's person in the organisation, if it was invited there (an
/// unused, unexpired link) and has not yet accepted.
pub async fn invited_person(conn: &mut AnyConnection, org: &OrgId, account: &AccountId, now: time::OffsetDateTime) -> anyhow::Result<Option<(PersonId, String)>> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT p.id, p.name FROM persons p WHERE p.org_id = $1 AND p.account_id = $2 AND p.joined_at IS NULL \
           AND EXISTS (SELECT 1 FROM tokens t WHERE t.kind = 'invitation' AND t.account_id = p.account_id \
             AND t.org_id = p.org_id AND t.used_at IS NULL AND t.expires_at > $3)",
    )
    .bind(org.as_str())
    .bind(account.as_str())
    .bind(crate::storage::to_text(now))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, name)| (PersonId::from_db(id), name)))
}
