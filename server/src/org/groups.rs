//! SQL for leader groups: the group, its leader, its members, its openness.
//! Every query is scoped by the organisation; a group or person of another
//! organisation simply is not found.

use crate::storage::Db;
use domain::groups::Openness;
use domain::ids::{GroupId, OrgId, PersonId};
use domain::input::GroupName;
use sqlx::AnyConnection;
use std::collections::HashSet;

/// One line of the group list.
pub struct GroupSummary {
    pub id: GroupId,
    pub name: String,
    pub leader_name: Option<String>,
    pub members: i64,
    pub openness: Openness,
}

pub async fn list(db: &Db, org: &OrgId) -> anyhow::Result<Vec<GroupSummary>> {
    let rows: Vec<(String, String, Option<String>, i64, String)> = sqlx::query_as(
        "SELECT g.id, g.name, l.name, \
           (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id AND m.org_id = $1), g.openness \
         FROM leader_groups g LEFT JOIN persons l ON l.id = g.group_leader_id AND l.org_id = $1 \
         WHERE g.org_id = $1 ORDER BY g.name",
    )
    .bind(org.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, leader_name, members, openness)| GroupSummary {
            id: GroupId::from_db(id),
            name,
            leader_name,
            members,
            openness: Openness::from_db(&openness),
        })
        .collect())
}

/// A group as stored, for the edit form.
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub leader: Option<PersonId>,
    pub openness: Openness,
    pub members: Vec<PersonId>,
}

pub async fn find(db: &Db, org: &OrgId, id: &GroupId) -> anyhow::Result<Option<Group>> {
    let row: Option<(String, Option<String>, String)> =
        sqlx::query_as("SELECT name, group_leader_id, openness FROM leader_groups WHERE org_id = $1 AND id = $2")
            .bind(org.as_str())
            .bind(id.as_str())
            .fetch_optional(&db.pool)
            .await?;
    let Some((name, leader, openness)) = row else { return Ok(None) };
    let members: Vec<(String,)> =
        sqlx::query_as("SELECT person_id FROM group_members WHERE org_id = $1 AND group_id = $2")
            .bind(org.as_str())
            .bind(id.as_str())
            .fetch_all(&db.pool)
            .await?;
    Ok(Some(Group {
        id: id.clone(),
        name,
        leader: leader.map(PersonId::from_db),
        openness: Openness::from_db(&openness),
        members: members.into_iter().map(|(p,)| PersonId::from_db(p)).collect(),
    }))
}

/// A person HR can choose as leader or member, with their unit for grouping.
pub struct PersonChoice {
    pub id: PersonId,
    pub name: String,
    pub unit: Option<String>,
}

/// The organisation's people, by unit (people without a unit last) and name.
pub async fn people(db: &Db, org: &OrgId) -> anyhow::Result<Vec<PersonChoice>> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT p.id, p.name, u.name FROM persons p LEFT JOIN units u ON u.id = p.unit_id AND u.org_id = $1 \
         WHERE p.org_id = $1",
    )
    .bind(org.as_str())
    .fetch_all(&db.pool)
    .await?;
    let mut people: Vec<PersonChoice> = rows
        .into_iter()
        .map(|(id, name, unit)| PersonChoice { id: PersonId::from_db(id), name, unit })
        .collect();
    // Sorted here, not in SQL, so both backends give the same order.
    people.sort_by(|a, b| {
        (a.unit.is_none(), a.unit.as_deref().map(str::to_lowercase), a.name.to_lowercase()).cmp(&(
            b.unit.is_none(),
            b.unit.as_deref().map(str::to_lowercase),
            b.name.to_lowercase(),
        ))
    });
    Ok(people)
}

/// The ids of every person in the organisation, to check submitted choices.
pub async fn person_ids(conn: &mut AnyConnection, org: &OrgId) -> anyhow::Result<HashSet<PersonId>> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT id FROM persons WHERE org_id = $1")
        .bind(org.as_str())
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(id,)| PersonId::from_db(id)).collect())
}

/// True when another group of the organisation has this name, ignoring case
/// ("Ledergruppe Nord" and "ledergruppe nord" would confuse everyone).
pub async fn name_taken(conn: &mut AnyConnection, org: &OrgId, name: &GroupName, except: Option<&GroupId>) -> anyhow::Result<bool> {
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT id, name FROM leader_groups WHERE org_id = $1")
        .bind(org.as_str())
        .fetch_all(conn)
        .await?;
    let wanted = name.as_str().to_lowercase();
    Ok(rows
        .iter()
        .any(|(id, existing)| Some(id.as_str()) != except.map(GroupId::as_str) && existing.to_lowercase() == wanted))
}

/// A validated group, ready to store.
pub struct GroupInput {
    pub name: GroupName,
    pub leader: PersonId,
    pub openness: Openness,
    /// Distinct people of the organisation.
    pub members: Vec<PersonId>,
}

pub async fn create(conn: &mut AnyConnection, org: &OrgId, input: &GroupInput, now: time::OffsetDateTime) -> anyhow::Result<GroupId> {
    let id = GroupId::new();
    sqlx::query(
        "INSERT INTO leader_groups (id, org_id, name, group_leader_id, openness, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(input.name.as_str())
    .bind(input.leader.as_str())
    .bind(input.openness.code())
    .bind(crate::storage::to_text(now))
    .execute(&mut *conn)
    .await?;
    set_members(conn, org, &id, &input.members).await?;
    Ok(id)
}

/// False when the group is not in the organisation.
pub async fn update(conn: &mut AnyConnection, org: &OrgId, id: &GroupId, input: &GroupInput) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE leader_groups SET name = $1, group_leader_id = $2, openness = $3 WHERE org_id = $4 AND id = $5",
    )
    .bind(input.name.as_str())
    .bind(input.leader.as_str())
    .bind(input.openness.code())
    .bind(org.as_str())
    .bind(id.as_str())
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    set_members(conn, org, id, &input.members).await?;
    Ok(true)
}

async fn set_members(conn: &mut AnyConnection, org: &OrgId, id: &GroupId, members: &[PersonId]) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM group_members WHERE org_id = $1 AND group_id = $2")
        .bind(org.as_str())
        .bind(id.as_str())
        .execute(&mut *conn)
        .await?;
    for person in members {
        sqlx::query("INSERT INTO group_members (group_id, person_id, org_id) VALUES ($1, $2, $3)")
            .bind(id.as_str())
            .bind(person.as_str())
            .bind(org.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Deletes the group (its members' persons stay; its runs go with it).
/// Returns the name it had, or `None` when it is not in the organisation.
pub async fn delete(conn: &mut AnyConnection, org: &OrgId, id: &GroupId) -> anyhow::Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT name FROM leader_groups WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    let Some((name,)) = row else { return Ok(None) };
    sqlx::query("DELETE FROM leader_groups WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(id.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(Some(name))
}

/// The group's leader first, then its members, as the people list orders them.
pub fn in_group<'a>(group: &Group, all: &'a [super::people::Person]) -> Vec<&'a super::people::Person> {
    let leader = all.iter().filter(|p| group.leader.as_ref() == Some(&p.id));
    let members = all.iter().filter(|p| group.leader.as_ref() != Some(&p.id) && group.members.contains(&p.id));
    leader.chain(members).collect()
}

/// The group's leader and members who have not signed in yet (invited or
/// not): HR's group page invites them, since a reminder to someone invited
/// before is as useful as a first invitation (issue 17, item 9).
pub fn not_signed_in(group: &Group, all: &[super::people::Person]) -> Vec<super::people::Person> {
    in_group(group, all).into_iter().filter(|p| p.status != super::people::Status::Active).cloned().collect()
}
