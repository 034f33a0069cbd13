//! SQL for the organisation's settings: its name, the anonymity thresholds
//! and how long data is kept.

use crate::storage::Db;
use domain::anonymity::AnonymityRule;
use domain::ids::OrgId;
use domain::input::OrgName;
use sqlx::AnyConnection;

/// Shortest and longest retention period HR may choose, in days.
pub use domain::retention::{MAX_DAYS as MAX_RETENTION_DAYS, MIN_DAYS as MIN_RETENTION_DAYS};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub name: String,
    pub k: i64,
    pub free_text_k: i64,
    pub retention_days: i64,
}

pub async fn get(db: &Db, org: &OrgId) -> anyhow::Result<Option<Settings>> {
    let row: Option<(String, i64, i64, i64)> =
        sqlx::query_as("SELECT name, anonymity_k, free_text_k, retention_days FROM orgs WHERE id = $1")
            .bind(org.as_str())
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(name, k, free_text_k, retention_days)| Settings { name, k, free_text_k, retention_days }))
}

/// Validated settings, ready to store.
pub struct NewSettings {
    pub name: OrgName,
    pub rule: AnonymityRule,
    pub retention_days: i64,
}

pub async fn update(conn: &mut AnyConnection, org: &OrgId, s: &NewSettings) -> anyhow::Result<()> {
    sqlx::query("UPDATE orgs SET name = $1, anonymity_k = $2, free_text_k = $3, retention_days = $4 WHERE id = $5")
        .bind(s.name.as_str())
        .bind(i64::from(s.rule.k))
        .bind(i64::from(s.rule.free_text_k))
        .bind(s.retention_days)
        .bind(org.as_str())
        .execute(conn)
        .await?;
    Ok(())
}
