//! SQL for organisations, accounts and people.

use crate::storage::Db;
use domain::ids::{AccountId, OrgId, PersonId, UnitId};
use domain::input::{Email, OrgName, PersonName};
use domain::roles::Role;
use sqlx::AnyConnection;

pub async fn any_org_exists(db: &Db) -> anyhow::Result<bool> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM orgs").fetch_one(&db.pool).await?;
    Ok(n > 0)
}

pub async fn create_org(conn: &mut AnyConnection, name: &OrgName, now: time::OffsetDateTime) -> anyhow::Result<OrgId> {
    let id = OrgId::new();
    sqlx::query("INSERT INTO orgs (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(id.as_str())
        .bind(name.as_str())
        .bind(crate::storage::to_text(now))
        .execute(conn)
        .await?;
    Ok(id)
}

/// The account that signs in with the address, if any.
pub async fn account_of(conn: &mut AnyConnection, email: &Email) -> anyhow::Result<Option<AccountId>> {
    let found: Option<(String,)> = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(conn)
        .await?;
    Ok(found.map(|(id,)| AccountId::from_db(id)))
}

/// An account for the address, created without a password if new.
pub async fn ensure_account(conn: &mut AnyConnection, email: &Email, now: time::OffsetDateTime) -> anyhow::Result<AccountId> {
    let found: Option<(String,)> = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    if let Some((id,)) = found {
        return Ok(AccountId::from_db(id));
    }
    let id = AccountId::new();
    sqlx::query("INSERT INTO accounts (id, email, created_at) VALUES ($1, $2, $3)")
        .bind(id.as_str())
        .bind(email.as_str())
        .bind(crate::storage::to_text(now))
        .execute(conn)
        .await?;
    Ok(id)
}

pub async fn set_password(conn: &mut AnyConnection, account: &AccountId, hash: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(account.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_locale(db: &Db, account: &AccountId, locale: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(account.as_str())
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub struct NewPerson<'a> {
    pub account: &'a AccountId,
    pub name: &'a PersonName,
    pub unit: Option<&'a UnitId>,
    pub nearest_leader: Option<&'a PersonId>,
    pub roles: &'a [Role],
}

/// A person who belongs to the organisation at once: set up by the
/// operator (the first HR admin, the demo), not added by HR.
pub async fn create_person(conn: &mut AnyConnection, org: &OrgId, p: NewPerson<'_>, now: time::OffsetDateTime) -> anyhow::Result<PersonId> {
    insert_person(conn, org, p, true, now).await
}

/// A person HR adds: they belong to the organisation once the address's
/// owner accepts the invitation (`domain::address`), whether or not the
/// address already had an account.
pub async fn add_person(conn: &mut AnyConnection, org: &OrgId, p: NewPerson<'_>, now: time::OffsetDateTime) -> anyhow::Result<PersonId> {
    insert_person(conn, org, p, false, now).await
}

async fn insert_person(conn: &mut AnyConnection, org: &OrgId, p: NewPerson<'_>, joined: bool, now: time::OffsetDateTime) -> anyhow::Result<PersonId> {
    let id = PersonId::new();
    let now = crate::storage::to_text(now);
    sqlx::query(
        "INSERT INTO persons (id, org_id, account_id, name, unit_id, nearest_leader_id, created_at, joined_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(p.account.as_str())
    .bind(p.name.as_str())
    .bind(p.unit.map(|u| u.as_str().to_string()))
    .bind(p.nearest_leader.map(|u| u.as_str().to_string()))
    .bind(&now)
    .bind(joined.then_some(now.clone()))
    .execute(&mut *conn)
    .await?;
    set_roles(conn, org, &id, p.roles).await?;
    Ok(id)
}

pub async fn set_roles(conn: &mut AnyConnection, org: &OrgId, person: &PersonId, roles: &[Role]) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM person_roles WHERE org_id = $1 AND person_id = $2")
        .bind(org.as_str())
        .bind(person.as_str())
        .execute(&mut *conn)
        .await?;
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    for role in roles {
        sqlx::query("INSERT INTO person_roles (person_id, org_id, role) VALUES ($1, $2, $3)")
            .bind(person.as_str())
            .bind(org.as_str())
            .bind(role.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Sign-in data of an account.
pub struct Credentials {
    pub account_id: AccountId,
    pub password_hash: Option<String>,
}

pub async fn credentials(db: &Db, email: &Email) -> anyhow::Result<Option<Credentials>> {
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT id, password_hash FROM accounts WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(id, password_hash)| Credentials { account_id: AccountId::from_db(id), password_hash }))
}

/// The organisations an account has joined, by name (not those it was only
/// added to and has yet to accept).
pub struct MembershipSummary {
    pub org_id: OrgId,
    pub org_name: String,
}

pub async fn memberships(db: &Db, account: &AccountId) -> anyhow::Result<Vec<MembershipSummary>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT o.id, o.name FROM persons p JOIN orgs o ON o.id = p.org_id \
         WHERE p.account_id = $1 AND p.joined_at IS NOT NULL ORDER BY o.name",
    )
    .bind(account.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| MembershipSummary { org_id: OrgId::from_db(id), org_name: name })
        .collect())
}
