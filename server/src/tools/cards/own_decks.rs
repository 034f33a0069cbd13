//! SQL for an organisation's own decks. A deck row holds its name and
//! summary in both languages and the shipped deck it is used like (its
//! template); its cards are catalogue items (`own::TOOL`) in the section
//! named by the deck's code.

use crate::i18n::Lang;
use crate::storage::Db;
use domain::ids::{OrgId, OwnDeckId};
use sqlx::AnyConnection;

/// The prefix of an own deck's code; the rest is its id.
const CODE_PREFIX: &str = "own-";

/// An own deck's code: its URL part and its cards' catalogue section.
pub fn code(id: &OwnDeckId) -> String {
    format!("{CODE_PREFIX}{id}")
}

/// The id in an own deck's code; `None` for a shipped deck's code.
pub fn id_of(code: &str) -> Option<OwnDeckId> {
    code.strip_prefix(CODE_PREFIX).and_then(OwnDeckId::parse)
}

#[derive(Clone, Debug)]
pub struct OwnDeck {
    pub id: OwnDeckId,
    /// The shipped deck whose procedures this deck uses.
    pub template: String,
    pub title_da: String,
    pub title_en: String,
    pub summary_da: String,
    pub summary_en: String,
    pub hidden: bool,
}

impl OwnDeck {
    pub fn code(&self) -> String {
        code(&self.id)
    }

    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.title_da,
            Lang::En => &self.title_en,
        }
    }

    pub fn summary(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.summary_da,
            Lang::En => &self.summary_en,
        }
    }
}

/// What HR writes about a deck.
pub struct Texts<'a> {
    pub title_da: &'a str,
    pub title_en: &'a str,
    pub summary_da: &'a str,
    pub summary_en: &'a str,
}

type Row = (String, String, String, String, String, String, i64);

fn to_deck(r: Row) -> OwnDeck {
    OwnDeck {
        id: OwnDeckId::from_db(r.0),
        template: r.1,
        title_da: r.2,
        title_en: r.3,
        summary_da: r.4,
        summary_en: r.5,
        hidden: r.6 != 0,
    }
}

/// Every own deck of the organisation, hidden ones included, oldest first.
pub async fn list(db: &Db, org: &OrgId) -> anyhow::Result<Vec<OwnDeck>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, template, title_da, title_en, summary_da, summary_en, hidden FROM own_decks \
         WHERE org_id = $1 ORDER BY created_at, id",
    )
    .bind(org.as_str())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(to_deck).collect())
}

pub async fn get(db: &Db, org: &OrgId, id: &OwnDeckId) -> anyhow::Result<Option<OwnDeck>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, template, title_da, title_en, summary_da, summary_en, hidden FROM own_decks \
         WHERE org_id = $1 AND id = $2",
    )
    .bind(org.as_str())
    .bind(id.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(to_deck))
}

pub async fn insert(conn: &mut AnyConnection, org: &OrgId, template: &str, texts: &Texts<'_>, now: time::OffsetDateTime) -> anyhow::Result<OwnDeckId> {
    let id = OwnDeckId::new();
    sqlx::query(
        "INSERT INTO own_decks (id, org_id, template, title_da, title_en, summary_da, summary_en, hidden, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)",
    )
    .bind(id.as_str())
    .bind(org.as_str())
    .bind(template)
    .bind(texts.title_da)
    .bind(texts.title_en)
    .bind(texts.summary_da)
    .bind(texts.summary_en)
    .bind(crate::storage::to_text(now))
    .execute(conn)
    .await?;
    Ok(id)
}

/// New texts for a deck; its template stays, as sessions run with it rely on
/// its procedures.
pub async fn update(conn: &mut AnyConnection, org: &OrgId, id: &OwnDeckId, texts: &Texts<'_>) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE own_decks SET title_da = $1, title_en = $2, summary_da = $3, summary_en = $4 WHERE org_id = $5 AND id = $6",
    )
    .bind(texts.title_da)
    .bind(texts.title_en)
    .bind(texts.summary_da)
    .bind(texts.summary_en)
    .bind(org.as_str())
    .bind(id.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_hidden(conn: &mut AnyConnection, org: &OrgId, id: &OwnDeckId, hidden: bool) -> anyhow::Result<bool> {
    let done = sqlx::query("UPDATE own_decks SET hidden = $1 WHERE org_id = $2 AND id = $3")
        .bind(i64::from(hidden))
        .bind(org.as_str())
        .bind(id.as_str())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_as_its_id_and_shipped_codes_are_not_own() {
        let id = OwnDeckId::new();
        assert_eq!(id_of(&code(&id)), Some(id));
        assert_eq!(id_of("leader_group"), None);
        assert_eq!(id_of("own-not-a-uuid"), None);
    }
}
