//! The live schema, read from the database itself (`sqlite_master` and
//! PRAGMAs on SQLite, `information_schema` and `pg_catalog` on PostgreSQL),
//! so backup, restore and the personal data register never work from a
//! hand-kept list of tables that a new migration could leave behind.
//!
//! Columns are TEXT, INTEGER/BIGINT or REAL by design (see DEPENDENCIES.md);
//! any other type is an error that names the column.

use super::Backend;
use sqlx::AnyConnection;

/// sqlx's own bookkeeping; never application data.
pub const MIGRATIONS_TABLE: &str = "_sqlx_migrations";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Integer,
    Real,
}

#[derive(Clone, Debug)]
pub struct Column {
    pub name: String,
    pub kind: ColumnKind,
    pub primary_key: bool,
}

#[derive(Clone, Debug)]
pub struct ForeignKey {
    pub column: String,
    pub parent: String,
}

#[derive(Clone, Debug)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub foreign_keys: Vec<ForeignKey>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    pub fn primary_key(&self) -> Vec<&Column> {
        self.columns.iter().filter(|c| c.primary_key).collect()
    }

    /// Columns that point at a row of the same table (a unit's parent, a
    /// person's nearest leader).
    pub fn self_references(&self) -> Vec<&str> {
        self.foreign_keys.iter().filter(|f| f.parent == self.name).map(|f| f.column.as_str()).collect()
    }
}

/// Every application table, by name, with its columns in declared order.
pub async fn tables(conn: &mut AnyConnection, backend: Backend) -> anyhow::Result<Vec<Table>> {
    let names = table_names(conn, backend).await?;
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let columns = columns(conn, backend, &name).await?;
        let foreign_keys = foreign_keys(conn, backend, &name).await?;
        out.push(Table { name, columns, foreign_keys });
    }
    Ok(out)
}

async fn table_names(conn: &mut AnyConnection, backend: Backend) -> anyhow::Result<Vec<String>> {
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             AND table_name <> '_sqlx_migrations' ORDER BY 1"
        }
    };
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(n,)| n).collect())
}

async fn columns(conn: &mut AnyConnection, backend: Backend, table: &str) -> anyhow::Result<Vec<Column>> {
    let rows: Vec<(String, String, i64)> = match backend {
        Backend::Sqlite => {
            sqlx::query_as("SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid")
                .bind(table)
                .fetch_all(&mut *conn)
                .await?
        }
        Backend::Postgres => {
            sqlx::query_as(
                "SELECT CAST(c.column_name AS TEXT), CAST(c.data_type AS TEXT), \
                   CAST(CASE WHEN EXISTS (SELECT 1 FROM pg_index i \
                     JOIN pg_class t ON t.oid = i.indrelid \
                     JOIN pg_namespace n ON n.oid = t.relnamespace \
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey) \
                     WHERE i.indisprimary AND n.nspname = current_schema() AND t.relname = c.table_name \
                       AND a.attname = c.column_name) THEN 1 ELSE 0 END AS BIGINT) \
                 FROM information_schema.columns c \
                 WHERE c.table_schema = current_schema() AND c.table_name = $1 ORDER BY c.ordinal_position",
            )
            .bind(table)
            .fetch_all(&mut *conn)
            .await?
        }
    };
    rows.into_iter()
        .map(|(name, declared, pk)| {
            let kind = kind_of(&declared)
                .ok_or_else(|| anyhow::anyhow!("column {table}.{name} has type {declared}, which backup cannot carry"))?;
            Ok(Column { name, kind, primary_key: pk > 0 })
        })
        .collect()
}

/// The portable column types, as each backend names them.
fn kind_of(declared: &str) -> Option<ColumnKind> {
    match declared.trim().to_ascii_lowercase().as_str() {
        "text" | "character varying" | "varchar" => Some(ColumnKind::Text),
        "integer" | "int" | "bigint" | "smallint" => Some(ColumnKind::Integer),
        "real" | "double precision" | "double" | "float" => Some(ColumnKind::Real),
        _ => None,
    }
}

async fn foreign_keys(conn: &mut AnyConnection, backend: Backend, table: &str) -> anyhow::Result<Vec<ForeignKey>> {
    let rows: Vec<(String, String)> = match backend {
        Backend::Sqlite => {
            sqlx::query_as("SELECT \"from\", \"table\" FROM pragma_foreign_key_list($1) ORDER BY id, seq")
                .bind(table)
                .fetch_all(&mut *conn)
                .await?
        }
        Backend::Postgres => {
            sqlx::query_as(
                "SELECT CAST(a.attname AS TEXT), CAST(p.relname AS TEXT) FROM pg_constraint k \
                 JOIN pg_class c ON c.oid = k.conrelid \
                 JOIN pg_namespace n ON n.oid = c.relnamespace \
                 JOIN pg_class p ON p.oid = k.confrelid \
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(k.conkey) \
                 WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname = $1 \
                 ORDER BY 1, 2",
            )
            .bind(table)
            .fetch_all(&mut *conn)
            .await?
        }
    };
    Ok(rows.into_iter().map(|(column, parent)| ForeignKey { column, parent }).collect())
}

/// One column's value as JSON, read as the column's portable type.
pub fn json_value(row: &sqlx::any::AnyRow, index: usize, kind: ColumnKind) -> Result<serde_json::Value, sqlx::Error> {
    use sqlx::Row;
    let value = match kind {
        ColumnKind::Text => row.try_get::<Option<String>, _>(index)?.map(serde_json::Value::from),
        ColumnKind::Integer => row.try_get::<Option<i64>, _>(index)?.map(serde_json::Value::from),
        ColumnKind::Real => row.try_get::<Option<f64>, _>(index)?.map(serde_json::Value::from),
    };
    Ok(value.unwrap_or(serde_json::Value::Null))
}

/// The versions of the migrations applied to this database, ascending.
pub async fn applied_migrations(conn: &mut AnyConnection) -> anyhow::Result<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(v,)| v).collect())
}

/// Tables ordered so that every table comes after the tables it refers to
/// (a self-reference does not count; the caller fills those afterwards).
/// Ties are broken by name, so the order is the same on every run.
pub fn dependency_order(tables: &[Table]) -> anyhow::Result<Vec<&Table>> {
    let mut placed: Vec<&Table> = Vec::with_capacity(tables.len());
    let mut left: Vec<&Table> = tables.iter().collect();
    left.sort_by(|a, b| a.name.cmp(&b.name));
    while !left.is_empty() {
        let ready = left.iter().position(|t| {
            t.foreign_keys
                .iter()
                .filter(|f| f.parent != t.name)
                .all(|f| placed.iter().any(|p| p.name == f.parent) || !tables.iter().any(|x| x.name == f.parent))
        });
        match ready {
            Some(i) => placed.push(left.remove(i)),
            None => {
                let names: Vec<&str> = left.iter().map(|t| t.name.as_str()).collect();
                anyhow::bail!("the tables {names:?} refer to each other in a cycle; backup cannot order them");
            }
        }
    }
    Ok(placed)
}

/// A table or column name as a quoted SQL identifier. Names come from the
/// database's own catalogue, never from a request.
pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, parents: &[&str]) -> Table {
        Table {
            name: name.into(),
            columns: vec![],
            foreign_keys: parents.iter().map(|p| ForeignKey { column: format!("{p}_id"), parent: (*p).into() }).collect(),
        }
    }

    #[test]
    fn parents_come_first_and_self_references_do_not_block() {
        let tables = [
            table("persons", &["orgs", "accounts", "units", "persons"]),
            table("units", &["orgs", "units"]),
            table("accounts", &[]),
            table("orgs", &[]),
        ];
        let order: Vec<&str> = dependency_order(&tables).unwrap().iter().map(|t| t.name.as_str()).collect();
        assert_eq!(order, ["accounts", "orgs", "units", "persons"]);
    }

    #[test]
    fn a_cycle_between_tables_is_an_error() {
        let tables = [table("a", &["b"]), table("b", &["a"])];
        let err = dependency_order(&tables).unwrap_err().to_string();
        assert!(err.contains("cycle"), "{err}");
    }

    #[test]
    fn only_portable_types_are_accepted() {
        assert_eq!(kind_of("TEXT"), Some(ColumnKind::Text));
        assert_eq!(kind_of("bigint"), Some(ColumnKind::Integer));
        assert_eq!(kind_of("INTEGER"), Some(ColumnKind::Integer));
        assert_eq!(kind_of("double precision"), Some(ColumnKind::Real));
        assert_eq!(kind_of("BOOLEAN"), None);
        assert_eq!(kind_of("timestamptz"), None);
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quote("orgs"), "\"orgs\"");
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
    }
}
