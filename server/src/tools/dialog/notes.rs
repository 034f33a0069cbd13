//! SQL for the interview guide's notes: one note per prompt per leader,
//! never shared with anyone. A note remembers the prompt's wording (the
//! catalogue revision) it was written to.

use crate::storage::Db;
use domain::ids::{CatalogueItemId, ContentVersionId, OrgId, PersonId};
use std::collections::HashMap;

/// A saved note and the revision of the prompt it answers.
pub struct Note {
    pub revision_id: ContentVersionId,
    /// The prompt's wording when the note was written, in Danish and English.
    pub asked_da: String,
    pub asked_en: String,
    pub text: String,
    pub updated_at: String,
}

/// The leader's notes by prompt (catalogue item).
pub async fn notes(db: &Db, org: &OrgId, person: &PersonId) -> anyhow::Result<HashMap<CatalogueItemId, Note>> {
    let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT n.item_id, n.revision_id, r.text_da, r.text_en, n.text, n.updated_at FROM guide_notes n \
         JOIN catalogue_revisions r ON r.id = n.revision_id AND r.org_id = n.org_id \
         WHERE n.org_id = $1 AND n.person_id = $2",
    )
    .bind(org.as_str())
    .bind(person.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(item, revision, da, en, text, updated_at)| {
            let note = Note { revision_id: ContentVersionId::from_db(revision), asked_da: da, asked_en: en, text, updated_at };
            (CatalogueItemId::from_db(item), note)
        })
        .collect())
}

/// Saves one note against the prompt's current wording; an empty note is
/// removed. Returns false when the prompt is not a visible guide prompt of
/// the organisation (nothing is written).
pub async fn save(db: &Db, org: &OrgId, person: &PersonId, item: &CatalogueItemId, text: &str, now: time::OffsetDateTime) -> anyhow::Result<bool> {
    if text.is_empty() {
        sqlx::query("DELETE FROM guide_notes WHERE org_id = $1 AND person_id = $2 AND item_id = $3")
            .bind(org.as_str())
            .bind(person.as_str())
            .bind(item.as_str())
            .execute(&db.pool)
            .await?;
        return Ok(true);
    }
    let done = sqlx::query(
        "INSERT INTO guide_notes (person_id, item_id, org_id, revision_id, text, updated_at) \
         SELECT $1, i.id, i.org_id, i.current_revision_id, $2, $3 FROM catalogue_items i \
         WHERE i.org_id = $4 AND i.id = $5 AND i.tool = 'dialog' AND i.hidden = 0 \
         ON CONFLICT (person_id, item_id) DO UPDATE SET revision_id = excluded.revision_id, \
           text = excluded.text, updated_at = excluded.updated_at",
    )
    .bind(person.as_str())
    .bind(text)
    .bind(crate::storage::to_text(now))
    .bind(org.as_str())
    .bind(item.as_str())
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() > 0)
}
