//! The database: one `sqlx::Any` pool over SQLite (default, a file in the data
//! directory) or PostgreSQL. Where the two backends differ, the difference
//! lives here and in the two migration folders, nowhere else.

pub mod backup;
pub mod cache;
pub mod changes;
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
        let pool_options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
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

    /// Answers when the database does (for `/readyz`).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
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

/// Now, as stored: RFC 3339 in UTC.
pub fn now_text() -> String {
    to_text(time::OffsetDateTime::now_utc())
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
