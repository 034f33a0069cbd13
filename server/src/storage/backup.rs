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
/// do password-reset mails still queued (the person asks again).
pub const EXCLUDED: &[&str] = &["login_sessions", "password_reset_requests"];

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
pub async fn backup(db: &Db, file: &Path) -> anyhow::Result<Summary> {
    let partial = partial_path(file);
    let written = write_snapshot(db, &partial).await;
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    let summary = written?;
    std::fs::rename(&partial, file).with_context(|| format!("kan ikke skrive {}", file.display()))?;
    Ok(summary)
}

async fn write_snapshot(db: &Db, partial: &Path) -> anyhow::Result<Summary> {
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
        Value::from(super::now_text()),
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
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("kan ikke skrive {}", path.display()))
}

fn partial_path(file: &Path) -> PathBuf {
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

/// Migrates `db`, then loads the backup in `file` into it, all in one
/// transaction. Refused (and nothing written) when the database already
/// holds data, or when the backup was made at another schema version.
pub async fn restore(db: &Db, file: &Path) -> anyhow::Result<Summary> {
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
    db.migrate().await?;
    let mut tx = db.pool.begin().await?;
    let applied = schema::applied_migrations(&mut tx).await?;
    if applied != doc.migrations {
        anyhow::bail!(
            "sikkerhedskopien er lavet med databaseskema {:?}, men denne udgave af Ledertrivsel har {:?}; \
             gendan med den udgave, der lavede sikkerhedskopien",
            doc.migrations,
            applied
        );
    }
    let all = schema::tables(&mut tx, db.backend).await?;
    let tables = backed_up(&all)?;
    check_tables_match(&tables, &doc)?;
    refuse_unless_empty(&mut tx, &tables).await?;

    let mut summary = Summary { tables: Vec::new() };
    for table in tables {
        let data = doc.tables.iter().find(|d| d.name == table.name).expect("checked above");
        insert_rows(&mut tx, table, data).await?;
        summary.tables.push((table.name.clone(), data.rows.len() as u64));
    }
    tx.commit().await?;
    Ok(summary)
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
/// link) counts as empty; the setup link is removed so it cannot create an
/// organisation next to the restored ones.
async fn refuse_unless_empty(conn: &mut sqlx::AnyConnection, tables: &[&Table]) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM tokens WHERE kind = 'setup' AND account_id IS NULL AND org_id IS NULL")
        .execute(&mut *conn)
        .await?;
    for table in tables {
        let sql = format!("SELECT COUNT(*) FROM {}", schema::quote(&table.name));
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
    let summary = backup(&source, file).await?;
    println!(
        "Sikkerhedskopien er gemt i {}: {} tabeller, {} rækker.",
        file.display(),
        summary.tables.len(),
        summary.rows()
    );
    Ok(())
}

/// `ledertrivsel restore FILE`.
pub async fn run_restore(file: &Path, db: &crate::config::DbArgs) -> anyhow::Result<()> {
    if db.database_url.is_none() {
        std::fs::create_dir_all(&db.data_dir)
            .map_err(|e| anyhow::anyhow!("LEDERTRIVSEL_DATA_DIR {}: {e}", db.data_dir.display()))?;
    }
    let target = Db::connect(&db.url()).await?;
    let summary = restore(&target, file).await?;
    println!(
        "Sikkerhedskopien {} er gendannet: {} tabeller, {} rækker. Alle skal logge ind igen.",
        file.display(),
        summary.tables.len(),
        summary.rows()
    );
    Ok(())
}
