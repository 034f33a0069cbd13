//! The organisation's audit log: every admin action and every read of
//! another person's shared data. Written in the same transaction as the
//! change it records, so the log never misses or invents one.

use domain::ids::{OrgId, PersonId};
use sqlx::AnyConnection;

/// Who did it, as recorded (the name is kept if the person is later deleted).
pub struct Actor<'a> {
    pub person: Option<&'a PersonId>,
    pub name: &'a str,
}

/// The translation key of an action code.
pub fn action_key(action: &str) -> String {
    format!("audit-{action}")
}

/// `action` is a translation key suffix (`audit-<action>`); `target` a
/// human-readable description of what was touched.
pub async fn record(conn: &mut AnyConnection, org: &OrgId, actor: Actor<'_>, action: &str, target: &str, now: time::OffsetDateTime) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (id, org_id, actor_person_id, actor_name, action, target, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(org.as_str())
    .bind(actor.person.map(|p| p.as_str().to_string()))
    .bind(actor.name)
    .bind(action)
    .bind(target)
    .bind(crate::storage::to_text(now))
    .execute(conn)
    .await?;
    Ok(())
}

pub struct Entry {
    pub actor_name: String,
    pub action: String,
    pub target: String,
    pub at: String,
}

/// Newest first, one page at a time.
pub async fn list(db: &crate::storage::Db, org: &OrgId, limit: i64, offset: i64) -> anyhow::Result<Vec<Entry>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        // By id: UUID v7 text sorts by creation time, while `at` text does not
        // within a second (RFC 3339 drops trailing zeros of the fraction).
        "SELECT actor_name, action, target, at FROM audit_log WHERE org_id = $1 \
         ORDER BY id DESC LIMIT $2 OFFSET $3",
    )
    .bind(org.as_str())
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(actor_name, action, target, at)| Entry { actor_name, action, target, at })
        .collect())
}

/// The changes to what later rounds promise (`domain::promise`), newest
/// first: the organisation's thresholds, and groups' openness and members.
pub async fn promise_changes(db: &crate::storage::Db, org: &OrgId, limit: i64) -> anyhow::Result<Vec<Entry>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT actor_name, action, target, at FROM audit_log WHERE org_id = $1 \
           AND action IN ('settings-updated', 'group-created', 'group-updated', 'group-deleted') \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(org.as_str())
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(actor_name, action, target, at)| Entry { actor_name, action, target, at }).collect())
}
