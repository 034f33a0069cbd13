//! SQL for HR's view of the people in an organisation: the list with unit,
//! nearest leader, roles and invitation status; changing and removing a
//! person. Every query is scoped by `org_id`.

use crate::storage::Db;
use domain::ids::{AccountId, OrgId, PersonId, UnitId};
use domain::input::PersonName;
use domain::roles::Role;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Where a person stands with signing in (`domain::address::standing`;
/// the stored time of the latest invitation).
pub type Status = domain::address::Standing<String>;

#[derive(Clone, Debug)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub email: String,
    pub account_id: AccountId,
    pub locale: String,
    pub unit_id: Option<UnitId>,
    pub unit_name: Option<String>,
    pub leader_id: Option<PersonId>,
    pub leader_name: Option<String>,
    pub roles: Vec<Role>,
    pub status: Status,
    /// The owner accepted this organisation (see `domain::address`).
    pub joined: bool,
    /// Someone has signed in with the account.
    pub claimed: bool,
}

impl Person {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name: String,
    email: String,
    account_id: String,
    locale: String,
    unit_id: Option<String>,
    unit_name: Option<String>,
    leader_id: Option<String>,
    leader_name: Option<String>,
    invited_at: Option<String>,
    joined_at: Option<String>,
    has_password: i64,
}

/// The list's query with a `WHERE` clause appended at compile time, so the SQL stays a `&'static str`.
macro_rules! select_people {
    ($where:literal) => {
        concat!(
            "SELECT p.id, p.name, a.email, p.account_id, a.locale, p.unit_id, u.name AS unit_name, \
               p.nearest_leader_id AS leader_id, l.name AS leader_name, p.invited_at, p.joined_at, \
               CAST(CASE WHEN a.password_hash IS NULL THEN 0 ELSE 1 END AS BIGINT) AS has_password \
             FROM persons p JOIN accounts a ON a.id = p.account_id \
             LEFT JOIN units u ON u.id = p.unit_id AND u.org_id = p.org_id \
             LEFT JOIN persons l ON l.id = p.nearest_leader_id AND l.org_id = p.org_id ",
            $where
        )
    };
}

fn assemble(rows: Vec<Row>, mut roles: HashMap<String, Vec<Role>>) -> Vec<Person> {
    let mut people: Vec<Person> = rows
        .into_iter()
        .map(|r| {
            let mut person_roles = roles.remove(&r.id).unwrap_or_default();
            person_roles.sort();
            let (joined, claimed) = (r.joined_at.is_some(), r.has_password == 1);
            let status = domain::address::standing(joined, claimed, r.invited_at);
            Person {
                id: PersonId::from_db(r.id),
                name: r.name,
                email: r.email,
                account_id: AccountId::from_db(r.account_id),
                locale: r.locale,
                unit_id: r.unit_id.map(UnitId::from_db),
                unit_name: r.unit_name,
                leader_id: r.leader_id.map(PersonId::from_db),
                leader_name: r.leader_name,
                roles: person_roles,
                status,
                joined,
                claimed,
            }
        })
        .collect();
    people.sort_by_cached_key(|p| sort_key(&p.name));
    people
}

/// Every person of the organisation, in Danish alphabetical order.
pub async fn list(db: &Db, org: &OrgId) -> anyhow::Result<Vec<Person>> {
    let rows: Vec<Row> = sqlx::query_as(select_people!("WHERE p.org_id = $1"))
        .bind(org.as_str())
        .fetch_all(&db.pool)
        .await?;
    let role_rows: Vec<(String, String)> = sqlx::query_as("SELECT person_id, role FROM person_roles WHERE org_id = $1")
        .bind(org.as_str())
        .fetch_all(&db.pool)
        .await?;
    let mut roles: HashMap<String, Vec<Role>> = HashMap::new();
    for (person, role) in role_rows {
        if let Some(role) = Role::parse(&role) {
            roles.entry(person).or_default().push(role);
        }
    }
    Ok(assemble(rows, roles))
}

/// One person, if they belong to the organisation.
pub async fn get(db: &Db, org: &OrgId, id: &PersonId) -> anyhow::Result<Option<Person>> {
    let rows: Vec<Row> = sqlx::query_as(select_people!("WHERE p.org_id = $1 AND p.id = $2"))
        .bind(org.as_str())
        .bind(id.as_str())
        .fetch_all(&db.pool)
        .await?;
    let role_rows: Vec<(String,)> = sqlx::query_as("SELECT role FROM person_roles WHERE org_id = $1 AND person_id = $2")
        .bind(org.as_str())
        .bind(id.as_str())
        .fetch_all(&db.pool)
        .await?;
    let roles = HashMap::from([(id.as_str().to_string(), role_rows.iter().filter_map(|(r,)| Role::parse(r)).collect())]);
    Ok(assemble(rows, roles).pop())
}

/// Sorts names the Danish way: æ, ø, å after z, whatever the database's collation.
pub fn sort_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => '{',
            'ø' | 'ö' => '|',
            'å' => '}',
            other => other,
        })
        .collect()
}

/// person → nearest leader, for the rules in `domain::hierarchy`.
pub async fn leader_map(conn: &mut AnyConnection, org: &OrgId) -> anyhow::Result<HashMap<PersonId, PersonId>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, nearest_leader_id FROM persons WHERE org_id = $1 AND nearest_leader_id IS NOT NULL",
    )
    .bind(org.as_str())
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(p, l)| (PersonId::from_db(p), PersonId::from_db(l))).collect())
}

/// The organisation's person for an account, if there is one.
pub async fn person_of_account(conn: &mut AnyConnection, org: &OrgId, account: &AccountId) -> anyhow::Result<Option<PersonId>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT id FROM persons WHERE org_id = $1 AND account_id = $2")
        .bind(org.as_str())
        .bind(account.as_str())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(id,)| PersonId::from_db(id)))
}

/// How many HR admins the organisation has (it must keep at least one).
pub async fn hr_admin_count(conn: &mut AnyConnection, org: &OrgId) -> anyhow::Result<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM person_roles WHERE org_id = $1 AND role = $2")
        .bind(org.as_str())
        .bind(Role::HrAdmin.code())
        .fetch_one(conn)
        .await?;
    Ok(n)
}

pub struct Change<'a> {
    pub account: &'a AccountId,
    pub name: &'a PersonName,
    pub unit: Option<&'a UnitId>,
    pub nearest_leader: Option<&'a PersonId>,
    pub roles: &'a [Role],
}

/// Saves a person's details. When the e-mail (and so the account) changes,
/// an earlier invitation no longer counts, since it went to the old address,
/// and the new address's owner has yet to accept (`domain::address`).
pub async fn update(conn: &mut AnyConnection, org: &OrgId, id: &PersonId, c: Change<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE persons SET account_id = $1, name = $2, unit_id = $3, nearest_leader_id = $4, \
           invited_at = CASE WHEN account_id = $1 THEN invited_at ELSE NULL END, \
           joined_at = CASE WHEN account_id = $1 THEN joined_at ELSE NULL END \
         WHERE org_id = $5 AND id = $6",
    )
    .bind(c.account.as_str())
    .bind(c.name.as_str())
    .bind(c.unit.map(|u| u.as_str().to_string()))
    .bind(c.nearest_leader.map(|l| l.as_str().to_string()))
    .bind(org.as_str())
    .bind(id.as_str())
    .execute(&mut *conn)
    .await?;
    super::store::set_roles(conn, org, id, c.roles).await
}

/// Deletes an account that no organisation uses any more (after a person
/// was removed or moved to another address). Returns whether it was deleted.
pub async fn delete_account_if_unused(conn: &mut AnyConnection, account: &AccountId) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "DELETE FROM accounts WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM persons WHERE account_id = $1)",
    )
    .bind(account.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes a person from the organisation: their roles, memberships and
/// answers here go with them (the schema cascades); people who had them as
/// nearest leader keep working without one. Their account goes too unless
/// another organisation still has them.
pub async fn remove(conn: &mut AnyConnection, org: &OrgId, person: &Person) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM tokens WHERE org_id = $1 AND account_id = $2")
        .bind(org.as_str())
        .bind(person.account_id.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE persons SET nearest_leader_id = NULL WHERE org_id = $1 AND nearest_leader_id = $2")
        .bind(org.as_str())
        .bind(person.id.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM persons WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(person.id.as_str())
        .execute(&mut *conn)
        .await?;
    delete_account_if_unused(conn, &person.account_id).await?;
    Ok(())
}

/// When the organisation last invited the person, as stored.
pub async fn last_invited(conn: &mut AnyConnection, org: &OrgId, id: &PersonId) -> anyhow::Result<Option<String>> {
    let row: Option<(Option<String>,)> = sqlx::query_as("SELECT invited_at FROM persons WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(id.as_str())
        .fetch_optional(conn)
        .await?;
    Ok(row.and_then(|(at,)| at))
}

/// Records an invitation at `now` by `inviter`, only if the last one is
/// still `last` (as `last_invited` read it): of two clicks at once, one
/// sends. Also used to give the turn back when the mail failed.
pub async fn mark_invited(
    conn: &mut AnyConnection,
    org: &OrgId,
    id: &PersonId,
    inviter: Option<&AccountId>,
    now: Option<&str>,
    last: Option<&str>,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE persons SET invited_at = $1, invited_by = COALESCE($2, invited_by) \
         WHERE org_id = $3 AND id = $4 AND COALESCE(invited_at, '') = $5",
    )
    .bind(now.map(str::to_string))
    .bind(inviter.map(|a| a.as_str().to_string()))
    .bind(org.as_str())
    .bind(id.as_str())
    .bind(last.unwrap_or_default().to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
