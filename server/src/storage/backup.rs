//! `ledertrivsel backup FILE` and `ledertrivsel restore FILE`: one JSON
//! document per backup, written and read through the same `Any` pool for
//! SQLite and PostgreSQL, so a backup of one backend restores into the other.
//!
//! The document holds the format version, the applied migrations, and every
//! application table (found in the database's own catalogue, see `schema`)
//! with its rows, parents before children. Login sessions are left out: a
//! restored server starts with everyone signed out. Restore never writes
//! into a database that already holds data.

use super::schema::{self, ColumnKind, Table};
use super::{Backend, Db};
use anyhow::Context;
use futures_util::TryStreamExt;
use serde::Deserialize;
use serde_json::Value;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{Arguments, AssertSqlSafe};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const FORMAT: &str = "ledertrivsel-backup";
pub const FORMAT_VERSION: i64 = 1;

/// Tables that are never backed up: sign-ins do not survive a restore, nor
/// do password-reset mails still queued (the person asks again); the
/// readiness check's test table never holds a row.
pub const EXCLUDED: &[&str] = &["login_sessions", "password_reset_requests", "storage_probe"];

/// What a backup or restore moved: rows per table, in the order written.
#[derive(Debug)]
pub struct Summary {
    pub tables: Vec<(String, u64)>,
}

impl Summary {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

fn backed_up(tables: &[Table]) -> anyhow::Result<Vec<&Table>> {
    Ok(schema::dependency_order(tables)?.into_iter().filter(|t| !EXCLUDED.contains(&t.name.as_str())).collect())
}

/// Writes a consistent snapshot of the whole database to `file`. The file
/// appears only when complete (written beside it, then renamed), and only
/// its owner may read it: it holds personal data and password hashes.
pub async fn backup(db: &Db, file: &Path, now: time::OffsetDateTime) -> anyhow::Result<Summary> {
    let partial = partial_path(file);
    // A partial file left by a backup that was killed is ours: it goes, so
    // the new one is made afresh with owner-only permissions.
    match std::fs::remove_file(&partial) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(e).with_context(|| format!("kan ikke fjerne {}", partial.display()));
        }
        _ => {}
    }
    let written = write_snapshot(db, &partial, now).await;
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    let summary = written?;
    std::fs::rename(&partial, file).with_context(|| format!("kan ikke skrive {}", file.display()))?;
    Ok(summary)
}

async fn write_snapshot(db: &Db, partial: &Path, now: time::OffsetDateTime) -> anyhow::Result<Summary> {
    let mut tx = db.pool.begin().await?;
    if db.backend == Backend::Postgres {
        // One snapshot for every table; SQLite's read transaction already is one.
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
    }
    let migrations = schema::applied_migrations(&mut tx).await?;
    let all = schema::tables(&mut tx, db.backend).await?;
    let tables = backed_up(&all)?;

    let mut out = std::io::BufWriter::new(owner_only(partial)?);
    write!(
        out,
        "{{\"format\":{},\"format_version\":{},\"created_at\":{},\"backend\":{},\"migrations\":{},\"tables\":[",
        Value::from(FORMAT),
        FORMAT_VERSION,
        Value::from(super::to_text(now)),
        Value::from(match db.backend {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }),
        serde_json::to_string(&migrations)?,
    )?;
    let mut summary = Summary { tables: Vec::new() };
    for (i, table) in tables.iter().enumerate() {
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        write!(
            out,
            "{}\n{{\"name\":{},\"columns\":{},\"rows\":[",
            if i > 0 { "," } else { "" },
            Value::from(table.name.as_str()),
            serde_json::to_string(&names)?
        )?;
        let mut count = 0u64;
        let mut rows = sqlx::query(AssertSqlSafe(select_all(table))).fetch(&mut *tx);
        while let Some(row) = rows.try_next().await? {
            out.write_all(if count > 0 { b",\n" } else { b"\n" })?;
            serde_json::to_writer(&mut out, &read_row(&row, table)?)?;
            count += 1;
        }
        write!(out, "]}}")?;
        summary.tables.push((table.name.clone(), count));
    }
    writeln!(out, "\n]}}")?;
    let file_handle = out.into_inner().map_err(|e| e.into_error())?;
    file_handle.sync_all()?;
    drop(file_handle);
    tx.rollback().await?;
    Ok(summary)
}

fn owner_only(path: &Path) -> anyhow::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("kan ikke skrive {}", path.display()))
}

pub fn partial_path(file: &Path) -> PathBuf {
    let mut name = file.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    file.with_file_name(name)
}

/// Every row, in primary key order so two backups of the same data are the same.
fn select_all(table: &Table) -> String {
    let columns: Vec<String> = table.columns.iter().map(|c| schema::quote(&c.name)).collect();
    let pk: Vec<String> = table.primary_key().iter().map(|c| schema::quote(&c.name)).collect();
    let order = if pk.is_empty() { columns.join(", ") } else { pk.join(", ") };
    format!("SELECT {} FROM {} ORDER BY {}", columns.join(", "), schema::quote(&table.name), order)
}

fn read_row(row: &AnyRow, table: &Table) -> anyhow::Result<Vec<Value>> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| schema::json_value(row, i, column.kind))
        .collect::<Result<_, sqlx::Error>>()
        .with_context(|| format!("kan ikke læse tabellen {}", table.name))
}

#[derive(Deserialize)]
struct Document {
    format: String,
    format_version: i64,
    migrations: Vec<i64>,
    tables: Vec<TableData>,
}

#[derive(Deserialize)]
struct TableData {
    name: String,
    columns: Vec<String>,
    rows: Vec<Vec<Value>>,
}

/// Loads the backup in `file` into `db`, all in one transaction, after
/// migrating it. Refused before the database is touched (not migrated, not
/// written) when the file is not a sound backup, was made at another schema
/// version, or the database already holds data or was made by another
/// version.
pub async fn restore(db: &Db, file: &Path) -> anyhow::Result<Summary> {
    let doc = read(file)?;
    restore_document(db, &doc).await
}

/// Reads and checks a backup file, touching no database.
fn read(file: &Path) -> anyhow::Result<Document> {
    let bytes = std::fs::read(file).with_context(|| format!("kan ikke læse {}", file.display()))?;
    let doc: Document = serde_json::from_slice(&bytes)
        .map_err(|e| anyhow::anyhow!("{} er ikke en sikkerhedskopi fra Ledertrivsel ({e})", file.display()))?;
    drop(bytes);
    if doc.format != FORMAT {
        anyhow::bail!("{} er ikke en sikkerhedskopi fra Ledertrivsel", file.display());
    }
    if doc.format_version != FORMAT_VERSION {
        anyhow::bail!(
            "sikkerhedskopien har formatversion {}, men denne udgave af Ledertrivsel læser version {FORMAT_VERSION}",
            doc.format_version
        );
    }
    let known = super::known_migrations();
    if doc.migrations != known {
        anyhow::bail!(
            "sikkerhedskopien er lavet med databaseskema {:?}, men denne udgave af Ledertrivsel har {:?}; \
             gendan med den udgave, der lavede sikkerhedskopien",
            doc.migrations,
            known
        );
    }
    // A table twice would be loaded once and the other copy's rows dropped
    // without a word: such a file was not written by `backup`.
    let mut names: Vec<&str> = doc.tables.iter().map(|t| t.name.as_str()).collect();
    names.sort_unstable();
    if let Some(twice) = names.windows(2).find(|w| w[0] == w[1]) {
        anyhow::bail!("sikkerhedskopien har tabellen {} to gange; den er ikke lavet af `ledertrivsel backup`", twice[0]);
    }
    Ok(doc)
}

async fn restore_document(db: &Db, doc: &Document) -> anyhow::Result<Summary> {
    refuse_before_migrating(db).await?;
    db.migrate().await?;
    let mut tx = db.pool.begin().await?;
    let applied = schema::applied_migrations(&mut tx).await?;
    if applied != doc.migrations {
        anyhow::bail!(
            "sikkerhedskopien er lavet med databaseskema {:?}, men databasen har {:?}",
            doc.migrations,
            applied
        );
    }
    let all = schema::tables(&mut tx, db.backend).await?;
    let tables = backed_up(&all)?;
    check_tables_match(&tables, doc)?;
    refuse_unless_empty(&mut tx, &tables).await?;
    sqlx::query(AssertSqlSafe(format!("DELETE FROM tokens WHERE {UNUSED_SETUP_LINK}"))).execute(&mut *tx).await?;

    let mut summary = Summary { tables: Vec::new() };
    for table in tables {
        let data = doc.tables.iter().find(|d| d.name == table.name).expect("checked above");
        insert_rows(&mut tx, table, data).await?;
        summary.tables.push((table.name.clone(), data.rows.len() as u64));
    }
    tx.commit().await?;
    Ok(summary)
}

/// A database made by a newer version, or holding data, is refused as it
/// is: not migrated first.
async fn refuse_before_migrating(db: &Db) -> anyhow::Result<()> {
    let mut conn = db.pool.acquire().await?;
    let existing = schema::tables(&mut conn, db.backend).await?;
    if existing.is_empty() {
        return Ok(());
    }
    let applied = schema::applied_migrations(&mut conn).await?;
    if !super::known_migrations().starts_with(&applied) {
        anyhow::bail!(
            "databasen er lavet af en anden udgave af Ledertrivsel (databaseskema {applied:?}). \
             Gendan kun til en ny, tom database"
        );
    }
    refuse_unless_empty(&mut conn, &backed_up(&existing)?).await
}

fn check_tables_match(tables: &[&Table], doc: &Document) -> anyhow::Result<()> {
    for table in tables {
        let Some(data) = doc.tables.iter().find(|d| d.name == table.name) else {
            anyhow::bail!("sikkerhedskopien mangler tabellen {}", table.name);
        };
        let mut want: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        let mut got: Vec<&str> = data.columns.iter().map(String::as_str).collect();
        want.sort_unstable();
        got.sort_unstable();
        if want != got {
            anyhow::bail!("tabellen {} har kolonnerne {got:?} i sikkerhedskopien, men {want:?} i databasen", table.name);
        }
        if let Some(bad) = data.rows.iter().position(|r| r.len() != data.columns.len()) {
            anyhow::bail!("række {} i tabellen {} har det forkerte antal værdier", bad + 1, table.name);
        }
    }
    if let Some(extra) = doc.tables.iter().find(|d| !tables.iter().any(|t| t.name == d.name)) {
        anyhow::bail!("sikkerhedskopien har tabellen {}, som databasen ikke kender", extra.name);
    }
    Ok(())
}

/// A database that has only been started (migrations, maybe an unused setup
/// link) counts as empty; the setup link is then removed so it cannot create
/// an organisation next to the restored ones.
const UNUSED_SETUP_LINK: &str = "kind = 'setup' AND account_id IS NULL AND org_id IS NULL";

async fn refuse_unless_empty(conn: &mut sqlx::AnyConnection, tables: &[&Table]) -> anyhow::Result<()> {
    for table in tables {
        let mut sql = format!("SELECT COUNT(*) FROM {}", schema::quote(&table.name));
        if table.name == "tokens" {
            sql.push_str(&format!(" WHERE NOT ({UNUSED_SETUP_LINK})"));
        }
        let (n,): (i64,) = sqlx::query_as(AssertSqlSafe(sql)).fetch_one(&mut *conn).await?;
        if n > 0 {
            anyhow::bail!(
                "databasen er ikke tom (tabellen {} har {n} rækker). Gendan kun til en ny, tom database, \
                 så intet bliver overskrevet eller blandet sammen",
                table.name
            );
        }
    }
    Ok(())
}

/// Inserts a table's rows. Self-references (a unit's parent, a person's
/// nearest leader) are inserted empty and set once every row exists, so the
/// order of rows within the table does not matter.
async fn insert_rows(conn: &mut sqlx::AnyConnection, table: &Table, data: &TableData) -> anyhow::Result<()> {
    let self_refs = table.self_references();
    let columns: Vec<&schema::Column> =
        data.columns.iter().map(|name| table.column(name).expect("checked above")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        schema::quote(&table.name),
        columns.iter().map(|c| schema::quote(&c.name)).collect::<Vec<_>>().join(", "),
        (1..=columns.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
    );
    let mut deferred: Vec<(usize, &str)> = Vec::new();
    for (n, row) in data.rows.iter().enumerate() {
        let mut args = AnyArguments::default();
        for (column, value) in columns.iter().zip(row) {
            let value = if self_refs.contains(&column.name.as_str()) && !value.is_null() {
                deferred.push((n, column.name.as_str()));
                &Value::Null
            } else {
                value
            };
            bind(&mut args, column.kind, value)
                .with_context(|| format!("række {} i tabellen {}, kolonnen {}", n + 1, table.name, column.name))?;
        }
        sqlx::query_with(AssertSqlSafe(sql.clone()), args)
            .execute(&mut *conn)
            .await
            .with_context(|| format!("kan ikke indsætte række {} i tabellen {}", n + 1, table.name))?;
    }
    if deferred.is_empty() {
        return Ok(());
    }
    let pk = table.primary_key();
    if pk.is_empty() {
        anyhow::bail!("tabellen {} henviser til sig selv, men har ingen primærnøgle", table.name);
    }
    for (n, column) in deferred {
        let row = &data.rows[n];
        let at = |name: &str| data.columns.iter().position(|c| c == name).expect("checked above");
        let sql = format!(
            "UPDATE {} SET {} = $1 WHERE {}",
            schema::quote(&table.name),
            schema::quote(column),
            pk.iter().enumerate().map(|(i, c)| format!("{} = ${}", schema::quote(&c.name), i + 2)).collect::<Vec<_>>().join(" AND ")
        );
        let mut args = AnyArguments::default();
        let kind = table.column(column).expect("checked above").kind;
        bind(&mut args, kind, &row[at(column)])?;
        for c in &pk {
            bind(&mut args, c.kind, &row[at(&c.name)])?;
        }
        sqlx::query_with(AssertSqlSafe(sql), args).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Binds a JSON value as the column's type; NULL is typed too, as
/// PostgreSQL will not put a text NULL into a BIGINT column.
fn bind(args: &mut AnyArguments, kind: ColumnKind, value: &Value) -> anyhow::Result<()> {
    let added = match (kind, value) {
        (ColumnKind::Text, Value::Null) => args.add(None::<String>),
        (ColumnKind::Integer, Value::Null) => args.add(None::<i64>),
        (ColumnKind::Real, Value::Null) => args.add(None::<f64>),
        (ColumnKind::Text, Value::String(s)) => args.add(s.clone()),
        (ColumnKind::Integer, Value::Number(n)) if n.is_i64() => args.add(n.as_i64()),
        (ColumnKind::Real, Value::Number(n)) if n.as_f64().is_some() => args.add(n.as_f64()),
        (kind, other) => anyhow::bail!("værdien {other} passer ikke til en kolonne af typen {kind:?}"),
    };
    added.map_err(|e| anyhow::anyhow!("{e}"))
}

/// `ledertrivsel backup FILE`.
pub async fn run_backup(file: &Path, db: &crate::config::DbArgs) -> anyhow::Result<()> {
    if db.database_url.is_none() && !db.data_dir.join("ledertrivsel.db").exists() {
        anyhow::bail!(
            "der er ingen database i {} (LEDERTRIVSEL_DATA_DIR); angiv den rigtige mappe eller --database-url",
            db.data_dir.display()
        );
    }
    let source = Db::connect(&db.url()).await?;
    // Stopped by a signal (Ctrl-C, SIGTERM, SIGHUP), the half-written file
    // with its personal data goes too. (SIGKILL cannot be caught: its file
    // is owner-only and removed by the next backup to the same name.)
    let summary = tokio::select! {
        summary = backup(&source, file, crate::clock::Clock::wall().now()) => summary?,
        signal = stop_signal() => {
            let _ = std::fs::remove_file(partial_path(file));
            anyhow::bail!("sikkerhedskopien blev afbrudt ({signal}); intet er gemt i {}", file.display());
        }
    };
    println!(
        "Sikkerhedskopien er gemt i {}: {} tabeller, {} rækker.",
        file.display(),
        summary.tables.len(),
        summary.rows()
    );
    Ok(())
}

/// The first of SIGINT, SIGTERM and SIGHUP, by name.
async fn stop_signal() -> &'static str {
    use tokio::signal::unix::{signal, SignalKind};
    let listen = |kind| signal(kind).expect("signal handlers can be installed");
    let (mut int, mut term, mut hup) =
        (listen(SignalKind::interrupt()), listen(SignalKind::terminate()), listen(SignalKind::hangup()));
    tokio::select! {
        _ = int.recv() => "SIGINT",
        _ = term.recv() => "SIGTERM",
        _ = hup.recv() => "SIGHUP",
    }
}

/// `ledertrivsel restore FILE`.
pub async fn run_restore(file: &Path, db: &crate::config::DbArgs) -> anyhow::Result<()> {
    // The file first: a restore refused for its file creates nothing.
    let doc = read(file)?;
    if db.database_url.is_none() {
        std::fs::create_dir_all(&db.data_dir)
            .map_err(|e| anyhow::anyhow!("LEDERTRIVSEL_DATA_DIR {}: {e}", db.data_dir.display()))?;
    }
    let target = Db::connect(&db.url()).await?;
    let summary = restore_document(&target, &doc).await?;
    println!(
        "Sikkerhedskopien {} er gendannet: {} tabeller, {} rækker. Alle skal logge ind igen.",
        file.display(),
        summary.tables.len(),
        summary.rows()
    );
    Ok(())
}
