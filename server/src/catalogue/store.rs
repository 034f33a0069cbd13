//! SQL for catalogue items and their revisions.

use crate::i18n::Lang;
use crate::storage::Db;
use domain::ids::{CatalogueItemId, ContentVersionId, OrgId};
use sqlx::AnyConnection;

/// A shipped item in both languages.
pub struct ShippedItem<'a> {
    pub key: &'a str,
    pub section: &'a str,
    pub text_da: &'a str,
    pub text_en: &'a str,
}

/// Loads the shipped items of a tool into an organisation's catalogue.
/// Items already present (by key) are left alone: HR's edits win.
pub async fn install(
    conn: &mut AnyConnection,
    org: &OrgId,
    tool: &str,
    content_version: i64,
    items: &[ShippedItem<'_>],
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    for (position, item) in items.iter().enumerate() {
        let exists: Option<(String,)> =
            sqlx::query_as("SELECT id FROM catalogue_items WHERE org_id = $1 AND tool = $2 AND item_key = $3")
                .bind(org.as_str())
                .bind(tool)
                .bind(item.key)
                .fetch_optional(&mut *conn)
                .await?;
        if exists.is_some() {
            continue;
        }
        let id = CatalogueItemId::new();
        sqlx::query(
            "INSERT INTO catalogue_items (id, org_id, tool, item_key, section, position, origin, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'shipped', $7)",
        )
        .bind(id.as_str())
        .bind(org.as_str())
        .bind(tool)
        .bind(item.key)
        .bind(item.section)
        .bind(position as i64 * 10)
        .bind(crate::storage::to_text(now))
        .execute(&mut *conn)
        .await?;
        add_revision(conn, org, &id, content_version, item.text_da, item.text_en, now).await?;
    }
    Ok(())
}

async fn add_revision(
    conn: &mut AnyConnection,
    org: &OrgId,
    item: &CatalogueItemId,
    content_version: i64,
    text_da: &str,
    text_en: &str,
    now: time::OffsetDateTime,
) -> anyhow::Result<ContentVersionId> {
    let (last,): (Option<i64>,) = sqlx::query_as("SELECT MAX(revision) FROM catalogue_revisions WHERE item_id = $1")
        .bind(item.as_str())
        .fetch_one(&mut *conn)
        .await?;
    let id = ContentVersionId::new();
    sqlx::query(
        "INSERT INTO catalogue_revisions (id, org_id, item_id, revision, content_version, text_da, text_en, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(item.as_str())
    .bind(last.unwrap_or(0) + 1)
    .bind(content_version)
    .bind(text_da)
    .bind(text_en)
    .bind(crate::storage::to_text(now))
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE catalogue_items SET current_revision_id = $1 WHERE id = $2 AND org_id = $3")
        .bind(id.as_str())
        .bind(item.as_str())
        .bind(org.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

/// A catalogue item as it reads now.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: CatalogueItemId,
    pub key: String,
    pub section: String,
    pub hidden: bool,
    pub origin: String,
    pub revision_id: ContentVersionId,
    pub revision: i64,
    pub text_da: String,
    pub text_en: String,
}

impl Item {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.text_da,
            Lang::En => &self.text_en,
        }
    }
}

type ItemRow = (String, String, String, i64, String, String, i64, String, String);

fn to_item(r: ItemRow) -> Item {
    Item {
        id: CatalogueItemId::from_db(r.0),
        key: r.1,
        section: r.2,
        hidden: r.3 != 0,
        origin: r.4,
        revision_id: ContentVersionId::from_db(r.5),
        revision: r.6,
        text_da: r.7,
        text_en: r.8,
    }
}

/// All items of a tool, hidden ones included, in order.
pub async fn items(db: &Db, org: &OrgId, tool: &str) -> anyhow::Result<Vec<Item>> {
    items_in(&mut *db.pool.acquire().await?, org, tool).await
}

/// `items`, inside a transaction (the demo reads what it has just written).
pub async fn items_in(conn: &mut sqlx::AnyConnection, org: &OrgId, tool: &str) -> anyhow::Result<Vec<Item>> {
    let rows: Vec<ItemRow> = sqlx::query_as(
        "SELECT i.id, i.item_key, i.section, i.hidden, i.origin, r.id, r.revision, r.text_da, r.text_en \
         FROM catalogue_items i JOIN catalogue_revisions r ON r.id = i.current_revision_id \
         WHERE i.org_id = $1 AND i.tool = $2 ORDER BY i.position, i.created_at",
    )
    .bind(org.as_str())
    .bind(tool)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(to_item).collect())
}

pub async fn item(db: &Db, org: &OrgId, id: &CatalogueItemId) -> anyhow::Result<Option<Item>> {
    let row: Option<ItemRow> = sqlx::query_as(
        "SELECT i.id, i.item_key, i.section, i.hidden, i.origin, r.id, r.revision, r.text_da, r.text_en \
         FROM catalogue_items i JOIN catalogue_revisions r ON r.id = i.current_revision_id \
         WHERE i.org_id = $1 AND i.id = $2",
    )
    .bind(org.as_str())
    .bind(id.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(to_item))
}

/// New wording for an item: a new revision; earlier answers keep theirs.
pub async fn edit(conn: &mut AnyConnection, org: &OrgId, item: &CatalogueItemId, text_da: &str, text_en: &str, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    let exists: Option<(String,)> = sqlx::query_as("SELECT id FROM catalogue_items WHERE org_id = $1 AND id = $2")
        .bind(org.as_str())
        .bind(item.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_none() {
        return Ok(false);
    }
    add_revision(conn, org, item, 0, text_da, text_en, now).await?;
    Ok(true)
}

pub async fn set_hidden(conn: &mut AnyConnection, org: &OrgId, item: &CatalogueItemId, hidden: bool) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE catalogue_items SET hidden = $1 WHERE org_id = $2 AND id = $3")
        .bind(i64::from(hidden))
        .bind(org.as_str())
        .bind(item.as_str())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// HR's own item, placed after the tool's existing items.
pub async fn add(conn: &mut AnyConnection, org: &OrgId, tool: &str, section: &str, text_da: &str, text_en: &str, now: time::OffsetDateTime) -> anyhow::Result<CatalogueItemId> {
    let (max,): (Option<i64>,) = sqlx::query_as("SELECT MAX(position) FROM catalogue_items WHERE org_id = $1 AND tool = $2")
        .bind(org.as_str())
        .bind(tool)
        .fetch_one(&mut *conn)
        .await?;
    let id = CatalogueItemId::new();
    sqlx::query(
        "INSERT INTO catalogue_items (id, org_id, tool, item_key, section, position, origin, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'org', $7)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(tool)
    .bind(format!("org-{id}"))
    .bind(section)
    .bind(max.unwrap_or(0) + 10)
    .bind(crate::storage::to_text(now))
    .execute(&mut *conn)
    .await?;
    add_revision(conn, org, &id, 0, text_da, text_en, now).await?;
    Ok(id)
}
