//! SQL for an organisation's units (departments, institutions, centres) and
//! their parent/child tree. Every query is scoped by `org_id`.

use crate::storage::Db;
use domain::ids::{OrgId, UnitId};
use domain::input::UnitName;
use sqlx::AnyConnection;
use std::collections::HashMap;

#[derive(Clone, Debug)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    pub parent_id: Option<UnitId>,
    /// People whose unit this is (not counting sub-units).
    pub people: i64,
}

/// Every unit of the organisation, by name.
pub async fn list(db: &Db, org: &OrgId) -> anyhow::Result<Vec<Unit>> {
    let rows: Vec<(String, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT u.id, u.name, u.parent_id, \
           (SELECT COUNT(*) FROM persons p WHERE p.org_id = u.org_id AND p.unit_id = u.id) \
         FROM units u WHERE u.org_id = $1 ORDER BY u.name",
    )
    .bind(org.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, parent, people)| Unit {
            id: UnitId::from_db(id),
            name,
            parent_id: parent.map(UnitId::from_db),
            people,
        })
        .collect())
}

/// unit → parent, for the tree rules in `domain::hierarchy`.
pub fn parent_map(units: &[Unit]) -> HashMap<UnitId, UnitId> {
    units.iter().filter_map(|u| u.parent_id.clone().map(|p| (u.id.clone(), p))).collect()
}

/// True when another unit of the organisation already has this name
/// (compared without regard to case, so "Økonomi" and "økonomi" clash).
pub fn name_taken(units: &[Unit], name: &UnitName, except: Option<&UnitId>) -> bool {
    let wanted = name.as_str().to_lowercase();
    units.iter().any(|u| Some(&u.id) != except && u.name.to_lowercase() == wanted)
}

pub async fn create(conn: &mut AnyConnection, org: &OrgId, name: &UnitName, parent: Option<&UnitId>, now: time::OffsetDateTime) -> anyhow::Result<UnitId> {
    let id = UnitId::new();
    sqlx::query("INSERT INTO units (id, org_id, name, parent_id, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id.as_str())
        .bind(org.as_str())
        .bind(name.as_str())
        .bind(parent.map(|p| p.as_str().to_string()))
        .bind(crate::storage::to_text(now))
        .execute(conn)
        .await?;
    Ok(id)
}

pub async fn update(conn: &mut AnyConnection, org: &OrgId, id: &UnitId, name: &UnitName, parent: Option<&UnitId>) -> anyhow::Result<()> {
    sqlx::query("UPDATE units SET name = $1, parent_id = $2 WHERE org_id = $3 AND id = $4")
        .bind(name.as_str())
        .bind(parent.map(|p| p.as_str().to_string()))
        .bind(org.as_str())
        .bind(id.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes a unit. Its sub-units move up to its parent, so the tree stays
/// whole; its people stay in the organisation without a unit.
pub async fn delete(conn: &mut AnyConnection, org: &OrgId, unit: &Unit) -> anyhow::Result<()> {
    sqlx::query("UPDATE units SET parent_id = $1 WHERE org_id = $2 AND parent_id = $3")
        .bind(unit.parent_id.as_ref().map(|p| p.as_str().to_string()))
        .bind(org.as_str())
        .bind(unit.id.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE persons SET unit_id = NULL WHERE org_id = $1 AND unit_id = $2")
        .bind(org.as_str())
        .bind(unit.id.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM units WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(unit.id.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// True when the error is the database refusing a duplicate (two admins
/// saving the same name at the same moment, after the check passed).
pub fn is_unique_violation(e: &anyhow::Error) -> bool {
    e.downcast_ref::<sqlx::Error>()
        .and_then(|e| e.as_database_error())
        .is_some_and(|d| d.is_unique_violation())
}
