//! The database: one `sqlx::Any` pool over SQLite (default, a file in the data
//! directory) or PostgreSQL. Where the two backends differ, the difference
//! lives here and in the two migration folders, nowhere else.

pub mod backup;
pub mod cache;
pub mod changes;
pub mod fault;
pub mod group_commit;
pub mod schema;
pub mod session_store;

use anyhow::Context;
use changes::{Counter, Generation};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// SQLite's commits as this process counts them (`storage::changes`).
    commits: Arc<Counter>,
}

/// The URL of the embedded database inside the data directory.
pub fn sqlite_url(data_dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("ledertrivsel.db").display())
}

impl Db {
    /// A transaction that reads before it writes. On SQLite it takes the
    /// write lock at once (`BEGIN IMMEDIATE`), waiting up to the busy
    /// timeout: a deferred transaction that read first fails at once when it
    /// comes to write if another write landed in between. PostgreSQL needs
    /// nothing extra.
    pub async fn begin_write(&self) -> anyhow::Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            anyhow::bail!("LEDERTRIVSEL_DATABASE_URL must start with sqlite: or postgres: (got {url:?})");
        };
        let options = AnyConnectOptions::from_str(url).context("LEDERTRIVSEL_DATABASE_URL is not a valid URL")?;
        // SQLite's connections get their commit hooks as they open.
        let commits = match backend {
            Backend::Sqlite => {
                let sqlite = sqlx::sqlite::SqliteConnectOptions::from_str(url)
                    .context("LEDERTRIVSEL_DATABASE_URL is not a valid SQLite URL")?;
                changes::sqlite_hooks::watch(sqlite.get_filename())
            }
            Backend::Postgres => Arc::default(),
        };
        let pool_options = AnyPoolOptions::new()
            .acquire_timeout(Duration::from_secs(10))
            .after_release(|conn, _meta| Box::pin(async move { settled(conn).await }));
        let pool = match backend {
            Backend::Sqlite => {
                // Per-connection settings; journal_mode=WAL persists in the file.
                // No ping before each acquire: a file database does not drop
                // connections, and the ping is one more round trip per query.
                pool_options
                    .test_before_acquire(false)
                    .max_connections(8)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            conn.execute(
                                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                                 PRAGMA synchronous = FULL;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await
            }
            // No ping before each acquire here either: it doubled the round
            // trips of every page. A connection the server dropped fails one
            // query, is thrown away by the pool, and the next query gets a new one.
            Backend::Postgres => pool_options.test_before_acquire(false).max_connections(16).connect_with(options).await,
        }
        .with_context(|| format!("could not open the database at {}", redact(url)))?;
        if backend == Backend::Sqlite {
            sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
        }
        Ok(Db { pool, backend, commits })
    }

    /// The present generation of the data, if it is settled: what is read
    /// now may be kept while the generation stays (`storage::changes`).
    pub async fn generation(&self) -> anyhow::Result<Option<Generation>> {
        Ok(match self.backend {
            Backend::Sqlite => self.commits.settled(),
            Backend::Postgres => {
                let (snapshot,): (String,) =
                    sqlx::query_as("SELECT pg_current_snapshot()::text").fetch_one(&self.pool).await?;
                Some(Generation::Snapshot(snapshot))
            }
        })
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&self.pool).await?,
        }
        Ok(())
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Whether a write can be committed now (for the start and `/readyz`):
    /// a row of a few pages is inserted and deleted in one committed
    /// transaction, so the check needs new pages and a commit that reaches
    /// the disk, as a real save does, and leaves nothing behind.
    pub async fn can_write(&self) -> Result<(), WriteCheck> {
        let probe = async {
            let mut tx = self.pool.begin().await?;
            let id = uuid::Uuid::now_v7().to_string();
            sqlx::query("INSERT INTO storage_probe (id, filler) VALUES ($1, $2)")
                .bind(&id)
                .bind("·".repeat(PROBE_BYTES / 2))
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM storage_probe WHERE id = $1").bind(&id).execute(&mut *tx).await?;
            tx.commit().await
        };
        match tokio::time::timeout(Duration::from_secs(5), probe).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(match fault::of_sqlx(&e) {
                Some(fault) => WriteCheck::Fault(fault),
                None => WriteCheck::Failed(e.to_string()),
            }),
            Err(_) => Err(WriteCheck::Failed("no answer within 5 s".into())),
        }
    }
}

/// Why `Db::can_write` failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteCheck {
    /// Storage refused the write (full, read-only, I/O).
    Fault(fault::Fault),
    /// Anything else: the database does not answer, or answered an error.
    Failed(String),
}

/// Bytes the probe writes: several pages on both backends.
const PROBE_BYTES: usize = 12 * 1024;

/// `after_release`: a connection goes back to the pool only when it is
/// outside any transaction. When a commit fails (a full disk) SQLite may
/// already have rolled back, and then the library's own rollback fails too;
/// the connection's transaction state is unknown, and a connection left
/// inside a transaction would run the next request's writes in it (answered
/// as saved, never committed) and hold the write lock for everyone. Such a
/// connection is closed; the pool opens a fresh one.
async fn settled(conn: &mut sqlx::AnyConnection) -> Result<bool, sqlx::Error> {
    use sqlx::Connection;
    // A dropped transaction's rollback is queued, not done: let it run first.
    conn.ping().await?;
    if conn.is_in_transaction() {
        tracing::warn!("a database connection was still inside a transaction; it is closed, not reused");
        return Ok(false);
    }
    Ok(true)
}

/// The migrations this version of the binary has, ascending; the same for
/// both backends (the two folders hold the same names, checked by a test).
pub fn known_migrations() -> Vec<i64> {
    sqlx::migrate!("./migrations/sqlite").iter().map(|m| m.version).collect()
}

/// Hides a password in a database URL before it reaches a log line.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://…{}", &url[..scheme_end], &url[at..])
        }
        _ => url.to_string(),
    }
}

pub fn to_text(t: time::OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(&time::format_description::well_known::Rfc3339)
        .expect("UTC times always format")
}

pub fn from_text(s: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_do_not_reach_logs() {
        assert_eq!(super::redact("postgres://u:secret@h:5432/db"), "postgres://…@h:5432/db");
        assert_eq!(super::redact("sqlite://data/x.db"), "sqlite://data/x.db");
    }
}
