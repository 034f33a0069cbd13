//! SQL for what the tools need to know about a leader group: who leads it,
//! who is in it, and which groups a person belongs to. Every query is scoped
//! by the organisation. The group's leader counts as a member everywhere.

use crate::storage::Db;
use domain::ids::{GroupId, OrgId, PersonId};

/// One group as the tools see it, with the viewer's place in it.
#[derive(Clone, Debug)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub leader_id: Option<PersonId>,
    pub leader_name: Option<String>,
    /// The group chose open (named) mode: members see who answered what.
    pub named: bool,
    pub viewer_is_leader: bool,
    pub viewer_is_member: bool,
}

/// The group, if it is in this organisation.
type GroupRow = (String, String, Option<String>, Option<String>, String, i64);

pub async fn find(db: &Db, org: &OrgId, group: &GroupId, viewer: &PersonId) -> anyhow::Result<Option<Group>> {
    let row: Option<GroupRow> = sqlx::query_as(
        "SELECT g.id, g.name, g.group_leader_id, l.name, g.openness, \
           (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id AND m.org_id = $1 AND m.person_id = $3) \
         FROM leader_groups g LEFT JOIN persons l ON l.id = g.group_leader_id AND l.org_id = g.org_id \
         WHERE g.org_id = $1 AND g.id = $2",
    )
    .bind(org.as_str())
    .bind(group.as_str())
    .bind(viewer.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(id, name, leader_id, leader_name, openness, mine)| Group {
        viewer_is_leader: leader_id.as_deref() == Some(viewer.as_str()),
        viewer_is_member: mine > 0,
        id: GroupId::from_db(id),
        name,
        leader_id: leader_id.map(PersonId::from_db),
        leader_name,
        named: openness == "named",
    }))
}

#[derive(Clone, Debug)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
}

/// The group's members and its leader, by name.
pub async fn members(db: &Db, org: &OrgId, group: &GroupId) -> anyhow::Result<Vec<Person>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        // Driven from the group's few people, not from the organisation's many.
        "SELECT p.id, p.name FROM persons p JOIN ( \
           SELECT m.person_id AS id FROM group_members m WHERE m.group_id = $2 AND m.org_id = $1 \
           UNION SELECT g.group_leader_id FROM leader_groups g WHERE g.id = $2 AND g.org_id = $1) x ON x.id = p.id \
         WHERE p.org_id = $1 ORDER BY p.name, p.id",
    )
    .bind(org.as_str())
    .bind(group.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(id, name)| Person { id: PersonId::from_db(id), name }).collect())
}

/// A group in a list, with its size (members and leader).
#[derive(Clone, Debug)]
pub struct GroupLink {
    pub id: GroupId,
    pub name: String,
    pub i_lead: bool,
    pub i_am_member: bool,
    pub size: i64,
}

/// The group list's query with a condition and order appended (static SQL).
macro_rules! list_sql {
    ($tail:literal) => {
        concat!("SELECT g.id, g.name, g.group_leader_id, \
       (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id AND m.person_id = $2), \
       (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) + \
       CASE WHEN g.group_leader_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM group_members m \
         WHERE m.group_id = g.id AND m.person_id = g.group_leader_id) THEN 1 ELSE 0 END \
     FROM leader_groups g WHERE g.org_id = $1", $tail)
    };
}

type LinkRow = (String, String, Option<String>, i64, i64);

fn to_link(viewer: &PersonId) -> impl Fn(LinkRow) -> GroupLink + '_ {
    move |(id, name, leader, mine, size)| GroupLink {
        id: GroupId::from_db(id),
        name,
        i_lead: leader.as_deref() == Some(viewer.as_str()),
        i_am_member: mine > 0,
        size,
    }
}

/// The groups a person is a member or the leader of.
pub async fn groups_of(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<Vec<GroupLink>> {
    let sql = list_sql!(
        " AND (g.group_leader_id = $2 OR EXISTS \
           (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.person_id = $2)) ORDER BY g.name"
    );
    let rows: Vec<LinkRow> =
        sqlx::query_as(sql).bind(org.as_str()).bind(person.as_str()).fetch_all(&db.pool).await?;
    Ok(rows.into_iter().map(to_link(person)).collect())
}

/// Every group of the organisation (for HR).
pub async fn all_groups(db: &Db, org: &OrgId, viewer: &PersonId) -> anyhow::Result<Vec<GroupLink>> {
    let sql = list_sql!(" ORDER BY g.name");
    let rows: Vec<LinkRow> =
        sqlx::query_as(sql).bind(org.as_str()).bind(viewer.as_str()).fetch_all(&db.pool).await?;
    Ok(rows.into_iter().map(to_link(viewer)).collect())
}
