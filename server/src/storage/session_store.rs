//! Login sessions in the database, so any server on the same database can
//! serve any signed-in request.
//!
//! Loading a session also loads who it belongs to (account, person in the
//! chosen organisation, roles) in the same query, and hands it to
//! `auth::extract::load_viewer` under `VIEWER_KEY`: one round trip instead of
//! two on every signed-in request, and never staler than the session itself.
//! The key is never written back. What `load` read is kept in memory until
//! the database changes (`storage::cache`): a page reloaded, or the requests a
//! page's scripts make, cost no round trip for the session (on PostgreSQL,
//! one trivial one). Signing out anywhere is a change, so it takes effect on
//! every server at once.
//! Written over our own `Any` pool because
//! `tower-sessions-sqlx-store` needs sqlx 0.8 and we use 0.9 (see
//! docs/decisions/0001-stack.md).

use super::cache::Cache;
use super::{Backend, Db};
use async_trait::async_trait;
use std::sync::Arc;
use std::time::Duration;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result, SessionStore};

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
    /// tower-sessions dates a session's expiry by the wall clock, so it is
    /// compared with the wall clock, not with the application's `Clock`
    /// (a test that moves the application a month on keeps its sign-ins).
    wall: crate::clock::Clock,
    kept: Arc<Cache<Id, Option<Record>>>,
}

/// Sessions kept in memory; beyond that many, sessions are read each time.
const KEPT_SESSIONS: usize = 20_000;

impl std::fmt::Debug for DbSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbSessionStore")
    }
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        let kept = Arc::new(Cache::new(db.clone(), KEPT_SESSIONS, Duration::from_secs(60)));
        Self { db, kept, wall: crate::clock::Clock::wall() }
    }

    /// Removes expired sessions; run periodically by `serve`.
    pub async fn delete_expired(&self) -> anyhow::Result<u64> {
        let now = self.wall.now().unix_timestamp();
        let done = sqlx::query("DELETE FROM login_sessions WHERE expires_at < $1")
            .bind(now)
            .execute(&self.db.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

/// tower-sessions takes a store's errors as text only: the storage fault
/// behind one (a cut connection, a full or read-only database) is noted for
/// the request's answer ("Det blev ikke gemt"), see `storage::fault`.
fn backend(e: sqlx::Error) -> Error {
    super::fault::note(super::fault::of_sqlx(&e));
    Error::Backend(e.to_string())
}

/// Where `load` puts the viewer's rows in the session's data.
pub const VIEWER_KEY: &str = "_viewer";

/// What `load` read about the session's account, as stored under `VIEWER_KEY`.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone)]
pub struct ViewerRow {
    pub email: String,
    pub locale: String,
    /// The person in the session's organisation, when there is one.
    pub person: Option<PersonRow>,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone)]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub org_name: String,
    pub k: i64,
    pub free_text_k: i64,
    pub roles: Vec<String>,
}

fn encode(record: &Record) -> Result<String> {
    let mut data = record.data.clone();
    data.remove(VIEWER_KEY);
    serde_json::to_string(&data).map_err(|e| Error::Encode(e.to_string()))
}

type Row = (
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

/// The viewer from the joined rows (one per role); `None` when the session's
/// account is gone (or it never had one).
fn viewer_of(rows: &[Row]) -> Option<ViewerRow> {
    let first = rows.first()?;
    let (email, locale) = (first.2.clone()?, first.3.clone()?);
    let person = match (&first.4, &first.5, &first.6, first.7, first.8) {
        (Some(id), Some(name), Some(org_name), Some(k), Some(free_text_k)) => Some(PersonRow {
            id: id.clone(),
            name: name.clone(),
            org_name: org_name.clone(),
            k,
            free_text_k,
            roles: rows.iter().filter_map(|r| r.9.clone()).collect(),
        }),
        _ => None,
    };
    Some(ViewerRow { email, locale, person })
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        let data = encode(record)?;
        // A fresh id on the (astronomically rare) collision, never an overwrite.
        loop {
            let done = sqlx::query(
                "INSERT INTO login_sessions (id, data, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (id) DO NOTHING",
            )
            .bind(record.id.to_string())
            .bind(&data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(&self.db.pool)
            .await
            .map_err(backend)?;
            if done.rows_affected() == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        sqlx::query(
            "INSERT INTO login_sessions (id, data, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(record.id.to_string())
        .bind(encode(record)?)
        .bind(record.expiry_date.unix_timestamp())
        .execute(&self.db.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let record = self
            .kept
            .get_or_load_where(*id, self.read(id), Option::is_some)
            .await
            .map_err(|e: anyhow::Error| {
                super::fault::note(super::fault::of(&e));
                Error::Backend(e.to_string())
            })?;
        // A kept session may have expired since it was read.
        Ok(record.filter(|r| r.expiry_date > self.wall.now()))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        sqlx::query("DELETE FROM login_sessions WHERE id = $1")
            .bind(id.to_string())
            .execute(&self.db.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

impl DbSessionStore {
    /// The session and its viewer, from the database.
    async fn read(&self, id: &Id) -> anyhow::Result<Option<Record>> {
        let now = self.wall.now().unix_timestamp();
        // The ids the session holds, read from its JSON by the database.
        let (account, org) = match self.db.backend {
            Backend::Sqlite => ("json_extract(s.data, '$.account_id')", "json_extract(s.data, '$.org_id')"),
            Backend::Postgres => ("(s.data::jsonb ->> 'account_id')", "(s.data::jsonb ->> 'org_id')"),
        };
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT s.data, s.expires_at, a.email, a.locale, p.id, p.name, o.name, o.anonymity_k, o.free_text_k, r.role \
             FROM login_sessions s \
             LEFT JOIN accounts a ON a.id = {account} \
             LEFT JOIN persons p ON p.account_id = a.id AND p.org_id = {org} AND p.joined_at IS NOT NULL \
             LEFT JOIN orgs o ON o.id = p.org_id \
             LEFT JOIN person_roles r ON r.person_id = p.id \
             WHERE s.id = $1 AND s.expires_at > $2"
        )))
        .bind(id.to_string())
        .bind(now)
        .fetch_all(&self.db.pool)
        .await
        .map_err(backend)?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let mut data: std::collections::HashMap<String, serde_json::Value> =
            serde_json::from_str(&first.0).map_err(|e| Error::Decode(e.to_string()))?;
        if let Some(viewer) = viewer_of(&rows) {
            data.insert(VIEWER_KEY.into(), serde_json::to_value(viewer).map_err(|e| Error::Encode(e.to_string()))?);
        }
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date: time::OffsetDateTime::from_unix_timestamp(first.1)
                .map_err(|e| Error::Decode(e.to_string()))?,
        }))
    }
}
